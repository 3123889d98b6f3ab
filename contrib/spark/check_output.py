#!/usr/bin/env python3
"""Checks what newsparse_job.py wrote for the WARC files make_warcs.py generated.

    check_output.py BIN PAGES_DIR WARC_DIR PARQUET_DIR ARCHIVES_DIR

Exits non-zero, naming every failed check, when the rows or archives are not exactly the
pages of the manifest: one row per page, each with its WARC file, offset, length and record
id, the page's own id and address, and the crawl date partition of its file; one archive per
WARC file holding that file's records, and no temporary file left behind.
"""

import collections
import json
import os
import subprocess
import sys

import pyarrow.dataset as ds

BIN, PAGES, WARCS, PARQUET, ARCHIVES = sys.argv[1:6]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


manifest = json.load(open(os.path.join(WARCS, "manifest.json")))
expected = {}
for name in os.listdir(PAGES):
    if name.endswith(".html.expected.json"):
        expected[name[: -len(".expected.json")]] = json.load(open(os.path.join(PAGES, name)))

table = ds.dataset(PARQUET, format="parquet", partitioning="hive").to_table()
rows = table.to_pylist()
want = sum(len(v) for v in manifest.values())
check(len(rows) == want, f"{len(rows)} rows, want {want}")

by_key = {}
for r in rows:
    key = (os.path.basename(r["warc_file"] or ""), r["warc_offset"])
    check(key not in by_key, f"duplicate row {key}")
    by_key[key] = r

dates = collections.defaultdict(set)
for file, entries in manifest.items():
    day = None
    for e in entries:
        r = by_key.get((file, e["offset"]))
        if r is None:
            failures.append(f"no row for {file}@{e['offset']}")
            continue
        exp = expected[e["page"]]
        check(r["warc_length"] == e["length"], f"{file}@{e['offset']}: length {r['warc_length']} != {e['length']}")
        check(r["warc_record_id"] == e["record_id"], f"{file}@{e['offset']}: record id")
        check(r["warc_file"].endswith("/" + file), f"{file}@{e['offset']}: warc_file {r['warc_file']}")
        check(r["source_path"] == r["warc_file"], f"{file}@{e['offset']}: source_path")
        check(r["id"] == exp["id"], f"{file}@{e['offset']}: id {r['id']} != {exp['id']} ({e['page']})")
        check(r["headline"] == exp["headline"], f"{file}@{e['offset']}: headline")
        # The page's own canonical address wins; a page without one is named by the WARC-Target-URI.
        want_url = exp["source"]["url"] or e["uri"]
        check(r["source_url"] == want_url, f"{file}@{e['offset']}: url {r['source_url']} != {want_url}")
        paragraphs = [p for s in (r["sections"] or []) for p in s["paragraphs"]]
        want_paragraphs = [p for s in exp["sections"] for p in s["paragraphs"]]
        check(paragraphs == want_paragraphs, f"{file}@{e['offset']}: paragraphs")
        day = r["source_saved_at"][:10]
        check(str(r["crawl_date"]) == day, f"{file}@{e['offset']}: crawl_date {r['crawl_date']} != {day}")
        dates[file].add(str(r["crawl_date"]))
    check(len(dates[file]) == 1, f"{file}: crawl dates {dates[file]}")
    partition = os.path.join(PARQUET, f"crawl_date={day}")
    check(os.path.isdir(partition), f"no partition folder {partition}")

    archive = os.path.join(ARCHIVES, file.replace(".warc.gz", "").replace(".warc", "") + ".jsonl.zst")
    if not os.path.exists(archive):
        failures.append(f"no archive {archive}")
        continue
    ls = subprocess.run([BIN, "archive", "ls", archive], capture_output=True, text=True)
    check(ls.returncode == 0, f"{archive}: archive ls failed: {ls.stderr}")
    ids = [line.split("\t")[0] for line in ls.stdout.splitlines()]
    want_ids = list(dict.fromkeys(expected[e["page"]]["id"] for e in entries))
    check(ids == want_ids, f"{archive}: ids {len(ids)} != {len(want_ids)}")
    verify = subprocess.run([BIN, "archive", "verify", archive], capture_output=True, text=True)
    check(verify.returncode == 0, f"{archive}: verify failed: {verify.stdout}{verify.stderr}")
    cat = subprocess.run([BIN, "archive", "cat", archive], capture_output=True, text=True)
    files = {json.loads(line)["source"]["warc"]["file"] for line in cat.stdout.splitlines()}
    check(len(files) == 1 and next(iter(files)).endswith("/" + file), f"{archive}: warc files {files}")

leftovers = [n for n in os.listdir(ARCHIVES) if not n.endswith(".jsonl.zst") or n.startswith(".")]
check(not leftovers, f"left in {ARCHIVES}: {leftovers}")

if failures:
    for f in failures[:50]:
        print(f"FAIL: {f}")
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print(f"ok: {len(rows)} rows in {len(dates)} crawl-date partitions, {len(manifest)} archives")
