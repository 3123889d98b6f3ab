#!/usr/bin/env bash
# Runs two newsparse binaries on every file under the given folders, one file at a time, and
# reports each file whose stdout, stderr or exit status differs. Compressed pages (*.gz) are
# passed as they are: the binary reads gzip itself. Exit status 0 when all files agree, 1 when
# any differ, 2 on a usage error.
#
#     eval/same-output.sh OLD_BIN NEW_BIN DIR...
set -u
if [ $# -lt 3 ]; then
    echo "usage: $0 OLD_BIN NEW_BIN DIR..." >&2
    exit 2
fi
old=$1
new=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=0
differ=0
for dir in "$@"; do
    if [ ! -d "$dir" ]; then
        echo "same-output: not a folder: $dir" >&2
        exit 2
    fi
    n=0
    d=0
    # Sorted so that two runs report in the same order; NUL-separated for odd file names.
    find "$dir" -type f -print0 | sort -z >"$tmp/list"
    while IFS= read -r -d '' f; do
        n=$((n + 1))
        "$old" "$f" >"$tmp/o.out" 2>"$tmp/o.err"
        oc=$?
        "$new" "$f" >"$tmp/n.out" 2>"$tmp/n.err"
        nc=$?
        what=""
        cmp -s "$tmp/o.out" "$tmp/n.out" || what="$what stdout"
        cmp -s "$tmp/o.err" "$tmp/n.err" || what="$what stderr"
        [ "$oc" = "$nc" ] || what="$what exit($oc->$nc)"
        if [ -n "$what" ]; then
            d=$((d + 1))
            echo "DIFF$what: $f"
        fi
    done <"$tmp/list"
    echo "$dir: $n files, $d differ"
    files=$((files + n))
    differ=$((differ + d))
done
echo "total: $files files, $differ differ"
[ "$differ" -eq 0 ]
