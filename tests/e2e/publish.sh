#!/usr/bin/env bash
# publish.sh BIN SRC SCRATCH CASE: `praatplaat publish` (issue #15).
#   files     content/samenwerking (nl, en) at A4 and A3: every PDF and thumbnail, each PDF
#             byte-identical to `render` with the same arguments, report.json's structure, progress
#   overflow  tests/data/overflow.xml in a folder of its own: exit 1 after writing everything, the
#             overflowing texts in report.json and index.html with element id and FILE:LINE
#   warning   a language without a hyphenation dictionary whose sheets fit: render's warning is
#             no error, so exit 0, status not "overflow", no problem listed
#   bad       a folder without content files, an unknown sheet or paper, an unwritable output
#   browser   headless Chromium loads index.html: every thumbnail loaded, no broken link
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
cd "$SRC"
case_=${ARGS[0]}
out=$SCRATCH/dist
sheets=(praatplaat followup guide)
papers=(A4 A3)

# check_report OUT N: report.json of OUT is well formed, has N outputs and every field.
check_report() {
    python3 - "$1" "$2" <<'EOF' || fail "report.json of $1 (see above)"
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
r = json.load(open(os.path.join(out, "report.json")))
bad = []
if len(r["outputs"]) != n: bad.append(f"{len(r['outputs'])} outputs, expected {n}")
keys = {"lang", "folder", "content", "sheet", "paper", "pdf", "thumbnail", "pages", "status",
        "error", "shrunk", "overflow", "problems"}
for o in r["outputs"]:
    if set(o) != keys: bad.append(f"keys {sorted(set(o) ^ keys)} in {o.get('pdf')}")
    if o["status"] not in ("ok", "shrunk", "overflow", "error"): bad.append(o["status"])
    for f in (o["pdf"], o["thumbnail"]):
        if not os.path.isfile(os.path.join(out, f)): bad.append(f"missing {f}")
    for t in o["shrunk"] + o["overflow"]:
        if set(t) != {"id", "where", "box", "page", "nominal_pt", "final_pt", "ratio"}:
            bad.append(f"text keys {sorted(t)}")
        elif not (0 < t["final_pt"] <= t["nominal_pt"]) or ":" not in t["where"]:
            bad.append(f"text {t}")
    for t in o["shrunk"]:
        if not t["final_pt"] < t["nominal_pt"]: bad.append(f"not shrunk: {t}")
    if (o["status"] == "overflow") != bool(o["overflow"] or o["problems"]):
        bad.append(f"status {o['status']} of {o['pdf']}")
if r["ok"] != all(o["status"] in ("ok", "shrunk") for o in r["outputs"]): bad.append("ok")
for b in bad: print("report.json:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
}

case $case_ in
files)
    run "$BIN" publish content/samenwerking -o "$out" --papers A4,A3 -j 2
    expect_rc 0
    # Progress: stderr is no terminal here, so one line per file.
    expect_in "$SCRATCH/stderr" "[12/12] "
    [ "$(grep -c '^\[[0-9]*/12\] \(nl\|en\) [a-z]* A[43]$' "$SCRATCH/stderr")" -eq 12 ] ||
        fail "not one progress line per file: $(cat "$SCRATCH/stderr")"
    n=0
    for lang in nl en; do
        for sheet in "${sheets[@]}"; do
            for paper in "${papers[@]}"; do
                n=$((n + 1))
                pdf=$out/$lang/$sheet-$paper.pdf
                [ -s "$pdf" ] || { fail "missing $pdf"; continue; }
                [ "$(head -c 4 "$out/$lang/$sheet-$paper.png" | tail -c 3)" = PNG ] ||
                    fail "no PNG thumbnail $lang/$sheet-$paper.png"
                "$BIN" render "content/samenwerking/$lang.xml" --sheet "$sheet" --paper "$paper" \
                    -o "$SCRATCH/render.pdf" 2>/dev/null
                cmp -s "$pdf" "$SCRATCH/render.pdf" ||
                    fail "$lang/$sheet-$paper.pdf differs from render's PDF"
            done
        done
    done
    [ "$(find "$out" -name '*.pdf' | wc -l)" -eq "$n" ] || fail "not $n PDFs in $out"
    run qpdf --check "$out/nl/guide-A3.pdf"
    expect_rc 0
    check_report "$out" "$n"
    # A second run replaces everything with the same bytes (-j 1: one worker).
    cp "$out/report.json" "$SCRATCH/report-1.json"
    run "$BIN" publish content/samenwerking -o "$out" --papers A4,A3 -j1
    expect_rc 0
    cmp -s "$out/report.json" "$SCRATCH/report-1.json" || fail "report.json differs with -j1"
    ;;
overflow)
    mkdir -p "$SCRATCH/in"
    cp tests/data/overflow.xml "$SCRATCH/in/xx.xml"
    cp content/samenwerking/en.xml "$SCRATCH/in/en.xml"
    run "$BIN" publish "$SCRATCH/in" -o "$out" --sheets followup,praatplaat --papers A3
    expect_rc 1
    for f in en/followup-A3 en/praatplaat-A3 xx/followup-A3 xx/praatplaat-A3; do
        [ -s "$out/$f.pdf" ] && [ -s "$out/$f.png" ] || fail "$f not written despite the overflow"
    done
    [ -s "$out/index.html" ] && [ -s "$out/report.json" ] || die "no index.html or report.json"
    check_report "$out" 4
    line=$(grep -n 'id="status"' tests/data/overflow.xml | cut -d: -f1)
    where="$SCRATCH/in/xx.xml:$line"
    expect_in "$SCRATCH/stderr" "$where: error:"
    python3 - "$out/report.json" "$where" <<'EOF' || fail "report.json lists no overflow of status"
