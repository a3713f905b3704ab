#!/usr/bin/env python3
"""Check that the URLs and e-mail addresses of a PDF's text layer are whole: no visible hyphen added inside
one, and a line broken inside one only after "/", "." or "-".

usage: addresses.py ADDRESSES.txt PDFTEXT.txt

ADDRESSES.txt holds one address per line; PDFTEXT.txt is `pdftotext -raw -enc UTF-8` output (raw: poppler's
default mode drops a hard hyphen at a line end, "onderwijsalliantie-" + "zuidrand" becoming one word).
Every address must occur at least once, with line ends (and nothing else) allowed only after "/", "." and
"-"; and no prefix of an address may end a line with a hyphen or soft hyphen that the address does not have
there ("s.hoeks-" + "tra@…"). Prints what is wrong; exits 1 if anything is.
"""
import re
import sys
import unicodedata

BREAK = r"[ \t]*\n[ \t]*"


def pattern(addr):
    """The address with a line end allowed after each "/", "." and "-"."""
    out = []
    for c in addr:
        out.append(re.escape(c))
        if c in "/.-":
            out.append(f"(?:{BREAK})?")
    return "".join(out)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    addresses = [a.strip() for a in open(argv[1], encoding="utf-8") if a.strip()]
    text = unicodedata.normalize("NFC", open(argv[2], encoding="utf-8").read())
    text = text.replace("\f", "\n").replace("\u200b", "")
    bad = 0
    for addr in addresses:
        n = len(re.findall(pattern(addr), text))
        print(f"{addr}: {n} time(s), whole")
        if n == 0:
            print(f"missing or broken: {addr}")
            bad += 1
        for i in range(1, len(addr)):
            if addr[i - 1] in "/.-" or addr[i] == "-":
                continue
            hyphenated = re.escape(addr[:i]) + "[-\u00ad\u2010]" + BREAK + re.escape(addr[i:i + 3])
            if re.search(hyphenated, text):
                print(f"a hyphen added inside {addr}: {addr[:i]}-|{addr[i:]}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
