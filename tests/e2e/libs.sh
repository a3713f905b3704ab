#!/usr/bin/env bash
# libs.sh BIN SRC SCRATCH CASE: which shared libraries a run loads (issue #15: every linked library
# costs every start its relocation). A plain sheet is finished without libqpdf (output/update.h):
# its PDF still has /Lang, /DisplayDocTitle and an /ID and passes qpdf --check without warnings.
# A form, a tagged report, PDF/A, trim boxes and Arabic text do load libqpdf; zbar and poppler
# are loaded by scan and import only.
#   CASE  plain | form | report | pdfa | marks | arabic
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml
pdf=$SCRATCH/out.pdf

# render_libs ARGS...: renders with the dynamic linker's log of the files it loads.
render_libs() {
    RC=0
    LD_DEBUG=files LD_DEBUG_OUTPUT=$SCRATCH/ld "$BIN" render "$@" -o "$pdf" \
        >"$SCRATCH/stdout" 2>"$SCRATCH/stderr" || RC=$?
    LAST_CMD="render $*"
    cat "$SCRATCH"/ld.* >"$SCRATCH/loaded"
    rm -f "$SCRATCH"/ld.*
    expect_rc 0
    qpdf --check "$pdf" >"$SCRATCH/check" 2>&1 || fail "qpdf --check fails or warns: $LAST_CMD"
}
loads() { grep -q "file=$1" "$SCRATCH/loaded"; }

case ${ARGS[0]} in
plain)
    render_libs "$content" --sheet followup --paper A3
    for lib in libqpdf libzbar libpoppler; do
        loads "$lib" && fail "a plain render loads $lib"
    done
    root=$(qpdf --show-object=trailer "$pdf" | sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p')
    qpdf --show-object="$root" "$pdf" >"$SCRATCH/catalog"
    expect_in "$SCRATCH/catalog" "/Lang (nl)" "the catalog"
    expect_in "$SCRATCH/catalog" "/DisplayDocTitle true" "the catalog"
    qpdf --show-object=trailer "$pdf" >"$SCRATCH/trailer"
    expect_in "$SCRATCH/trailer" "/ID [" "the trailer"
    # The same input gives the same bytes, /ID included.
    cp "$pdf" "$SCRATCH/first.pdf"
    render_libs "$content" --sheet followup --paper A3
    cmp -s "$pdf" "$SCRATCH/first.pdf" || fail "two renders differ"
    ;;
form) render_libs "$content" --sheet followup --form ;;
report)
    render_libs "$content" --sheet report --session "$SRC/samples/zuidrand-2026-10.xml"
    ;;
pdfa) render_libs "$content" --sheet followup --pdfa 2b ;;
marks) render_libs "$content" --sheet followup --paper A3 --marks ;;
arabic) render_libs "$SRC/tests/data/arabic.xml" --sheet followup --paper A3 ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
if [ "${ARGS[0]}" != plain ]; then
    loads libqpdf || fail "libqpdf is not loaded for ${ARGS[0]}"
    loads libzbar && fail "render loads libzbar"
fi
e2e_done
