"""Writes of plans: create a draft, derive it from the parent's plan, edit, publish, revise.

Every service checks that the actor may edit the plan's unit (an editor role on it or above it),
runs in one transaction and writes one audit entry. `actor=None` is the system (load_demo).
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from lifelong.campaigns.models import Campaign
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text, strip_control
from lifelong.orgs import permissions
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit, kind_rank
from lifelong.plans import headers
from lifelong.plans.deadlines import due_respects_parent, latest_allowed_due
from lifelong.plans.models import Assignment, LegalBasis, Plan, PlanActivity, issuer_name

Status = Plan.Status
Kind = OrgUnit.Kind

TEXT_FIELDS = ("number", "symbol", "issue_place", "parent_body_line", "issuing_body_line", "title", "addressees",
               "purposes", "theme", "time_and_venue", "opening_venue", "budget_state", "budget_social",
               "report_to_text", "recipients", "signature_mode", "signature_authority", "signature_title",
               "signer_name")
DATE_FIELDS = ("issue_date", "week_start", "week_end", "opening_date", "report_due")
EDITABLE_FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, "doc_kind", "report_to", "report_kinds")
# What a child copies from its parent's plan (issue: theme, time, purposes, activities and budget).
COPIED_FIELDS = ("title", "purposes", "theme", "time_and_venue", "week_start", "week_end", "opening_date",
                 "opening_venue", "budget_state", "budget_social")

# How a plan names a group of its children of one kind in "Tổ chức thực hiện" (document text).
GROUP_NAMES = {
    Kind.PROVINCE: "UBND các tỉnh, thành phố trực thuộc Trung ương",
    Kind.DEPARTMENT: "Các sở, ban, ngành",
    Kind.ASSOCIATION: "Các hội, đoàn thể",
    Kind.COMMUNE: "UBND các xã, phường, đặc khu",
    Kind.OFFICE: "Các phòng chuyên môn",
    Kind.SCHOOL: "Các trường học, cơ sở giáo dục",
    Kind.VILLAGE: "Các thôn, tổ dân phố",
    Kind.LEARNING_CENTRE: "Các trung tâm học tập cộng đồng",
    Kind.AGENCY: "Các cơ quan, đơn vị",
}
MAX_NAMED_CHILDREN_PER_KIND = 8


@dataclass
class PublishResult:
    plan: Plan
    warnings: list[str] = field(default_factory=list)


def _require_edit(actor, unit: OrgUnit) -> None:
    if actor is not None and not permissions.can_edit(actor, unit):
        raise PermissionDeniedError()


def _require_draft(plan: Plan) -> None:
    if plan.status != Status.DRAFT:
        raise ValidationFailed(_("A published plan cannot be changed; create a new version of it instead."))


def _clean_text(value: str) -> str:
    """NFC and tidy spaces on each line, keeping the line breaks that separate paragraphs."""
    lines = [normalize_text(line) for line in strip_control(value).replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _short_date(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def _validation_failed(exc: ValidationError) -> ValidationFailed:
    return ValidationFailed(details=[{"field": f, "message": str(m)} for f, ms in exc.message_dict.items() for m in ms])


def parent_plan(unit: OrgUnit, campaign: Campaign) -> Plan | None:
    """The published plan of the unit's parent for the campaign, if there is one."""
    if unit.parent_id is None:
        return None
    return Plan.objects.select_related("unit").filter(
        unit_id=unit.parent_id, campaign=campaign, status=Status.PUBLISHED).first()


def _ensure_no_draft(unit: OrgUnit, campaign: Campaign) -> None:
    if Plan.objects.filter(unit=unit, campaign=campaign, status=Status.DRAFT).exists():
        raise ValidationFailed(_("This unit already has a draft plan for this campaign; open it instead."))


def _header_defaults(unit: OrgUnit, doc_kind: str) -> dict:
    ancestors = org_selectors.unit_breadcrumbs(unit)
    parent = ancestors[-1] if ancestors else None
    parent_line, issuing_line = headers.body_lines(unit, parent)
    return {
        "parent_body_line": parent_line,
        "issuing_body_line": issuing_line,
        "issue_place": headers.place_of(unit, ancestors),
        "symbol": headers.default_symbol(unit, "KH" if doc_kind == Plan.DocKind.PLAN else ""),
        "recipients": headers.default_recipients(unit, parent),
        **headers.default_signature(unit),
    }


def _save_new(plan: Plan) -> Plan:
    try:
        plan.full_clean(exclude=["previous", "derived_from"])
        plan.save()
    except ValidationError as exc:
        raise _validation_failed(exc) from exc
    except IntegrityError as exc:  # a draft created at the same moment by someone else
        raise ConflictError(_("Someone else created a draft for this unit at the same time; open it.")) from exc
    return plan


