"""Pages of plans: a unit's plans for a campaign, derive, edit, publish, revise, compare, download, coverage."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.campaigns import selectors as campaign_selectors
from lifelong.core.errors import ConflictError, ServiceError
from lifelong.core.text import search_key
from lifelong.core.validation import parse_int_param
from lifelong.core.web import add_service_errors, flash_service_error
from lifelong.orgs import permissions
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.views import _unit_or_404
from lifelong.plans import diff, importing, selectors, services
from lifelong.plans.documents import plan_docx_response
from lifelong.plans.forms import (
    AssignmentFormSet,
    DocumentUploadForm,
    LegalBasisFormSet,
    PlanForm,
    PlanImportForm,
    PublishForm,
    activity_fields,
    import_activity_fields,
)
from lifelong.plans.models import Plan
from lifelong.plans.reading import UnreadableDocument, read_file
from lifelong.plans.reading.files import MAX_BYTES as MAX_DOCUMENT_BYTES


def _campaign_or_404(request):
    campaign_id = request.GET.get("campaign") or request.POST.get("campaign")
    if campaign_id:
        number = parse_int_param(campaign_id, minimum=1)
        campaign = campaign_selectors.campaign_get(number) if number is not None else None
    else:
        campaign = campaign_selectors.campaign_current()
    if campaign is None:
        raise Http404(_("No such campaign."))
    return campaign


def _plan_or_404(request, pk: int) -> Plan:
    plan = selectors.plan_get(request.user, pk)
    if plan is None:
        raise Http404(_("No such plan."))
    return plan


def unit_plans(request, pk: int):
    unit = _unit_or_404(pk)
    campaign = _campaign_or_404(request)
    can_edit = permissions.can_edit(request.user, unit)
    return render(request, "plans/unit_plans.html", {
        "unit": unit,
        "breadcrumbs": org_selectors.unit_breadcrumbs(unit),
        "campaign": campaign,
        "campaigns": campaign_selectors.campaign_list(),
        "plans": selectors.plans_of_unit(request.user, unit, campaign),
        "published": selectors.plan_current(unit, campaign),
        "draft": selectors.plan_current(unit, campaign, Plan.Status.DRAFT) if can_edit else None,
        "parent_plan": services.parent_plan(unit, campaign),
        "can_edit": can_edit,
    })


@login_required
@require_POST
def plan_derive(request, pk: int):
    unit = _unit_or_404(pk)
    campaign = _campaign_or_404(request)
    try:
        plan = services.plan_derive(actor=request.user, unit=unit, campaign=campaign)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect(f"{_unit_plans_url(unit)}?campaign={campaign.pk}")
    messages.success(request, _("Draft created from the plan of the level above. Check it, then publish."))
    return redirect("plan_edit", pk=plan.pk)


@login_required
@require_POST
def plan_create(request, pk: int):
    unit = _unit_or_404(pk)
    campaign = _campaign_or_404(request)
    doc_kind = request.POST.get("doc_kind") or Plan.DocKind.PLAN
    if doc_kind not in Plan.DocKind.values:
        doc_kind = Plan.DocKind.PLAN
    try:
        plan = services.plan_create_draft(actor=request.user, unit=unit, campaign=campaign, doc_kind=doc_kind)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect(f"{_unit_plans_url(unit)}?campaign={campaign.pk}")
    return redirect("plan_edit", pk=plan.pk)


def _unit_plans_url(unit: OrgUnit) -> str:
    from django.urls import reverse

    return reverse("unit_plans", args=[unit.pk])


def plan_detail(request, pk: int):
    plan = _plan_or_404(request, pk)
    can_edit = permissions.can_edit(request.user, plan.unit)
    return render(request, "plans/plan_detail.html", {
        "plan": plan,
        "unit": plan.unit,
        "breadcrumbs": org_selectors.unit_breadcrumbs(plan.unit),
        "items": selectors.plan_items(plan),
        "can_edit": can_edit,
        "publish_form": PublishForm(initial={"lock_version": plan.lock_version}),
        "has_draft": can_edit and selectors.plan_current(plan.unit, plan.campaign, Plan.Status.DRAFT) is not None,
    })


def _activities_initial(plan: Plan) -> dict[str, str]:
    initial: dict[str, list[str]] = {}
    for activity in plan.activities.all():
        initial.setdefault(str(activity.category_id) if activity.category_id else "other", []).append(activity.text)
    return {key: "\n".join(texts) for key, texts in initial.items()}


def _activities_from(form) -> list[dict]:
    items = []
    for name, value in form.cleaned_data.items():
        key = name.removeprefix("activity_")
        items.append({"category": None if key == "other" else int(key), "text": value})
    return items


def _rows(formset, fields) -> list[dict]:
    return [{f: form.cleaned_data.get(f) for f in fields} for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")]


def _list_rows(bases, assignments) -> dict[str, list[dict]]:
    """The legal bases and assignments of the two row lists, as the plan services take them."""
    return {
        "legal_bases": _rows(bases, ["intro", "kind", "number", "date", "issuer", "subject"]),
        "assignments": [{**row, "unit": row["unit"].pk if row["unit"] else None}
                        for row in _rows(assignments, ["assignee", "unit", "role", "task"])],
    }


@login_required
def plan_edit(request, pk: int):
    plan = _plan_or_404(request, pk)
    if not permissions.can_edit(request.user, plan.unit):
        raise PermissionDenied
    if plan.status != Plan.Status.DRAFT:
        messages.error(request, _("A published plan cannot be changed; create a new version of it instead."))
        return redirect("plan_detail", pk=plan.pk)
    subtree = org_selectors.unit_subtree(plan.unit)
    ActivitiesForm = activity_fields(plan.campaign, _activities_initial(plan))
    children = OrgUnit.objects.filter(parent=plan.unit)
    if request.method == "POST":
        # A fresh copy: the form writes the posted values into its instance.
        form = PlanForm(request.POST, instance=Plan.objects.get(pk=plan.pk), report_to_choices=subtree)
        activities = ActivitiesForm(request.POST, prefix="act")
        bases = LegalBasisFormSet(request.POST, prefix="lb")
        assignments = AssignmentFormSet(request.POST, prefix="as", form_kwargs={})
        for sub in assignments.forms:
            sub.fields["unit"].queryset = children
        conflict = False
        if all(f.is_valid() for f in (form, activities, bases, assignments)):
            try:
                services.plan_update(
                    actor=request.user, plan=plan, lock_version=form.cleaned_data["lock_version"],
                    fields=form.plan_fields(), activities=_activities_from(activities),
                    **_list_rows(bases, assignments))
            except ServiceError as exc:
                conflict = isinstance(exc, ConflictError)
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Draft saved."))
                if "publish" in request.POST:
                    plan.refresh_from_db()
                    return _publish(request, plan, plan.lock_version)
                return redirect("plan_detail", pk=plan.pk)
        status = 409 if conflict else 400
    else:
        status = 200
        form = PlanForm(instance=plan, initial={"lock_version": plan.lock_version}, report_to_choices=subtree)
        activities = ActivitiesForm(prefix="act")
        bases = LegalBasisFormSet(prefix="lb", initial=[
            {"intro": b.intro, "kind": b.kind, "number": b.number, "date": b.date, "issuer": b.issuer,
             "subject": b.subject} for b in plan.legal_bases.all()])
        assignments = AssignmentFormSet(prefix="as", initial=[
            {"assignee": a.assignee, "unit": a.unit_id, "role": a.role, "task": a.task}
            for a in plan.assignments.all()])
        for sub in assignments.forms:
            sub.fields["unit"].queryset = children
    return render(request, "plans/plan_edit.html", {
        "plan": plan, "unit": plan.unit, "breadcrumbs": org_selectors.unit_breadcrumbs(plan.unit),
        "form": form, "activities": activities, "bases": bases, "assignments": assignments,
    }, status=status)


def _publish(request, plan: Plan, lock_version: int):
    try:
        result = services.plan_publish(actor=request.user, plan=plan, lock_version=lock_version)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("plan_edit", pk=plan.pk)
    messages.success(request, _("Plan published."))
    for warning in result.warnings:
        messages.warning(request, warning)
    return redirect("plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_publish(request, pk: int):
    plan = _plan_or_404(request, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page was out of date; reload it and try again."))
        return redirect("plan_detail", pk=plan.pk)
    return _publish(request, plan, form.cleaned_data["lock_version"])


@login_required
@require_POST
def plan_revise(request, pk: int):
    plan = _plan_or_404(request, pk)
    try:
        draft = services.plan_revise(actor=request.user, plan=plan)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("plan_detail", pk=plan.pk)
    messages.success(request, _("New version created as a draft; the published plan stays until you publish it."))
    return redirect("plan_edit", pk=draft.pk)


@login_required
@require_POST
def plan_discard(request, pk: int):
    plan = _plan_or_404(request, pk)
    unit, campaign = plan.unit, plan.campaign
    try:
        services.plan_discard(actor=request.user, plan=plan)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("plan_detail", pk=plan.pk)
    messages.success(request, _("Draft deleted."))
    return redirect(f"{_unit_plans_url(unit)}?campaign={campaign.pk}")


def plan_changes(request, pk: int):
    plan = _plan_or_404(request, pk)
    against = request.GET.get("against", "parent")
    other = plan.previous if against == "previous" else plan.derived_from
    if other is None or selectors.plan_get(request.user, other.pk) is None:
        raise Http404(_("There is nothing to compare this plan with."))
    sections = diff.compare(plan, other)
    return render(request, "plans/plan_changes.html", {
        "plan": plan, "other": other, "against": against, "unit": plan.unit,
        "breadcrumbs": org_selectors.unit_breadcrumbs(plan.unit), "sections": sections,
        "changed_count": sum(1 for s in sections if s.changed),
    })


def plan_document(request, pk: int):
    plan = _plan_or_404(request, pk)
    return plan_docx_response(plan)


def coverage(request, pk: int):
    unit = _unit_or_404(pk)
    campaign = _campaign_or_404(request)
    return render(request, "plans/coverage.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "campaign": campaign,
        "campaigns": campaign_selectors.campaign_list(), "coverage": selectors.coverage(unit, campaign),
        "kind_labels": dict(OrgUnit.Kind.choices),
    })


def _import_targets(unit: OrgUnit, parent: OrgUnit | None) -> list[tuple[str, str]]:
    targets = [("own", _("A draft plan of %(unit)s, to check and publish") % {"unit": unit.name})]
    if parent is not None:
        targets.append(("parent", _("The published plan of %(parent)s, which is not on the platform, so that this "
                                    "unit can derive its plan from it") % {"parent": parent.name}))
    return targets


def _import_page(request, unit, *, upload=None, reading=None, forms_=None, status=200):
    context = {"unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "upload": upload}
    if reading is not None:
        form, activities, bases, assignments = forms_
        context.update({"reading": reading, "form": form, "activities": activities, "bases": bases,
                        "assignments": assignments, "sources": importing.sources(reading),
                        "summary": importing.summary(reading)})
    return render(request, "plans/plan_import.html", context, status=status)


def _import_forms(unit, parent, reading, data=None):
    campaigns = list(campaign_selectors.campaign_list())
    campaign = importing.campaign_for(reading, campaigns) or campaign_selectors.campaign_current()
    initial = {}
    if data is None:  # a bound form posts its own values and signed reading back
        issuer = reading["fields"]["issuing_body"]["value"]
        by_parent = parent is not None and issuer and search_key(issuer).endswith(search_key(parent.name))
        initial = {**importing.initial_fields(reading), "reading": importing.sign(reading),
                   "target": "parent" if by_parent else "own", "campaign": campaign.pk if campaign else None}
    form = PlanImportForm(data, targets=_import_targets(unit, parent), initial=initial)
    ActivitiesForm = import_activity_fields(campaign, importing.initial_activities(reading, campaign))
    activities = ActivitiesForm(data, prefix="act")
    bases = LegalBasisFormSet(data, prefix="lb", initial=importing.initial_legal_bases(reading))
    assignments = AssignmentFormSet(data, prefix="as", initial=importing.initial_assignments(reading))
    for sub in assignments.forms:
        sub.fields["unit"].queryset = OrgUnit.objects.filter(parent=unit)
    return form, activities, bases, assignments


@login_required
def plan_import(request, pk: int):
    """Upload a plan's document, review what was read beside the passages it came from, save it as a plan."""
    unit = _unit_or_404(pk)
    if not permissions.can_edit(request.user, unit):
        raise PermissionDenied
    parent = services.parent_off_platform(unit)
    if request.method != "POST":
        return _import_page(request, unit, upload=DocumentUploadForm())
    if "reading" not in request.POST:
        upload = DocumentUploadForm(request.POST, request.FILES)
        if upload.is_valid():
            document = upload.cleaned_data["file"]
            try:
                reading = read_file(document.read(MAX_DOCUMENT_BYTES + 1), document.name or "")
            except UnreadableDocument as exc:
                upload.add_error("file", exc.message)
            else:
                if reading["recognised"] or upload.cleaned_data["read_anyway"]:
                    return _import_page(request, unit, reading=reading, forms_=_import_forms(unit, parent, reading))
                # Not a document about the campaign (a README, another topic): said plainly, and offered anyway.
                upload.add_error("file", _(
                    "This file was not recognised as an administrative document about the Lifelong Learning Week "
                    "(no document number, date, issuer, theme or dates of the Week about lifelong learning were "
                    "found). Check that it is the right file. If it is, tick “Read this file anyway” and upload "
                    "it again."))
                upload.fields["read_anyway"].widget = forms.CheckboxInput(attrs={"data-testid": "read-anyway"})
        return _import_page(request, unit, upload=upload, status=400)
    reading = importing.unsign(request.POST.get("reading", ""))
    if reading is None:
        messages.error(request, _("This review page is too old or was changed. Upload the file again."))
        return redirect("plan_import", pk=unit.pk)
    forms_ = _import_forms(unit, parent, reading, request.POST)
    form, activities, bases, assignments = forms_
    if all(f.is_valid() for f in forms_):
        campaign = form.cleaned_data["campaign"]
        codes = {c.code: c.pk for c in campaign.categories.all()}
        activity_rows = [{"category": codes.get(name.removeprefix("activity_")), "text": text}
                         for name, text in activities.cleaned_data.items() if text]
        try:
            plan = services.plan_import(
                actor=request.user, unit=unit, campaign=campaign,
                as_parent_plan=form.cleaned_data["target"] == "parent",
                fields=form.plan_fields(), activities=activity_rows, **_list_rows(bases, assignments))
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            if plan.unit_id == unit.pk:
                messages.success(request, _("The draft was made from the document. Check it, then publish."))
                return redirect("plan_edit", pk=plan.pk)
            messages.success(request, _("The plan of the level above was recorded. You can now derive this unit's "
                                        "plan from it."))
            return redirect(f"{_unit_plans_url(unit)}?campaign={plan.campaign_id}")
    return _import_page(request, unit, reading=reading, forms_=forms_, status=400)
