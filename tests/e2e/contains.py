#!/usr/bin/env python3
"""Check that every expected text occurs in a PDF's extracted text.

usage: contains.py EXPECTED.txt PDFTEXT.txt [--count-once NAMES.txt] [--rtl]

EXPECTED.txt holds one text per line (from texts.py); PDFTEXT.txt is pdftotext's output. Both sides are
compared as letter sequences: soft hyphens, hyphens and all white space are removed (pdftotext shows a
hyphenation break as "\u00ad" or "-" plus a newline, and tracked capitals as "REFLECTER EN").
With --count-once, every line of NAMES.txt must occur in the PDF exactly as often as in the expected texts
(so a theme name that is a row label must not be printed twice, nor vanish).
With --rtl the document is right to left: every paragraph is, Latin-only ones too ("3561 GE Utrecht"
is drawn, and extracted, as "GE Utrecht 3561"; "+/-" as "-/+"), so a text is also found as its set of
words, or reversed.
Prints every text that is missing; exits 1 if any is.
"""
import re
import sys
import unicodedata

DROP = re.compile(r"[\s\u00ad\-\u2010\u2011]+")


ARABIC = re.compile("[\u0600-\u06ff]")


def letters(s):
    return DROP.sub("", unicodedata.normalize("NFKC", s))


def rtl_words(s):
    """Right-to-left text as pdftotext gives it is wrapped in bidi marks, its lines are reordered around
    embedded Latin runs, and the letters of Arabic ligatures (lam-alef, lam-yeh) come out swapped: so
    Arabic texts are compared as a set of words, each word as its sorted letters."""
    s = "".join(" " if unicodedata.category(c) == "Cf" else c for c in unicodedata.normalize("NFKC", s))
    return {"".join(sorted(w)) for w in re.findall(r"\w+", s)}


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def main(argv):
    rtl = "--rtl" in argv
    argv = [a for a in argv if a != "--rtl"]
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--count-once"):
        sys.exit(__doc__)
    expected = read_lines(argv[1])
    with open(argv[2], encoding="utf-8") as f:
        raw = f.read()
    pdf, pdf_words = letters(raw), rtl_words(raw)
    if not expected:
        print("no expected texts in " + argv[1])
        return 1
    bad = 0
    for text in expected:
        found = rtl_words(text) <= pdf_words if ARABIC.search(text) else letters(text) in pdf
        if rtl and not found:
            words = rtl_words(text)
            found = (words and words <= pdf_words) or letters(text)[::-1] in pdf
        if not found:
            print(f"missing from the PDF: {text}")
            bad += 1
    if len(argv) == 5:
        for name in read_lines(argv[4]):
            want = sum(letters(t).count(letters(name)) for t in expected)
            got = pdf.count(letters(name))
            if got != want:
                print(f"\"{name}\" occurs {got} times in the PDF, expected {want}")
                bad += 1
    if bad:
        print(f"{bad} of the checks failed; the PDF's text is in {argv[2]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
