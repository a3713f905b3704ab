#!/usr/bin/env python3
"""Print the texts of a content file that a sheet must show, one per line.

usage: texts.py CONTENT.xml praatplaat|followup|guide|themes|title

praatplaat: sheet title and name, notes and attention labels, score labels, yes/no labels, theme names,
          every statement, colophon short line

followup: follow-up title and name, field labels, group labels, column questions, extra rows, footer,
          yes/no labels, theme names, colophon short line, meta title
netwerkkaart: the network's title, question and centre, the labels and entries of its rings, kinds and
          roles, colophon short line
kaartjes: every phase's label and name, every card's name, question and example
guide:    meta title/subtitle/tagline/category, every heading, paragraph and list item of the guide,
          colophon heading and paragraphs, colophon short line
themes:   the theme names;  title: the meta title
A text with <br/> is printed as one line per part; white space is collapsed as the program does.
"""
import sys
import xml.etree.ElementTree as ET


def lines(el):
    """The element's own text (not that of child blocks), split at <br/>, white space collapsed."""
    parts, cur = [], [el.text or ""]
    for child in el:
        if child.tag == "br":
            parts.append("".join(cur))
            cur = []
        cur.append(child.tail or "")
    parts.append("".join(cur))
    return [t for t in (" ".join(p.split()) for p in parts) if t]


def texts(root, what):
    def all_of(*paths):
        return [t for path in paths for el in root.findall(path) for t in lines(el)]

    if what == "title":
        return all_of("meta/title")
    if what == "themes":
        return all_of("themes/theme/name")
    if what == "praatplaat":
        return all_of("praatplaat/title", "praatplaat/name", "praatplaat/explain", "praatplaat/attention",
                      "praatplaat/scores/score", "labels/yes", "labels/no", "themes/theme/name",
                      "themes/theme/statement", "colophon/short")
    if what == "followup":
        return all_of("followup/title", "followup/name", "followup/fields/field", "followup/group/label",
                      "followup/group/column", "followup/row", "followup/footer", "labels/yes", "labels/no",
                      "themes/theme/name", "colophon/short", "meta/title")
    if what == "netwerkkaart":
        return all_of("network/title", "network/question", "network/centre", "network/rings/label",
                      "network/rings/ring", "network/kinds/label", "network/kinds/kind", "network/roles/label",
                      "network/roles/role", "colophon/short")
    if what == "kaartjes":
        return all_of("cards/phase/label", "cards/phase/name", "cards/phase/card/name", "cards/phase/card/question",
                      "cards/phase/card/example")
    if what == "guide":
        guide = [t for el in root.find("guide").iter() if el.tag in ("heading", "p", "item") for t in lines(el)]
        return (all_of("meta/title", "meta/subtitle", "meta/tagline", "meta/category") + guide +
                all_of("colophon/heading", "colophon/p", "colophon/short"))
    sys.exit(f"texts.py: unknown selection {what!r} (praatplaat, followup, netwerkkaart, kaartjes, guide, themes, title)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for text in texts(ET.parse(sys.argv[1]).getroot(), sys.argv[2]):
        print(text)
