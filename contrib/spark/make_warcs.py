#!/usr/bin/env python3
"""Writes WARC files for the Spark test and timing from a folder of saved pages.

    make_warcs.py PAGES_DIR OUT_DIR [--files N] [--copies K] [--plain]

Each file is compressed per record (one gzip member a record, as crawlers write them; with
--plain, uncompressed) and holds a warcinfo record, then for every page a request and a
response record (HTTP 200, text/html), and at its end a 404 page and an image response that
must be passed over. File i takes every page of PAGES_DIR (.html or .html.gz) K times, with
the WARC-Date of day i+1 of January 2026, so that the crawl dates differ between files.

OUT_DIR/manifest.json lists, per file, the response records that are pages: target URI,
record id, byte offset and length of the record's gzip member, and the page's file name.
"""

import argparse
import gzip
import json
import os
import sys
import uuid


def record(kind, uri, date, block, rid, extra=()):
    ctype = {
        "response": "application/http; msgtype=response",
        "request": "application/http; msgtype=request",
        "warcinfo": "application/warc-fields",
    }.get(kind, "application/octet-stream")
    head = ["WARC/1.1", f"WARC-Type: {kind}", f"WARC-Record-ID: {rid}", f"WARC-Date: {date}"]
    if kind != "warcinfo":
        head.append(f"WARC-Target-URI: {uri}")
    head.append(f"Content-Type: {ctype}")
    head.extend(f"{k}: {v}" for k, v in extra)
    head.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, headers, body):
    reason = {200: "OK", 404: "Not Found"}.get(status, "Other")
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode() + body


def load_pages(folder):
    pages = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith((".html.gz", ".htm.gz")):
            with gzip.open(path, "rb") as f:
                pages.append((name, f.read()))
        elif name.endswith((".html", ".htm")):
            with open(path, "rb") as f:
                pages.append((name, f.read()))
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages")
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--plain", action="store_true", help="uncompressed WARC files")
    args = ap.parse_args()
    pages = load_pages(args.pages)
    if not pages:
        sys.exit(f"make_warcs: no .html/.html.gz pages in {args.pages}")
    os.makedirs(args.out, exist_ok=True)
    manifest = {}
    for i in range(args.files):
        date = f"2026-01-{i + 1:02d}T10:00:00Z"
        name = f"crawl-{i:03d}.warc" + ("" if args.plain else ".gz")
        path = os.path.join(args.out, name)
        entries = []
        n = 0

        def rid():
            nonlocal n
            n += 1
            return f"<urn:uuid:{uuid.UUID(int=(i << 64) | n)}>"

        with open(path, "wb") as f:

            def put(data):
                start = f.tell()
                f.write(data if args.plain else gzip.compress(data, compresslevel=1))
                return start, f.tell() - start

            put(record("warcinfo", "", date, b"software: newsparse make_warcs.py\r\nformat: WARC File Format 1.1\r\n", rid()))
            for c in range(args.copies):
                for k, (page_name, body) in enumerate(pages):
                    uri = f"https://www.example.de/{i}/{c}/{k}/{page_name}"
                    put(record("request", uri, date, b"GET / HTTP/1.1\r\nHost: www.example.de\r\n\r\n", rid()))
                    r = rid()
                    offset, length = put(record("response", uri, date, http(200, [("Content-Type", "text/html")], body), r))
                    entries.append({"uri": uri, "record_id": r, "offset": offset, "length": length, "page": page_name})
            put(record("response", "https://www.example.de/weg", date, http(404, [("Content-Type", "text/html")], b"<h1>Nicht gefunden</h1>"), rid()))
            put(record("response", "https://www.example.de/bild.png", date, http(200, [("Content-Type", "image/png")], b"\x89PNG\r\n"), rid()))
        manifest[name] = entries
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
