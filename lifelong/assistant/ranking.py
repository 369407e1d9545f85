"""Ranking the candidates of a question: Okapi BM25 on folded syllables and syllable pairs, and a coverage rule.

Vietnamese writes one syllable per word ("kỹ năng số" is three), so a document is indexed by its folded syllables
and by each pair of neighbours ("ky nang", "nang so"): a question's "lap trinh" then ranks "Lớp lập trình" above a
text with "lập" and "trình" far apart. BM25 (k1 = 1.2, b = 0.75) is computed over the candidates of the question
(a few thousand at most, see sources.py), whose statistics stand for the corpus'.

The coverage rule decides whether a candidate answers at all: it must hold more than half of the question's words
that count (vocabulary.weight: stop words never count, weak words only when nothing else is asked), each as part of
the two-syllable word the question says where it says one (`_needs`), and the rarest of them unless nearly all.
"học bơi" thus finds nothing where only "học" matches, which is what "chưa tìm thấy" is for.

bm25s was measured for this and not taken: it builds a static index (80 ms for 2,000 documents, 1 s on the first
call), while each question here ranks a different set of candidates; the formula over a few thousand token sets
costs a few milliseconds.
"""

import math
import re
from collections.abc import Container
from dataclasses import dataclass, field

from lifelong.assistant.vocabulary import WEAK_WEIGHT, is_syllable, weight

K1 = 1.2
B = 0.75
COVERAGE = 0.5
LONG_QUESTION = 7  # words that count, from which a question is long
FULL_COVERAGE = 0.75


def tokens(text: str) -> list[str]:
    """The syllables of a folded text and its pairs of neighbouring syllables (punctuation is not part of a word)."""
    words = re.findall(r"\w+", text)
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass
class Query:
    sequence: list[str]  # the words left of the question, in order, stop words included
    given: set[str] = field(default_factory=set)  # words a candidate holds by its filters (an activity's kind)
    # Other ways of saying a word of the question (vocabulary.SYNONYMS): a candidate holding one of these phrases
    # whole holds the word.
    alternatives: dict[str, list[list[str]]] = field(default_factory=dict)
    soft: list[str] = field(default_factory=list)  # words that rank but are not asked for (the audience's)
    must: set[str] = field(default_factory=set)  # words a candidate must hold (a place's name read as words)

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
    paired: bool = False  # it forms a pair of two words that count, which no candidate holds: held alone, it is half


def _needs(query: Query, known: set[str]) -> list[_Need]:
    """What each word of the question asks of a candidate. Vietnamese words are mostly two syllables, so a word of
    the question is asked together with a neighbour when
    - the pair is one the candidates hold somewhere ("đăng ký", whose "đăng" alone counts for nothing): "ký" alone,
      in "kỹ năng", does not answer "đăng ký";
    - both are Vietnamese syllables that count ("giá điện", "bóng đá") and no candidate holds the pair: each alone
      counts half, so that "giá" and "điện" apart ("tham gia", "điện thoại") do not answer "giá điện", while "nghề
      điện" still finds "học nghề … sửa chữa điện" by its other half. Foreign words ("robot STEM") stand alone.
    Either neighbour will do; a weak neighbour ("học Excel") asks for nothing."""
    needs = []
    sequence = query.sequence
    for i, word in enumerate(sequence):
        if weight(word) <= 0 or word in sequence[:i]:  # a word said twice is asked once
            continue
        pairs, paired = [], False
        after = sequence[i + 1] if i + 1 < len(sequence) else ""
        for left, right in ((sequence[i - 1] if i > 0 else "", word), (word, after)):
            if not left or not right:
                continue
            if f"{left}_{right}" in known:
                pairs.append(f"{left}_{right}")
            elif weight(left) >= 1 and weight(right) >= 1 and is_syllable(left) and is_syllable(right):
                paired = True
        needs.append(_Need(word, weight(word), pairs, paired))
    return needs


def _held(query: Query, need: _Need, document: Container[str]) -> float:
    """How much of the word a candidate holds: all of it, half (alone where the question pairs it), or none."""
    if any(pair in document for pair in need.pairs):
        return 1.0
    if any(all(part in document for part in phrase) for phrase in query.alternatives.get(need.word, [])):
        return 1.0
    if not need.pairs and need.word in document:
        return 0.5 if need.paired else 1.0
    return 0.0


