"""Answering a question from the platform's own data, by rules and lexical ranking (no language model).

Pipeline (docs/assistant.md):
1. Prepare: fold (no case, no tone marks), write chat forms out ("ko", "dc", "t7"), mend typos against the words
   the platform knows (vocabulary.mend).
2. Read: time, mode, audience, topic (parse.py) and places (places.py); "gần tôi" from the learner's home commune
   or the browser's location (geography.py).
3. Questions about the campaign itself are answered from it: its theme, dates, slogans, opening; a unit's report
   deadline from the reports' expected reporters.
4. Otherwise candidates are read under the filters from each source that can answer (sources.py: activities,
   resources, contests, schemes, guides) and ranked together (ranking.py: BM25 on syllables and syllable pairs,
   with the coverage rule). With nothing answering, what folded words may have misread (a topic, an audience, a
   place named without a cue, then the time) is read again as plain words (`_relaxations`).
5. A short sentence, the filters applied (chips the person can remove: `drop`), the items and why each matches.
   Nothing understood, or nothing matching: "chưa tìm thấy" with suggestions, never unrelated items.
"""

import copy
import re
from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lifelong.activities.models import Activity, TargetGroup
from lifelong.assistant import sources
from lifelong.assistant.geography import nearest_province
from lifelong.assistant.lexicon import PATTERNS, lexicon
from lifelong.assistant.parse import Parsed, fold, parse
from lifelong.assistant.places import Places, place_index, read_places
from lifelong.assistant.ranking import Document, Query, rank
from lifelong.assistant.vocabulary import (
    ACTIVITY_WORDS,
    ADDITIVE_KINDS,
    KIND_WORDS,
    SYNONYMS,
    colloquial,
    mend,
    weight,
    without_stop_phrases,
)
from lifelong.campaigns.models import ActivityCategory
from lifelong.campaigns.selectors import campaign_current
from lifelong.orgs.models import OrgUnit
from lifelong.reports.models import ExpectedReporter

MAX_ITEMS = 10
KIND_LABELS = {
    "activity": gettext_lazy("Activities to join"), "resource": gettext_lazy("Library resources"),
    "contest": gettext_lazy("Contests"), "scheme": gettext_lazy("Learning models"), "guide": gettext_lazy("Guides"),
    "deadline": gettext_lazy("Report deadlines"), "campaign": gettext_lazy("The Week"),
}
FILTER_KEYS = ("time", "place", "near", "topic", "mode", "audience", "kind")
NEAR_WORDS = re.compile(r"\b(gan toi|gan day|quanh day|gan nha|gan minh|gan em|xung quanh toi|noi toi o|o gan)\b")
DEADLINE_WORDS = re.compile(r"\b(han chot|thoi han|deadline|han nop|han bao cao|cham nhat)\b|\bhan\b.*\bbao cao\b|"
                            r"\bbao cao\b.*\b(han|truoc ngay|ngay nao|khi nao|bao gio)\b")
HOW_WORDS = re.compile(r"\b(lam sao|lam the nao|nhu the nao|the nao|cach|la gi|huong dan|thu tuc|quy trinh|can gi|"
                       r"o dau|bang cach nao|ra sao|y nghia)\b")
CAMPAIGN_WORDS = re.compile(r"\btuan le\b|\bhoc tap suot doi\b")
PATTERNS.extend([NEAR_WORDS, DEADLINE_WORDS, HOW_WORDS, CAMPAIGN_WORDS])  # their words are known words


@dataclass
class Item:
    kind: str  # activity, resource, contest, scheme, guide, deadline, campaign
    id: int | str
    url: str
    title: str
    when: str = ""
    where: str = ""
    why: str = ""


@dataclass
class Answer:
    text: str
    found: bool
    filters: list[tuple[str, str]] = field(default_factory=list)  # (filter, what it reads: the chip's label)
    items: list[Item] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    mended: dict[str, str] = field(default_factory=dict)  # typo → the word read instead
    needs_location: bool = False  # "gần tôi" without a home commune or a location: the page may ask for one


def suggestions() -> list[str]:
    return [_("What is the theme of this year's Week?"), _("digital skills classes this week"),
            _("online contests for pupils"), _("What is a Learning Citizen?")]


