"""Ranking the candidates of a question: Okapi BM25 on folded syllables and syllable pairs, and a coverage rule.

Vietnamese writes one syllable per word ("kỹ năng số" is three), so a document is indexed by its folded syllables
and by each pair of neighbours ("ky nang", "nang so"): a question's "lap trinh" then ranks "Lớp lập trình" above a
text with "lập" and "trình" far apart. BM25 (k1 = 1.2, b = 0.75) is computed over the candidates of the question
(a few thousand at most, see sources.py), whose statistics stand for the corpus'.

The coverage rule decides whether a candidate answers at all: the words of the question it holds must weigh more
than half of the question's words (vocabulary.weight: stop words nothing, weak words a third). "học bơi" thus finds
nothing where only "học" matches, which is what "chưa tìm thấy" is for.

bm25s was measured for this and not taken: it builds a static index (80 ms for 2,000 documents, 1 s on the first
call), while each question here ranks a different set of candidates; the formula over a few thousand token sets
costs a few milliseconds.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

from lifelong.assistant.vocabulary import WEAK_WEIGHT, weight

K1 = 1.2
B = 0.75
COVERAGE = 0.5


def tokens(text: str) -> list[str]:
    """The syllables of a folded text and its pairs of neighbouring syllables."""
    words = text.split()
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass
class Query:
    sequence: list[str]  # the words left of the question, in order, stop words included
    given: set[str] = field(default_factory=set)  # words a candidate holds by its filters (an activity's kind)
    # Other ways of saying a word of the question (vocabulary.SYNONYMS): a candidate holding one of these phrases
    # whole holds the word.
    alternatives: dict[str, list[list[str]]] = field(default_factory=dict)
    soft: list[str] = field(default_factory=list)  # words that rank but are not asked for (the audience's)

    @property
    def words(self) -> list[str]:
        return [w for w in self.sequence if weight(w) > 0]

    @property
    def terms(self) -> list[str]:
        phrases = [" ".join(self.words), " ".join(self.soft)]
        phrases += [" ".join(p) for ps in self.alternatives.values() for p in ps]
        pairs = [f"{a}_{b}" for a, b in zip(self.sequence, self.sequence[1:], strict=False)]
        return list(dict.fromkeys([t for phrase in phrases for t in tokens(phrase)] + pairs))


@dataclass
class _Need:
    word: str
    weight: float
    pairs: list[str]  # the pairs it forms in the question that the candidates know: it must be held as one of them


def _needs(query: Query, known: set[str]) -> list[_Need]:
    """What each word of the question asks of a candidate. A word that forms, with a neighbour in the question, a
    pair the candidates hold somewhere ("đăng ký", "lập trình", "kỹ năng") must be held as that pair: "ký" alone, in
    "kỹ năng", does not answer "đăng ký"."""
    needs = []
    sequence = query.sequence
    for i, word in enumerate(sequence):
        if weight(word) <= 0:
            continue
        around = []
        if i > 0:
            around.append(f"{sequence[i - 1]}_{word}")
        if i + 1 < len(sequence):
            around.append(f"{word}_{sequence[i + 1]}")
        needs.append(_Need(word, weight(word), [pair for pair in around if pair in known]))
    return needs


def _holds(query: Query, need: _Need, document: set[str]) -> bool:
    if any(pair in document for pair in need.pairs) or (not need.pairs and need.word in document):
        return True
    return any(all(part in document for part in phrase) for phrase in query.alternatives.get(need.word, []))


def coverage(query: Query, needs: list[_Need], document: set[str], *, given: bool = False,
             filtered: bool = False) -> float:
    """The share of the question's weight a candidate holds; words its filters stand for are not asked of it."""
    asked = [need for need in needs if not (given and need.word in query.given)]
    total = sum(need.weight for need in asked)
    # Weak words alone ("có lớp gì") ask for nothing more than the filters do ("mai … ở Tây Mỗ").
    if not total or ((given or filtered) and all(need.weight < 1 for need in asked)):
        return 1.0
    return sum(need.weight for need in asked if _holds(query, need, document)) / total


@dataclass
class Document:
    text: str  # folded
    given: bool = False  # its filters stand for the query's given words (an activity of the topic's kind)
    filtered: bool = False  # the question's filters (time, place …) chose it
    boost: float = 1.0  # its score is multiplied by this


def rank(query: Query, documents: list[Document]) -> list[tuple[int, float]]:
    """(index, score) of the documents that answer the query, best first."""
    token_lists = [tokens(d.text) for d in documents]
    sets = [set(t) for t in token_lists]
    terms = query.terms
    n = len(documents)
    if not n:
        return []
    average = sum(len(t) for t in token_lists) / n or 1.0
    frequency = {t: sum(t in s for s in sets) for t in terms}
    needs = _needs(query, {t for t, f in frequency.items() if f and "_" in t})
    idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}
    scored = []
    for index, (token_list, token_set, document) in enumerate(zip(token_lists, sets, documents, strict=True)):
        if coverage(query, needs, token_set, given=document.given, filtered=document.filtered) <= COVERAGE:
            continue
        counts = Counter(t for t in token_list if t in idf)
        length = len(token_list)
        score = 0.0
        for term in terms:
            tf = counts.get(term, 0)
            if tf:
                w = max(weight(part) or WEAK_WEIGHT for part in term.split("_"))
                score += w * idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
        scored.append((index, score * document.boost))
    # Scores a hair apart are a tie: the candidates' own order (the soonest first) decides.
    scored.sort(key=lambda pair: -round(pair[1], 1))
    return scored
