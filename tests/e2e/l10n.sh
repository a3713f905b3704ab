#!/usr/bin/env bash
# l10n.sh BIN SRC SCRATCH CASE [CONTENT]: the translators' workflow (praatplaat l10n extract / merge) on
# CONTENT (default content/samenwerking/nl.xml; extract and roundtrip also run on the netwerkkaart).
#   extract     a PO template msgfmt accepts, one entry per text with its id as msgctxt and a comment
#   roundtrip   extract -> identity PO -> merge renders exactly the same text as the source
#   pseudo      a pseudo-translation (vowels doubled and accented) fits every sheet at A3 and A0
#   fuzzy       fuzzy and untranslated entries keep the source text, listed in a warning
#   errors      unknown msgctxt, malformed PO, no Language header: FILE:LINE errors, exit 1, no output
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
nl=$SRC/${ARGS[1]:-content/samenwerking/nl.xml}
pot=$SCRATCH/nl.pot
run "$BIN" l10n extract "$nl" -o "$pot"
expect_rc 0

case ${ARGS[0]} in
extract)
    msgfmt --check -o /dev/null "$pot" 2>"$SCRATCH/msgfmt.err" || fail "msgfmt --check rejects the template"
    entries=$(grep -c '^msgctxt ' "$pot")
    texts=$(python3 - "$nl" <<'PY'
import sys, xml.etree.ElementTree as E
def own_text(el):
    return (el.text or "").strip() or any((c.tail or "").strip() for c in el)
root = E.parse(sys.argv[1]).getroot()
print(sum(1 for el in root.iter() if el.get("id") and el is not root and own_text(el)))
PY
)
    expect_eq "$entries" "$texts" "PO entries (one per text element)"
    if [ -z "${ARGS[1]:-}" ]; then
        grep -q '^msgctxt "ambitie.1"$' "$pot" || fail "no entry with msgctxt ambitie.1"
        grep -q '^#\. statement 1 of theme AMBITIE; keep under ~' "$pot" || fail "no role comment for ambitie.1"
    fi
    ;;
roundtrip)
    python3 "$E2E_LIB_DIR/pseudo.py" "$pot" nl identity >"$SCRATCH/id.po"
    run "$BIN" l10n merge "$nl" "$SCRATCH/id.po" -o "$SCRATCH/id.xml"
    expect_rc 0
    for f in "$nl" "$SCRATCH/id.xml"; do
        "$BIN" render "$f" --sheet all --paper A3 -o "$SCRATCH/r.pdf"
        pdftotext -enc UTF-8 "$SCRATCH/r.pdf" "$SCRATCH/$(basename "$f").txt"
    done
    cmp -s "$SCRATCH/nl.xml.txt" "$SCRATCH/id.xml.txt" || fail "merged identity renders other text"
    ;;
pseudo)
    python3 "$E2E_LIB_DIR/pseudo.py" "$pot" nl >"$SCRATCH/pseudo.po"
    run "$BIN" l10n merge "$nl" "$SCRATCH/pseudo.po" -o "$SCRATCH/pseudo.xml"
    expect_rc 0
    grep -q 'ÁÁMBÍÍTÍÍÉÉ' "$SCRATCH/pseudo.xml" || fail "the pseudo-translation was not merged"
    for paper in A3 A0; do
        run "$BIN" check "$SCRATCH/pseudo.xml" --paper "$paper"
        expect_rc 0
    done
    ;;
fuzzy)
    python3 "$E2E_LIB_DIR/pseudo.py" "$pot" en >"$SCRATCH/f.po"
    # Mark one entry fuzzy and empty another.
    python3 - "$SCRATCH/f.po" <<'PY'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