def prepare(question: str) -> tuple[str, dict[str, str]]:
    """The question folded, chat forms written out, typos mended; and what was mended."""
    text = colloquial(fold(question))
    known = lexicon()
    words, mended = mend(text.split(), known.words, known.pairs, known.titles) if text else ([], {})
    return " ".join(words), mended


def _campaign_fact(parsed: Parsed) -> Answer | None:
    text = parsed.text
    if not CAMPAIGN_WORDS.search(text) or re.search(r"\b(lop|hoat dong|cuoc thi|tai lieu)\b", text):
        return None
    campaign = campaign_current()
    if campaign is None:
        return None
    chip = [("campaign", campaign.name)]
    item = [Item(kind="campaign", id=campaign.pk, url=reverse("campaign_detail", args=[campaign.pk]),
                 title=campaign.name, when=f"{_day(campaign.start_date)}–{_day(campaign.end_date)}")]
    if re.search(r"\bchu de\b|\bchu đe\b|\bthong diep\b", text):
        return Answer(text=_("The theme of %(name)s: “%(theme)s”.") % {"name": campaign.name, "theme": campaign.theme},
                      found=True, filters=chip, items=item)
    if re.search(r"\bkhau hieu\b|\bslogan\b", text):
        return Answer(text=_("The slogans of %(name)s: %(slogans)s.") % {
            "name": campaign.name, "slogans": "; ".join(f"“{s}”" for s in campaign.slogan_list())},
            found=True, filters=chip, items=item)
    if re.search(r"\bkhai mac\b", text) and campaign.opening_date:
        return Answer(text=_("The opening ceremony of %(name)s is on %(date)s.") % {
            "name": campaign.name, "date": _day(campaign.opening_date)}, found=True, filters=chip, items=item)
    if re.search(r"\b(khi nao|bao gio|ngay nao|luc nao|dien ra|thoi gian|may ngay|tu ngay|bat dau|ket thuc)\b", text):
        return Answer(text=_("%(name)s takes place from %(start)s to %(end)s.") % {
            "name": campaign.name, "start": _day(campaign.start_date), "end": _day(campaign.end_date)},
            found=True, filters=chip, items=item)
    return None