import json, sys
r = json.load(open(sys.argv[1]))
o = [o for o in r["outputs"] if o["pdf"] == "xx/followup-A3.pdf"][0]
hits = [t for t in o["overflow"] if t["id"] == "status" and t["where"] == sys.argv[2]]
sys.exit(0 if r["ok"] is False and o["status"] == "overflow" and hits else 1)
EOF
    expect_in "$out/index.html" "$where"
    expect_in "$out/index.html" "<td>status</td>"
    ;;
warning)
    mkdir -p "$SCRATCH/in"
    sed '0,/xml:lang="nl"/s//xml:lang="tr"/' content/samenwerking/nl.xml >"$SCRATCH/in/tr.xml"
    run "$BIN" render "$SCRATCH/in/tr.xml" --sheet guide --paper A4 -o "$SCRATCH/tr.pdf"
    expect_rc 0 # render: it fits, the missing dictionary is only check's warning
    run "$BIN" publish "$SCRATCH/in" -o "$out" --sheets guide --papers A4
    expect_rc 0
    ! grep -q 'error:' "$SCRATCH/stderr" || fail "publish calls a warning an error: $(grep error: "$SCRATCH/stderr")"
    check_report "$out" 1
    python3 - "$out/report.json" <<'EOF' || fail "report.json: the guide in tr is not ok (see above)"
import json, sys
o = json.load(open(sys.argv[1]))["outputs"][0]
print(o["status"], o["problems"])
sys.exit(0 if o["status"] == "ok" and not o["problems"] else 1)
EOF
    ;;
bad)
    mkdir -p "$SCRATCH/empty"
    touch "$SCRATCH/empty/notes.txt"
    run "$BIN" publish "$SCRATCH/empty" -o "$out"
    expect_rc 2
    expect_in "$SCRATCH/stderr" "$SCRATCH/empty: error: no content files (*.xml) in this folder"
    run "$BIN" publish content/samenwerking -o "$out" --sheets praatplaat,poster
    expect_rc 2
    expect_in "$SCRATCH/stderr" 'unknown sheet "poster"'
    run "$BIN" publish content/samenwerking -o "$out" --papers A4,B5
    expect_rc 2
    expect_in "$SCRATCH/stderr" 'unknown paper size "B5"'
    run "$BIN" publish content/samenwerking -o "$out" -j 0
    expect_rc 2
    run "$BIN" publish "$SCRATCH/missing" -o "$out"
    expect_rc 3
    [ ! -e "$out" ] || fail "a failed publish created $out"
    touch "$SCRATCH/file"
    run "$BIN" publish content/samenwerking -o "$SCRATCH/file/dist" --papers A4
    expect_rc 3
    expect_in "$SCRATCH/stderr" "$SCRATCH/file/dist: error: cannot create or write the output folder"
    ;;
browser)
    command -v chromium >/dev/null || { echo "SKIP: chromium is not installed"; exit 77; }
    run "$BIN" publish content/samenwerking -o "$out" --papers A4,A3
    expect_rc 0
    url="file://$(realpath "$out")/index.html"
    flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$SCRATCH/profile"
        --virtual-time-budget=10000)
    chromium "${flags[@]}" --dump-dom "$url" >"$SCRATCH/dom.html" 2>"$SCRATCH/chromium.log" ||
        die "chromium --dump-dom failed: $(tail -5 "$SCRATCH/chromium.log")"
    chromium "${flags[@]}" --window-size=1280,2000 --screenshot="$SCRATCH/screenshot.png" "$url" \
        >/dev/null 2>>"$SCRATCH/chromium.log" || fail "chromium --screenshot failed"
    [ "$(head -c 4 "$SCRATCH/screenshot.png" 2>/dev/null | tail -c 3)" = PNG ] || fail "no screenshot"
    python3 - "$SCRATCH/dom.html" "$out" 12 <<'EOF' || fail "index.html in Chromium (see above)"
import html.parser, os, sys, urllib.parse
dom, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.links = []; self.imgs = []; self.status = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a": self.links.append(a.get("href"))
        if tag == "img": self.imgs.append(a.get("src"))
        if a.get("id") == "pp-status": self.status = a
p = Page(); p.feed(open(dom, encoding="utf-8").read())
bad = []
if p.status is None or "data-loaded" not in p.status: bad.append("the page's check did not run")
elif not (p.status["data-loaded"] == p.status["data-total"] == str(n)):
    bad.append(f"thumbnails loaded: {p.status['data-loaded']} of {p.status['data-total']}, expected {n}")
if len(p.imgs) != n: bad.append(f"{len(p.imgs)} images, expected {n}")
for ref in p.links + p.imgs:
    u = urllib.parse.urlsplit(ref or "")
    if u.scheme or u.netloc or not u.path: bad.append(f"not a relative link: {ref}"); continue
    if not os.path.isfile(os.path.join(out, urllib.parse.unquote(u.path))): bad.append(f"broken: {ref}")
for b in bad: print("index.html:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
    ;;
*) die "unknown case $case_" ;;
esac
e2e_done
