#!/usr/bin/env bash
# guideflow.sh BIN SRC SCRATCH: a guide paragraph taller than a whole column at A4 (1000 words) flows
# on into the next columns and pages, split at words: no problem reported, every word in the PDF.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
python3 - "$SRC/tests/data/three-themes.xml" "$SCRATCH/long.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
words = " ".join("partner%dx" % i for i in range(1000))
assert "Schools cooperate" in s
open(sys.argv[2], "w", encoding="utf-8").write(s.replace("Schools cooperate", words + " Schools cooperate", 1))
PY
run "$BIN" render "$SCRATCH/long.xml" --sheet guide --paper A4 -o "$SCRATCH/guide.pdf"
expect_rc 0
[ ! -s "$SCRATCH/stderr" ] || fail "stderr not empty: $(head -3 "$SCRATCH/stderr")"
# a hyphenated word comes out as "part\u00ad" or "part-" at a line's end: join it again
pdftotext -enc UTF-8 "$SCRATCH/guide.pdf" - |
    python3 -c 'import re,sys; print(re.sub("[\u00ad-]+\n", "", sys.stdin.read()))' |
    grep -o 'partner[0-9]*x' | sort -u >"$SCRATCH/found.txt"
expect_eq "$(wc -l <"$SCRATCH/found.txt")" 1000 "distinct long-paragraph words in the PDF"
[ "$(pdf_field "$SCRATCH/guide.pdf" Pages)" -ge 3 ] || fail "the paragraph did not flow over pages"
e2e_done