def _day(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def _deadline(parsed: Parsed, places: Places) -> Answer | None:
    if not DEADLINE_WORDS.search(parsed.text):
        return None
    campaign = campaign_current()
    if not places.units:
        return Answer(text=_("Each unit's report deadline is set by the level above in its plan. Name the commune, "
                             "ward or province, for example “report deadline of Tây Mỗ ward”."), found=False,
                      suggestions=[_("report deadline of Tây Mỗ ward")])
    expected = ExpectedReporter.objects.filter(unit_id__in=places.units).select_related("unit", "parent", "campaign")
    if campaign is not None and expected.filter(campaign=campaign).exists():
        expected = expected.filter(campaign=campaign)
    rows = list(expected.order_by("-campaign__year", "unit__name")[:MAX_ITEMS])
    names = ", ".join(OrgUnit.objects.filter(pk__in=places.units[:5]).values_list("name", flat=True))
    chips = [("place", names)]
    if not rows:
        return Answer(text=_("No report deadline has been set for %(unit)s yet: it is set when the level above "
                             "publishes its plan.") % {"unit": names}, found=False, filters=chips)
    items = [Item(kind="deadline", id=row.pk, url=reverse("unit_detail", args=[row.unit_id]),
                  title=_("Report of %(unit)s to %(parent)s") % {"unit": row.unit.name, "parent": row.parent.name},
                  when=_day(row.due_date), where=row.unit.name, why=row.campaign.name) for row in rows]
    first = rows[0]
    text = _("%(unit)s reports its results for %(campaign)s to %(parent)s by %(date)s.") % {
        "unit": first.unit.name, "campaign": first.campaign.name, "parent": first.parent.name,
        "date": _day(first.due_date)}
    return Answer(text=text, found=True, filters=chips, items=items)


def _near(user, location: tuple[float, float] | None) -> tuple[list[int], str]:
    """The units "gần tôi" stands for, and the chip's label: the learner's home commune, else the province of the
    location; ([], "") when neither is known."""
    profile = getattr(user, "learner", None) if user is not None and user.is_authenticated else None
    if profile is not None and profile.home_commune_id:
        return [profile.home_commune_id], profile.home_commune.name
    if location is not None:
        name = nearest_province(*location)
        entries = [e for e in place_index().names.get(name or "", []) if e[1] == OrgUnit.Kind.PROVINCE]
        if entries:
            unit = OrgUnit.objects.get(pk=entries[0][0])
            return [unit.pk], unit.name
    return [], ""


def _kinds(parsed: Parsed, hints: set[str], placed: bool, filtered: bool) -> set[str]:
    """The kinds of answer a question allows: those a word of it names, else all that its filters suit (a time
    suits neither a library resource nor a learning model; a place or any filter does not suit a model)."""
    timed = parsed.start is not None or parsed.end is not None
    kinds = set(hints) if hints else {"activity", "contest", "resource", "scheme"}
    if timed:
        kinds -= {"resource", "scheme"}
    if (placed or filtered) and not hints:
        kinds -= {"scheme"}
    if not (placed or timed):
        kinds.add("guide")
    return kinds


@dataclass
class _Reading:
    """What was read from a question: the filters and the words left to rank on."""

    parsed: Parsed
    units: list[int]
    place_words: list[str]
    filters: list[tuple[str, str]]
    rest: str  # the words left, stop words included
    hints: set[str]
    must: set[str] = field(default_factory=set)  # words of a place read again as words: a candidate must hold them


def _filters(parsed: Parsed, units: list[int], near: str) -> list[tuple[str, str]]:
    filters = [("near", near)] if near else []
    if parsed.start:
        filters.append(("time", _day(parsed.start) if parsed.start == parsed.end else
                        f"{_day(parsed.start)} – {_day(parsed.end)}"))
    if units and not near:
        names = list(OrgUnit.objects.filter(pk__in=units[:5]).values_list("name", flat=True))
        filters.append(("place", ", ".join(names) + (" …" if len(units) > 5 else "")))
    if parsed.categories:
        names = dict(ActivityCategory.objects.filter(code__in=parsed.categories).values_list("code", "name"))
        filters.append(("topic", ", ".join(names.get(code, code) for code in parsed.categories)))
    if parsed.mode:
        filters.append(("mode", str(Activity.Mode(parsed.mode).label)))
    if parsed.audiences:
        groups = dict(TargetGroup.choices)
        filters.append(("audience", ", ".join(str(groups[g]) for g in parsed.audiences)))
    return filters


def _read(parsed: Parsed, places: Places, units: list[int], near: str, drop, must: set[str] = frozenset()) -> _Reading:
    filters = _filters(parsed, units, near)
    rest = parsed.text
    for span in [parsed.spans.get(k, "") for k in ("time", "mode", "audience")] + places.words:
        for words in filter(None, span.split(", ")):
            rest = re.sub(rf"\b{re.escape(words)}\b", " ", rest)
    rest = NEAR_WORDS.sub(" ", without_stop_phrases(rest))
    # A kind named outside an activity's topic ("sách", not the "sách" of "đọc sách") narrows the answer to it.
    unhinted = rest
    kind_phrases = {phrase for phrase, _kinds in KIND_WORDS}
    topic = ", ".join(filter(None, [parsed.spans.get("topic", ""), parsed.spans.get("relaxed_topic", "")]))
    for phrase in topic.split(", "):
        if phrase and phrase not in kind_phrases:
            unhinted = re.sub(rf"\b{re.escape(phrase)}\b", " ", unhinted)
    named = [(p, k) for p, k in KIND_WORDS if re.search(rf"\b{p}\b", unhinted)]
    hints: set[str] = set() if "kind" in drop else {kind for _p, kinds in named for kind in kinds}
    if hints and any(re.search(rf"\b{words}\b", unhinted) for words in ACTIVITY_WORDS):
        hints.add("activity")  # "buổi giới thiệu kho học liệu": a session about resources
    if hints and hints <= ADDITIVE_KINDS:
        hints |= {"activity", "contest", "resource"}
    if hints and not hints >= {"activity", "resource"}:
        filters.append(("kind", ", ".join(str(KIND_LABELS[k]) for k in sorted(hints) if k in KIND_LABELS)))
    return _Reading(parsed, units, places.words, filters, rest, hints, set(must))


def _search(reading: _Reading, today: date) -> list[tuple[sources.Candidate, int]]:
    """The candidates that answer, best first, each with how many more of the same title were folded into it."""
    parsed, rest = reading.parsed, reading.rest
    words = [w for w in rest.split() if weight(w) > 0]
    topic_words = {w for phrase in parsed.spans.get("topic", "").split(", ") for w in phrase.split()}
    alternatives: dict[str, list[list[str]]] = {}
    for phrase, others in SYNONYMS.items():
        if re.search(rf"\b{phrase}\b", rest):
            for word in phrase.split():
                alternatives.setdefault(word, []).extend(o.split() for o in others)
    soft = [w for phrase in parsed.spans.get("audience", "").split(", ") for w in phrase.split()]
    query = Query(sequence=rest.split(), given=topic_words, alternatives=alternatives, soft=soft, must=reading.must)
    # The words that narrow the candidates in the database: neither weak nor common ones (lexicon.py).
    common = lexicon().common
    free = [w for w in words if w not in topic_words and weight(w) >= 1]
    search = [w for w in free + [w for ws in alternatives.values() for phrase in ws for w in phrase]
              if w not in common]
    filtered = bool(reading.filters)
    kinds = _kinds(parsed, reading.hints, bool(reading.units), filtered)
    units = reading.units
    candidates: list[sources.Candidate] = []
    if "activity" in kinds:
        candidates += sources.activities(parsed, units, search)
    if "contest" in kinds:
        candidates += sources.contests(parsed, units, search)
    if "resource" in kinds:
        candidates += sources.resources(parsed, units, search or words)
    if "scheme" in kinds:
        candidates += sources.schemes(today)
    how = bool(HOW_WORDS.search(parsed.text))
    if "guide" in kinds and words and (not filtered or how):
        candidates += sources.guides()
    # A guide answers "how do I …" and "what is …"; otherwise it comes after what the question is about.
    guide_boost = 1.5 if how else 0.4
    ranked = rank(query, [Document(c.text, given=c.given, filtered=filtered and c.kind in {"activity", "contest"},
                                   boost=guide_boost if c.kind == "guide" else 1.0) for c in candidates])
    if not words:  # nothing to rank on: only the filters' answers, which a guide or a scheme is not
        ranked = [(i, score) for i, score in ranked if candidates[i].kind in {"activity", "contest"}]
    # The same title held in many places is one answer, placed by its best match: its soonest (the candidates come
    # soonest first), and how many more there are.
    chosen: dict[tuple[str, str], list] = {}
    for index, _score in ranked:
        candidate = candidates[index]
        key = (candidate.kind, candidate.title)
        if key in chosen:
            chosen[key][1] += 1
            chosen[key][0] = min(chosen[key][0], index)
        else:
            chosen[key] = [index, 0]
    return [(candidates[index], more) for index, more in chosen.values()]


def _summary(counts: dict[str, int]) -> str:
    labels = {
        "activity": lambda n: ngettext("%(n)s activity", "%(n)s activities", n),
        "resource": lambda n: ngettext("%(n)s learning resource", "%(n)s learning resources", n),
        "contest": lambda n: ngettext("%(n)s contest", "%(n)s contests", n),
        "scheme": lambda n: ngettext("%(n)s learning model", "%(n)s learning models", n),
        "guide": lambda n: ngettext("%(n)s guide", "%(n)s guides", n),
    }
    parts = [labels[kind](n) % {"n": n} for kind, n in counts.items() if n]
    return _("Found %(what)s.") % {"what": ", ".join(parts)}


def _relaxations(parsed: Parsed, places: Places, near: str):
    """The question read again with fewer filters, each as plain words, in two steps: first what a text names in
    its own words (the topic, the audience, a place named without a cue: "diễn đàn", "trẻ em", "Văn Hóa"), then
    the time too ("cuối tuần" of "câu lạc bộ đọc sách cuối tuần")."""
    relaxed = copy.deepcopy(parsed)
    steps = []
    if relaxed.categories:
        relaxed.categories = []
        relaxed.spans["relaxed_topic"] = relaxed.spans.pop("topic", "")  # still not a kind named (_read)
    if relaxed.audiences:
        relaxed.audiences = []
        relaxed.spans.pop("audience", None)
    kept = places
    if places.uncued and not near:
        kept = Places(units=[u for u in places.units if u not in places.uncued_units],
                      words=[w for w in places.words if w not in places.uncued])
    if relaxed.categories != parsed.categories or relaxed.audiences != parsed.audiences or kept is not places:
        steps.append((copy.deepcopy(relaxed), kept))
    if relaxed.start:
        relaxed.start = relaxed.end = None
        relaxed.spans.pop("time", None)
        steps.append((copy.deepcopy(relaxed), kept))
    return steps


def answer(question: str, today: date | None = None, *, user=None, location: tuple[float, float] | None = None,
           drop: set[str] | frozenset[str] = frozenset()) -> Answer:
    today = today or timezone.localdate()
    text, mended = prepare(question)
    parsed = parse(text, today)
    if "time" in drop:
        parsed.start = parsed.end = None
        parsed.spans.pop("time", None)
    for key, attribute in (("mode", "mode"), ("audience", "audiences"), ("topic", "categories")):
        if key in drop:
            setattr(parsed, attribute, "" if key == "mode" else [])
            parsed.spans.pop(key, None)
    places = read_places(parsed.text)
    if "place" in drop:  # its words are still not the topic
        places = Places(words=places.words)
    deadline = _deadline(parsed, places)
    if deadline is not None:
        return deadline
    if not drop and not places.units:  # with a place, "khai mạc Tuần lễ ở Hà Nội" asks for its activities
        fact = _campaign_fact(parsed)
        if fact is not None:
            return fact
    units, near = list(places.units), ""
    if NEAR_WORDS.search(parsed.text) and "near" not in drop and not units:
        units, near = _near(user, location)
        if not units:
            return Answer(text=_("To look near you, let the page use your location, or write the name of your "
                                 "commune or ward."), found=False, needs_location=True, suggestions=suggestions())
    reading = _read(parsed, places, units, near, drop)
    if not reading.filters and not reading.hints and not any(weight(w) >= 1 for w in reading.rest.split()):
        return Answer(text=_("Nothing found yet: ask about an activity, a place, a time or the Week itself."),
                      found=False, suggestions=suggestions(), mended=mended)
    found = _search(reading, today)
    for relaxed_parsed, relaxed_places in _relaxations(parsed, places, near):
        if found:
            break
        # Folded words can mean two things ("dien dan": diễn đàn, điện dân dụng; "văn hóa" is also a commune's
        # name): with nothing found, what was read from them is read again as plain words, one filter at a time.
        # A place's name read again as words must be held: "Hải Châu" elsewhere is not in Hải Châu.
        must = {w for phrase in places.words if phrase not in relaxed_places.words for w in phrase.split()}
        reading = _read(relaxed_parsed, relaxed_places, list(relaxed_places.units) if not near else units, near, drop,
                        must)
        found = _search(reading, today)
    if not found:
        return Answer(text=_("Nothing found for that yet. Try without the time or the place, or another word."),
                      found=False, filters=reading.filters, suggestions=suggestions(), mended=mended)
    counts: dict[str, int] = {}
    for candidate, more in found:
        counts[candidate.kind] = counts.get(candidate.kind, 0) + 1 + more
    items = []
    for candidate, more in found[:MAX_ITEMS]:
        candidate = sources.shown(candidate)
        reasons = list(candidate.reasons)
        if more:
            reasons.append(ngettext("and %(n)s more place", "and %(n)s more places", more) % {"n": more})
        items.append(Item(kind=candidate.kind, id=candidate.id, url=candidate.url, title=candidate.title,
                          when=candidate.when, where=candidate.where, why=" · ".join(filter(None, reasons))))
    top = found[0][0]
    text = top.detail if top.kind == "guide" else _summary(counts)
    return Answer(text=text, found=True, filters=reading.filters, items=items, mended=mended)
