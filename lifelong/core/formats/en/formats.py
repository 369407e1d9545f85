# English pages keep the Vietnamese day/month order so that a date reads the same in both languages;
# only the number separators differ.
from lifelong.core.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
