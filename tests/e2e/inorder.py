#!/usr/bin/env python3
"""Check that a praatplaat's text layer has every statement, numbered, in the content's order.

usage: inorder.py CONTENT.xml PDFTEXT.txt

PDFTEXT.txt is `pdftotext -raw` output. Within each theme the statements must follow each other as
"1." + first statement, "2." + second, …, compared as letter sequences (white space, soft hyphens
and hyphens dropped, as contains.py does). Prints what is missing or out of order; exit 1 then.
"""
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

DROP = re.compile(r"[\s\u00ad\-\u2010\u2011]+")


def letters(s):
    return DROP.sub("", unicodedata.normalize("NFKC", s))


def main():
    root = ET.parse(sys.argv[1]).getroot()
    with open(sys.argv[2], encoding="utf-8") as f:
        text = letters(f.read())
    bad = 0
    for theme in root.iter("theme"):
        at = 0
        for k, st in enumerate(theme.findall("statement"), 1):
            want = f"{k}." + letters(" ".join(st.itertext()))
            found = text.find(want, at)
            if found < 0:
                print(f"statement {st.get('id')} not found as \"{k}. …\" after the one before it")
                bad = 1
            else:
                at = found + len(want)
    return bad


if __name__ == "__main__":
    sys.exit(main())
