"""Fill the Vietnamese translations of the given messages and drop their fuzzy marks.

Usage: .venv/bin/python scripts/po_fill.py translations.json   ({"English msgid": "Vietnamese", ...})
after `make messages` (or makemessages) has added the new msgids; then compile (make messages again, or
manage.py compilemessages). scripts/po_untranslated.py lists what is still empty or fuzzy.
"""
import json
import re
import sys

path = 'locale/vi/LC_MESSAGES/django.po'
tr = json.load(open(sys.argv[1]))
s = open(path).read()
blocks = s.split('\n\n')
def val(block, key):
    m = re.search(rf'^{key} ((?:".*"\n?)+)', block, re.M)
    return "".join(re.findall(r'"(.*)"', m.group(1))) if m else None
def esc(t):
    return t.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
out = [blocks[0]]
done = set()
for b in blocks[1:]:
    mid = val(b, 'msgid')
    key = mid.encode().decode('unicode_escape').encode('latin-1').decode('utf-8') if mid else mid
    if mid is not None and (mid in tr or key in tr):
        t = tr.get(mid, tr.get(key))
        lines = [l for l in b.split('\n') if not l.startswith('#|') and l != '#, fuzzy']
        lines = [l.replace('#, fuzzy, ', '#, ') if l.startswith('#, fuzzy,') else l for l in lines]
        b = '\n'.join(lines)
        b = re.sub(r'^msgstr (?:".*"\n?)+', lambda m: 'msgstr "' + esc(t) + '"', b, flags=re.M)
        if not b.endswith('"'):
            pass
        done.add(mid)
    out.append(b)
open(path, 'w').write('\n\n'.join(out))
missing = [k for k in tr if k not in done and k.replace('\n','\\n') not in done]
print("filled", len(done), "missing", missing)
