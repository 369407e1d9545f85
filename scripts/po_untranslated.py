"""List the msgids of locale/vi that are untranslated or fuzzy (run from the project root)."""
import re

s=open('locale/vi/LC_MESSAGES/django.po').read()
blocks=s.split('\n\n')
def val(block, key):
    m=re.search(rf'^{key} ((?:".*"\n?)+)', block, re.M)
    if not m: return None
    return "".join(re.findall(r'"(.*)"', m.group(1)))
for b in blocks[1:]:
    mid=val(b,'msgid'); ms=val(b,'msgstr')
    if '#, fuzzy' in b or (ms=='' and 'msgid_plural' not in b):
        print(repr(mid))
