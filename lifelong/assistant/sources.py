"""Where answers come from: the public activities, library resources, contests, recognition schemes and guides that
could answer a question, read under its filters (reads only; ranking.py orders them).

Only what the public may see is read: published activities that are not cancelled, published resources not
withdrawn, published contests, active schemes. A draft, another unit's private data or a person's data is never a
candidate, whoever asks.

Each source returns at most a window of candidates, so that a question costs the same on a national database: the
question's words narrow the window in the database first (on PostgreSQL through the full-text indexes on the folded
text, activities migration 0007 and library migration 0003; elsewhere by substring), any of them sufficing, apart
from any order; what is still to come is read by the index on the last session's end, a short time from the
sessions' own index; the soonest (activities, contests) or newest (resources) come first inside the window.
"""

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone

from lifelong.activities.models import Activity, Session, TargetGroup
from lifelong.assistant.guides import GUIDES
from lifelong.assistant.parse import Parsed, quick_fold
from lifelong.campaigns.models import ActivityCategory
from lifelong.contests.models import Contest, Round
from lifelong.core.text import search_key
from lifelong.library.models import Resource
from lifelong.orgs.models import OrgUnit
from lifelong.recognition.models import Scheme

ACTIVITY_WINDOW = 300
MATCH_CAP = 2000
SESSION_SPAN = timedelta(days=1)  # the longest a session is taken to last
SHORT_TIME = timedelta(days=8)  # up to a week, a question's time is read from the sessions
RESOURCE_WINDOW = 300
CONTEST_WINDOW = 300
DESCRIPTION_CHARACTERS = 300
# Categories whose topic a library resource or a contest stands for by being one.
RESOURCE_CATEGORIES = {"online_learning", "digital_library"}
CONTEST_CATEGORIES = {"competition"}
RESOURCE_WORDS = "tai lieu hoc lieu thu vien"  # what every resource is, for questions that say so


@dataclass
class Candidate:
    kind: str  # activity, resource, contest, scheme, guide
    id: int | str
    url: str
    title: str
    text: str  # folded, what the ranking reads
    given: bool = False  # its filters stand for the question's topic words
    when: str = ""
    where: str = ""
    reasons: list[str] = field(default_factory=list)
    detail: str = ""
    starts_at: datetime | None = None  # an activity's; its `when` is written only if it is shown (`shown`)


def _word_filter(field_name: str, words: list[str]) -> Q | None:
    """Rows holding any of the words: on PostgreSQL by the full-text index on the field, else by substring."""
    words = [w for w in dict.fromkeys(words) if w.isalnum()]
    if not words:
        return None
    if connection.vendor == "postgresql":
        return Q(**{f"_assistant_{field_name}": SearchQuery(" | ".join(words), search_type="raw", config="simple")})
    condition = Q()
    for word in words:
        condition |= Q(**{f"{field_name}__contains": word})
    return condition


def _with_words(queryset: QuerySet, field_name: str, words: list[str]) -> QuerySet:
    condition = _word_filter(field_name, words)
    if condition is None:
        return queryset
    if connection.vendor == "postgresql":
        queryset = queryset.annotate(**{f"_assistant_{field_name}": SearchVector(field_name, config="simple")})
    return queryset.filter(condition)


def _matching(rows: QuerySet, words: list[str], *, narrowed: bool = False) -> QuerySet:
    """The ids of the rows holding any of the words, at most MATCH_CAP, found apart from any order (a subquery with
    its own limit, which the database runs first): asked with an order, it may walk the order's index and fold every
    row's text until enough match, which takes seconds when the words are rare; apart, PostgreSQL answers from the
    full-text index."""
    if narrowed:  # a few thousand rows already (a time's sessions): a substring costs less than folding each text
        condition = Q()
        for word in dict.fromkeys(words):
            condition |= Q(search_key__contains=word)
        return rows.filter(condition).order_by().values("pk")[:MATCH_CAP]
    return _with_words(rows, "search_key", words).order_by().values("pk")[:MATCH_CAP]


def _subtree(units: list[int]) -> Q:
    paths = list(OrgUnit.objects.filter(pk__in=units).values_list("path", flat=True))
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(unit__path__startswith=path)
    return condition


def _day_bounds(parsed: Parsed) -> tuple[datetime | None, datetime | None]:
    tz = timezone.get_current_timezone()
    start = datetime.combine(parsed.start, time.min, tzinfo=tz) if parsed.start else None
    end = datetime.combine(parsed.end, time.max, tzinfo=tz) if parsed.end else None
    return start, end


