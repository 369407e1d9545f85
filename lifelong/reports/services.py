"""Writes of reporting: the form, expected reporters, reports and their workflow, locks.

Every service checks permission, runs in one transaction and writes one audit entry. A unit's own
editors fill in and submit its report; the editors of its parent accept or return it, excuse it, or
lock reporting. When the campaign asks for separation of duties (`Campaign.separate_review`), whoever
made the latest submission of a report may not accept it, superusers included; returning it stays
allowed. `actor=None` is the system (load_demo, plan publication hooks).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lifelong.campaigns.models import Campaign
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text, strip_control
from lifelong.orgs import permissions
from lifelong.orgs.models import Membership, OrgUnit, User
from lifelong.plans.models import Plan
from lifelong.reports import counters, totals, validation
from lifelong.reports.form_2025 import INDICATORS_2025, NARRATIVES_2025
from lifelong.reports.models import (
    ExpectedReporter,
    Indicator,
    LockException,
    NarrativeSection,
    Notification,
    Report,
    ReportEvent,
    ReportingLock,
    ReportValue,
)

Status = Report.Status


class SeparationOfDutiesError(PermissionDeniedError):
    """The campaign asks for separation of duties and the actor submitted the report themselves."""

    code = "separation_of_duties"
    default_message = gettext_lazy(
        "You submitted this report yourself, and this campaign requires that someone else accept it. "
        "You can still return it for correction.")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDeniedError()


def _may_edit(actor, unit: OrgUnit | None) -> bool:
    return actor is None or (unit is not None and permissions.can_edit(actor, unit))


def _details(errors: dict[str, str]) -> list[dict]:
    return [{"field": name, "message": str(message)} for name, message in errors.items()]


# The form

def form_is_open(campaign: Campaign) -> bool:
    """The form may change until the first report of the campaign leaves draft."""
    return not Report.objects.filter(campaign=campaign).exclude(status=Status.DRAFT).exists()


@transaction.atomic
def report_form_install_default(*, actor, campaign: Campaign) -> int:
    """Load the 2025 default form into a campaign that has none yet."""
    _require(_may_edit(actor, campaign.owner))
    if campaign.indicators.exists():
        return 0
    created = {}
    for order, spec in enumerate(INDICATORS_2025):
        created[spec.code] = Indicator.objects.create(
            campaign=campaign, section=spec.section, code=spec.code, label=spec.label, label_en=spec.label_en,
            unit_label=spec.unit_label, kind=spec.kind, breakdown=spec.breakdown, prefill=spec.prefill,
            order=order, min_value=0)
    for spec in INDICATORS_2025:
        if spec.of_which:
            Indicator.objects.filter(pk=created[spec.code].pk).update(of_which=created[spec.of_which])
    NarrativeSection.objects.bulk_create([
        NarrativeSection(campaign=campaign, code=code, title=title, title_en=title_en, required=required, order=i)
        for i, (code, title, title_en, required) in enumerate(NARRATIVES_2025)])
    audit_record(actor=actor, action="reports.form.installed", target=campaign, unit_id=campaign.owner_id,
                 indicators=len(created))
    return len(created)


@transaction.atomic
def indicator_save(*, actor, campaign: Campaign, code: str, label: str, label_en: str = "", section: str = "",
                   unit_label: str = "", kind: str = Indicator.Kind.COUNT, breakdown: bool = False,
                   order: int | None = None, retired: bool = False, help_text: str = "") -> Indicator:
    """Add an indicator or change the one with this code, while the form is open."""
    _require(_may_edit(actor, campaign.owner))
    if not form_is_open(campaign):
        raise ValidationFailed(_("Reports have started to come in; the form can no longer change."))
    code, label = normalize_text(code), normalize_text(label)
    if not code or not label or kind not in Indicator.Kind.values:
        raise ValidationFailed(_("An indicator needs a code, a label and a valid kind."))
    indicator = Indicator.objects.filter(campaign=campaign, code=code).first() or Indicator(
        campaign=campaign, code=code, order=campaign.indicators.count())
    indicator.label, indicator.label_en, indicator.section = label, normalize_text(label_en), section
    indicator.unit_label, indicator.kind, indicator.breakdown = unit_label, kind, breakdown
    indicator.retired, indicator.help_text = retired, help_text
    if order is not None:
        indicator.order = order
    indicator.save()
    audit_record(actor=actor, action="reports.indicator.saved", target=indicator, unit_id=campaign.owner_id,
                 code=code, retired=retired)
    return indicator


# Who must report

def _children_due(plan):
    """The date by which the plan's children report: the plan's own deadline, or, when the plan sets none
    (Hà Nội's plan of 2025 does not), the date by which the unit itself must report to its parent: it
    cannot report before its children have."""
    if plan.report_due is not None:
        return plan.report_due
    own = ExpectedReporter.objects.filter(campaign=plan.campaign, unit=plan.unit).values_list("due_date", flat=True)
    return own.first()


def expected_reporters_from_plan(plan) -> int:
    """Hook run when a plan is published: its unit's children must report by its deadline.

    Children whose own published plan sets no deadline inherit this one for their children in turn.
    """
    due = _children_due(plan)
    if due is None:
        return 0
    children = OrgUnit.objects.filter(parent=plan.unit)
    if plan.report_kinds:
        children = children.filter(kind__in=plan.report_kinds)
    existing = {e.unit_id: e for e in ExpectedReporter.objects.filter(campaign=plan.campaign, parent=plan.unit)}
    reports = {r.unit_id: r for r in Report.objects.filter(campaign=plan.campaign, unit__parent=plan.unit)}
    new = []
    for child in children:
        if child.pk in existing:
            continue
        report = reports.get(child.pk)
        new.append(ExpectedReporter(campaign_id=plan.campaign_id, unit=child, parent=plan.unit,
                                    due_date=due, plan=plan, unit_path=child.path, unit_depth=child.depth,
                                    report_status=report.status if report else "",
                                    report_late=bool(report and report.late)))
    ExpectedReporter.objects.bulk_create(new)
    changes = [(r.unit_path, r.unit_depth, r.due_date, counters.state_of(r), 1) for r in new]
    for reporter in existing.values():
        if reporter.due_date != due:  # a revised plan moved the deadline
            state = counters.state_of(reporter)
            changes += [(reporter.unit_path, reporter.unit_depth, reporter.due_date, state, -1),
                        (reporter.unit_path, reporter.unit_depth, due, state, 1)]
    counters.apply(plan.campaign_id, changes)
    ExpectedReporter.objects.filter(campaign=plan.campaign, parent=plan.unit).update(due_date=due, plan=plan)
    # Children that published a plan without a deadline before this one: their children wait on it.
    for child_plan in Plan.objects.filter(campaign=plan.campaign, unit__parent=plan.unit, status=Plan.Status.PUBLISHED,
                                          report_due__isnull=True):
        expected_reporters_from_plan(child_plan)
    return len(new)


@transaction.atomic
def expected_reporter_excuse(*, actor, reporter: ExpectedReporter, reason: str, excused: bool = True) -> None:
    _require(_may_edit(actor, reporter.parent))
    reason = normalize_text(reason)
    if excused and not reason:
        raise ValidationFailed(details=[{"field": "reason", "message": _("Give the reason for excusing this unit.")}])
    before = counters.state_of(reporter)
    reporter.excused, reporter.excuse_reason = excused, reason if excused else ""
    reporter.excused_by, reporter.excused_at = (actor, timezone.now()) if excused else (None, None)
    reporter.save()
    if counters.state_of(reporter) != before:
        counters.change(reporter, before, counters.state_of(reporter))
    audit_record(actor=actor, action="reports.reporter.excused" if excused else "reports.reporter.unexcused",
                 target=reporter, unit_id=reporter.unit_id, reason=reason)


# Reports

def report_for(unit: OrgUnit, campaign: Campaign) -> Report:
    """The unit's report for the campaign, or an empty draft that is not saved: looking at a report writes
    nothing (a viewer's visit changes no row); the first save creates it (`_stored`)."""
    report = Report.objects.filter(campaign=campaign, unit=unit).first()
    if report is None:
        return Report(campaign=campaign, unit=unit)
    report.unit, report.campaign = unit, campaign  # already loaded: not read a second time
    return report


def _stored(report: Report) -> Report:
    """The report's row, created now if the report was never saved (an unsaved one starts at lock_version 1,
    as the new row does, so a page opened before someone else's first save gets a conflict, not an overwrite)."""
    if report.pk is not None:
        return report
    stored, _created = Report.objects.get_or_create(campaign=report.campaign, unit=report.unit)
    return stored


def active_indicators(campaign: Campaign) -> list[Indicator]:
    return list(campaign.indicators.filter(retired=False).order_by("order", "pk"))


def report_proposals(report: Report) -> dict[tuple[str, str], int]:
    """Proposed values of the pre-filled indicators, from what the unit did on the platform: each function of
    settings.REPORT_PROPOSALS (activities, the library ...) proposes some indicators; their counts add up."""
    paths = getattr(settings, "REPORT_PROPOSALS", [])
    if not paths:
        return {}
    prefilled = {i.code for i in report.campaign.indicators.filter(prefill=True, retired=False)}
    combined: dict[tuple[str, str], int] = {}
    for path in [paths] if isinstance(paths, str) else paths:
        for key, value in import_string(path)(report.unit, report.campaign).items():
            if key[0] in prefilled:
                combined[key] = combined.get(key, 0) + value
    return combined


def _store_values(report: Report, indicators: list[Indicator], values: dict, proposals: dict | None) -> None:
    by_code = {i.code: i for i in indicators}
    existing = {(v.indicator_id, v.group): v for v in report.values.all()}
    keep, rows = set(), []
    for (code, group), parsed in values.items():
        indicator = by_code[code]
        key = (indicator.pk, group)
        keep.add(key)
        row = existing.get(key) or ReportValue(report=report, indicator=indicator, group=group)
        row.state, row.number, row.text = parsed.state, parsed.number, parsed.text
        row.proposed = (proposals or {}).get((code, group))  # the report keeps both values
        rows.append(row)
    ReportValue.objects.filter(pk__in=[v.pk for key, v in existing.items() if key not in keep]).delete()
    ReportValue.objects.bulk_create([r for r in rows if r.pk is None])
    ReportValue.objects.bulk_update([r for r in rows if r.pk is not None], ["state", "number", "text", "proposed"])


def _claim(report: Report, lock_version: int, status: str) -> None:
    """Take the report's version, or fail if someone saved it since it was read (nothing is written)."""
    if not Report.objects.filter(pk=report.pk, lock_version=lock_version, status=status).update(
            lock_version=F("lock_version") + 1):
        raise ConflictError()
    report.lock_version = lock_version + 1


def _mirror(report: Report) -> None:
    """Keep the expected reporter's copy of the report's state and the completeness counts."""
    reporter = ExpectedReporter.objects.select_for_update().filter(
        campaign_id=report.campaign_id, unit_id=report.unit_id).first()
    if reporter is None or (reporter.report_status, reporter.report_late) == (report.status, report.late):
        return
    before = counters.state_of(reporter)
    reporter.report_status, reporter.report_late = report.status, report.late
    reporter.save(update_fields=["report_status", "report_late"])
    if counters.state_of(reporter) != before:
        counters.change(reporter, before, counters.state_of(reporter))


def _event(report: Report, action: str, actor, from_status: str, comment: str = "") -> ReportEvent:
    _mirror(report)
    return ReportEvent.objects.create(report=report, action=action, from_status=from_status, to_status=report.status,
                                      actor=actor if actor is not None else None, comment=comment, late=report.late)


@transaction.atomic
def report_save(*, actor, report: Report, lock_version: int, data, narrative: dict | None = None,
                proposals: dict | None = None) -> Report:
    """Save a draft. Unreadable numbers are refused with a message per field; rules wait for submit."""
    _require(_may_edit(actor, report.unit))
    if report.status != Status.DRAFT:
        raise ValidationFailed(_("A submitted report cannot be changed unless the level above returns it."))
    indicators = active_indicators(report.campaign)
    values, errors = validation.parse_values(indicators, data)
    if errors:
        raise ValidationFailed(_("Some numbers could not be read; nothing was saved."), details=_details(errors))
    report = _stored(report)
    _claim(report, lock_version, Status.DRAFT)
    _store_values(report, indicators, values, proposals if proposals is not None else report_proposals(report))
    if narrative is not None:
        report.narrative = {k: strip_control(str(v)).strip()[:20000] for k, v in narrative.items()}
    report.save(update_fields=["narrative", "lock_version", "updated_at"])
    _event(report, ReportEvent.Action.SAVED, actor, Status.DRAFT)
    audit_record(actor=actor, action="reports.report.saved", target=report, unit_id=report.unit_id)
    return report


def stored_values(report: Report) -> dict[tuple[str, str], validation.Parsed]:
    if report.pk is None:
        return {}
    return {(v.indicator.code, v.group): validation.Parsed(v.state, v.number, v.text)
            for v in report.values.select_related("indicator")}


def reporting_locked_for(unit: OrgUnit, campaign: Campaign) -> bool:
    if unit.parent_id is None:
        return False
    lock = ReportingLock.objects.filter(campaign=campaign, unit_id=unit.parent_id).first()
    return lock is not None and not lock.exceptions.filter(unit=unit).exists()


@transaction.atomic
def report_submit(*, actor, report: Report, lock_version: int, submitted_at=None) -> tuple[Report, list[str]]:
    """Submit to the parent: rules checked, late marked, totals of every ancestor updated at once.

    `submitted_at` is for the system only (loading reports that came in on paper, the demo).
    """
    _require(_may_edit(actor, report.unit))
    _require(submitted_at is None or actor is None)
    if report.status != Status.DRAFT:
        raise ValidationFailed(_("This report has already been submitted."))
    if reporting_locked_for(report.unit, report.campaign):
        raise ValidationFailed(_("The level above has locked reporting for this campaign; ask it to let you "
                                 "through."))
    report = _stored(report)
    indicators = active_indicators(report.campaign)
    values = stored_values(report)
    errors, warnings = validation.check_rules(indicators, values)
    errors.update(validation.missing_narratives(report.campaign.narrative_sections.all(), report.narrative))
    if errors:
        raise ValidationFailed(_("The report was not submitted: correct the fields marked."), details=_details(errors))
    _claim(report, lock_version, Status.DRAFT)
    expected = ExpectedReporter.objects.filter(campaign=report.campaign, unit=report.unit).first()
    now = submitted_at or timezone.now()
    report.status, report.submitted_at = Status.SUBMITTED, now
    report.due_date = expected.due_date if expected else None
    report.late = bool(report.due_date and timezone.localdate(now) > report.due_date)
    report.save(update_fields=["status", "submitted_at", "due_date", "late", "lock_version", "updated_at"])
    totals.apply(report, sign=1, columns=(totals.SUBMITTED,))
    _event(report, ReportEvent.Action.SUBMITTED, actor, Status.DRAFT)
    _notify_reviewers(report)
    audit_record(actor=actor, action="reports.report.submitted", target=report, unit_id=report.unit_id,
                 late=report.late)
    return report, warnings


def _notify_reviewers(report: Report) -> int:
    """Tell the editors and admins of the parent unit that a report waits for them (in-app; their
    dashboard lists it too). Members of levels further up are not told: they review their own children."""
    parent_id = report.unit.parent_id
    if parent_id is None:
        return 0
    reviewers = User.objects.filter(memberships__unit_id=parent_id, is_active=True,
                                    memberships__role__in=permissions.roles_at_least(Membership.Role.EDITOR)).distinct()
    message = _("%(unit)s submitted its results report for %(campaign)s; it waits for your review.") % {
        "unit": report.unit.name, "campaign": report.campaign.name}
    url = reverse("report_edit", args=[report.unit_id]) + f"?campaign={report.campaign_id}"
    return len(Notification.objects.bulk_create([Notification(user=user, message=message, url=url)
                                                 for user in reviewers]))


def _may_review(actor, report: Report) -> bool:
    """The parent's editors review a report; a unit never reviews its own."""
    parent = report.unit.parent
    if actor is None:
        return True
    return parent is not None and permissions.can_edit(actor, parent)


def latest_submitter_id(report: Report) -> int | None:
    """Who made the report's latest submission (None: the system, or never submitted)."""
    return (report.events.filter(action=ReportEvent.Action.SUBMITTED).order_by("-created_at", "-pk")
            .values_list("actor_id", flat=True).first())


def separation_forbids_accept(actor, report: Report) -> bool:
    """The campaign separates duties and `actor` made the latest submission: they may not accept it.

    No exemption for superusers; the system (`actor=None`) is not a person and is never stopped.
    """
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    # Read the setting afresh: the report may carry a campaign loaded before an admin changed it.
    if not Campaign.objects.filter(pk=report.campaign_id, separate_review=True).exists():
        return False
    return latest_submitter_id(report) == actor.pk


@transaction.atomic
def report_accept(*, actor, report: Report, lock_version: int) -> Report:
    _require(_may_review(actor, report))
    if report.status != Status.SUBMITTED:
        raise ValidationFailed(_("Only a submitted report can be accepted."))
    if separation_forbids_accept(actor, report):
        raise SeparationOfDutiesError()
    _claim(report, lock_version, Status.SUBMITTED)
    report.status, report.accepted_at = Status.ACCEPTED, timezone.now()
    report.save(update_fields=["status", "accepted_at", "lock_version", "updated_at"])
    totals.apply(report, sign=1, columns=(totals.ACCEPTED,))
    _event(report, ReportEvent.Action.ACCEPTED, actor, Status.SUBMITTED)
    audit_record(actor=actor, action="reports.report.accepted", target=report, unit_id=report.unit_id)
    return report


@transaction.atomic
def report_return(*, actor, report: Report, lock_version: int, comment: str) -> Report:
    """Send a report back to its unit as a draft, with the reason; its numbers leave the totals."""
    _require(_may_review(actor, report))
    comment = strip_control(comment).strip()[:2000]
    if not comment:
        raise ValidationFailed(details=[{"field": "comment", "message": _("Say what must be corrected.")}])
    if report.status not in (Status.SUBMITTED, Status.ACCEPTED):
        raise ValidationFailed(_("Only a submitted or accepted report can be returned."))
    previous = report.status
    _claim(report, lock_version, previous)
    columns = (totals.SUBMITTED, totals.ACCEPTED) if previous == Status.ACCEPTED else (totals.SUBMITTED,)
    totals.apply(report, sign=-1, columns=columns)
    report.status, report.return_comment, report.accepted_at = Status.DRAFT, comment, None
    report.save(update_fields=["status", "return_comment", "accepted_at", "lock_version", "updated_at"])
    event = _event(report, ReportEvent.Action.RETURNED, actor, previous, comment)
    audit_record(actor=actor, action="reports.report.returned", target=report, unit_id=report.unit_id,
                 comment=comment)
    from lifelong.reports.reminders import notify_returned

    notify_returned(event)
    return report


# Locks

@transaction.atomic
def reporting_lock(*, actor, unit: OrgUnit, campaign: Campaign, locked: bool) -> None:
    """Stop (or let again) the unit's children submit for the campaign."""
    _require(_may_edit(actor, unit))
    if locked:
        ReportingLock.objects.get_or_create(campaign=campaign, unit=unit, defaults={"locked_by": actor})
    else:
        ReportingLock.objects.filter(campaign=campaign, unit=unit).delete()
    audit_record(actor=actor, action="reports.lock.set" if locked else "reports.lock.lifted", target=unit,
                 unit_id=unit.pk, campaign=campaign.year)


@transaction.atomic
def lock_exception_grant(*, actor, unit: OrgUnit, campaign: Campaign, child: OrgUnit) -> None:
    _require(_may_edit(actor, unit))
    if child.parent_id != unit.pk:
        raise ValidationFailed(_("Exceptions are granted to units directly below."))
    lock = ReportingLock.objects.filter(campaign=campaign, unit=unit).first()
    if lock is None:
        raise ValidationFailed(_("Reporting is not locked."))
    LockException.objects.get_or_create(lock=lock, unit=child, defaults={"granted_by": actor})
    audit_record(actor=actor, action="reports.lock.exception", target=child, unit_id=unit.pk, campaign=campaign.year)
