#!/usr/bin/env python3
"""newsparse on Spark: WARC files in, Parquet (and optionally one archive per file) out.

    spark-submit --files /path/to/newsparse newsparse_job.py \\
        --out OUT_PARQUET [--archives-out DIR] [--list PATHS.txt] [WARC ...]

One task per WARC file: the file is fetched to the executor's local disk (local paths and
file:// are read in place; https:// is downloaded; s3a:// and s3:// need boto3 on the
executors), `newsparse` is run over it as the map step, and its JSON Lines become rows
(parsed by Spark's JSON reader in the JVM, not in Python).

Output
  (a) Parquet under OUT_PARQUET, partitioned by crawl_date (the date of source.saved_at,
      the WARC-Date in German civil time), one column per record key, `source` flattened into
      source_* and source.warc into warc_* columns. Written with dynamic partition overwrite:
      running the job again over the same files replaces the partitions it writes, and Spark's
      output committer keeps a failed or speculative task attempt's rows out of the result.
  (b) with --archives-out, one `newsparse archive` file per input (NAME.jsonl.zst) made with
      `newsparse archive add --from-jsonl` under a temporary name in the same folder, then
      renamed into place: a retried task writes the same archive again and replaces it whole,
      nothing is duplicated and no half file ever has the final name. For s3a:// the archive
      is uploaded with one PUT, which S3 makes visible only once complete.

The binary is shipped with --files and found with SparkFiles.get("newsparse") (or --bin).
Each task runs newsparse with -j spark.task.cpus. Failed pages are counted (they do not fail
the task); a crash of the binary or an unreadable file fails the task, which Spark retries.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from urllib.parse import urlparse

SUMMARY = re.compile(
    r"(?P<parsed>[\d,]+) parsed, (?P<failed>[\d,]+) failed, [\d,]+ skipped"
    r"(?:, (?P<over>[\d,]+) WARC records passed over)? in"
)


def record_schema():
    """The record as newsparse writes it (docs/record.md), for Spark's JSON reader."""
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    s, arr = StringType(), ArrayType

    def struct(*names, **typed):
        return StructType([StructField(n, s) for n in names] + [StructField(n, t) for n, t in typed.items()])

    warc = struct("file", "record_id", offset=LongType(), length=LongType())
    source = struct("path", "url", "format", "encoding", "sha256", "saved_at", bytes=LongType(), warc=warc)
    return struct(
        "id",
        "schema",
        "language",
        "site",
        "kicker",
        "headline",
        "timestamp",
        "updated",
        "lead",
        "credit",
        source=source,
        dateline=struct("text", "agency", places=arr(s)),
        authors=arr(s),
        keywords=arr(s),
        sections=arr(struct("heading", paragraphs=arr(s))),
        images=arr(struct("url", "caption", "credit")),
        teasers=arr(struct("headline", "summary", "category", "timestamp", "url")),
        warnings=arr(s),
    )


def columns():
    """The Parquet columns: the record's keys, `source` flattened into source_* and
    source.warc into warc_*, and the crawl_date partition (the date of source.saved_at)."""
    from pyspark.sql import functions as F

    flat = [F.col("id"), F.col("schema")]
    for key in ("path", "url", "format", "encoding", "bytes", "sha256", "saved_at"):
        flat.append(F.col(f"source.{key}").alias(f"source_{key}"))
    for key in ("file", "offset", "length", "record_id"):
        flat.append(F.col(f"source.warc.{key}").alias(f"warc_{key}"))
    for key in ("language", "site", "kicker", "headline", "dateline", "timestamp", "updated"):
        flat.append(F.col(key))
    for key in ("authors", "keywords"):
        flat.append(F.coalesce(F.col(key), F.array().cast("array<string>")).alias(key))
    flat += [F.col(k) for k in ("lead", "sections", "images", "credit", "teasers", "warnings")]
    flat.append(F.coalesce(F.substring("source.saved_at", 1, 10), F.lit("unknown")).alias("crawl_date"))
    return flat


def renamed(line, local, original):
    """A JSON line of the binary's output with the local copy's name replaced by the input's
    (in source.path and source.warc.file): a plain substitution of the JSON-escaped names, so
    the record is not parsed in Python; the JVM parses it once, for the Parquet rows."""
    if local == original:
        return line
    return line.replace(json.dumps(local, ensure_ascii=False)[1:-1], json.dumps(original, ensure_ascii=False)[1:-1])


def fetch(path, workdir):
    """A local file holding `path`: the file itself when it is local, else a download."""
    u = urlparse(path)
    if u.scheme in ("", "file"):
        return u.path if u.scheme == "file" else path
    local = os.path.join(workdir, os.path.basename(u.path) or "input.warc.gz")
    if u.scheme in ("http", "https"):
        with urllib.request.urlopen(path, timeout=120) as r, open(local, "wb") as f:
            shutil.copyfileobj(r, f, 1 << 20)
    elif u.scheme in ("s3", "s3a", "s3n"):
        import boto3  # only needed for S3 inputs

        boto3.client("s3").download_file(u.netloc, u.path.lstrip("/"), local)
    else:
        raise ValueError(f"unsupported input scheme: {path}")
    return local


