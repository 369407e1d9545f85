"""Answering a question from the platform's own data (first part: the campaign's facts and activities).

Pipeline: read the question (parse.py, places.py) → answer a question about the campaign itself when it is one
(theme, dates) → otherwise filter the public activities by what was read (time, place, topic, mode, audience) and
rank them on the free words left (each word of the question found in an activity's folded text, rarer words
counting more: IDF over the candidates) → a short Vietnamese sentence, the filters applied, the items and why each
matches. Nothing found, or nothing read at all: "chưa tìm thấy", never unrelated items.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lifelong.activities.models import Activity, Session
from lifelong.assistant.parse import Parsed, parse
from lifelong.assistant.places import read_places
from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit

MAX_ITEMS = 10
MAX_CANDIDATES = 2000
# Words that carry no topic of their own in a question.
STOPWORDS = frozenset({"a", "ai", "anh", "ban", "bao", "buoi", "cac", "chi", "cho", "co", "dau", "de", "den", "do",
    "dong", "duoc", "em", "gi", "hai", "hoat", "hoi", "khi", "khong", "la", "lop", "luc", "minh", "mot", "muon",
    "nao", "nay", "nguoi", "nhe", "nhieu", "nhung", "o", "oi", "tai", "the", "tim", "toi", "trong", "tu", "va",
    "voi", "xin"})


@dataclass
class Item:
    kind: str
    id: int
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


def current_campaign(today: date) -> Campaign | None:
    return Campaign.objects.filter(year=today.year).first() or Campaign.objects.order_by("-year").first()


def _fact(parsed: Parsed, today: date) -> Answer | None:
    text = parsed.text
    if not re.search(r"\btuan le\b|\bhoc tap suot doi\b", text):
        return None
    campaign = current_campaign(today)
    if campaign is None:
        return None
    if re.search(r"\bchu de\b|\bkhau hieu\b", text):
        return Answer(text=_("The theme of %(name)s: “%(theme)s”.") % {"name": campaign.name, "theme": campaign.theme},
                      found=True, filters=[("campaign", campaign.name)])
    if re.search(r"\b(khi nao|bao gio|ngay nao|luc nao|dien ra|thoi gian|may ngay)\b", text):
        return Answer(text=_("%(name)s takes place from %(start)s to %(end)s.") % {
            "name": campaign.name, "start": formats.date_format(campaign.start_date, "SHORT_DATE_FORMAT"),
            "end": formats.date_format(campaign.end_date, "SHORT_DATE_FORMAT")}, found=True,
            filters=[("campaign", campaign.name)])
    return None


def _words(text: str) -> list[str]:
    return [w for w in text.split() if w not in STOPWORDS and len(w) > 1 and not w.isdigit()]


def _candidates(parsed: Parsed, units: list[int]):
    activities = Activity.objects.filter(published=True).exclude(status=Activity.Status.CANCELLED)
    if units:
        paths = list(OrgUnit.objects.filter(pk__in=units).values_list("path", flat=True))
        place = Q(pk__in=[])
        for path in paths:
            place |= Q(unit_path__startswith=path)
        activities = activities.filter(place | Q(commune_id__in=units) | Q(province_id__in=units))
    if parsed.categories:
        activities = activities.filter(category__code__in=parsed.categories)
    if parsed.mode:
        activities = activities.filter(mode=parsed.mode)
    if parsed.audiences:
        groups = Q(pk__in=[])
        for group in parsed.audiences:
            groups |= Q(target_groups__contains=f",{group},")
        activities = activities.filter(groups)
    tz = timezone.get_current_timezone()
    sessions = Session.objects.filter(activity=OuterRef("pk"))
    if parsed.start:
        sessions = sessions.filter(ends_at__gte=datetime.combine(parsed.start, time.min, tzinfo=tz))
    else:  # no time said: what is still to come
        sessions = sessions.filter(ends_at__gte=timezone.now())
    if parsed.end:
        sessions = sessions.filter(starts_at__lte=datetime.combine(parsed.end, time.max, tzinfo=tz))
    return activities.filter(Exists(sessions)).select_related("unit", "category").order_by("starts_at", "pk")


def answer(question: str, today: date | None = None) -> Answer:
    today = today or timezone.localdate()
    parsed = parse(question, today)
    fact = _fact(parsed, today)
    if fact is not None:
        return fact
    places = read_places(parsed.text)
    rest = parsed.rest
    for words in places.words:
        rest = rest.replace(words, " ")
    words = _words(rest)
    filters = []
    if parsed.start:
        filters.append(("time", parsed.spans["time"]))
    if places.units:
        names = list(OrgUnit.objects.filter(pk__in=places.units[:5]).values_list("name", flat=True))
        filters.append(("place", ", ".join(names) + (" …" if len(places.units) > 5 else "")))
    for key in ("topic", "mode", "audience"):
        if key in parsed.spans:
            filters.append((key, parsed.spans[key]))
    if not filters and not words:
        return Answer(text=_("Nothing found yet: ask about an activity, a place, a time or the Week itself."),
                      found=False)
    candidates = list(_candidates(parsed, places.units)[:MAX_CANDIDATES])
    topic_words = set(" ".join(parsed.spans.get("topic", "").split(", ")).split())
    free = [w for w in words if w not in topic_words]
    if free:  # rank on the free words, rarer ones counting more; an activity must match at least one
        documents = [set(a.search_key.split()) for a in candidates]
        idf = {w: math.log(1 + len(documents) / (1 + sum(w in d for d in documents))) for w in free}
        scored = [(sum(idf[w] for w in free if w in d), a) for d, a in zip(documents, candidates, strict=True)]
        needed = max(idf.values()) * (0.5 if len(free) > 1 else 1) if not filters else 0.01
        candidates = [a for score, a in sorted(scored, key=lambda pair: -pair[0]) if score >= needed]
    if not candidates:
        return Answer(text=_("Nothing found for that yet. Try without the time or the place, or another word."),
                      found=False, filters=filters)
    items = []
    for activity in candidates[:MAX_ITEMS]:
        local = timezone.localtime(activity.starts_at) if activity.starts_at else None
        reasons = [activity.category.name] if activity.category_id else []
        if places.units:
            reasons.append(activity.unit.name)
        if local:
            reasons.append(local.strftime("%d/%m"))
        items.append(Item(kind="activity", id=activity.pk, url=reverse("activity_detail", args=[activity.pk]),
                          title=activity.title, when=local.strftime("%H:%M %d/%m/%Y") if local else "",
                          where=activity.venue_name or activity.unit.name, why=" · ".join(reasons)))
    return Answer(text=_("%(n)s activities found.") % {"n": len(candidates)} if len(candidates) > 1 else
                  _("One activity found."), found=True, filters=filters, items=items)
