#!/usr/bin/env bash
# all.sh BIN SRC SCRATCH CONTENT: `--sheet all` puts the praatplaat, the follow-up plaat and the guide
# on consecutive pages of one valid PDF with one bookmark per sheet, and every text of every sheet is
# in its text layer. For a translation, no word that only the Dutch content has appears in the PDF.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/${ARGS[0]}
pdf=$SCRATCH/all.pdf

run "$BIN" render "$content" --sheet all --paper A3 -o "$pdf"
expect_rc 0
[ -s "$pdf" ] || die "no PDF written"
qpdf --check "$pdf" >/dev/null || fail "qpdf --check fails"
pages=$(pdf_field "$pdf" Pages)
[ "$pages" -ge 3 ] || fail "expected at least 3 pages, got $pages"
# Page 1 is the praatplaat, page 2 the follow-up plaat, the rest the guide.
pdftotext -enc UTF-8 -f 1 -l 1 "$pdf" "$SCRATCH/p1.txt"
pdftotext -enc UTF-8 -f 2 -l 2 "$pdf" "$SCRATCH/p2.txt"
pdftotext -enc UTF-8 -f 3 "$pdf" "$SCRATCH/rest.txt"
for part in "praatplaat p1" "followup p2" "guide rest"; do
    read -r sheet file <<<"$part"
    texts "$content" "$sheet" >"$SCRATCH/$sheet.expected"
    python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/$sheet.expected" "$SCRATCH/$file.txt" ||
        fail "texts of the $sheet sheet are not all on its pages (see above)"
done
outlines=$(qpdf --json=2 --json-key=outlines "$pdf" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["outlines"]))')
[ "$outlines" -ge 3 ] || fail "expected a bookmark per sheet, got $outlines"
qpdf --object-streams=disable "$pdf" "$SCRATCH/plain.pdf"
lang=$(python3 - "$SCRATCH/plain.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
m = re.search(rb"/Lang\s*\(([^)]*)\)", data)
print(m.group(1).decode() if m else "")
PY
)
want=$(python3 -c 'import sys,xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().get("{http://www.w3.org/XML/1998/namespace}lang"))' "$content")
expect_eq "$lang" "$want" "the PDF's /Lang"

# A translation shows no Dutch: every word of five letters or more that the Dutch content has and the
# PDF shows too must be a name or a word both languages share (tests/e2e/shared-words.txt; its
# last line holds the names of placeholders such as {sheet} and {paper}, which are no words).
if [ "${ARGS[0]}" != content/samenwerking/nl.xml ]; then
    pdftotext -enc UTF-8 "$pdf" "$SCRATCH/all.txt"
    python3 - "$SRC/content/samenwerking/nl.xml" "$SCRATCH/all.txt" "$E2E_LIB_DIR/shared-words.txt" <<'PY' || fail "Dutch words in the translation (see above)"
import re, sys, xml.etree.ElementTree as E
words = lambda text: {w.lower() for w in re.findall(r"\w{5,}", text.replace("\u00ad", ""))}
dutch = words(" ".join(E.parse(sys.argv[1]).getroot().itertext()))
pdf = words(open(sys.argv[2], encoding="utf-8").read())
shared = set(open(sys.argv[3], encoding="utf-8").read().split())
found = sorted((dutch & pdf) - shared)
if found:
    print("Dutch words in the PDF:", ", ".join(found))
    sys.exit(1)
PY
fi
e2e_done
