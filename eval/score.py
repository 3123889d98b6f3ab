#!/usr/bin/env python3
"""Quality figures for newsparse: run the built binary over folders of saved pages and compare
its records with checks made by others, so that every figure quoted in a commit message can be
reproduced by anyone who has the same pages.

    python3 eval/score.py body --bin target/release/newsparse --pages DIR --checks FILE
    python3 eval/score.py structure --bin target/release/newsparse --pages DIR --truth FILE
    python3 eval/score.py selftest

Both modes take --half a|b (score one half of the split by site) or --halves (the whole set
and both halves from one run of the binary), --jobs N (parallel processes, default: all
cores) and -v (one line per page that misses something). See eval/README.md for what the
page sets are and where they come from; they are third-party and not part of the repository.

body       the article text: lead, every section heading and every paragraph, white space
           folded and NFC-normalised. Each page has snippets the text must contain ("with")
           and boilerplate it must not contain ("without"); a snippet counts if it occurs in
           the text verbatim (after the same normalisation). Precision, recall and F1 are
           taken over all snippets of all pages, as in the trafilatura evaluation. A page the
           binary rejects has an empty body.

structure  the record against a reference record per page, field by field (the mean over
           pages is printed; a rejected page scores 0 on every field):
  headline  the reference title is the record's headline, or kicker and headline joined
  lead      the lead equals the reference summary (both absent counts as equal)
  authors   the same set of names, ignoring case
  time      the timestamp is the same instant as the reference date, within 60 s
  headings  F1 of the section headings
  paras     F1 of the body paragraphs, matched exactly (lead and headings not counted)
  body      F1 of the 4-word shingles of lead + headings + paragraphs
  keywords  F1 of the keywords against the reference topics, ignoring case
  images    F1 of the pictures, matched by address (path without query string; any of the
            sizes the reference lists matches)
  captions  share of the reference pictures with a caption whose matched picture has it
  credits   share of the reference pictures with a credit whose matched picture's credit
            names every person or agency of it, ignoring case
  Text is compared NFC-normalised, with white space folded and soft hyphens and zero-width
  marks removed. --copied scores the copied-text save of each page instead (no keywords or
  pictures there), --mhtml the MHTML save; both also count how many pages give the same
  `id` as the page's HTML, which the record contract promises.

audit      the record against what it must never hold, on any folder of pages (no reference
           needed): a `credit` that is a picture's (equal to a picture credit of the record, or
           naming a photo, stock or picture agency word), a copyright footer (rights reserved,
           imprint, privacy words, a year) or a bare web address without a source label; a
           body paragraph that is one of the record's teaser titles or summaries, a caption of
           one of its pictures, or a caption line (opening `Foto:`/`Bild:`, ending in a photo
           credit). The words are in AUDIT_* below; every hit is listed with -v.

The split by site: a body page's site is the host of its address (lowercased, a leading
"www." dropped); a structure page's site is the publisher in its file name. A site falls in
half "a" when the first byte of the SHA-256 of its name is even, else in half "b", so all
pages of one site are in the same half and the halves never change.
"""
import argparse
import collections
import concurrent.futures
import datetime
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from urllib.parse import urlsplit

TIMEOUT = 30  # seconds a single page may take


# ---------------------------------------------------------------------------------------------
# The split by site


