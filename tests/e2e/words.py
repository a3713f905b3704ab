#!/usr/bin/env python3
"""Check that every word of the expected texts is in a PDF's extracted text as a whole word.

usage: words.py EXPECTED.txt EXTRACTED.txt [--no-inner-soft-hyphen]

EXPECTED.txt holds one text per line (from texts.py); EXTRACTED.txt is the output of `pdftotext -enc UTF-8`
or `mutool draw -F txt`. Both are NFKC-normalised (a ligature glyph's "ﬀ" is "ff"). A word broken at a line
end is joined first: "geza\u00ad" or "geza\u00ad-" or "geza-" at the end of a line, then the next line's
first word. (A hard hyphen at a line end may belong to the word, "REFLECTIE-INSTRUMENT": both readings are
kept, and pdftotext's own joining of such a compound without its hyphen counts for its parts.) Bidi controls (category Cf other than the soft hyphen) separate words, as pdftotext's embedding
marks around a Latin run in Arabic text do.
With --no-inner-soft-hyphen, a U+00AD anywhere but at a line end (optionally followed by "-") fails too:
such a hyphenation point splits the word for a reader's search.
Prints every word missing and every inner soft hyphen; exits 1 if any.
"""
import re
import sys
import unicodedata

SHY = "\u00ad"


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c if c == SHY or unicodedata.category(c) != "Cf" else " " for c in s)


def words(s):
    """Runs of letters and digits, split where the script changes between Arabic and anything else: no
    word of the content mixes scripts, and MuPDF drops the space between an Arabic and a Latin word of a
    mixed line ("Eyeتطوير")."""
    return [w for run in re.findall(r"\w+", s) for w in re.findall(r"[\u0600-\u06ff]+|[^\u0600-\u06ff]+", run)]


def extracted_words(text):
    """The words of the extracted text, line-end hyphenation joined."""
    # A soft hyphen at a line end (pdftotext may add a "-"): always a hyphenation break.
    soft = re.sub(SHY + r"-?[ \t]*\n\s*", "", text)
    # A hard hyphen at a line end between letters: joined, and also kept as a separator.
    joined = re.sub(r"(?<=\w)-[ \t]*\n\s*(?=\w)", "", soft)
    return set(words(joined)) | set(words(soft))


def inner_soft_hyphens(text):
    """Lines with a U+00AD that is not at the line's end."""
    bad = []
    for n, line in enumerate(text.split("\n"), 1):
        stripped = re.sub(SHY + r"-?\s*$", "", line)
        if SHY in stripped:
            bad.append(f"{n}: {line.replace(SHY, '<U+00AD>')}")
    return bad


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = [a for a in argv[1:] if a.startswith("--")]
    if len(args) != 2 or any(o != "--no-inner-soft-hyphen" for o in opts):
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        lines = [norm(line) for line in f]
    expected = [w for line in lines for w in words(line)]
    with open(args[1], encoding="utf-8") as f:
        text = norm(f.read())
    if not expected:
        print(f"no expected words in {args[0]}")
        return 1
    found = extracted_words(text)
    # pdftotext drops a hard hyphen at a line end and joins the lines ("pedagogisch-" + "didactisch"
    # gives "pedagogischdidactisch"): the parts of such a compound count as found.
    for line in lines:
        for compound in re.findall(r"\w+(?:-\w+)+", line):
            if compound.replace("-", "") in found:
                found |= set(compound.split("-"))
    missing = sorted({w for w in expected if w not in found})
    for w in missing:
        print(f"word not found: {w}")
    bad = inner_soft_hyphens(text) if "--no-inner-soft-hyphen" in opts else []
    for line in bad:
        print(f"soft hyphen inside a line: {line}")
    if missing or bad:
        print(f"{len(missing)} of {len(set(expected))} words missing, {len(bad)} lines with an inner soft hyphen "
              f"in {args[1]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
