#!/usr/bin/env bash
# validcache.sh BIN SRC SCRATCH: a content file that validated against the RELAX NG schema once is
# not validated again (model/xml.h); the remembered success belongs to those exact bytes of content
# and schema: another schema, or another document, is validated afresh.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml
export XDG_CACHE_HOME=$SCRATCH/cache
entries() { find "$XDG_CACHE_HOME/praatplaat-valid" -type f 2>/dev/null | wc -l; }

run "$BIN" check "$content"
expect_rc 0
expect_eq "$(entries)" 1 "remembered validations after one check"
run "$BIN" render "$content" --sheet followup --paper A4 -o "$SCRATCH/a.pdf"
expect_rc 0
expect_eq "$(entries)" 1 "remembered validations after the same content again"

# A schema that rejects the root element: the content's remembered success must not apply.
mkdir -p "$SCRATCH/data/schemas"
for d in layouts fonts; do ln -s "$SRC/$d" "$SCRATCH/data/$d"; done
cp "$SRC/schemas/session.rng" "$SCRATCH/data/schemas/"
sed 's/<element name="instrument">/<element name="instrument-renamed">/' "$SRC/schemas/content.rng" \
    >"$SCRATCH/data/schemas/content.rng"
cmp -s "$SRC/schemas/content.rng" "$SCRATCH/data/schemas/content.rng" && die "the schema did not change"
run "$BIN" check "$content" --data "$SCRATCH/data"
expect_rc 1
expect_in "$SCRATCH/stderr" "not valid against the schema"

# Another document (one more comment) is validated and remembered on its own.
{ cat "$content"; echo "<!-- another document -->"; } >"$SCRATCH/other.xml"
run "$BIN" check "$SCRATCH/other.xml"
expect_rc 0
expect_eq "$(entries)" 2 "remembered validations after a second document"
e2e_done