@transaction.atomic
def plan_create_draft(*, actor, unit: OrgUnit, campaign: Campaign, doc_kind: str = Plan.DocKind.PLAN) -> Plan:
    """An empty draft with the unit's header lines and the campaign's theme and dates filled in."""
    _require_edit(actor, unit)
    _ensure_no_draft(unit, campaign)
    plan = Plan(campaign=campaign, unit=unit, doc_kind=doc_kind, created_by=actor,
                title=f"Tổ chức {campaign.name}", theme=campaign.theme, week_start=campaign.start_date,
                week_end=campaign.end_date, opening_date=campaign.opening_date, report_to=unit,
                **_header_defaults(unit, doc_kind))
    _save_new(plan)
    audit_record(actor=actor, action="plans.plan.created", target=plan, unit_id=unit.pk, campaign=campaign.year)
    return plan


def _children_assignments(unit: OrgUnit, due: date | None) -> list[Assignment]:
    children = list(OrgUnit.objects.filter(parent=unit).order_by(kind_rank(), "sort_key", "pk"))
    deadline = f" trước ngày {_short_date(due)}" if due else ""
    task = ("Xây dựng kế hoạch và tổ chức các hoạt động hưởng ứng Tuần lễ tại đơn vị; báo cáo kết quả về "
            f"{issuer_name(unit)}{deadline}.")
    by_kind: dict[str, list[OrgUnit]] = {}
    for child in children:
        by_kind.setdefault(child.kind, []).append(child)
    assignments = []
    for kind, units in by_kind.items():
        if len(units) > MAX_NAMED_CHILDREN_PER_KIND:
            assignments.append(Assignment(assignee=GROUP_NAMES.get(kind, "Các đơn vị trực thuộc"), task=task))
        else:
            assignments += [Assignment(unit=child, assignee=child.name, task=task) for child in units]
    return assignments


def _report_receiver(plan: Plan) -> str:
    """Who receives the reports a plan asks for, as its document names it."""
    if plan.report_to_text:
        return plan.report_to_text
    if plan.report_to_id and plan.report_to_id != plan.unit_id:
        return plan.report_to.name
    return issuer_name(plan.unit)


def _own_assignment(unit: OrgUnit, source: Plan) -> Assignment:
    """For a unit with no units below it (a school, a village): the work is its own, and it reports its
    results to the level above by the deadline of the level above's plan, if that plan asks it to."""
    task = "Tổ chức thực hiện các hoạt động hưởng ứng Tuần lễ tại đơn vị theo Kế hoạch này"
    if source.report_due and (not source.report_kinds or unit.kind in source.report_kinds):
        task += (f"; báo cáo kết quả thực hiện về {_report_receiver(source)} "
                 f"trước ngày {_short_date(source.report_due)}")
    return Assignment(assignee=unit.name, task=task + ".")


def _citation_basis(source: Plan) -> LegalBasis:
    kind = "Kế hoạch" if source.doc_kind == Plan.DocKind.PLAN else "Công văn"
    subject = source.title
    if subject:
        subject = "về " + subject[0].lower() + subject[1:]
    return LegalBasis(intro=LegalBasis.Intro.IMPLEMENTING, kind=kind, number=source.reference(),
                      date=source.issue_date, issuer=issuer_name(source.unit), subject=subject, source_plan=source)


def _copy_children(source: Plan, target: Plan, *, legal_bases=True, activities=True, assignments=True) -> None:
    if legal_bases:
        LegalBasis.objects.bulk_create([
            LegalBasis(plan=target, order=b.order, intro=b.intro, kind=b.kind, number=b.number, date=b.date,
                       issuer=b.issuer, subject=b.subject, source_plan=b.source_plan)
            for b in source.legal_bases.all()])
    if activities:
        PlanActivity.objects.bulk_create([
            PlanActivity(plan=target, category_id=a.category_id, order=a.order, text=a.text)
            for a in source.activities.all()])
    if assignments:
        Assignment.objects.bulk_create([
            Assignment(plan=target, order=a.order, unit_id=a.unit_id, assignee=a.assignee, role=a.role, task=a.task)
            for a in source.assignments.all()])


