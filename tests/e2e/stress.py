#!/usr/bin/env python3
"""Write a heavily filled session for content/samenwerking (issue #18), as people really write it.

usage: stress.py SESSION.xml TEXTS.txt ADDRESSES.txt

SESSION.xml gets the session: participants with names in five scripts (Latin with Vietnamese, Polish and
Turkish letters, Arabic, Hebrew, Greek, Cyrillic), an emoji post-it, a 2 000-word note, 40 post-its in one
theme (authors with long double names), follow-up cells of 60 to 150 words, "&", quotes, e-mail addresses
and a 60-character URL. TEXTS.txt gets every text of the session, one per line (for words.py and
contains.py); ADDRESSES.txt every URL and e-mail address in it, one per line.
(The bidi cases with reference images are tests/data/bidi-session.xml.)
The text is generated from a fixed seed: the same file every run.
"""
import random
import sys
from xml.sax.saxutils import escape

URL = "https://www.onderwijsalliantie-zuidrand.nl/verslagen/2026-10"
assert len(URL) == 60, len(URL)
EMAIL = "s.hoekstra@onderwijsalliantie-zuidrand.nl"
EMAIL2 = "m.wrobel-nowak@stichting-vo.example.org"
EMOJI = "Goed idee 👍 zo doorgaan"

NAMES = [
    ("Nguyễn Thị Ngọc Ánh", "Trường Tiểu học Quang Trung", "điều phối viên"),
    ("Małgorzata Wróbel-Nowak", "Szkoła Podstawowa nr 7", "dyrektorka"),
    ("Şükrü Çağlayan", "İlköğretim Okulu Güneş", "öğretmen"),
    ("فاطمة الزهراء العمراني", "مؤسسة التعليم", "مديرة"),
    ("יעל בן־דוד", "בית ספר הדר", "רכזת"),
    ("Γιώργος Παπαδόπουλος", "Σχολείο Αθηνών", "διευθυντής"),
    ("Анна Кузнецова", "Школа номер пять", "учитель"),
    ("Joost van der Meulen", "Stichting VO Zuidrand", "bestuurder"),
]
WORDS = ("samenwerking school bestuur leerlingen ouders gemeente afspraken ambitie draagvlak overleg "
         "werkgroep begroting zorgplicht doorlopende leerlijn kinderopvang peuterspeelzaal "
         "arbeidsongeschiktheidsverzekering onderwijsachterstanden evaluatie planning verantwoording "
         "teamleiders intern begeleiders jeugdhulp wijkteam huisvesting vervoer lerarentekort").split()

# Short words for the 2 000-word note: a text may hold at most 16 000 bytes.
SHORT = ("de het een en van in op met voor niet dat wij zij school ouders plan team kind les groep taak doel "
         "wijk zorg raad geld tijd week jaar").split()


def sentence(rng, n, words=WORDS):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def para(rng, words, vocabulary=WORDS):
    out, left = [], words
    while left > 0:
        k = min(left, rng.randint(6, 16))
        out.append(sentence(rng, k, vocabulary))
        left -= k
    return " ".join(out)


def el(tag, text, attrs=""):
    return f"<{tag}{attrs}>{escape(text)}</{tag}>" if text else ""


def participants(names):
    rows = []
    for name, org, role in names:
        rows.append("<participant>" + el("name", name) + el("organisation", org) + el("role", role)
                    + "</participant>")
    return "<participants>" + "".join(rows) + "</participants>"


def stress(rng, texts):
    colours = ["yellow", "pink", "blue", "green", "orange"]
    postits = []
    for i in range(40):
        text = sentence(rng, rng.randint(2, 9))
        if i == 0:
            text = EMOJI
        elif i == 1:
            text = "Zie " + URL
        elif i == 2:
            text = "Contact via " + EMAIL
        author = NAMES[i % len(NAMES)][0] if i % 3 else "Małgorzata Wróbel-Nowak"
        texts += [text, author]
        postits.append(f'<postit colour="{colours[i % 5]}">' + el("text", text) + el("author", author) + "</postit>")
    note = para(rng, 2000, SHORT)
    notes2 = f"Verslag staat op {URL} & vragen naar {EMAIL} of \"{EMAIL2}\"."
    texts += [note, notes2]
    themes = ['<theme ref="ambitie" attention="yes"><statement ref="ambitie.1" score="plus">'
              + el("remark", "Zie ook 'de notitie' van 3 maart & het plan.") + "</statement>"
              + "".join(postits) + "</theme>",
              '<theme ref="belangen">' + el("notes", note) + "</theme>",
              '<theme ref="relatie">' + el("notes", notes2) + "</theme>"]
    texts.append("Zie ook 'de notitie' van 3 maart & het plan.")
    rows = []
    for ref in ("ambitie", "belangen", "relatie", "organisatie", "proces"):
        cells = []
        for col in ("status", "intervention", "action", "who-when"):
            t = para(rng, rng.randint(60, 150))
            if col == "who-when":
                t += f" Contact: {EMAIL2}, verslag: {URL}"
            texts.append(t)
            cells.append(f'<cell column="{col}">{escape(t)}</cell>')
        rows.append(f'<row ref="{ref}">' + "".join(cells) + "</row>")
    texts.append("Ouders & leerlingen")
    rows.append('<row ref="other"><label>Ouders &amp; leerlingen</label></row>')
    return ("<praatplaat>" + "".join(themes) + "</praatplaat><followup>" + "".join(rows)
            + "</followup>")


def main():
    out, texts_out, addr_out = sys.argv[1:4]
    rng = random.Random(18)
    texts = ["Onderwijsalliantie Zuidrand & partners"]
    for n in NAMES:
        texts += [t for t in n if t]
    body = participants(NAMES) + stress(rng, texts)
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<session format="1" instrument="samenwerking" '
                'xml:lang="nl">\n<partnership>Onderwijsalliantie Zuidrand &amp; partners</partnership>\n'
                "<date>2026-10-14</date>\n" + body.replace("><", ">\n<") + "\n</session>\n")
    with open(texts_out, "w", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")
    with open(addr_out, "w", encoding="utf-8") as f:
        f.write("\n".join([URL, EMAIL, EMAIL2]) + "\n")


main()
