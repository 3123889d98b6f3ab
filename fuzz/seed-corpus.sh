#!/usr/bin/env bash
# Seeds the fuzz corpus with the project's fixture pages (and their gzip forms), each behind a
# path-selector byte as the target expects. The corpus is not committed: run this before fuzzing.
#   fuzz/seed-corpus.sh            -> fuzz/corpus/page/
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/page
mkdir -p "$out"
n=0
for f in ../fixtures/pages/* ../fixtures/containers/*; do
  case "$f" in *.json) continue ;; esac
  [ -f "$f" ] || continue
  base=$(basename "$f")
  { printf '\001'; cat "$f"; } >"$out/seed-$base"
  { printf '\004'; gzip -c "$f"; } >"$out/seed-$base.gz"
  n=$((n + 2))
done
echo "seeded $n inputs into fuzz/$out"

# MHTML as Chrome saves it, around the container fixture (8bit), and a small quoted-printable one.
b='----MultipartBoundary--seedSeedSeed----'
{
  printf '\002From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.de/a.html\r\n'
  printf 'Subject: Seed\r\nDate: Thu, 8 Jan 2026 15:12:00 +0100\r\nMIME-Version: 1.0\r\n'
  printf 'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="%s"\r\n\r\n\r\n--%s\r\n' "$b" "$b"
  printf 'Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: 8bit\r\n'
  printf 'Content-Location: https://www.example.de/a.html\r\n\r\n'
  cat ../fixtures/containers/article.html
  printf '\r\n--%s--\r\n' "$b"
} >"$out/seed-article.mhtml"
{
  printf '\002MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="%s"\r\n\r\n--%s\r\n' "$b" "$b"
  printf 'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
  printf '<html><body><h1 class=3D"headline">Gr=C3=BC=C3=9Fe aus Berlin</h1><p>Berlin (dpa) - Ein Absat=\r\n'
  printf 'z =C3=BCber nichts.</p></body></html>\r\n--%s--\r\n' "$b"
} >"$out/seed-qp.mhtml"
echo "plus 2 MHTML seeds"

# Archive target: archives of the fixture pages, made by a release build of newsparse when one
# is there (`cargo build --release`); without it the archive fuzzer starts from nothing.
bin=${NEWSPARSE:-../target/release/newsparse}
mkdir -p corpus/archive
if [ -x "$bin" ]; then
  rm -f corpus/archive/seed-*.zst
  "$bin" archive add corpus/archive/seed-one.zst ../fixtures/containers/article.html >/dev/null 2>&1 || true
  "$bin" archive add corpus/archive/seed-two.zst ../fixtures/pages/semantic-hafen-container.html >/dev/null 2>&1 || true
  "$bin" archive add corpus/archive/seed-two.zst ../fixtures/pages/finanz-dax-ausblick.txt >/dev/null 2>&1 || true
  echo "archive seeds: $(ls corpus/archive | wc -l) files in fuzz/corpus/archive"
else
  echo "note: no $bin, the archive target starts from an empty corpus"
fi
