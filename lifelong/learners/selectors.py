"""Reads of learners: a person's learning record, only ever their own."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from lifelong.activities.models import Registration
from lifelong.learners.models import Certificate
from lifelong.learners.selectors_certificates import certificates_of_holder


@dataclass
class Attended:
    registration: Registration
    hours: Decimal

    @property
    def activity(self):
        return self.registration.session.activity

    @property
    def day(self):
        return timezone.localtime(self.registration.session.starts_at).date()


@dataclass
class YearTotals:
    year: int
    hours: Decimal = Decimal(0)
    activities: int = 0
    by_kind: Counter = field(default_factory=Counter)  # category name → activities attended

    @property
    def kinds(self) -> list[tuple[str, int]]:
        """by_kind as pairs, most first (a template cannot call .items() on a Counter: it looks up "items")."""
        return self.by_kind.most_common()


@dataclass
class LearningRecord:
    attended: list[Attended]
    certificates: list[Certificate]
    upcoming: list[Registration]
    years: list[YearTotals]

    @property
    def total_hours(self) -> Decimal:
        return sum((y.hours for y in self.years), Decimal(0))


def session_hours(starts_at: datetime, ends_at: datetime) -> Decimal:
    """Hours of a session, to the tenth (a session of 2 h 30 is 2.5 h)."""
    return (Decimal((ends_at - starts_at).total_seconds()) / Decimal(3600)).quantize(Decimal("0.1"))


def learning_record(user, *, now: datetime | None = None) -> LearningRecord:
    """What the person took part in (checked in), their certificates, and what is coming: three queries."""
    now = now or timezone.now()
    registrations = list(
        Registration.objects.filter(account=user).exclude(status=Registration.Status.CANCELLED)
        .select_related("session__activity__unit", "session__activity__category")
        .order_by("-session__starts_at"))
    attended = [Attended(r, session_hours(r.session.starts_at, r.session.ends_at))
                for r in registrations if r.checked_in_at is not None]
    upcoming = sorted((r for r in registrations if r.session.ends_at >= now and r.checked_in_at is None),
                      key=lambda r: r.session.starts_at)
    years: dict[int, YearTotals] = defaultdict(lambda: YearTotals(0))
    for item in attended:
        totals = years[item.day.year]
        totals.year = item.day.year
        totals.hours += item.hours
        totals.activities += 1
        totals.by_kind[item.activity.category.name] += 1
    certificates = list(certificates_of_holder(user))
    return LearningRecord(attended=attended, certificates=certificates, upcoming=upcoming,
                          years=sorted(years.values(), key=lambda y: y.year, reverse=True))
