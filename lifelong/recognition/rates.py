"""Counts and rates of recognition for a unit's subtree, against the national targets (QĐ 387/QĐ-TTg).

For each scheme of the year: how many subjects could be rated (the units of the rated kinds in the subtree,
the households and clans the communes registered, the learners whose home commune is there), how many
applied, were accepted, were recognised (and at which level), the rate recognised / eligible and the
scheme's target. The counts come from `RecognitionTally` (one indexed read per unit) and from counting the
units of a kind under a path prefix (index orgunit_kind_path): fast for the Ministry as for a village.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from lifelong.learners.models import LearnerProfile
from lifelong.orgs.models import OrgUnit
from lifelong.recognition import tally
from lifelong.recognition.models import RecognitionTally, Scheme
from lifelong.recognition.selectors import schemes_for_year


@dataclass
class SchemeRate:
    scheme: Scheme
    eligible: int
    applied: int
    accepted: int
    recognised: int
    per_level: dict[int, int] = field(default_factory=dict)
    drafts: int = 0

    @property
    def rate(self) -> Decimal | None:
        if not self.eligible:
            return None
        return (Decimal(100 * self.recognised) / self.eligible).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def meets_target(self) -> bool | None:
        if self.rate is None or self.scheme.target_percent is None:
            return None
        return self.rate >= self.scheme.target_percent


def _eligible_units(unit: OrgUnit, kinds: list[str]) -> int:
    if not kinds:
        return 0
    return OrgUnit.objects.filter(kind__in=kinds, path__startswith=unit.path).count()


def _learners(unit: OrgUnit) -> int:
    return LearnerProfile.objects.filter(home_commune__path__startswith=unit.path).count()


def unit_rates(unit: OrgUnit, year: int) -> list[SchemeRate]:
    schemes = schemes_for_year(year)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    households: dict[str, int] = {}
    for code, _tally_year, measure, n in RecognitionTally.objects.filter(
            Q(year=year) | Q(scheme_code="", year=0), unit=unit).values_list("scheme_code", "year", "measure", "n"):
        if code == "":
            households[measure] = n
        else:
            counts[code][measure] = n
    result = []
    learners = None
    for scheme in schemes:
        found = counts.get(scheme.code, {})
        if scheme.rates_units:
            eligible = _eligible_units(unit, scheme.unit_kinds())
        elif scheme.target in (Scheme.Target.FAMILY, Scheme.Target.CLAN):
            eligible = households.get(tally.household_measure(scheme.target), 0)
        else:
            learners = _learners(unit) if learners is None else learners
            eligible = learners
        per_level = {int(m.split(":")[1]): n for m, n in found.items() if m.startswith("recognised:") and n}
        result.append(SchemeRate(scheme=scheme, eligible=eligible, applied=found.get(tally.APPLIED, 0),
                                 accepted=found.get(tally.ACCEPTED, 0), recognised=found.get(tally.RECOGNISED, 0),
                                 per_level=per_level, drafts=found.get(tally.DRAFTS, 0)))
    return result


def rates_sheet(unit: OrgUnit, year: int, rows: list[SchemeRate]):
    """The rates as a spreadsheet (lifelong.core.exports): one row per scheme."""
    from lifelong.core.exports import Sheet

    levels = sorted({level for row in rows for level in row.per_level} | {1, 2})
    header = ["Danh hiệu", "Văn bản", "Số có thể đánh giá", "Đã nộp hồ sơ", "Đã thẩm định đạt", "Đã công nhận"] + [
        f"Mức độ {level}" for level in levels] + ["Tỷ lệ công nhận (%)", "Mục tiêu (%)", "Nguồn mục tiêu"]
    data = [[row.scheme.title, row.scheme.source_number, row.eligible, row.applied, row.accepted, row.recognised]
            + [row.per_level.get(level, 0) for level in levels]
            + [float(row.rate) if row.rate is not None else None, row.scheme.target_percent,
               row.scheme.target_source] for row in rows]
    return Sheet(f"Cong nhan {year}", header, data, freeze_panes="B2", column_widths={"A": 40, "B": 20})
