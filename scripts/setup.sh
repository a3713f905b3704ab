#!/usr/bin/env bash
# One command for a fresh Debian 12 machine (as root, or with sudo):
#   bash scripts/setup.sh          install what is missing, build, render the samples into out/
#   bash scripts/setup.sh --test   the same set-up, then run the whole test suite, then the whole
#                                  suite again built with AddressSanitizer, UBSan and LeakSanitizer
#                                  (in build-asan/; about 5 minutes in all on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=render
[ "${1:-}" = "--test" ] && mode=test

# Debian packages: to build and run, and to test.
build_pkgs=(build-essential cmake pkg-config libcairo2-dev libpango1.0-dev libxml2-dev libhyphen-dev
            libqpdf-dev libgettextpo-dev libpoppler-glib-dev libqrencode-dev libzbar-dev libjpeg-dev)
# Hyphenation dictionaries: the content's language picks its own (docs/translating.md). Every one
# Debian 12 ships for a script the shipped fonts draw (Latin, Greek, Cyrillic); about 3.5 MB in all.
hyphen_pkgs=(hyphen-af hyphen-be hyphen-bg hyphen-ca hyphen-cs hyphen-da hyphen-de hyphen-el
             hyphen-en-gb hyphen-en-us hyphen-es hyphen-fr hyphen-gl hyphen-hr hyphen-hu hyphen-id
             hyphen-is hyphen-it hyphen-lt hyphen-lv hyphen-mn hyphen-nl hyphen-no hyphen-pl
             hyphen-pt-br hyphen-pt-pt hyphen-ro hyphen-ru hyphen-sk hyphen-sl hyphen-sr hyphen-sv
             hyphen-uk hyphen-zu)
test_pkgs=(libcmocka-dev poppler-utils qpdf libxml2-utils pango1.0-tools time gettext valgrind clang
           libclang-rt-14-dev mupdf-tools locales man-db groff-base
           default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java icc-profiles-free chromium)

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A locale with a decimal comma, for the locale test (tests/e2e/locale.sh): generated when missing.
ensure_locale() {
    locale -a 2>/dev/null | grep -qixF "$2" && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "Generating locale: $1"
    if grep -qE "^# *$1( |\$)" /etc/locale.gen; then
        "${sudo[@]}" sed -i -E "s/^# *($1( |\$))/\1/" /etc/locale.gen
    elif ! grep -qE "^$1( |\$)" /etc/locale.gen; then
        echo "$1 ${1#*.}" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    fi
    "${sudo[@]}" locale-gen >/dev/null
}

install_missing "${build_pkgs[@]}" "${hyphen_pkgs[@]}" "${test_pkgs[@]}"
ensure_locale de_DE.UTF-8 de_DE.utf8

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

if [ "$mode" = test ]; then
    status=0
    (cd build && ctest --output-on-failure -j "$(nproc)") || status=1
    # The same suite with sanitizers (no fuzz or valgrind tests there). A sanitizer report ends the
    # process with exit code 86, which no test expects; leaks are errors, except those inside the
    # system libraries that tests/lsan.supp lists, with its reasons.
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPP_SANITIZE=ON >/dev/null
    cmake --build build-asan -j "$(nproc)"
    export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:exitcode=86
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    (cd build-asan && ctest --output-on-failure -j "$(nproc)") || status=1
    exit $status
fi

# The samples: every sheet of the VO-raad instrument, for the note-taker (A3) and the group (A0).
mkdir -p out
for paper in A3 A0; do
    for sheet in praatplaat followup guide; do
        build/praatplaat render content/samenwerking/nl.xml --sheet "$sheet" --paper "$paper" \
            -o "out/samenwerking-$sheet-$paper.pdf"
    done
done
for lang in nl en; do
    build/praatplaat render "content/samenwerking/$lang.xml" --sheet all --paper A4 \
        -o "out/samenwerking-all-A4-$lang.pdf"
done
for sheet in praatplaat followup; do
    build/praatplaat render content/samenwerking/nl.xml --sheet "$sheet" --paper A3 --dpi 60 \
        -o "out/samenwerking-$sheet-A3.png"
done
# Filled-in sessions (samples/): the archive report, and the sheets pre-filled for the next meeting.
for session in samples/*.xml; do
    name=$(basename "$session" .xml)
    build/praatplaat render content/samenwerking/nl.xml --session "$session" --sheet report \
        -o "out/$name-report-A4.pdf"
    build/praatplaat render content/samenwerking/nl.xml --session "$session" --sheet all --paper A3 \
        -o "out/$name-all-A3.pdf"
done
build/praatplaat render content/samenwerking/nl.xml --session samples/zuidrand-2026-10.xml \
    --sheet praatplaat --paper A0 -o out/zuidrand-2026-10-praatplaat-A0.pdf
build/praatplaat template content/samenwerking/nl.xml -o out/samenwerking-session-template.xml
# The second instrument (Arteveldehogeschool reflectietool): the network map for the group (A0, A1)
# and the note-taker (A3), the reflection cards to cut, and its guide.
for paper in A0 A1 A3; do
    build/praatplaat render content/netwerkkaart/nl.xml --sheet netwerkkaart --paper "$paper" \
        -o "out/netwerkkaart-netwerkkaart-$paper.pdf"
done
build/praatplaat render content/netwerkkaart/nl.xml --sheet kaartjes --paper A4 \
    -o out/netwerkkaart-kaartjes-A4.pdf
build/praatplaat render content/netwerkkaart/nl.xml --sheet guide --paper A4 \
    -o out/netwerkkaart-guide-A4.pdf
build/praatplaat render content/netwerkkaart/nl.xml --sheet netwerkkaart --paper A3 --dpi 60 \
    -o out/netwerkkaart-netwerkkaart-A3.png
echo "Rendered into out/:"
ls -1 out