def half_of(site):
    """'a' or 'b': the parity of the first byte of the SHA-256 of the site's name."""
    return "a" if hashlib.sha256(site.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def drop_www(host):
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def body_site(key, file_name):
    """The site of a body page, from its key in the checks file (normally its address).

    A page saved from the Internet Archive belongs to the site it is a copy of. A few keys
    are labels rather than addresses ("hard::example.org-story.html"); there the page's file
    name names the site: the part before the first "-", or if it has none its first two
    dot-separated labels.
    """
    archived = re.match(r"https?://web\.archive\.org/web/\d+[a-z_]*/(.+)", key)
    if archived:
        key = archived.group(1)
        if "://" not in key:
            key = "http://" + key
    host = urlsplit(key).hostname if "://" in key else None
    if host:
        return drop_www(host)
    stem = file_name[:-5] if file_name.endswith(".html") else file_name
    if "-" in stem:
        return drop_www(stem.split("-", 1)[0])
    return drop_www(".".join(stem.split(".")[:2]))


def structure_site(name):
    """The publisher of a structure page named COUNTRY-Publisher_YYYY_MM_DD."""
    return name.split("-", 1)[-1].rsplit("_", 3)[0]


def subsets(args):
    """The subsets to print: [(label, half or None)]."""
    if args.halves:
        return [("whole", None), ("half a", "a"), ("half b", "b")]
    if args.half:
        return [("half " + args.half, args.half)]
    return [("whole", None)]


def split_line(sites):
    """How many pages and sites fall in each half; sites: one site name per page."""
    parts = []
    for label, half in (("whole", None), ("half a", "a"), ("half b", "b")):
        chosen = [s for s in sites if half is None or half_of(s) == half]
        parts.append(f"{label} {len(chosen)} pages / {len(set(chosen))} sites")
    return "split by site: " + ", ".join(parts)


# ---------------------------------------------------------------------------------------------
# Running the binary


def run(binary, path):
    """(record, None) or (None, why): one process for one page, as a user would run it."""
    try:
        p = subprocess.run([binary, path], capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    except OSError as e:
        return None, str(e)
    if p.returncode != 0:
        lines = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, lines[-1] if lines else f"exit {p.returncode}"
    try:
        return json.loads(p.stdout), None
    except ValueError as e:
        return None, f"stdout is not one JSON object: {e}"


def gunzip_to(src, dest):
    with gzip.open(src, "rb") as g, open(dest, "wb") as f:
        f.write(g.read())


def parallel(fn, items, jobs):
    """fn over items on `jobs` threads (each waits for its own process), results in order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(fn, items))


# ---------------------------------------------------------------------------------------------
# body: precision, recall and F1 of snippets


def fold(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def body_text(rec):
    parts = [rec.get("lead") or ""]
    for section in rec.get("sections") or []:
        parts.append(section.get("heading") or "")
        parts.extend(section.get("paragraphs") or [])
    return fold("\n".join(p for p in parts if p))


def body(args):
    checks = json.load(open(args.checks, encoding="utf-8"))
    items = sorted(({"key": k, **v} for k, v in checks.items()), key=lambda i: i["file"])
    for item in items:
        item["site"] = body_site(item["key"], item["file"])
    print(split_line([i["site"] for i in items]))
    if args.half:
        items = [i for i in items if half_of(i["site"]) == args.half]
    started = time.monotonic()

    with tempfile.TemporaryDirectory() as tmp:

        def one(numbered):
            n, item = numbered
            folder = os.path.join(tmp, str(n))
            os.mkdir(folder)
            page = os.path.join(folder, "page.html")
            gunzip_to(os.path.join(args.pages, item["file"] + ".gz"), page)
            rec, err = run(args.bin, page)
            os.remove(page)
            text = body_text(rec) if rec else ""
            found_with = [fold(x) in text for x in item["with"]]
            found_without = [fold(x) in text for x in item["without"]]
            return dict(site=item["site"], file=item["file"], rejected=rec is None, err=err,
                        tp=sum(found_with), fn=len(found_with) - sum(found_with),
                        fp=sum(found_without),
                        missing=[x for x, hit in zip(item["with"], found_with) if not hit],
                        unwanted=[x for x, hit in zip(item["without"], found_without) if hit])

        rows = parallel(one, enumerate(items), args.jobs)

    if args.v:
        for r in rows:
            if r["missing"] or r["unwanted"]:
                print(f"{r['file']}: missing {r['missing'][:2]} unwanted {r['unwanted'][:2]}"
                      + (f" ({r['err']})" if r["err"] else ""))
    print(f"({time.monotonic() - started:.1f} s, {args.jobs} jobs, one process a page)",
          file=sys.stderr)
    for label, half in subsets(args):
        chosen = [r for r in rows if half is None or half_of(r["site"]) == half]
        tp, fp, fn = (sum(r[k] for r in chosen) for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        print(f"body: {label}: {len(chosen)} pages, {len({r['site'] for r in chosen})} sites, "
              f"{sum(r['rejected'] for r in chosen)} rejected, "
              f"precision {p:.3f} recall {rc:.3f} F1 {f1:.3f}")


# ---------------------------------------------------------------------------------------------
# structure: the record against a reference record

WORD = re.compile(r"\w+", re.UNICODE)
FIELDS = ("headline", "lead", "authors", "time", "headings", "paras", "body", "keywords",
          "images", "captions", "credits")
NOT_IN_COPIED_TEXT = ("keywords", "images", "captions", "credits")


def norm(s):
    """NFC, no-break spaces as spaces, soft hyphens and zero-width marks gone, spaces folded."""
    s = unicodedata.normalize("NFC", s or "").replace("\u00a0", " ").replace("\u202f", " ")
    s = re.sub("[\u00ad\u200b\u200c\u200d\u2060\ufeff]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def shingles(text):
    """Counter of 4-word shingles (lowercased); a text of fewer words is one shingle."""
    words = WORD.findall(text.lower())
    if len(words) < 4:
        return collections.Counter([tuple(words)]) if words else collections.Counter()
    return collections.Counter(tuple(words[i:i + 4]) for i in range(len(words) - 3))


def f1(truth, got):
    """F1 of two multisets; two empty ones agree fully."""
    t, g = collections.Counter(truth), collections.Counter(got)
    if not t and not g:
        return 1.0
    tp = sum((t & g).values())
    if tp == 0:
        return 0.0
    p, r = tp / sum(g.values()), tp / sum(t.values())
    return 2 * p * r / (p + r)


def instant(s):
    """An aware datetime, or None for a missing, malformed or zoneless time."""
    try:
        d = datetime.datetime.fromisoformat((s or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo else None


def truth_parts(t):
    summary = norm(" ".join(t["summary"])) or None
    heads = [h for h in (norm(" ".join(s["headline"])) for s in t["sections"]) if h]
    paras = [p for p in (norm(p) for s in t["sections"] for p in s["paragraphs"]) if p]
    return summary, heads, paras


def record_parts(r):
    lead = norm(r.get("lead")) or None
    sections = r.get("sections") or []
    heads = [h for h in (norm(s.get("heading")) for s in sections) if h]
    paras = [p for p in (norm(p) for s in sections for p in s.get("paragraphs") or []) if p]
    return lead, heads, paras


def titles(r):
    """The headline, and kicker and headline joined in the usual ways."""
    h, k = norm(r.get("headline")), norm(r.get("kicker"))
    joined = {k + sep + h for sep in (": ", " ", " - ", " – ", " | ")} if k else set()
    return {h} | joined


def url_key(u):
    return re.sub(r"^https?://", "", (u or "").split("?")[0].split("#")[0]).rstrip("/").lower()


def pictures(r, t):
    """F1 of pictures by address, and caption and credit agreement of the matched ones."""
    want = [im for im in t.get("images") or [] if im["urls"]]
    got = [im for im in r.get("images") or [] if isinstance(im, dict) and im.get("url")]
    if not want and not got:
        return 1.0, 1.0, 1.0
    keys = [{url_key(u) for u in im["urls"]} for im in want]
    pairs, used = [], set()
    for g in got:  # each record picture takes the first unmatched reference picture it fits
        k = url_key(g["url"])
        for i, ks in enumerate(keys):
            if i not in used and k in ks:
                used.add(i)
                pairs.append((want[i], g))
                break
    tp = len(pairs)
    images = 0.0 if tp == 0 else 2 * tp / (len(want) + len(got))
    with_caption = sum(1 for w in want if w["caption"])
    with_credit = sum(1 for w in want if w["credit"])
    captions = sum(norm(w["caption"]) == norm(g.get("caption")) for w, g in pairs if w["caption"])
    credits = sum(all(norm(a).lower() in norm(g.get("credit")).lower() for a in w["credit"])
                  for w, g in pairs if w["credit"])
    return (images, captions / with_caption if with_caption else 1.0,
            credits / with_credit if with_credit else 1.0)


def score(r, t):
    """Field -> score in [0, 1] for record r against reference t (r None: rejected)."""
    if r is None:
        return dict.fromkeys(FIELDS, 0)
    summary, t_heads, t_paras = truth_parts(t)
    lead, heads, paras = record_parts(r)
    t_time, r_time = instant(t["publishing_date"]), instant(r.get("timestamp"))

    def text(first, heads, paras):
        return "\n".join(([first] if first else []) + heads + paras)

    images, captions, credits = pictures(r, t)
    return dict(
        headline=float(norm(t["title"]) in titles(r)),
        lead=float(lead == summary),
        authors=float({norm(a).lower() for a in r.get("authors") or []}
                      == {norm(a).lower() for a in t["authors"]}),
        time=float(t_time is not None and r_time is not None
                   and abs((t_time - r_time).total_seconds()) <= 60),
        headings=f1(t_heads, heads),
        paras=f1(t_paras, paras),
        body=f1(shingles(text(summary, t_heads, t_paras)), shingles(text(lead, heads, paras))),
        keywords=f1([norm(k).lower() for k in t.get("topics") or []],
                    [norm(k).lower() for k in r.get("keywords") or [] if isinstance(k, str)]),
        images=images, captions=captions, credits=credits,
    )


def show(name, r, t):
    """One page's differences in full (--page)."""
    summary, t_heads, t_paras = truth_parts(t)
    print(f"== {name}")
    if r is None:
        print("   rejected")
        return
    lead, heads, paras = record_parts(r)

    def cut(s):
        return (s or "null")[:110]

    print(f"   title     want {cut(norm(t['title']))}\n"
          f"             got  {cut(norm(r.get('headline')))} (kicker {r.get('kicker')!r})")
    print(f"   lead      want {cut(summary)}\n             got  {cut(lead)}")
    print(f"   authors   want {t['authors']}\n             got  {r.get('authors')}")
    print(f"   time      want {t['publishing_date']}\n             got  {r.get('timestamp')}")
    print(f"   headings  want {t_heads}\n             got  {heads}")
    print(f"   keywords  want {t.get('topics')}\n             got  {r.get('keywords')}")
    for im in t.get("images") or []:
        first = im["urls"][0] if im["urls"] else None
        print(f"   picture   want {cut(first)} | {cut(im['caption'])} | {im['credit']}")
    for im in r.get("images") or []:
        if isinstance(im, dict):
            print(f"             got  {cut(im.get('url'))} | {cut(im.get('caption'))} | "
                  f"{im.get('credit')!r}")
    want, got = set(t_paras), set(paras)
    for p in paras:
        if p not in want:
            print(f"   + extra   {cut(p)}")
    for p in t_paras:
        if p not in got:
            print(f"   - missing {cut(p)}")


def structure(args):
    truth = json.load(open(args.truth, encoding="utf-8"))
    names = sorted(truth)
    if args.country:
        names = [n for n in names if n.split("-", 1)[0] in args.country.split(",")]
    if args.page:
        names = [n for n in names if args.page in n]

    def save_of(name):
        """The page to score instead of the HTML (--copied, --mhtml), or None."""
        if args.copied:
            return os.path.join(args.copied_dir, f"{name}.{args.copied}.txt")
        if args.mhtml:
            return os.path.join(args.mhtml, f"{name}.mhtml.gz")
        return None

    # A page without the save asked for is left out, as it has nothing to score.
    names = [n for n in names if save_of(n) is None or os.path.exists(save_of(n))]
    print(split_line([structure_site(n) for n in names]))
    if args.half:
        names = [n for n in names if half_of(structure_site(n)) == args.half]
    started = time.monotonic()

    with tempfile.TemporaryDirectory() as tmp:

        def one(name):
            html = os.path.join(tmp, name + ".html")
            gunzip_to(os.path.join(args.pages, name + ".html.gz"), html)
            h, _ = run(args.bin, html)
            os.remove(html)
            save = save_of(name)
            r = run(args.bin, save)[0] if save else h
            s = score(r, truth[name])
            if args.copied:
                s = {k: v for k, v in s.items() if k not in NOT_IN_COPIED_TEXT}
            same = bool(save and r and h and r.get("id") == h.get("id"))
            return dict(name=name, site=structure_site(name), record=r, scores=s, same=same)

        rows = parallel(one, names, args.jobs)

    for row in rows:
        if args.page:
            show(row["name"], row["record"], truth[row["name"]])
        elif args.v:
            miss = " ".join(k for k, v in row["scores"].items() if v < 0.999)
            print(f"{row['name']:50s} {'ok' if not miss else 'miss: ' + miss}"
                  + ("  (rejected)" if row["record"] is None else ""))
    print(f"({time.monotonic() - started:.1f} s, {args.jobs} jobs, one process a page)",
          file=sys.stderr)
    if not rows:
        sys.exit("no pages")
    what = (f"copied text ({args.copied})" if args.copied
            else "mhtml" if args.mhtml else "structure")
    for label, half in subsets(args):
        chosen = [r for r in rows if half is None or half_of(r["site"]) == half]
        if not chosen:
            print(f"{what}: {label}: no pages")
            continue
        fields = chosen[0]["scores"].keys()
        mean = {k: sum(r["scores"][k] for r in chosen) / len(chosen) for k in fields}
        extra = ""
        if args.copied or args.mhtml:
            extra = (f" | same id as the HTML record: {sum(r['same'] for r in chosen)}"
                     f" of {len(chosen)}")
        print(f"{what}: {label}: {len(chosen)} pages, {len({r['site'] for r in chosen})} sites: "
              + " ".join(f"{k} {v:.3f}" for k, v in mean.items()) + extra)


# ---------------------------------------------------------------------------------------------
# selftest: the split and the measures on made-up input


def selftest(_args):
    assert body_site("https://www.Example.org/a/b?c=1", "x.html") == "example.org"
    assert body_site("http://blog.example.org/", "x.html") == "blog.example.org"
    assert body_site("https://web.archive.org/web/20160101000000/http://www.example.de/a",
                     "x.html") == "example.de"
    assert body_site("https://web.archive.org/web/20130101000000/example.net/2008/a.html",
                     "x.html") == "example.net"
    assert body_site("hard::example.com.pa-story.html", "example.com.pa-story.html") \
        == "example.com.pa"
    assert body_site("hard::example.de.some.story.html", "example.de.some.story.html") \
        == "example.de"
    assert structure_site("de-SomePaper_2024_05_03") == "SomePaper"
    assert structure_site("us-Some-Paper_2024_05_03") == "Some-Paper"
    assert half_of("example.org") == half_of("example.org") in ("a", "b")
    # sha256("a") starts with 0xca (even), sha256("b") with 0x3e (even), sha256("c") 0x2e,
    # sha256("d") with 0x18; sha256("e") with 0x3f (odd)
    assert [half_of(s) for s in "abcde"] == ["a", "a", "a", "a", "b"]
    assert shingles("one two three") == collections.Counter([("one", "two", "three")])
    assert sum(shingles("a b c d e f").values()) == 3
    assert f1([], []) == 1.0 and f1(["x"], []) == 0.0 and f1(["x", "y"], ["x"]) == 2 / 3
    assert norm("a\u00adb\u00a0 c ") == "ab c"
    assert body_text({"lead": "L", "sections": [{"heading": None, "paragraphs": ["p  q"]}]}) \
        == "L p q"
    assert instant("2024-05-03T10:00:00Z") == instant("2024-05-03T12:00:00+02:00")
    assert instant("2024-05-03T10:00:00") is None
    rec = {"headline": "H", "kicker": "K", "lead": None, "authors": ["A B"],
           "timestamp": "2024-05-03T12:00:30+02:00",
           "sections": [{"heading": "S", "paragraphs": ["one two three four five"]}],
           "keywords": ["Tag"], "images": [{"url": "https://x.org/p.jpg?w=1", "caption": "C",
                                            "credit": "dpa / A B"}]}
    ref = {"title": "K: H", "summary": [], "authors": ["a b"],
           "publishing_date": "2024-05-03T10:00:00Z",
           "sections": [{"headline": ["S"], "paragraphs": ["one two three four five"]}],
           "topics": ["tag"], "images": [{"urls": ["http://x.org/p.jpg"], "caption": "C",
                                         "credit": ["dpa"]}]}
    assert all(v == 1.0 for v in score(rec, ref).values()), score(rec, ref)
    assert all(v == 0 for v in score(None, ref).values())
    print("selftest: ok")


# ---------------------------------------------------------------------------------------------
# audit: what a record must never hold

AUDIT_PHOTO = re.compile(
    r"(?i)\b(?:foto|fotos|fotograf\w*|photo\w*|bild|bilder|image|images|getty|istock\w*|shutterstock"
    r"|unsplash|pixabay|pexels|adobe ?stock|picture[- ]alliance|imago|dreamstime|fotolia|symbolbild)\b")
AUDIT_FOOTER = re.compile(
    r"(?i)(?:all rights reserved|alle rechte|rechte vorbehalten|impressum|datenschutz|privacy"
    r"|\b(?:19|20)\d\d\b)")
AUDIT_CAPTION = re.compile(r"(?i)^(?:foto|bild|fotos|photo)\s*:|(?:\(|\b)(?:foto|bild|photo)\s*:\s*[^.!?]{2,60}\)?$|©\s*[^.!?]{2,60}$")


def labels_before(page_text, value):
    """The words just before each place the page shows `value` (`Fotocredit:`, `Quelle:`, `©`)."""
    return [page_text[max(0, m.start() - 25):m.start()]
            for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", page_text)]


def page_text(path):
    """The page's text, roughly: scripts, styles and tags removed, entities decoded."""
    import html as htmlmod

    raw = open(path, "rb").read().decode("utf-8", "replace")
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    return re.sub(r"\s+", " ", htmlmod.unescape(re.sub(r"<[^>]+>", " ", raw)))


def audit_record(rec, text=""):
    """What of `rec` breaks the rules above, as (kind, text) pairs; `text` is the page's text,
    where the credit's label is looked up."""
    hits = []
    credit = rec.get("credit")
    picture_credits = {norm(i.get("credit") or "") for i in rec.get("images") or []} - {""}
    if credit:
        c = norm(credit)
        # A picture's when every place the page shows it is labelled as a picture's.
        labels = labels_before(text, credit)
        pictures_only = bool(labels) and all(AUDIT_PHOTO.search(label) for label in labels)
        if c in picture_credits or AUDIT_PHOTO.search(credit) or pictures_only:
            hits.append(("credit: a picture's", credit))
        elif AUDIT_FOOTER.search(credit):
            hits.append(("credit: a footer", credit))
    teaser_lines = set()
    for t in rec.get("teasers") or []:
        for k in ("headline", "summary"):
            if t.get(k) and len(t[k]) >= 20:
                teaser_lines.add(norm(t[k]))
    captions = {norm(i.get("caption") or "") for i in rec.get("images") or []} - {""}
    for section in rec.get("sections") or []:
        for para in section.get("paragraphs") or []:
            n = norm(para)
            if n in teaser_lines:
                hits.append(("paragraph: a teaser line", para))
            elif n in captions or AUDIT_CAPTION.search(para.strip()):
                hits.append(("paragraph: a caption", para))
    return hits


def audit(args):
    files = []
    for folder in args.pages:
        for name in sorted(os.listdir(folder)):
            if re.search(r"\.(?:html?|mhtml|txt)(?:\.gz)?$", name):
                files.append(os.path.join(folder, name))
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:

        def one(numbered):
            n, path = numbered
            page = path
            if path.endswith(".gz"):
                page = os.path.join(tmp, f"{n}-" + os.path.basename(path)[:-3])
                gunzip_to(path, page)
            rec, _ = run(args.bin, page)
            text = page_text(page) if rec and rec.get("credit") else ""
            if page != path:
                os.remove(page)
            return path, rec, text

        results = parallel(one, list(enumerate(files)), args.jobs)
    records = [(p, r, t) for p, r, t in results if r]
    counts = collections.Counter()
    credits = sum(1 for _, r, _ in records if r.get("credit"))
    for path, rec, page in records:
        for kind, text in audit_record(rec, page):
            counts[kind] += 1
            if args.v:
                print(f"  {os.path.basename(path)}: {kind}: {text[:120]}")
    print(f"audit: {len(records)} records of {len(files)} pages, {credits} with a credit; "
          + ", ".join(f"{k} {counts[k]}" for k in ("credit: a picture's", "credit: a footer",
                                                     "paragraph: a teaser line", "paragraph: a caption"))
          + f" ({time.monotonic() - started:.0f} s)")


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="mode", required=True)

    def common(p):
        p.add_argument("--bin", required=True, help="the built binary")
        p.add_argument("--pages", required=True, help="folder of the pages (NAME.html.gz)")
        halves = p.add_mutually_exclusive_group()
        halves.add_argument("--half", choices=["a", "b"], help="score one half of the split")
        halves.add_argument("--halves", action="store_true",
                            help="print the whole set, half a and half b")
        p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                       help="pages run at once (default: all cores)")
        p.add_argument("-v", action="store_true", help="one line per page that misses something")

    p = sub.add_parser("body", help="precision/recall/F1 of body snippets")
    common(p)
    p.add_argument("--checks", required=True, help="checks file: key -> {file, with, without}")
    p.set_defaults(run=body)

    p = sub.add_parser("structure", help="record fields against reference records")
    common(p)
    p.add_argument("--truth", required=True, help="reference records: NAME -> record")
    saves = p.add_mutually_exclusive_group()
    saves.add_argument("--copied", choices=["all", "article"],
                       help="score the copied text NAME.all.txt / NAME.article.txt")
    saves.add_argument("--mhtml", metavar="DIR", help="score the MHTML saves DIR/NAME.mhtml.gz")
    p.add_argument("--copied-dir", metavar="DIR", help="folder of the copied text (--copied)")
    p.add_argument("--country", help="comma-separated country prefixes, e.g. de,at,ch")
    p.add_argument("--page", help="show the differences of the pages whose name contains this")
    p.set_defaults(run=structure)

    p = sub.add_parser("audit", help="what a record must never hold, on any folder of pages")
    p.add_argument("--bin", required=True, help="the built binary")
    p.add_argument("--pages", required=True, action="append", help="a folder of pages (repeatable)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="pages run at once")
    p.add_argument("-v", action="store_true", help="list every hit")
    p.set_defaults(run=audit)

    p = sub.add_parser("selftest", help="check the split and the measures on made-up input")
    p.set_defaults(run=selftest)

    args = ap.parse_args()
    if args.mode == "structure" and args.copied and not args.copied_dir:
        ap.error("--copied needs --copied-dir")
    if getattr(args, "jobs", 1) < 1:
        ap.error("--jobs must be at least 1")
    args.run(args)


if __name__ == "__main__":
    main()