def _short(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return timezone.localtime(moment).strftime("%d/%m")
    return moment.strftime("%d/%m")


@dataclass
class _Asked:
    """What the question asks of an activity, resolved once (the places' paths, the kinds' ids) and written as a
    condition on its fields seen from the activity (prefix "") or from one of its sessions ("activity__")."""

    parsed: Parsed
    units: list[int]
    paths: list[str]
    categories: list[int]

    @classmethod
    def of(cls, parsed: Parsed, units: list[int]) -> "_Asked":
        paths = list(OrgUnit.objects.filter(pk__in=units).values_list("path", flat=True)) if units else []
        # By id: a join on the code would keep the database from using the activities' indexes.
        categories = list(ActivityCategory.objects.filter(code__in=parsed.categories).values_list(
            "pk", flat=True)) if parsed.categories else []
        return cls(parsed, units, paths, categories)

    def condition(self, prefix: str = "") -> Q:
        def field(name: str) -> str:
            return f"{prefix}{name}"

        condition = Q(**{field("published"): True}) & ~Q(**{field("status"): Activity.Status.CANCELLED})
        if self.units:
            place = Q(**{field("commune_id__in"): self.units}) | Q(**{field("province_id__in"): self.units})
            for path in self.paths:
                place |= Q(**{field("unit_path__startswith"): path})
            condition &= place
        if self.parsed.categories:
            condition &= Q(**{field("category_id__in"): self.categories})
        if self.parsed.mode:
            condition &= Q(**{field("mode__in"): [self.parsed.mode, Activity.Mode.HYBRID]})
        if self.parsed.audiences:
            groups = Q()
            for group in self.parsed.audiences:
                groups |= Q(**{field("target_groups__contains"): f",{group},"})
            condition &= groups
        return condition


def activities(parsed: Parsed, units: list[int], words: list[str]) -> list[Candidate]:
    asked = _Asked.of(parsed, units)
    rows = Activity.objects.filter(asked.condition())
    start, end = _day_bounds(parsed)
    narrowed = False
    if start and end and end - start <= SHORT_TIME:
        # A few days: the sessions in them, by the sessions' own index (a session lasts hours), with what the
        # question asks of their activity; a few ids, whatever the size of the country.
        sessions = Session.objects.filter(starts_at__gte=start - SESSION_SPAN, starts_at__lte=end, ends_at__gte=start)
        sessions = sessions.filter(asked.condition("activity__"))
        rows = rows.filter(pk__in=sessions.order_by().values("activity_id")[:MATCH_CAP])
        order, narrowed = "starts_at", True
    elif start and end:  # weeks or months: the activities whose first and last sessions span the time
        rows = rows.filter(ends_at__gte=start, starts_at__lte=end)
        order = "ends_at"
    else:  # no time said: what is still to come, and what was on today, by the index on the last session's end
        rows = rows.filter(ends_at__gte=datetime.combine(timezone.localdate(), time.min,
                                                         tzinfo=timezone.get_current_timezone()))
        order = "ends_at"
    if words:
        rows = rows.filter(pk__in=_matching(rows, words, narrowed=narrowed))
    rows = rows.order_by(order).annotate(summary=Substr("description", 1, DESCRIPTION_CHARACTERS)).values(
        "pk", "title", "summary", "search_key", "starts_at", "venue_name", "mode", "target_groups",
        "unit__name", "category__name", "category__code")[:ACTIVITY_WINDOW]
    rows = sorted(rows, key=lambda row: (row["starts_at"], row["pk"]))  # the soonest first, for equal matches
    url = reverse("activity_detail", args=[987654321]).replace("987654321", "{}")  # one reverse, not a thousand
    audiences = {code: quick_fold(str(label)) for code, label in TargetGroup.choices}
    found = []
    for row in rows:
        audience = " ".join(audiences.get(g, "") for g in row["target_groups"].split(",") if g)
        # The kind's name is not ranked on: its filter stands for it, and its words ("bồi dưỡng") would answer
        # questions about other things ("bơi").
        text = " ".join([row["search_key"], quick_fold(row["summary"]), audience,
                         "truc tuyen online" if row["mode"] != Activity.Mode.IN_PERSON else "truc tiep"])
        reasons = [row["category__name"].split(",")[0]] + ([row["unit__name"]] if units else [])
        found.append(Candidate(kind="activity", id=row["pk"], url=url.format(row["pk"]), title=row["title"],
                               text=text, given=bool(parsed.categories), starts_at=row["starts_at"],
                               where=row["venue_name"] or row["unit__name"], reasons=reasons))
    return found


def shown(candidate: Candidate) -> Candidate:
    """The candidate with what only a shown one needs (its time, in the platform's time zone), filled in."""
    if candidate.starts_at is not None and not candidate.when:
        local = timezone.localtime(candidate.starts_at)
        candidate.when = local.strftime("%H:%M %d/%m/%Y")
        candidate.reasons = [*candidate.reasons, local.strftime("%d/%m")]
    return candidate


def resources(parsed: Parsed, units: list[int], words: list[str]) -> list[Candidate]:
    if not words:
        return []
    rows = Resource.objects.filter(published=True, withdrawn_at__isnull=True)
    if units:
        rows = rows.filter(_subtree(units))
    rows = _with_words(rows, "search_key", words).order_by("-modified_at", "-pk").values(
        "pk", "title", "search_key", "kind", "unit__name", "provider")[:RESOURCE_WINDOW]
    kinds = dict(Resource.Kind.choices)
    given = bool(parsed.categories) and set(parsed.categories) <= RESOURCE_CATEGORIES
    return [Candidate(kind="resource", id=row["pk"], url=reverse("library_resource", args=[row["pk"]]),
                      title=row["title"], given=given, text=" ".join([
                          row["search_key"], search_key(str(kinds.get(row["kind"], ""))), RESOURCE_WORDS]),
                      where=row["provider"] or row["unit__name"], reasons=[str(kinds.get(row["kind"], ""))])
            for row in rows]


def contests(parsed: Parsed, units: list[int], words: list[str]) -> list[Candidate]:
    rows = Contest.objects.filter(published=True)
    if units:
        rows = rows.filter(_subtree(units))
    start, end = _day_bounds(parsed)
    rounds = Round.objects.filter(contest=OuterRef("pk"), closes_at__gte=start or timezone.now())
    if end:
        rounds = rounds.filter(opens_at__lte=end)
    rows = rows.filter(Exists(rounds)).select_related("unit").prefetch_related("rounds").order_by("-pk")
    found = []
    for contest in rows[:CONTEST_WINDOW]:
        open_rounds = sorted(contest.rounds.all(), key=lambda r: r.opens_at)
        first = open_rounds[0] if open_rounds else None
        text = search_key(" ".join([contest.title, contest.rules[:DESCRIPTION_CHARACTERS], contest.unit.name,
                                    "cuoc thi hoi thi thi truc tuyen"]))
        when = (f"{_short(first.opens_at)}–{_short(open_rounds[-1].closes_at)}" if first else "")
        found.append(Candidate(kind="contest", id=contest.pk, url=reverse("contest_detail", args=[contest.pk]),
                               title=contest.title, text=text, given=bool(set(parsed.categories) & CONTEST_CATEGORIES),
                               when=when, where=contest.unit.name, reasons=[contest.unit.name, when]))
    return found


def schemes(today: date) -> list[Candidate]:
    found = []
    for scheme in Scheme.objects.filter(active=True, valid_from__lte=today.year).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=today.year)).order_by("pk"):
        source = " ".join(filter(None, [scheme.source_number, scheme.source_issuer]))
        text = search_key(" ".join([scheme.title, scheme.short_title, scheme.source_title, scheme.note[:300],
                                    "mo hinh hoc tap danh hieu tieu chi cong nhan danh gia"]))
        found.append(Candidate(kind="scheme", id=scheme.pk, url=reverse("recognition_scheme", args=[scheme.pk]),
                               title=scheme.title, text=text, where=source, reasons=[scheme.short_title],
                               detail=source))
    return found


@functools.cache
def _guide_candidates() -> tuple[Candidate, ...]:
    return tuple(Candidate(kind="guide", id=g.slug, url=reverse(g.url_name), title=g.title,
                           text=search_key(f"{g.title} {g.title} {g.asks}"), detail=g.answer, reasons=[g.title])
                 for g in GUIDES)


def guides() -> list[Candidate]:
    """The guides as candidates: the same for every question, so folded and linked once per process."""
    return list(_guide_candidates())
