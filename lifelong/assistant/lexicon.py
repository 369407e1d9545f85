"""The words the platform knows, read from its own data and kept per process for LEXICON_SECONDS.

- For mending typos (vocabulary.mend): the parsers' vocabulary, the unit names, the guides, the interface's own
  Vietnamese (thousands of everyday words), and the titles of what is public: the newest LEXICON_ROWS activities,
  resources and contests. The words, and the pairs of neighbouring words.
- For narrowing candidates (sources.py): the words too common among the activities to narrow anything ("lop",
  "phuong", a word of most titles), by their share of that sample. Asked of a national database, such a word would
  match a hundred thousand rows for nothing: the window of the soonest activities is ranked on it instead.
"""

import re
import time as clock
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import trans_real

from lifelong.activities.models import Activity
from lifelong.assistant.guides import GUIDES
from lifelong.assistant.parse import AUDIENCES, CATEGORIES, MODES, RELATIVE_WORDS, fold
from lifelong.assistant.places import place_index
from lifelong.assistant.vocabulary import COLLOQUIAL, KIND_WORDS, STOP_PHRASES, STOPWORDS, SYNONYMS, WEAK_WORDS
from lifelong.contests.models import Contest
from lifelong.library.models import Resource

LEXICON_SECONDS = 600
LEXICON_ROWS = 20000
# A word in more than this share of the sampled activities narrows nothing; below MIN_SAMPLE rows, none is common.
COMMON_SHARE = 0.02
MIN_SAMPLE = 2000


@dataclass
class Lexicon:
    words: set[str] = field(default_factory=set)
    pairs: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # the words of what is public and of the places (no interface text)
    common: set[str] = field(default_factory=set)


_cache: tuple[float, Lexicon] | None = None
# Patterns of answer.py whose words are known too (registered there, to avoid importing it here).
PATTERNS: list[re.Pattern] = []


def _interface_texts() -> list[str]:
    catalog = getattr(trans_real.translation("vi"), "_catalog", {})
    return [text for _key, text in catalog.items() if isinstance(text, str)]


def lexicon() -> Lexicon:
    global _cache
    if _cache is not None and clock.monotonic() - _cache[0] < LEXICON_SECONDS:
        return _cache[1]
    activities = list(Activity.objects.filter(published=True).order_by("-pk").values_list(
        "search_key", flat=True)[:LEXICON_ROWS])
    phrases = [w for w, _m in AUDIENCES + CATEGORIES + MODES + KIND_WORDS] + RELATIVE_WORDS + list(SYNONYMS)
    phrases += [" ".join(v) for vs in SYNONYMS.values() for v in vs] + list(COLLOQUIAL.values())
    phrases += list(place_index().names) + [fold(f"{g.title} {g.asks}") for g in GUIDES] + activities
    phrases += list(Resource.objects.filter(published=True).order_by("-pk").values_list(
        "title_key", flat=True)[:LEXICON_ROWS])
    phrases += [fold(title) for title in Contest.objects.filter(published=True).order_by("-pk").values_list(
        "title", flat=True)[:LEXICON_ROWS]]
    titles = {w for phrase in phrases for w in re.findall(r"[a-z]+", phrase)}
    phrases += STOP_PHRASES + [fold(text) for text in _interface_texts()] + [p.pattern for p in PATTERNS]
    known = Lexicon(
        words={w for phrase in phrases for w in re.findall(r"[a-z]+", phrase)} | STOPWORDS | WEAK_WORDS,
        pairs={f"{a} {b}" for phrase in phrases for a, b in zip(phrase.split(), phrase.split()[1:], strict=False)},
        titles=titles)
    if len(activities) >= MIN_SAMPLE:
        shares = Counter(w for text in activities for w in set(re.findall(r"\w+", text)))
        known.common = {w for w, n in shares.items() if n > COMMON_SHARE * len(activities)}
    _cache = (clock.monotonic(), known)
    return known


def forget() -> None:
    """Read the words again at the next question (tests, after loading data)."""
    global _cache
    _cache = None
