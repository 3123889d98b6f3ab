#!/usr/bin/env bash
# The Spark job for real, in local mode: generated WARC files in, Parquet and archives out,
# every row and archive checked. Usage: contrib/spark/test-local.sh BIN (a newsparse binary).
#
# Installs what it needs itself: pyspark and pyarrow into a virtualenv under the cache dir
# (NEWSPARSE_SPARK_VENV, default ~/.cache/newsparse-spark-venv), reused when present; when
# `python3 -m venv` is missing and this runs as root (CI), python3-venv is installed with apt.
# Java (17) must be on the machine; without it the test is skipped with a message.
# Exit status: 0 all checks passed (or skipped for lack of Java), 1 a check failed.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 BIN (an executable newsparse binary)" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if ! command -v java >/dev/null 2>&1; then
  echo "spark test skipped: no java on this machine (Spark needs Java 17)"
  exit 0
fi

# shellcheck source=contrib/spark/venv.sh
. "$here/venv.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/newsparse-spark-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Spark finds the shipped binary by its file name: it goes as `newsparse`, whatever BIN is called.
mkdir -p "$work/ship" && cp "$BIN" "$work/ship/newsparse"
"$venv/bin/python" "$here/make_warcs.py" "$root/fixtures/pages" "$work/warcs" --files 3

# Spark's log goes to a file, shown only when the job fails; the job's own summary line is shown.
runs=0
submit() {
  runs=$((runs + 1))
  local log="$work/spark-$runs.log"
  if ! "$spark_submit" --conf spark.ui.enabled=false --driver-memory 1g --files "$work/ship/newsparse" "$@" 2>"$log"; then
    tail -n 60 "$log" >&2
    echo "FAIL: spark-submit exited non-zero (log above)"
    return 1
  fi
  grep -h '^newsparse-spark:' "$log" || true
}

# One of the files is given as an http:// address, served from here, so that the download path
# (the one https:// inputs take) runs too.
"$venv/bin/python" -u -m http.server --bind 127.0.0.1 --directory "$work/warcs" 0 >"$work/http.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 50); do
  port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$work/http.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: the test's http server did not start"; cat "$work/http.log"; exit 1; }
inputs=("$work"/warcs/*.warc.gz)
inputs[0]="http://127.0.0.1:$port/$(basename "${inputs[0]}")"

status=0
echo "spark test: local[2], 3 WARC files, one of them over http"
start=$SECONDS
submit --master 'local[2]' "$here/newsparse_job.py" \
  --out "$work/parquet" --archives-out "$work/archives" "${inputs[@]}" || status=1
grep -q "GET /$(basename "${inputs[0]}")" "$work/http.log" || { echo "FAIL: the http input was not downloaded"; status=1; }
echo "spark test: job took $((SECONDS - start)) s"
"$venv/bin/python" "$here/check_output.py" "$BIN" "$root/fixtures/pages" "$work/warcs" "$work/parquet" \
  "$work/archives" || status=1
remote=$("$venv/bin/python" -c 'import sys, pyarrow.dataset as ds
t = ds.dataset(sys.argv[1], format="parquet", partitioning="hive").to_table(columns=["warc_file"])
print(sum(1 for f in t.column("warc_file").to_pylist() if f.startswith(sys.argv[2])))' "$work/parquet" "${inputs[0]}")
[ "$remote" -gt 0 ] || { echo "FAIL: no row names the http input ${inputs[0]}"; status=1; }

# Every task's first attempt dies after staging its archive, before the rename; Spark retries
# it (local[2,2]: two attempts a task). The output must be exactly that of a clean run.
echo "spark test: local[2,2], every task failing once after staging its archive"
mkdir -p "$work/markers"
NEWSPARSE_SPARK_FAIL_ONCE="$work/markers" submit --master 'local[2,2]' \
  --conf "spark.executorEnv.NEWSPARSE_SPARK_FAIL_ONCE=$work/markers" "$here/newsparse_job.py" \
  --out "$work/parquet-retried" --archives-out "$work/archives-retried" "$work"/warcs/*.warc.gz || status=1
failed_once=$(find "$work/markers" -name '*.failed' | wc -l)
if [ "$failed_once" -ne 3 ]; then
  echo "FAIL: $failed_once of 3 tasks failed once (the retry was not exercised)"
  status=1
fi
"$venv/bin/python" "$here/check_output.py" "$BIN" "$root/fixtures/pages" "$work/warcs" \
  "$work/parquet-retried" "$work/archives-retried" || status=1

if [ $status -ne 0 ]; then
  echo "spark test: FAILED"
else
  echo "spark test: passed"
fi
exit $status
