#!/usr/bin/env python3
"""Prints a session file canonically, one answer per line, so two sessions that mean the same compare
equal: texts collapsed as the loader does (<br/> is a line break), empty elements and attributes left
out (not filled in), a post-it's colour yellow when not given, order kept only where it matters
(participants, post-its). A network map's partners are named by kind, ring and name (and a number
among partners of one cell with the same name), links by their partners' names in sorted order, so
the ids and the order of partners and links do not matter. Usage: canon.py SESSION.xml"""
import re
import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def text(el):
    """The text of el as the session loader reads it: white space collapsed, <br/> a line break."""
    if el is None:
        return ''
    parts = [el.text or '']
    for child in el:
        if child.tag == 'br':
            parts.append('\0')
        parts.append(child.tail or '')
    out = re.sub(r'[ \t\r\n]+', ' ', ''.join(parts))
    out = re.sub(r' *\0 *', '\n', out.replace('\0', ' \0 '))
    return out.strip(' ').rstrip('\n')


def main(path):
    root = ET.parse(path).getroot()
    lines = ['instrument=' + root.get('instrument', ''), 'lang=' + (root.get(XML_LANG) or '')]

    def put(key, value):
        if value:
            lines.append(key + '=' + value.replace('\n', '\\n'))

    put('partnership', text(root.find('partnership')))
    put('date', text(root.find('date')).strip())
    n = 0
    for p in root.findall('participants/participant'):
        parts = [text(p.find(k)) for k in ('name', 'organisation', 'role')]
        if any(parts):
            n += 1
            for k, v in zip(('name', 'organisation', 'role'), parts):
                put('participant%d.%s' % (n, k), v)
    for t in root.findall('praatplaat/theme'):
        ref = t.get('ref')
        put('theme.%s.attention' % ref, t.get('attention', ''))
        for s in t.findall('statement'):
            put('statement.%s.score' % s.get('ref'), s.get('score', ''))
            put('statement.%s.remark' % s.get('ref'), text(s.find('remark')))
        put('theme.%s.notes' % ref, text(t.find('notes')))
        k = 0
        for p in t.findall('postit'):
            body, author = text(p.find('text')), text(p.find('author'))
            if body or author:
                k += 1
                put('theme.%s.postit%d.colour' % (ref, k), p.get('colour') or 'yellow')
                put('theme.%s.postit%d.text' % (ref, k), body)
                put('theme.%s.postit%d.author' % (ref, k), author)
    for r in root.findall('followup/row'):
        ref = r.get('ref')
        put('row.%s.label' % ref, text(r.find('label')))
        for c in r.findall('cell'):
            put('cell.%s.%s.mark' % (ref, c.get('column')), c.get('mark', ''))
            put('cell.%s.%s' % (ref, c.get('column')), text(c))
    nxt = root.find('followup/next')
    if nxt is not None:
        put('next.date', (nxt.get('date') or '').strip())
        put('next', text(nxt))
    network(root.find('netwerkkaart'), put)
    print('\n'.join(lines[:2] + sorted(lines[2:])))


def network(nk, put):
    """A network map's partners, links and notes (docs/session-format.md, "A network map")."""
    if nk is None:
        return
    names, seen = {}, {}
    for p in nk.findall('partner'):
        name = text(p.find('name'))
        if not name:
            continue
        cell = '%s.%s.%s' % (p.get('kind'), p.get('ring'), name)
        seen[cell] = seen.get(cell, 0) + 1
        key = 'partner.%s#%d' % (cell, seen[cell])
        names[p.get('id')] = name
        put(key + '.name', name)
        put(key + '.note', text(p.find('note')))
        for m in p.findall('priority'):
            put(key + '.priority.' + m.get('role'), m.get('count') or '1')
        for a in p.findall('answer'):
            put(key + '.answer.' + a.get('card'), text(a))
    for k in nk.findall('link'):
        put('link', ' | '.join(sorted([names[k.get('from')], names[k.get('to')]])))
    put('map.notes', text(nk.find('notes')))


if __name__ == '__main__':
    main(sys.argv[1])
