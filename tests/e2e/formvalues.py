#!/usr/bin/env python3
"""Lists the fields of a PDF form as qpdf reads them (independent of poppler and of praatplaat), one
"NAME<TAB>VALUE" line per field, sorted. Text as a session holds it: line ends unified, white space
collapsed, lines trimmed, "-- " before a post-it's author spelled "— "; a line break shows as \\n.
Radio groups give their on-state, without the slash; fields not filled in are left out.

usage: formvalues.py FORM.pdf [names]
  names  only the field names (with their kind), filled in or not"""
import json
import re
import subprocess
import sys


def fields(pdf):
    out = subprocess.run(['qpdf', '--json=2', '--json-key=acroform', pdf], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)['acroform']['fields']


def norm(v):
    v = v.replace('\r\n', '\n').replace('\r', '\n')
    lines = [re.sub(r'[ \t]+', ' ', line).strip(' ') for line in v.split('\n')]
    v = '\n'.join(lines).strip('\n')
    return re.sub(r'(^|\n)-- ', '\\1\u2014 ', v)


def value(f):
    v = f['value']
    if v is None:
        return ''
    if f['isradiobutton']:
        return '' if v == '/Off' else v.lstrip('/')
    return norm(v[2:] if v.startswith(('u:', 'b:')) else v)


def main():
    pdf, mode = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'values'
    seen = {}
    for f in fields(pdf):
        name = f['fullname']
        if mode == 'names':
            seen[name] = 'radio' if f['isradiobutton'] else 'text'
        elif value(f):
            seen[name] = value(f).replace('\n', '\\n')
    for name in sorted(seen):
        print('%s\t%s' % (name, seen[name]))


if __name__ == '__main__':
    main()