@transaction.atomic
def plan_derive(*, actor, unit: OrgUnit, campaign: Campaign) -> Plan:
    """A draft pre-filled from the parent's published plan, in one step.

    Copies the theme, time, purposes, activities and budget; cites the parent's document after the
    parent's own legal bases; sets the header, place and recipients for this unit; assigns the work
    to this unit's children and proposes the latest deadline the parent's allows. A unit with no children
    gets no deadline and no one reporting to it: the work is assigned to itself, with its own report to
    the level above by the parent's deadline.
    """
    _require_edit(actor, unit)
    source = parent_plan(unit, campaign)
    if source is None:
        raise ValidationFailed(_("The level above has not published a plan for this campaign yet."))
    _ensure_no_draft(unit, campaign)
    has_children = OrgUnit.objects.filter(parent=unit).exists()
    due = latest_allowed_due(source.report_due) if source.report_due and has_children else None
    plan = Plan(campaign=campaign, unit=unit, doc_kind=Plan.DocKind.PLAN, created_by=actor, derived_from=source,
                report_due=due, report_to=unit if has_children else None, **_header_defaults(unit, Plan.DocKind.PLAN),
                **{name: getattr(source, name) for name in COPIED_FIELDS})
    if source.doc_kind == Plan.DocKind.LETTER or not plan.title:
        plan.title = f"Tổ chức {campaign.name}"
    _save_new(plan)
    _copy_children(source, plan, assignments=False)
    citation = _citation_basis(source)
    citation.plan, citation.order = plan, source.legal_bases.count()
    citation.save()
    assignments = _children_assignments(unit, due) if has_children else [_own_assignment(unit, source)]
    for order, assignment in enumerate(assignments):
        assignment.plan, assignment.order = plan, order
    Assignment.objects.bulk_create(assignments)
    audit_record(actor=actor, action="plans.plan.derived", target=plan, unit_id=unit.pk, campaign=campaign.year,
                 source=source.pk)
    return plan


def _check_report_to(plan: Plan) -> list[dict]:
    if plan.report_to is not None and not plan.report_to.is_within(plan.unit):
        return [{"field": "report_to", "message": _("Reports must go to this unit or one of its own offices.")}]
    return []


def _row_errors(row, prefix: str, exclude: list[str]) -> list[dict]:
    """The model's own checks (lengths, choices, dates) of one row of a plan's lists, named by position."""
    try:
        row.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        return [{"field": f"{prefix}.{name}", "message": str(m)} for name, ms in exc.message_dict.items() for m in ms]
    return []


def _replace_items(plan: Plan, legal_bases, activities, assignments) -> None:
    errors = []
    if legal_bases is not None:
        rows = []
        for order, item in enumerate(legal_bases):
            basis = LegalBasis(plan=plan, order=order, intro=item.get("intro") or LegalBasis.Intro.PURSUANT,
                               kind=normalize_text(item.get("kind", "")), number=normalize_text(item.get("number", "")),
                               date=item.get("date"), issuer=normalize_text(item.get("issuer", "")),
                               subject=_clean_text(item.get("subject", "")))
            if not basis.kind:
                errors.append({"field": f"legal_bases.{order}.kind", "message": _("Give the kind of document.")})
            else:
                errors += _row_errors(basis, f"legal_bases.{order}", ["plan", "source_plan"])
            rows.append(basis)
        if not errors:
            plan.legal_bases.all().delete()
            LegalBasis.objects.bulk_create(rows)
    if activities is not None:
        categories = {c.pk: c for c in plan.campaign.categories.all()}
        rows = []
        for order, item in enumerate(activities):
            category_id = item.get("category")
            text = _clean_text(item.get("text", ""))
            if category_id is not None and category_id not in categories:
                errors.append({"field": f"activities.{order}.category", "message": _("Unknown category.")})
            if not text:
                continue
            row = PlanActivity(plan=plan, category_id=category_id, order=order, text=text)
            errors += _row_errors(row, f"activities.{order}", ["plan", "category"])
            rows.append(row)
        if not errors:
            plan.activities.all().delete()
            PlanActivity.objects.bulk_create(rows)
    if assignments is not None:
        rows = []
        unit_ids = {item.get("unit") for item in assignments if item.get("unit")}
        units = {u.pk: u for u in OrgUnit.objects.filter(pk__in=unit_ids)}
        for order, item in enumerate(assignments):
            unit = units.get(item.get("unit")) if item.get("unit") else None
            assignee = normalize_text(item.get("assignee", "")) or (unit.name if unit else "")
            if item.get("unit") and (unit is None or not unit.is_within(plan.unit)):
                errors.append({"field": f"assignments.{order}.unit",
                               "message": _("Tasks can only be assigned to units of this unit's subtree.")})
            if not assignee and not _clean_text(item.get("task", "")):
                continue
            if not assignee:
                errors.append({"field": f"assignments.{order}.assignee", "message": _("Say who does this task.")})
            role = item.get("role") or Assignment.Role.LEAD
            if role not in Assignment.Role.values:
                errors.append({"field": f"assignments.{order}.role", "message": _("Unknown role.")})
            row = Assignment(plan=plan, order=order, unit=unit, assignee=assignee, role=role,
                             task=_clean_text(item.get("task", "")))
            if assignee and role in Assignment.Role.values:
                errors += _row_errors(row, f"assignments.{order}", ["plan", "unit"])
            rows.append(row)
        if not errors:
            plan.assignments.all().delete()
            Assignment.objects.bulk_create(rows)
    if errors:
        raise ValidationFailed(details=errors)


