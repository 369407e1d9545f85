"""Reads of the recognition workflow, each filtered by what the acting user may see.

- A unit's self-assessments are seen by the viewers of the unit's subtree scope (the unit itself and the
  levels above); a sibling sees nothing, not even that a draft exists. Recognitions (status recognised) are
  public, on the unit's page.
- A household's assessment is seen by the viewers of its village or commune; never publicly.
- A citizen's self-assessment is seen by the citizen only; it counts, anonymously, in the tallies.
- The recognising body's editors see the dossiers submitted to it (review queue).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import Role, can_edit, can_view, scope_filter, scope_prefixes
from lifelong.recognition import rules
from lifelong.recognition.models import (
    Answer,
    Assessment,
    AuthorityRule,
    Criterion,
    Decision,
    Evidence,
    Household,
    Indicator,
    Level,
    Scheme,
)


def schemes_for_year(year: int, *, targets: list[str] | None = None) -> list[Scheme]:
    schemes = Scheme.objects.filter(valid_from__lte=year).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))
    if targets is not None:
        schemes = schemes.filter(target__in=targets)
    return list(schemes.order_by("target", "code"))


def schemes_for_unit(unit: OrgUnit, year: int) -> list[Scheme]:
    """The schemes that rate a unit of this kind in `year` and are offered for new self-assessments."""
    return [s for s in schemes_for_year(year) if s.active and s.rates_units and unit.kind in s.unit_kinds()]


def authority_rule_for(scheme: Scheme, home: OrgUnit, level: int | None = None,
                       rules: list[AuthorityRule] | None = None) -> AuthorityRule | None:
    """The deepest rule whose unit contains `home`; a rule for the level wins over one for every level.
    `rules` (the scheme's rules with `within` loaded) spares the query when asking for many units."""
    candidates = []
    for rule in rules if rules is not None else scheme.authority_rules.select_related("within"):
        if rule.within_id and not home.is_within(rule.within):
            continue
        if rule.level is not None and rule.level != level:
            continue
        candidates.append(((rule.within.depth + 1) if rule.within_id else 0, rule.level is not None, rule.pk, rule))
    return max(candidates, key=lambda c: c[:3])[3] if candidates else None


def due_day(year: int, month: int, day: int) -> date:
    """The day a rule names, in `year`; a day the month lacks (31/4, 29/2 in a common year) is its last day."""
    for candidate in (day, day - 1, day - 2, day - 3):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(f"no day {day}/{month}")


# --- Permissions on one assessment -------------------------------------------------------------------------------

def can_edit_assessment(user, assessment: Assessment, *, any_status: bool = False) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if assessment.citizen_id:
        return assessment.citizen_id == user.pk
    return can_edit(user, assessment.home)


def can_view_assessment(user, assessment: Assessment) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if assessment.citizen_id:
        return assessment.citizen_id == user.pk
    if can_view(user, assessment.home):
        return True
    # The recognising body sees what was submitted to it (it lies above, so this is mostly the case above).
    return bool(assessment.authority_id) and assessment.status != Assessment.Status.DRAFT \
        and can_view(user, assessment.authority)


def can_review(user, assessment: Assessment) -> bool:
    """The recognising body's editors, but never the person who submitted, and never the subject itself."""
    if not assessment.authority_id or user is None or not user.is_authenticated:
        return False
    if assessment.submitted_by_id == user.pk:
        return False
    if assessment.unit_id and assessment.authority_id == assessment.unit_id:
        return False
    return can_edit(user, assessment.authority)


# --- Lists ------------------------------------------------------------------------------------------------------

def _subject_related(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("scheme", "home", "unit", "household", "authority", "decision")


def unit_assessments(user, unit: OrgUnit) -> QuerySet[Assessment]:
    """The unit's own self-assessments (not its households'), if the user may see them."""
    if not can_view(user, unit):
        return Assessment.objects.none()
    return _subject_related(Assessment.objects.filter(unit=unit)).order_by("-year", "scheme__code")


def unit_recognitions(unit: OrgUnit) -> QuerySet[Assessment]:
    """What the unit was recognised as (public: issued decisions only)."""
    return (Assessment.objects.filter(unit=unit, status=Assessment.Status.RECOGNISED)
            .select_related("scheme", "decision", "authority").order_by("-year", "scheme__code"))


def review_queue(user, authority: OrgUnit, *, year: int | None = None, status: str | None = None,
                 scheme: Scheme | None = None) -> QuerySet[Assessment]:
    """Dossiers submitted to `authority`, for its editors (viewers read them too)."""
    if not can_view(user, authority):
        return Assessment.objects.none()
    queryset = Assessment.objects.filter(authority=authority).exclude(status=Assessment.Status.DRAFT)
    if year:
        queryset = queryset.filter(year=year)
    if status:
        queryset = queryset.filter(status=status)
    if scheme is not None:
        queryset = queryset.filter(scheme=scheme)
    return _subject_related(queryset).order_by("status", "scheme__code", "home__sort_key", "pk")


def year_waiting(authority: OrgUnit) -> int | None:
    """The latest year with a dossier waiting for this body (to review, or accepted and not yet decided)."""
    return (Assessment.objects.filter(authority=authority).filter(
        Q(status=Assessment.Status.SUBMITTED) | Q(status=Assessment.Status.ACCEPTED, decision__isnull=True))
        .order_by("-year").values_list("year", flat=True).first())


def households_of(user, unit: OrgUnit) -> QuerySet[Household]:
    if not can_view(user, unit):
        return Household.objects.none()
    return Household.objects.filter(unit__path__startswith=unit.path).select_related("unit")


def citizen_assessments(user) -> QuerySet[Assessment]:
    if user is None or not user.is_authenticated:
        return Assessment.objects.none()
    return Assessment.objects.filter(citizen=user).select_related("scheme", "home")


def visible_assessments(user) -> QuerySet[Assessment]:
    """Every unit or household assessment in the user's scope (the API's list)."""
    return _subject_related(scope_filter(user, Assessment.objects.filter(citizen__isnull=True), unit_field="home"))


def review_authorities(user) -> list[OrgUnit]:
    """The units where this user may review: those of their memberships with an editor role or more."""
    prefixes = scope_prefixes(user, Role.EDITOR)
    if prefixes is None:
        return list(OrgUnit.objects.filter(parent__isnull=True))
    return list(OrgUnit.objects.filter(path__in=prefixes).order_by("path"))


# --- One assessment, with its level -----------------------------------------------------------------------------

@dataclass
class IndicatorRow:
    indicator: Indicator
    answer: Answer | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class CriterionBlock:
    criterion: Criterion
    rows: list[IndicatorRow]


def scheme_structure(scheme: Scheme) -> tuple[list[Level], list[Criterion], list[Indicator]]:
    criteria = list(scheme.criteria.all())
    indicators = list(Indicator.objects.filter(criterion__scheme=scheme).select_related("criterion"))
    return list(scheme.levels.all()), criteria, indicators


def outcome_of(scheme: Scheme, indicators: list[Indicator], answers: dict[int, Answer],
               levels: list[Level]) -> rules.Outcome:
    rule_rows = [rules.IndicatorRule(key=i.pk, level=i.level, max_points=i.max_points, min_points=i.min_points)
                 for i in indicators]
    if scheme.is_points:
        return rules.points_outcome(rule_rows, {k: a.points for k, a in answers.items()}, scheme.pass_total)
    return rules.levels_outcome(rule_rows, {k: a.met for k, a in answers.items()}, [lv.number for lv in levels])


def assessment_outcome(assessment: Assessment) -> rules.Outcome:
    levels, _criteria, indicators = scheme_structure(assessment.scheme)
    answers = {a.indicator_id: a for a in assessment.answers.all()}
    return outcome_of(assessment.scheme, indicators, answers, levels)


@dataclass
class AssessmentView:
    assessment: Assessment
    levels: list[Level]
    blocks: list[CriterionBlock]
    outcome: rules.Outcome
    general_evidence: list[Evidence]

    @property
    def level_name(self) -> str:
        names = {lv.number: lv.name for lv in self.levels}
        return names.get(self.outcome.level, "")

    @property
    def below_minimum_codes(self) -> list[str]:
        low = set(self.outcome.below_minimum)
        return [row.indicator.code for block in self.blocks for row in block.rows if row.indicator.pk in low]

    def missing_for_next(self) -> list[Indicator]:
        """The indicators that stand between the level reached and the next one."""
        next_level = self.outcome.level + 1
        keys = set(self.outcome.missing.get(next_level, []))
        return [row.indicator for block in self.blocks for row in block.rows if row.indicator.pk in keys]


def assessment_view(assessment: Assessment, *, answers_override: dict[int, Answer] | None = None) -> AssessmentView:
    levels, criteria, indicators = scheme_structure(assessment.scheme)
    answers = {a.indicator_id: a for a in assessment.answers.all()}
    if answers_override:
        answers.update(answers_override)
    evidence = list(assessment.evidence.all())
    by_indicator: dict[int | None, list[Evidence]] = {}
    for item in evidence:
        by_indicator.setdefault(item.indicator_id, []).append(item)
    blocks = [CriterionBlock(criterion, [IndicatorRow(i, answers.get(i.pk), by_indicator.get(i.pk, []))
                                         for i in indicators if i.criterion_id == criterion.pk])
              for criterion in criteria]
    return AssessmentView(assessment=assessment, levels=levels, blocks=blocks,
                          outcome=outcome_of(assessment.scheme, indicators, answers, levels),
                          general_evidence=by_indicator.get(None, []))


def points_total(view: AssessmentView) -> Decimal | None:
    return view.outcome.total


@dataclass
class RecognitionTask:
    unit: OrgUnit
    label: str
    count: int
    url_name: str


def officials_tasks(user) -> list[RecognitionTask]:
    """What waits for this official on learning titles: dossiers to review, dossiers returned to their units."""
    from django.utils.translation import gettext as _

    tasks = []
    for unit in review_authorities(user)[:20]:
        waiting = Assessment.objects.filter(authority=unit, status=Assessment.Status.SUBMITTED).count()
        if waiting:
            tasks.append(RecognitionTask(unit, _("Recognition dossiers to review"), waiting, "recognition_reviews"))
        undecided = Assessment.objects.filter(authority=unit, status=Assessment.Status.ACCEPTED).exclude(
            decision__status=Decision.Status.ISSUED).count()
        if undecided:
            tasks.append(RecognitionTask(unit, _("Accepted dossiers waiting for the recognition decision"), undecided,
                                         "recognition_reviews"))
        returned = scope_filter(user, Assessment.objects.filter(
            status=Assessment.Status.DRAFT, citizen__isnull=True, home__path__startswith=unit.path)
            .exclude(review_comment=""), unit_field="home", role=Role.EDITOR).count()
        if returned:
            tasks.append(RecognitionTask(unit, _("Recognition dossiers returned for completion"), returned,
                                         "recognition_unit"))
    return tasks


def deadlines(scheme: Scheme, home: OrgUnit, year: int, level: int | None = None):
    """(dossier due, decision due) for a subject of `home` rated in `year`, per its authority rule; None if none."""
    rule = authority_rule_for(scheme, home, level)
    if rule is None:
        return None
    return (due_day(year + 1, rule.dossier_due_month, rule.dossier_due_day),
            due_day(year + 1, rule.decision_due_month, rule.decision_due_day))
