#!/usr/bin/env python3
"""Every word of every expected text is in the text layer of the tiles of `render --tile`.

usage: tiletext.py EXPECTED.txt TILES.pdf FIRST LAST

EXPECTED.txt holds one text per line (texts.py). Pages FIRST..LAST of TILES.pdf are the tiles. The text
layer of a page holds the characters that lie on the page, so a word that crosses a seam is found as
a prefix on one tile and the rest on its neighbour (neighbours share the overlap, so the two pieces
overlap): a word counts as found when it is a word of some tile, or when a tile has a word that is a
prefix of it and another (or the same) tile a word that is a suffix of it, the two together as long as
the word at least. Exit 1 naming the missing words.
"""
import subprocess
import sys

SOFT = "\u00ad"


def words(pdf, page):
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(page), "-l", str(page), pdf, "-"],
                          check=True, capture_output=True, text=True).stdout
    # A word hyphenated at a soft hyphen comes out as U+00AD "-" at a line's end. Its first part is
    # kept as a word too: when a seam runs under that line end, the rest is on another tile.
    heads = {w.rstrip(SOFT + "-") for line in text.splitlines() if line.rstrip("-").endswith(SOFT)
             for w in line.split()[-1:]}
    text = text.replace(SOFT + "-\n", "").replace(SOFT + "\n", "").replace(SOFT, "")
    return set(text.split()) | heads


def found(word, tokens):
    if word in tokens:
        return True
    n = len(word)
    prefixes = [t for t in tokens if len(t) < n and word.startswith(t)]
    suffixes = [t for t in tokens if len(t) < n and word.endswith(t)]
    return any(len(p) + len(s) >= n for p in prefixes for s in suffixes)


def main():
    expected, pdf, first, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    tokens = set()
    for page in range(first, last + 1):
        tokens |= words(pdf, page)
    missing = []
    with open(expected, encoding="utf-8") as f:
        for line in f:
            for word in line.split():
                if not found(word, tokens):
                    missing.append(word)
    for word in missing:
        print(f"not in the tiles' text: {word}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