@transaction.atomic
def plan_update(*, actor, plan: Plan, lock_version: int, fields: dict | None = None, legal_bases=None,
                activities=None, assignments=None) -> Plan:
    """Save a draft. Lists given (legal bases, activities, assignments) replace the plan's lists whole."""
    _require_edit(actor, plan.unit)
    _require_draft(plan)
    for name, value in (fields or {}).items():
        if name not in EDITABLE_FIELDS:
            raise ValidationFailed(details=[{"field": name, "message": _("This field cannot be changed.")}])
        if name in TEXT_FIELDS:
            value = _clean_text(value or "")
        setattr(plan, name, value)
    errors = _check_report_to(plan)
    if plan.week_start and plan.week_end and plan.week_end < plan.week_start:
        errors.append({"field": "week_end", "message": _("The Week ends before it starts.")})
    if not isinstance(plan.report_kinds, list) or any(k not in Kind.values for k in plan.report_kinds):
        errors.append({"field": "report_kinds", "message": _("Unknown kind of unit.")})
    try:
        plan.full_clean(exclude=["previous", "derived_from", "campaign", "unit"])
    except ValidationError as exc:
        errors += _validation_failed(exc).details
    if errors:
        raise ValidationFailed(details=errors)
    # Claim the version first: a second save from the same stale page finds it taken and changes nothing.
    if not Plan.objects.filter(pk=plan.pk, lock_version=lock_version, status=Status.DRAFT).update(
            lock_version=F("lock_version") + 1):
        raise ConflictError()
    plan.lock_version = lock_version + 1
    plan.save()
    _replace_items(plan, legal_bases, activities, assignments)
    audit_record(actor=actor, action="plans.plan.updated", target=plan, unit_id=plan.unit_id,
                 fields=sorted(fields or {}), lists=[n for n, v in (("legal_bases", legal_bases),
                                                                     ("activities", activities),
                                                                     ("assignments", assignments)) if v is not None])
    return plan


def check_deadline(plan: Plan) -> tuple[list[dict], list[str]]:
    """(errors, warnings) of the plan's report deadline against its parent's plan."""
    errors, warnings = [], []
    if plan.report_due is None:
        if not OrgUnit.objects.filter(parent=plan.unit_id).exists():
            return errors, warnings  # nobody reports to a unit with no units below it
        warnings.append(_("This plan sets no report deadline: its units will not know when to report."))
        return errors, warnings
    source = parent_plan(plan.unit, plan.campaign)
    if source is not None and source.report_due and not due_respects_parent(plan.report_due, source.report_due):
        errors.append({"field": "report_due", "message": _(
            "The report deadline %(due)s must be at least one working day before the deadline set by the level "
            "above (%(parent_due)s, %(parent)s): %(latest)s at the latest.") % {
            "due": _short_date(plan.report_due), "parent_due": _short_date(source.report_due),
            "parent": source.citation(), "latest": _short_date(latest_allowed_due(source.report_due))}})
    return errors, warnings


@transaction.atomic
def plan_publish(*, actor, plan: Plan, lock_version: int) -> PublishResult:
    _require_edit(actor, plan.unit)
    _require_draft(plan)
    errors, warnings = check_deadline(plan)
    if not plan.title:
        errors.append({"field": "title", "message": _("The plan needs a title.")})
    if errors:
        raise ValidationFailed(_("The plan was not published."), details=errors)
    if not plan.number:
        warnings.append(_("The plan has no number yet; the Word document will show the blank."))
    if not Plan.objects.filter(pk=plan.pk, lock_version=lock_version, status=Status.DRAFT).update(
            lock_version=F("lock_version") + 1):
        raise ConflictError()
    superseded = Plan.objects.filter(unit=plan.unit, campaign=plan.campaign, status=Status.PUBLISHED)
    superseded.update(status=Status.SUPERSEDED)
    plan.status, plan.published_at, plan.lock_version = Status.PUBLISHED, timezone.now(), lock_version + 1
    plan.published_by = actor if actor is not None else None
    plan.save(update_fields=["status", "published_at", "published_by", "lock_version", "updated_at"])
    # Apps built on plans react to a publication (reports: its children become expected reporters).
    for hook in settings.PLAN_PUBLISHED_HOOKS:
        import_string(hook)(plan)
    audit_record(actor=actor, action="plans.plan.published", target=plan, unit_id=plan.unit_id,
                 revision=plan.revision, warnings=[str(w) for w in warnings])
    return PublishResult(plan=plan, warnings=warnings)