s = s.replace('msgctxt "ambitie.1"', '#, fuzzy\nmsgctxt "ambitie.1"', 1)
i = s.index('msgctxt "ambitie.2"'); j = s.index("msgstr", i); k = s.index("\n\n", j)
s = s[:j] + 'msgstr ""' + s[k:]
open(p, "w", encoding="utf-8").write(s)
PY
    run "$BIN" l10n merge "$nl" "$SCRATCH/f.po" -o "$SCRATCH/f.xml"
    expect_rc 0
    expect_in "$SCRATCH/stderr" "warning: untranslated or fuzzy, kept in the source language: ambitie.1, ambitie.2"
    grep -q 'xml:lang="en"' "$SCRATCH/f.xml" || fail "xml:lang not set from the PO header"
    grep -q 'We hebben expliciet' "$SCRATCH/f.xml" || fail "the fuzzy entry did not keep its source text"
    ;;
errors)
    python3 "$E2E_LIB_DIR/pseudo.py" "$pot" nl >"$SCRATCH/bad.po"
    printf '\nmsgctxt "no.such.id"\nmsgid "x"\nmsgstr "y"\n' >>"$SCRATCH/bad.po"
    line=$(grep -n '^msgctxt "no.such.id"' "$SCRATCH/bad.po" | cut -d: -f1)
    run "$BIN" l10n merge "$nl" "$SCRATCH/bad.po" -o "$SCRATCH/out.xml"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "bad.po:$line: error: msgctxt \"no.such.id\" matches no text id"
    [ ! -e "$SCRATCH/out.xml" ] || fail "output written despite the error"
    printf 'msgid "unterminated\n' >"$SCRATCH/broken.po"
    run "$BIN" l10n merge "$nl" "$SCRATCH/broken.po" -o "$SCRATCH/out.xml"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "broken.po:2: error: end-of-line within string"
    [ ! -e "$SCRATCH/out.xml" ] || fail "output written for a malformed PO"
    # Translations the content loader would refuse (found by fuzzing): blank, control character.
    for bad in '"   "' '"\001x"'; do
        python3 - "$SCRATCH/bad.po" "$bad" >"$SCRATCH/blank.po" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read().replace('\nmsgctxt "no.such.id"\nmsgid "x"\nmsgstr "y"\n', "")
i = s.index('msgctxt "title"'); j = s.index("msgstr", i); k = s.index("\n\n", j)
print(s[:j] + "msgstr " + sys.argv[2] + s[k:], end="")
PY
        line=$(grep -n '^msgctxt "title"' "$SCRATCH/blank.po" | cut -d: -f1)
        run "$BIN" l10n merge "$nl" "$SCRATCH/blank.po" -o "$SCRATCH/out.xml"
        expect_rc 1
        expect_in "$SCRATCH/stderr" "blank.po:$line: error: the translation of \"title\""
        [ ! -e "$SCRATCH/out.xml" ] || fail "output written for a translation $bad"
    done
    # A translation that drops a placeholder ({n} of the continuation reference).
    python3 - "$SCRATCH/bad.po" >"$SCRATCH/placeholder.po" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read().replace('\nmsgctxt "no.such.id"\nmsgid "x"\nmsgstr "y"\n', "")
i = s.index('msgctxt "record.continued"'); j = s.index("msgstr", i); k = s.index("\n\n", j)
print(s[:j] + 'msgstr "→ bijlage"' + s[k:], end="")
PY
    line=$(grep -n '^msgctxt "record.continued"' "$SCRATCH/placeholder.po" | cut -d: -f1)
    run "$BIN" l10n merge "$nl" "$SCRATCH/placeholder.po" -o "$SCRATCH/out.xml"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "placeholder.po:$line: error: the translation of \"record.continued\" does not keep the placeholders"
    [ ! -e "$SCRATCH/out.xml" ] || fail "output written for a translation without its placeholder"
    sed 's/"Language: nl\\n"/"Language: en-Versi,n\\n"/' "$SCRATCH/bad.po" | grep -v no.such.id >"$SCRATCH/badlang.po"
    run "$BIN" l10n merge "$nl" "$SCRATCH/badlang.po" -o "$SCRATCH/out.xml"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "Language is not a language tag"
    sed 's/"Language: nl\\n"//' "$SCRATCH/bad.po" | grep -v no.such.id >"$SCRATCH/nolang.po"
    run "$BIN" l10n merge "$nl" "$SCRATCH/nolang.po" -o "$SCRATCH/out.xml"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "no Language field"
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
