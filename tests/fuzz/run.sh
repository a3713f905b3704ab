#!/bin/sh
# Builds (incrementally) and runs each libFuzzer target for SECONDS (default $PP_FUZZ_SECONDS, else 30).
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]     TARGET: content, layout, po, session (default: all four)
# Work files (binaries, corpora, logs, crash artifacts) go to $PP_FUZZ_DIR, default ${TMPDIR:-/tmp}/pp-fuzz.
# Crash, leak, timeout and out-of-memory inputs are copied to tests/fuzz/regressions/fuzz_TARGET-KIND-HASH.
# Extra libFuzzer flags: FUZZ_ARGS="-jobs=2 -workers=2" tests/fuzz/run.sh 60
# PP_FUZZ_NO_BUILD=1 skips the build (ctest builds the targets itself); PRAATPLAAT names the binary
# that makes the PO seeds (default build/praatplaat). SECONDS 0 fuzzes nothing and exits 77 (skipped).
# Several runs may share $PP_FUZZ_DIR at once if they fuzz different targets.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${PP_FUZZ_DIR:-${TMPDIR:-/tmp}/pp-fuzz}
secs=${1:-${PP_FUZZ_SECONDS:-30}}
[ $# -gt 0 ] && shift
targets=${*:-content layout po session}
praatplaat=${PRAATPLAAT:-$repo/build/praatplaat}

case $secs in '' | *[!0-9]*) echo "SECONDS must be a whole number, not \"$secs\""; exit 2 ;; esac
if [ "$secs" -eq 0 ]; then
    echo "fuzzing for 0 seconds: skipped"
    exit 77
fi
mkdir -p "$out"
if [ "${PP_FUZZ_NO_BUILD:-0}" != 1 ]; then
    "$here/build.sh" "$out" >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 2; }
fi

# seed TARGET: the seed corpus of TARGET from the repository's real files, made afresh every run.
seed() {
    dir="$out/seeds/$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    case $1 in
    content)
        cp "$repo"/content/samenwerking/*.xml "$repo"/tests/data/*.xml "$repo"/tests/data/invalid/*.xml \
            "$repo"/tests/data/bad/*.xml "$dir/" ;;
    layout) cp "$repo"/layouts/*.xml "$dir/" ;;
    session)
        cp "$repo"/samples/*.xml "$repo"/tests/data/marks-session.xml "$repo"/tests/data/invalid-session/*.xml \
            "$dir/"
        [ ! -x "$praatplaat" ] || "$praatplaat" template "$repo/content/samenwerking/nl.xml" -o "$dir/template.xml" ;;
    po)
        cp "$repo"/tests/data/bad/po/*.po "$dir/"
        if [ -x "$praatplaat" ]; then
            pot="$dir/template.pot"
            if "$praatplaat" l10n extract "$repo/content/samenwerking/nl.xml" -o "$pot"; then
                # The template has no Language: a merge stops early. Add one with a language, and one
                # with every entry translated by its own msgid, so the seeds reach the merge itself.
                sed 's/"Language: \\n"/"Language: en\\n"/' "$pot" >"$dir/language.po"
                awk '
                    /^msgid / { id = substr($0, 7); cont = ""; inid = 1; print; next }
                    inid && /^"/ { cont = cont "\n" $0; print; next }
                    inid && /^msgstr ""$/ && !(id == "\"\"" && cont == "") { inid = 0; print "msgstr " id cont; next }
                    { inid = 0; print }
                ' "$dir/language.po" >"$dir/translated.po"
            fi
        else
            echo "note: $praatplaat not built; the po target starts from the PO files of tests/data/bad/po"
        fi ;;
    esac
}

status=0
for t in $targets; do
    bin="$out/fuzz_$t"
    [ -x "$bin" ] || { echo "no such target: $t"; status=2; continue; }
    seed "$t"
    # Earlier findings were copied to regressions/ by the run that made them.
    rm -rf "$out/artifacts/$t"
    mkdir -p "$out/corpus/$t" "$out/artifacts/$t" "$out/logs"
    # libgettextpo's parser leaks on bad input (and pp_l10n_merge longjmps out of it): no leak checks.
    # -detect_leaks=0 stops libFuzzer's per-input check; ASAN_OPTIONS stops LeakSanitizer's at exit.
    extra=""
    asan=${ASAN_OPTIONS:-}
    if [ "$t" = po ]; then
        extra="-detect_leaks=0"
        asan="${asan:+$asan:}detect_leaks=0"
    fi
    echo "== fuzz_$t for ${secs}s (log: $out/logs/$t.log)"
    # shellcheck disable=SC2086
    ASAN_OPTIONS="$asan" PP_SOURCE_DIR="$repo" "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -dict="$here/xml.dict" \
        -artifact_prefix="$out/artifacts/$t/fuzz_$t-" $extra ${FUZZ_ARGS:-} \
        "$out/corpus/$t" "$out/seeds/$t" >"$out/logs/$t.log" 2>&1
    rc=$?
    grep -E '^(#[0-9]+ *DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' \
        "$out/logs/$t.log"
    if [ $rc -ne 0 ]; then
        status=1
        echo "fuzz_$t stopped with status $rc:"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|    #[0-9] )' "$out/logs/$t.log" | head -20
    fi
    # Keep every finding as a regression input in the repository. A failure of the opt-in roundtrip
    # oracle is named fuzz_po-roundtrip-HASH, so that replay.sh turns the oracle on for it.
    for f in "$out/artifacts/$t"/*; do
        [ -f "$f" ] || continue
        name=$(basename "$f")
        [ "$t" = po ] && [ "${PP_FUZZ_PO_ROUNDTRIP:-0}" = 1 ] && name=$(echo "$name" | sed 's/^fuzz_po-crash-/fuzz_po-roundtrip-/')
        cp "$f" "$here/regressions/$name"
        echo "finding: tests/fuzz/regressions/$name"
    done
done
exit $status