@transaction.atomic
def plan_revise(*, actor, plan: Plan) -> Plan:
    """A new draft version of a published plan; the published one stays until the new one is published."""
    _require_edit(actor, plan.unit)
    if plan.status != Status.PUBLISHED:
        raise ValidationFailed(_("Only the published plan can be revised."))
    _ensure_no_draft(plan.unit, plan.campaign)
    values = {f.name: getattr(plan, f.name) for f in Plan._meta.concrete_fields
              if f.name not in {"id", "status", "revision", "previous", "lock_version", "created_by", "published_by",
                                "published_at", "created_at", "updated_at"}}
    draft = Plan(**values, status=Status.DRAFT, revision=plan.revision + 1, previous=plan, created_by=actor)
    _save_new(draft)
    _copy_children(plan, draft)
    audit_record(actor=actor, action="plans.plan.revised", target=draft, unit_id=plan.unit_id, previous=plan.pk)
    return draft


@transaction.atomic
def plan_discard(*, actor, plan: Plan) -> None:
    """Delete a draft (a published plan is never deleted)."""
    _require_edit(actor, plan.unit)
    _require_draft(plan)
    audit_record(actor=actor, action="plans.plan.discarded", target=plan, unit_id=plan.unit_id)
    plan.delete()


def parent_off_platform(unit: OrgUnit) -> OrgUnit | None:
    """The unit's parent if nobody works on the platform for it (no members of its own), else None.

    Only then may a child record the parent's plan from its document: a parent that is on the platform
    publishes its own plans.
    """
    parent = unit.parent
    if parent is None or parent.memberships.exists():
        return None
    return parent


@transaction.atomic
def plan_import(*, actor, unit: OrgUnit, campaign: Campaign, as_parent_plan: bool, fields: dict,
                legal_bases: list[dict], activities: list[dict], assignments: list[dict]) -> Plan:
    """Save a plan read from its document (lifelong.plans.reading) and corrected by the user.

    As the unit's own draft, like any draft. Or, for a parent that is not on the platform, as that parent's
    published plan, so that the unit can derive its own from it: it is recorded as issued, so the checks a
    unit's own publication passes (deadline against the level above) do not apply.
    """
    _require_edit(actor, unit)
    doc_kind = fields.get("doc_kind") or Plan.DocKind.PLAN
    if not as_parent_plan:
        plan = plan_create_draft(actor=actor, unit=unit, campaign=campaign, doc_kind=doc_kind)
        plan = plan_update(actor=actor, plan=plan, lock_version=plan.lock_version, fields=fields,
                           legal_bases=legal_bases, activities=activities, assignments=assignments)
        audit_record(actor=actor, action="plans.plan.imported", target=plan, unit_id=unit.pk, as_parent_plan=False)
        return plan
    parent = parent_off_platform(unit)
    if parent is None:
        raise ValidationFailed(_("The level above is on the platform: it publishes its own plans."))
    if Plan.objects.filter(unit=parent, campaign=campaign, status__in=[Status.PUBLISHED, Status.DRAFT]).exists():
        raise ValidationFailed(_("The level above already has a plan for this campaign."))
    plan = Plan(campaign=campaign, unit=parent, doc_kind=doc_kind, created_by=actor, report_to=parent,
                **_header_defaults(parent, doc_kind))
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS or name == "report_to":
            continue
        setattr(plan, name, _clean_text(value or "") if name in TEXT_FIELDS else value)
    _save_new(plan)
    _replace_items(plan, legal_bases, activities, [{**a, "unit": None} for a in assignments])
    plan.status, plan.published_at, plan.published_by = Status.PUBLISHED, timezone.now(), actor
    plan.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    for hook in settings.PLAN_PUBLISHED_HOOKS:
        import_string(hook)(plan)
    audit_record(actor=actor, action="plans.plan.imported", target=plan, unit_id=parent.pk, as_parent_plan=True,
                 by_unit=unit.pk)
    return plan
