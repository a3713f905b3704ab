#!/usr/bin/env python3
"""pseudo.py TEMPLATE.pot LANG [identity]: a translated PO file on stdout.

Every msgstr is its msgid with each vowel doubled and accented (a -> áá): about 30-40% longer, with
letters outside ASCII, the way a long translation stresses the layouts; {placeholders} stay as they are. With "identity" every msgstr is
its msgid unchanged. The header's Language becomes LANG."""
import re
import sys

ACCENT = {"a": "áá", "e": "éé", "i": "íí", "o": "óó", "u": "úú",
          "A": "ÁÁ", "E": "ÉÉ", "I": "ÍÍ", "O": "ÓÓ", "U": "ÚÚ"}


def main(pot, lang, identity=False):
    blocks = open(pot, encoding="utf-8").read().split("\n\n")
    out = []
    for block in blocks:
        m = re.search(r'msgid ((?:".*"\n?)+)msgstr ""', block)
        if m and "msgctxt" in block:
            # vowels outside {placeholders}, which a translation must keep as they are
            text = m.group(1) if identity else re.sub(
                r"\{[a-z]+\}|[aeiouAEIOU]", lambda v: ACCENT.get(v.group(0), v.group(0)), m.group(1))
            block = block.replace('msgstr ""', "msgstr " + text.rstrip("\n"))
        out.append(block)
    sys.stdout.write("\n\n".join(out).replace('"Language: \\n"', f'"Language: {lang}\\n"'))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == "identity")