def coverage(query: Query, needs: list[_Need], document: Container[str], *, given: bool = False,
             filtered: bool = False, rarest: set[str] = frozenset()) -> float:
    """The share of the question's weight a candidate holds; words its filters stand for are not asked of it.

    A candidate that misses the question's rarest word (the one fewest candidates hold: "bóng đá" in "kết quả bóng
    đá") answers something else unless it holds nearly all the rest: its share is halved below FULL_COVERAGE."""
    # Words the filters stand for are not asked again, nor a place's name, which is asked whole (`must`).
    asked = [need for need in needs if not (given and need.word in query.given) and need.word not in query.must]
    # Weak words ask for something only when nothing else is asked ("cộng đồng học tập"), and then not beyond the
    # filters ("mai … ở Tây Mỗ có lớp gì").
    strong = [need for need in asked if need.weight >= 1]
    if strong:
        asked = strong
    elif given or filtered:
        return 1.0
    total = sum(need.weight for need in asked)
    if not total:
        return 1.0
    if any(word not in document for word in query.must):
        return 0.0
    held = [(need, _held(query, need, document)) for need in asked]
    share = sum(need.weight * part for need, part in held) / total
    held = [need for need, part in held if part]
    if rarest and not any(need.word in rarest for need in held) and any(n.word in rarest for n in asked):
        return share if share >= FULL_COVERAGE else share / 2
    return share


@dataclass
class Document:
    text: str  # folded
    given: bool = False  # its filters stand for the query's given words (an activity of the topic's kind)
    filtered: bool = False  # the question's filters (time, place …) chose it
    boost: float = 1.0  # its score is multiplied by this


class _Text:
    """A candidate's folded text as the ranking reads it: `term in text` for a syllable or a pair "a_b", and how
    often it occurs. Pairs are looked up in the joined words rather than built for every candidate: a question
    asks for a few pairs, a candidate holds dozens."""

    __slots__ = ("words", "unique", "joined")

    def __init__(self, text: str):
        self.words = _WORD.findall(text)
        self.unique = set(self.words)
        self.joined = f" {' '.join(self.words)} "

    def __contains__(self, term: str) -> bool:
        if "_" in term:
            first, second = term.split("_", 1)
            return first in self.unique and second in self.unique and f" {first} {second} " in self.joined
        return term in self.unique

    def count(self, term: str) -> int:
        if term not in self:
            return 0
        return self.joined.count(f" {term.replace('_', ' ')} ") if "_" in term else self.words.count(term)


_WORD = re.compile(r"\w+")


def rank(query: Query, documents: list[Document]) -> list[tuple[int, float]]:
    """(index, score) of the documents that answer the query, best first."""
    texts = [_Text(d.text) for d in documents]
    terms = query.terms
    n = len(documents)
    if not n:
        return []
    average = sum(len(t.words) for t in texts) / n or 1.0
    frequency = {t: sum(t in text for text in texts) for t in terms}
    needs = _needs(query, {t for t, f in frequency.items() if f and "_" in t})
    idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}
    present = [t for t in terms if frequency[t]]
    strong = {need.word: frequency.get(need.word, 0) for need in needs
              if need.weight >= 1 and need.word not in query.given and need.word not in query.must}
    if len(strong) >= LONG_QUESTION:
        # A long question tells its story ("mình là mẹ của hai bé … thích chơi game … muốn học Scratch"): the words
        # no candidate holds are its context, half a word each, and the rarest word asked is one some candidate holds.
        for need in needs:
            if need.word in strong and not strong[need.word]:
                need.weight /= 2
        strong = {word: f for word, f in strong.items() if f} or strong
    fewest = min(strong.values(), default=0)
    rarest = {word for word, f in strong.items() if f == fewest}
    scored = []
    for index, (text, document) in enumerate(zip(texts, documents, strict=True)):
        if coverage(query, needs, text, given=document.given, filtered=document.filtered,
                    rarest=rarest) <= COVERAGE:
            continue
        length = len(text.words)
        score = 0.0
        for term in present:
            tf = text.count(term)
            if tf:
                w = max(weight(part) or WEAK_WEIGHT for part in term.split("_"))
                score += w * idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
        scored.append((index, score * document.boost))
    # Scores a hair apart are a tie: the candidates' own order (the soonest first) decides.
    scored.sort(key=lambda pair: -round(pair[1], 1))
    return scored