def publish_archive(tmp_archive, original, archives_out, attempt):
    """Moves a finished archive to ARCHIVES_OUT/NAME.jsonl.zst without a half file ever
    having that name."""
    name = re.sub(r"\.warc(\.gz)?$", "", os.path.basename(urlparse(original).path)) + ".jsonl.zst"
    u = urlparse(archives_out)
    if u.scheme in ("s3", "s3a", "s3n"):
        import boto3

        key = u.path.strip("/") + "/" + name
        boto3.client("s3").upload_file(tmp_archive, u.netloc, key.lstrip("/"))
        return
    folder = u.path if u.scheme == "file" else archives_out
    os.makedirs(folder, exist_ok=True)
    staging = os.path.join(folder, f".{name}.attempt-{attempt}.tmp")
    shutil.copyfile(tmp_archive, staging)
    with open(staging, "rb") as f:
        os.fsync(f.fileno())
    if os.environ.get("NEWSPARSE_SPARK_FAIL_ONCE"):
        # Test hook: the first attempt of each task dies hard after staging, before the rename,
        # as a lost executor would: its staging file stays behind.
        marker = os.path.join(os.environ["NEWSPARSE_SPARK_FAIL_ONCE"], name + ".failed")
        if not os.path.exists(marker):
            open(marker, "w").close()
            os._exit(17)
    os.replace(staging, os.path.join(folder, name))
    # Staging files of attempts that died before their rename are of no use any more.
    for other in os.listdir(folder):
        if other.startswith(f".{name}.attempt-") and other.endswith(".tmp"):
            try:
                os.remove(os.path.join(folder, other))
            except FileNotFoundError:
                pass


def process(paths, binary, archives_out, threads, counters):
    from pyspark import TaskContext

    ctx = TaskContext.get()
    attempt = f"{ctx.stageId()}-{ctx.partitionId()}-{ctx.attemptNumber()}" if ctx else "0"
    for original in paths:
        with tempfile.TemporaryDirectory(prefix="newsparse-task-") as work:
            local = fetch(original, work)
            jsonl = os.path.join(work, "records.jsonl")
            with open(jsonl, "wb") as out, open(os.path.join(work, "stderr"), "wb") as err:
                code = subprocess.call(
                    [binary, "-j", str(threads), "--page-timeout", "30", local], stdout=out, stderr=err
                )
            with open(os.path.join(work, "stderr"), "r", errors="replace") as f:
                stderr = f.read()
            # 0: every page parsed; 1: some pages failed (reported, counted). Anything else
            # (usage error, crash, signal) fails the task so that Spark retries it.
            if code not in (0, 1):
                raise RuntimeError(f"newsparse exited with {code} on {original}: {stderr[-2000:]}")
            m = SUMMARY.search(stderr)
            if m:
                counters["parsed"].add(int(m["parsed"].replace(",", "")))
                counters["failed"].add(int(m["failed"].replace(",", "")))
                counters["passed_over"].add(int((m["over"] or "0").replace(",", "")))
            for line in stderr.splitlines():
                if line.startswith("newsparse: "):
                    # The local copy's name replaced by the input's.
                    print(line.replace(local, original), file=sys.stderr)
            if archives_out:
                tmp_archive = os.path.join(work, "archive.jsonl.zst")
                # Records rewritten first so the archive names the input, not the local copy.
                fixed = os.path.join(work, "fixed.jsonl")
                with open(jsonl, encoding="utf-8") as src, open(fixed, "w", encoding="utf-8") as dst:
                    for line in src:
                        dst.write(renamed(line, local, original))
                code = subprocess.call(
                    [binary, "archive", "add", "-q", "--from-jsonl", fixed, tmp_archive], stderr=subprocess.PIPE
                )
                if code != 0:
                    raise RuntimeError(f"newsparse archive add exited with {code} for {original}")
                publish_archive(tmp_archive, original, archives_out, attempt)
            with open(jsonl, encoding="utf-8") as src:
                for line in src:
                    yield renamed(line.rstrip("\n"), local, original)


def read_paths(args):
    paths = list(args.paths)
    if args.list:
        with open(args.list) as f:
            paths += [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return paths


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="WARC files: local paths, file://, https://, s3a://")
    ap.add_argument("--list", help="a file with one WARC path or URL a line")
    ap.add_argument("--out", required=True, help="Parquet output folder (partitioned by crawl_date)")
    ap.add_argument("--archives-out", help="folder for one NAME.jsonl.zst archive per input")
    ap.add_argument("--bin", help="newsparse binary on the executors (default: SparkFiles 'newsparse')")
    args = ap.parse_args()
    paths = read_paths(args)
    if not paths:
        ap.error("no WARC files given")

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName("newsparse-warc")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .getOrCreate()
    )
    sc = spark.sparkContext
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    binary_arg = args.bin
    archives_out = args.archives_out
    counters = {k: sc.accumulator(0) for k in ("parsed", "failed", "passed_over")}

    def task(it):
        binary = binary_arg or SparkFiles.get("newsparse")
        if not os.path.exists(binary):
            raise FileNotFoundError(
                f"{binary}: no newsparse binary here; ship it with --files as a file named newsparse, or give --bin"
            )
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        return process(it, binary, archives_out, threads, counters)

    # One partition, so one task, per WARC file.
    rdd = sc.parallelize(paths, len(paths)).mapPartitions(task)
    # FAILFAST: a line Spark cannot read as a record fails the task instead of becoming nulls.
    df = spark.read.schema(record_schema()).option("mode", "FAILFAST").json(rdd).select(columns())
    df.write.mode("overwrite").partitionBy("crawl_date").parquet(args.out)
    print(
        f"newsparse-spark: {len(paths)} WARC files, {counters['parsed'].value} records, "
        f"{counters['failed'].value} failed pages, {counters['passed_over'].value} WARC records passed over",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
