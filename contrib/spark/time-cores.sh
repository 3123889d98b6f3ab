#!/usr/bin/env bash
# Wall time of the Spark job with 1 and with 2 executor cores (local[1], local[2]) on the same
# generated WARC files: contrib/spark/time-cores.sh BIN PAGES_DIR [FILES] [COPIES]
# FILES WARC files (default 8) are made from every page of PAGES_DIR taken COPIES times
# (default 1). Target: 2 cores at least 1.7x as fast as one.
#
# With PIN=1 each run is also held to as many CPUs as it has executor cores (taskset: CPU 0
# for local[1], CPUs 0-1 for local[2]), as YARN and Kubernetes hold an executor to the cores it
# asked for. Unpinned, local[1] still spreads its JVM, its Python worker and the binary over
# every CPU of the machine, so on a small machine its "one core" is more than one.
set -euo pipefail
if [ $# -lt 2 ] || [ ! -x "$1" ] || [ ! -d "$2" ]; then
  echo "usage: $0 BIN PAGES_DIR [FILES] [COPIES]" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pages=$2
files=${3:-8}
copies=${4:-1}
here=$(cd "$(dirname "$0")" && pwd)
command -v java >/dev/null 2>&1 || { echo "no java: Spark cannot run here" >&2; exit 1; }
# shellcheck source=contrib/spark/venv.sh
. "$here/venv.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/newsparse-spark-time.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Spark finds the shipped binary by its file name: it goes as `newsparse`, whatever BIN is called.
mkdir -p "$work/ship" && cp "$BIN" "$work/ship/newsparse"
"$venv/bin/python" "$here/make_warcs.py" "$pages" "$work/warcs" --files "$files" --copies "$copies"
echo "input: $files WARC files, $(du -sm "$work/warcs" | cut -f1) MB, $(grep -c '"uri"' "$work/warcs/manifest.json") pages"
[ "${PIN:-0}" = 1 ] && echo "pinned: local[N] runs on CPUs 0..N-1"
echo "load:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (1/5/15-minute load average)"

# Each setting runs ROUNDS times (default 2), alternating, so that a change in the machine's
# load hits both alike; the median wall time of each is compared.
rounds=${ROUNDS:-2}
declare -A walls
for round in $(seq "$rounds"); do
  for cores in 1 2; do
    load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
    start=$(date +%s.%N)
    pin=()
    [ "${PIN:-0}" = 1 ] && pin=(taskset -c "0-$((cores - 1))")
    "${pin[@]}" "$spark_submit" --master "local[$cores]" --conf spark.ui.enabled=false --driver-memory 1g \
      --files "$work/ship/newsparse" "$here/newsparse_job.py" --out "$work/parquet-$cores" "$work"/warcs/*.warc.gz \
      >"$work/log-$cores" 2>&1 || { tail -n 40 "$work/log-$cores" >&2; exit 1; }
    end=$(date +%s.%N)
    wall=$("$venv/bin/python" -c "print(f'{$end - $start:.1f}')")
    walls[$cores]="${walls[$cores]:-} $wall"
    echo "round $round local[$cores]: $wall s wall (load $load at start); $(grep -h '^newsparse-spark:' "$work/log-$cores" | cut -d' ' -f2-)"
  done
done
"$venv/bin/python" - "${walls[1]}" "${walls[2]}" <<'PY'
import statistics, sys
one, two = (statistics.median(map(float, a.split())) for a in sys.argv[1:3])
r = one / two
print(f"median wall: local[1] {one:.1f} s, local[2] {two:.1f} s; speedup {r:.2f}x  target >= 1.7x: "
      + ("met" if r >= 1.7 else "NOT met"))
PY
