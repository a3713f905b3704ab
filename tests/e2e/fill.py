#!/usr/bin/env python3
"""Fill a session template (from `praatplaat template`) with distinct marker words.

usage: fill.py TEMPLATE.xml OUT.xml MARKERS.txt WORDS

Every empty free-text element gets WORDS marker words (five letters, so hyphenation never breaks them:
it needs six), all distinct over the file; dates get real dates; scores and marks stay empty. The
markers are written to MARKERS.txt, one per line, so a test can look for each in the PDF's text.
"""
import itertools
import re
import string
import sys

DATES = {"date"}


def markers():
    for a, b, c, d in itertools.product(string.ascii_lowercase, repeat=4):
        yield "q" + a + b + c + d


def main():
    template, out, marker_file, words = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    gen = markers()
    used = []

    def fill(m):
        tag, attrs = m.group(1), m.group(2)
        if tag in DATES:
            return f"<{tag}{attrs}>2026-10-14</{tag}>"
        ws = [next(gen) for _ in range(words)]
        used.extend(ws)
        return f"<{tag}{attrs}>{' '.join(ws)}</{tag}>"

    xml = open(template, encoding="utf-8").read()
    xml = re.sub(r"<([a-z]+)((?:\s+[a-z:]+=\"[^\"]*\")*)></\1>", fill, xml)
    xml = xml.replace('<next date="">', '<next date="2027-03-10">')
    open(out, "w", encoding="utf-8").write(xml)
    open(marker_file, "w", encoding="utf-8").write("\n".join(used) + "\n")


if __name__ == "__main__":
    main()
