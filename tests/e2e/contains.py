#!/usr/bin/env python3
"""Check that every expected text occurs in a PDF's extracted text.

usage: contains.py EXPECTED.txt PDFTEXT.txt [--count-once NAMES.txt]

EXPECTED.txt holds one text per line (from texts.py); PDFTEXT.txt is pdftotext's output. Both sides are
compared as letter sequences: soft hyphens, hyphens and all white space are removed (pdftotext shows a
hyphenation break as "\u00ad" or "-" plus a newline, and tracked capitals as "REFLECTER EN").
With --count-once, every line of NAMES.txt must occur in the PDF exactly as often as in the expected texts
(so a theme name that is a row label must not be printed twice, nor vanish).
Prints every text that is missing; exits 1 if any is.
"""
import re
import sys
import unicodedata

DROP = re.compile(r"[\s\u00ad\-\u2010\u2011]+")


def letters(s):
    return DROP.sub("", unicodedata.normalize("NFKC", s))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--count-once"):
        sys.exit(__doc__)
    expected = read_lines(argv[1])
    with open(argv[2], encoding="utf-8") as f:
        pdf = letters(f.read())
    if not expected:
        print("no expected texts in " + argv[1])
        return 1
    bad = 0
    for text in expected:
        if letters(text) not in pdf:
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
