"""Where answers come from: the public activities, library resources, contests, recognition schemes and guides that
could answer a question, read under its filters (reads only; ranking.py orders them).

Only what the public may see is read: published activities that are not cancelled, published resources not
withdrawn, published contests, active schemes. A draft, another unit's private data or a person's data is never a
candidate, whoever asks.

Each source returns at most a window of candidates, so that a question costs the same on a national database: the
question's words narrow the window in the database first (on PostgreSQL through the full-text indexes on the folded
text, activities migration 0007 and library migration 0003; elsewhere by substring), any of them sufficing; the
soonest (activities, contests) or newest (resources) come first inside it.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone

from lifelong.activities.models import Activity, Session, TargetGroup
from lifelong.assistant.guides import GUIDES
from lifelong.assistant.parse import Parsed
from lifelong.contests.models import Contest, Round
from lifelong.core.text import search_key
from lifelong.library.models import Resource
from lifelong.orgs.models import OrgUnit
from lifelong.recognition.models import Scheme

ACTIVITY_WINDOW = 1000
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


def activities(parsed: Parsed, units: list[int], words: list[str]) -> list[Candidate]:
    rows = Activity.objects.filter(published=True).exclude(status=Activity.Status.CANCELLED)
    if units:
        paths = list(OrgUnit.objects.filter(pk__in=units).values_list("path", flat=True))
        place = Q(commune_id__in=units) | Q(province_id__in=units)
        for path in paths:
            place |= Q(unit_path__startswith=path)
        rows = rows.filter(place)
    if parsed.categories:
        rows = rows.filter(category__code__in=parsed.categories)
    if parsed.mode:
        rows = rows.filter(mode__in=[parsed.mode, Activity.Mode.HYBRID])
    if parsed.audiences:
        groups = Q(pk__in=[])
        for group in parsed.audiences:
            groups |= Q(target_groups__contains=f",{group},")
        rows = rows.filter(groups)
    start, end = _day_bounds(parsed)
    if start or end:
        sessions = Session.objects.filter(activity=OuterRef("pk"))
        if start:
            rows, sessions = rows.filter(ends_at__gte=start), sessions.filter(ends_at__gte=start)
        if end:
            rows, sessions = rows.filter(starts_at__lte=end), sessions.filter(starts_at__lte=end)
        rows = rows.filter(Exists(sessions))
    else:  # no time said: what is still to come, and what was on today
        rows = rows.filter(ends_at__gte=datetime.combine(timezone.localdate(), time.min,
                                                         tzinfo=timezone.get_current_timezone()))
    if words:
        rows = _with_words(rows, "search_key", words)
    rows = rows.order_by("starts_at", "pk").values(
        "pk", "title", "description", "search_key", "starts_at", "venue_name", "mode", "target_groups",
        "unit__name", "category__name", "category__code")[:ACTIVITY_WINDOW]
    groups = dict(TargetGroup.choices)
    found = []
    for row in rows:
        when = timezone.localtime(row["starts_at"]).strftime("%H:%M %d/%m/%Y") if row["starts_at"] else ""
        audience = " ".join(str(groups.get(g, "")) for g in row["target_groups"].split(",") if g)
        # The kind's name is not ranked on: its filter stands for it, and its words ("bồi dưỡng") would answer
        # questions about other things ("bơi").
        text = " ".join([row["search_key"], search_key(row["description"][:DESCRIPTION_CHARACTERS]),
                         search_key(audience),
                         "truc tuyen online" if row["mode"] != Activity.Mode.IN_PERSON else "truc tiep"])
        reasons = [row["category__name"].split(",")[0]]
        if units:
            reasons.append(row["unit__name"])
        if row["starts_at"]:
            reasons.append(_short(row["starts_at"]))
        found.append(Candidate(kind="activity", id=row["pk"], url=reverse("activity_detail", args=[row["pk"]]),
                               title=row["title"], text=text, given=bool(parsed.categories), when=when,
                               where=row["venue_name"] or row["unit__name"], reasons=reasons))
    return found


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


def guides() -> list[Candidate]:
    return [Candidate(kind="guide", id=g.slug, url=reverse(g.url_name), title=g.title,
                      text=search_key(f"{g.title} {g.title} {g.asks}"), detail=g.answer, reasons=[g.title])
            for g in GUIDES]


def date_label(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")
