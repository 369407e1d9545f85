"""Pages of reporting: fill in and submit, review (accept / return), totals, completeness, reminders."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core.errors import ConflictError, PermissionDeniedError, ServiceError
from lifelong.core.exports import csv_response
from lifelong.core.replica import read_replica
from lifelong.core.text import search_key
from lifelong.core.validation import parse_int_param
from lifelong.core.web import flash_service_error
from lifelong.orgs import permissions
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.views import _unit_or_404
from lifelong.plans.views import _campaign_or_404
from lifelong.reports import charts, exports, pages, reminders, selectors, services, validation
from lifelong.reports.form_2025 import SECTIONS
from lifelong.reports.models import GROUPS, ExpectedReporter, Notification, ParticipantGroup, Report, ReportingLock


@dataclass
class FieldView:
    name: str
    label: str
    value: str
    error: str = ""
    proposed: int | None = None

    @property
    def dom_id(self) -> str:
        return "f-" + self.name.replace(".", "-")


@dataclass
class IndicatorView:
    indicator: object
    label: str
    fields: list[FieldView]
    not_applicable: bool = False
    total: int | None = None


@dataclass
class SectionView:
    key: str
    title: str
    indicators: list[IndicatorView] = field(default_factory=list)


def build_sections(campaign, data, errors: dict[str, str], proposals: dict | None = None) -> list[SectionView]:
    language = get_language() or "vi"
    group_labels = dict(ParticipantGroup.choices)
    parsed, _errors = validation.parse_values(selectors.indicators(campaign), data)
    sections: dict[str, SectionView] = {}
    for indicator in selectors.indicators(campaign):
        titles = SECTIONS.get(indicator.section, (indicator.section, indicator.section))
        section = sections.setdefault(indicator.section, SectionView(
            indicator.section, titles[1] if language == "en" else titles[0]))
        fields = []
        for group in validation.groups_of(indicator):
            name = validation.field_name(indicator, group)
            fields.append(FieldView(name=name, label=str(group_labels[group]) if group else "",
                                    value=str(data.get(name, "")), error=errors.get(name, ""),
                                    proposed=(proposals or {}).get((indicator.code, group))))
        section.indicators.append(IndicatorView(
            indicator=indicator, label=indicator.label_for(language), fields=fields,
            not_applicable=str(data.get(validation.na_field_name(indicator), "")) in ("on", "1", "true"),
            total=validation.indicator_total(indicator, parsed) if indicator.breakdown else None))
    return list(sections.values())


def _report_context(request, unit, campaign, report, data, errors, warnings=(), proposals=None):
    can_edit = permissions.can_edit(request.user, unit) and report.status == Report.Status.DRAFT
    can_review = unit.parent is not None and permissions.can_edit(request.user, unit.parent) and \
        report.status in (Report.Status.SUBMITTED, Report.Status.ACCEPTED)
    # Separation of duties: the reviewer who submitted the report may return it but not accept it.
    accept_refused = can_review and report.status == Report.Status.SUBMITTED and \
        services.separation_forbids_accept(request.user, report)
    expected = ExpectedReporter.objects.filter(campaign=campaign, unit=unit).first()
    return {
        "unit": unit, "campaign": campaign, "report": report, "breadcrumbs": org_selectors.unit_breadcrumbs(unit),
        "sections": build_sections(campaign, data, errors, proposals),
        "narratives": [(s, data.get(f"n.{s.code}", ""), errors.get(f"n.{s.code}", ""))
                       for s in campaign.narrative_sections.all()],
        "errors": errors, "warnings": warnings, "can_edit": can_edit, "can_review": can_review,
        "accept_refused": accept_refused,
        "events": selectors.report_events(report), "expected": expected,
        "locked": services.reporting_locked_for(unit, campaign),
    }


def _narrative_from(data, campaign) -> dict[str, str]:
    return {s.code: data.get(f"n.{s.code}", "") for s in campaign.narrative_sections.all()}


def report_edit(request, pk: int):
    unit = _unit_or_404(pk)
    if not permissions.can_view(request.user, unit):
        raise PermissionDenied
    campaign = _campaign_or_404(request)
    report = services.report_for(unit, campaign)
    status, errors, warnings, conflict = 200, {}, [], None
    data = validation.fields_from_report(report)
    proposals = services.report_proposals(report) if report.status == Report.Status.DRAFT else {}
    indicators = {i.code: i for i in selectors.indicators(campaign)}
    for (code, group), value in proposals.items():  # a proposal fills only what nobody has answered yet
        indicator = indicators.get(code)
        if indicator is None:
            continue
        name = validation.field_name(indicator, group)
        if name not in data and validation.na_field_name(indicator) not in data:
            data[name] = (validation.YES if value else validation.NO) if indicator.kind == "yesno" else str(value)
    if request.method == "POST":
        if not permissions.can_edit(request.user, unit):
            raise PermissionDenied
        data = request.POST
        try:
            lock_version = _lock_version(request)
            report = services.report_save(actor=request.user, report=report, lock_version=lock_version,
                                          data=request.POST, narrative=_narrative_from(request.POST, campaign))
            if "submit" in request.POST:
                report, warnings = services.report_submit(actor=request.user, report=report,
                                                          lock_version=report.lock_version)
                messages.success(request, _("Report submitted to %(parent)s.") % {
                    "parent": unit.parent.name if unit.parent else ""})
                for warning in warnings:
                    messages.warning(request, warning)
            else:
                messages.success(request, _("Draft saved."))
            return redirect(f"{reverse('report_edit', args=[unit.pk])}?campaign={campaign.pk}")
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            status = 409 if isinstance(exc, ConflictError) else 400
            errors = {d["field"]: d["message"] for d in exc.details if d.get("field")}
            report = services.report_for(unit, campaign)  # as it is now (someone else may have saved it)
            if status == 409:  # the page shows both versions side by side instead of a message
                conflict = _versions_side_by_side(campaign, request.POST, report)
            else:
                messages.error(request, exc.message)
        except ValueError:
            status = 400
            messages.error(request, _("The page was out of date; reload it and try again."))
    context = _report_context(request, unit, campaign, report, data, errors, warnings, proposals)
    # After a conflict the form holds what this person typed and the version saved meanwhile: saving again,
    # having seen both versions side by side, keeps theirs; reloading the page takes the saved one.
    context["form_data_lock"] = report.lock_version
    context["conflict"] = conflict
    return render(request, "reports/report_edit.html", context, status=status)


@dataclass
class VersionDifference:
    label: str
    yours: str
    saved: str


def _versions_side_by_side(campaign, posted, report) -> list[VersionDifference]:
    """The fields where what was sent differs from the version saved in the meantime (a 409)."""
    saved = validation.fields_from_report(report)
    yes_no = {validation.YES: _("Yes"), validation.NO: _("No"), "on": _("Not applicable")}
    differences = []
    for section in build_sections(campaign, posted, {}):
        for item in section.indicators:
            names = [(f.name, f.label) for f in item.fields]
            names.append((validation.na_field_name(item.indicator), _("Not applicable")))
            for name, label in names:
                yours, theirs = str(posted.get(name, "")).strip(), str(saved.get(name, "")).strip()
                if yours != theirs:
                    differences.append(VersionDifference(
                        f"{item.indicator.code}. {item.label}" + (f" · {label}" if label else ""),
                        yes_no.get(yours, yours) or "—", yes_no.get(theirs, theirs) or "—"))
    for narrative in campaign.narrative_sections.all():
        name = f"n.{narrative.code}"
        yours, theirs = str(posted.get(name, "")).strip(), str(saved.get(name, "")).strip()
        if yours != theirs:
            differences.append(VersionDifference(narrative.title, yours or "—", theirs or "—"))
    return differences


@require_POST
def report_check(request, pk: int):
    """Live check while typing: every field's problem, as out-of-band fragments next to the fields."""
    unit = _unit_or_404(pk)
    if not permissions.can_edit(request.user, unit):
        raise PermissionDenied
    campaign = _campaign_or_404(request)
    indicators = selectors.indicators(campaign)
    values, errors = validation.parse_values(indicators, request.POST)
    rule_errors, warnings = validation.check_rules(indicators, values)
    errors = {**rule_errors, **errors}
    names = [f.name for s in build_sections(campaign, request.POST, {}) for i in s.indicators for f in i.fields]
    return render(request, "reports/_check.html", {
        "items": [("f-" + name.replace(".", "-"), errors.get(name, "")) for name in names],
        "totals": [("t-" + i.code, validation.indicator_total(i, values)) for i in indicators if i.breakdown],
        "warnings": warnings, "count": len(errors)})


@login_required
@require_POST
def report_review(request, pk: int):
    unit = _unit_or_404(pk)
    campaign = _campaign_or_404(request)
    report = get_object_or_404(Report, unit=unit, campaign=campaign)
    try:
        lock_version = _lock_version(request)
        if request.POST.get("action") == "accept":
            services.report_accept(actor=request.user, report=report, lock_version=lock_version)
            messages.success(request, _("Report accepted."))
        else:
            services.report_return(actor=request.user, report=report, lock_version=lock_version,
                                   comment=request.POST.get("comment", ""))
            messages.success(request, _("Report returned to %(unit)s.") % {"unit": unit.name})
    except services.SeparationOfDutiesError as exc:  # say why on the report page rather than a bare 403
        messages.error(request, exc.message)
    except ServiceError as exc:
        flash_service_error(request, exc)
    except ValueError:
        messages.error(request, _("The page was out of date; reload it and try again."))
    return redirect(f"{reverse('report_edit', args=[unit.pk])}?campaign={campaign.pk}")


def _lock_version(request) -> int:
    """The version the page was loaded at; a missing or garbled one can only be out of date (ValueError)."""
    value = parse_int_param(request.POST.get("lock_version"))
    if value is None:
        raise ValueError("lock_version")
    return value


def _require_view(request, unit):
    if not permissions.can_view(request.user, unit):
        raise PermissionDenied


def _totals_link(campaign, accepted_only: bool, **params) -> str:
    """The query of a totals address: the campaign, the accepted-only choice, and what else is given."""
    query = {"campaign": campaign.pk, "accepted": "1" if accepted_only else "", **params}
    return "?" + urlencode({k: v for k, v in query.items() if v})


@read_replica
def report_totals(request, pk: int):
    unit = _unit_or_404(pk)
    _require_view(request, unit)
    campaign = _campaign_or_404(request)
    accepted_only = request.GET.get("accepted") == "1"
    language = get_language() or "vi"
    table = exports.totals_table(unit, campaign, accepted_only=accepted_only, language=language)
    asked = request.GET.get("layout")
    layout = asked if asked in exports.LAYOUTS else table.default_layout()
    indicator = charts.chart_indicator(table, request.GET.get("indicator"))
    code = indicator.code if indicator else ""
    return render(request, "reports/totals.html", {
        "unit": unit, "campaign": campaign, "breadcrumbs": org_selectors.unit_breadcrumbs(unit),
        "accepted_only": accepted_only, "table": table, "groups": GROUPS,
        "group_labels": dict(ParticipantGroup.choices),
        "grid": exports.totals_grid(table, layout, language), "layout": layout,
        "chart_options": [(i.code, f"{i.code}. {i.label_for(language)}") for i in charts.chart_indicators(table)],
        "chart_code": code,
        "chart": charts.indicator_chart(table, indicator, language) if indicator else None,
        # Numbers other apps keep for the unit (certificates issued …): settings.UNIT_FIGURES, so that reports
        # depends on none of them.
        "figures": [figure for path in settings.UNIT_FIGURES
                    for figure in import_string(path)(user=request.user, unit=unit, campaign=campaign)],
        "links": {
            "accepted": _totals_link(campaign, True, layout=asked or "", indicator=request.GET.get("indicator", "")),
            "all": _totals_link(campaign, False, layout=asked or "", indicator=request.GET.get("indicator", "")),
            "indicators": _totals_link(campaign, accepted_only, layout=exports.LAYOUT_INDICATORS, indicator=code),
            "units": _totals_link(campaign, accepted_only, layout=exports.LAYOUT_UNITS, indicator=code),
            "files": _totals_link(campaign, accepted_only),
            "chart_csv": _totals_link(campaign, accepted_only, indicator=code),
        },
    })


@read_replica
def report_totals_export(request, pk: int, fmt: str):
    unit = _unit_or_404(pk)
    _require_view(request, unit)
    campaign = _campaign_or_404(request)
    table = exports.totals_table(unit, campaign, accepted_only=request.GET.get("accepted") == "1",
                                 language=get_language() or "vi")
    return exports.xlsx_response(table) if fmt == "xlsx" else exports.csv_response(table)


@read_replica
def report_totals_chart_csv(request, pk: int):
    """The data of the totals page's bar chart: every unit directly below, its state and its value."""
    unit = _unit_or_404(pk)
    _require_view(request, unit)
    campaign = _campaign_or_404(request)
    table = exports.totals_table(unit, campaign, accepted_only=request.GET.get("accepted") == "1")
    indicator = charts.chart_indicator(table, request.GET.get("indicator"))
    if indicator is None:
        raise Http404
    filename = f"bieu-do-{slugify(search_key(unit.name))}-{indicator.code}-{campaign.year}.csv"
    return csv_response(filename, charts.indicator_csv_rows(table, indicator))


def report_document(request, pk: int):
    unit = _unit_or_404(pk)
    _require_view(request, unit)
    campaign = _campaign_or_404(request)
    return exports.report_docx_response(unit, campaign, accepted_only=request.GET.get("accepted") == "1")


def _completeness_result(request, unit, campaign):
    sort = request.GET.get("sort", "name")
    return sort, selectors.completeness(unit, campaign, sort=sort if sort in selectors.SORTS else "name")


@read_replica
def completeness(request, pk: int):
    unit = _unit_or_404(pk)
    _require_view(request, unit)
    campaign = _campaign_or_404(request)
    sort, result = _completeness_result(request, unit, campaign)
    lock = ReportingLock.objects.filter(campaign=campaign, unit=unit).prefetch_related("exceptions").first()
    return render(request, "reports/completeness.html", {
        "unit": unit, "campaign": campaign, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "result": result,
        "sort": sort, "lines": pages.completeness_lines(result), "can_edit": permissions.can_edit(request.user, unit),
        "lock": lock,
        "excepted": {e.unit_id for e in lock.exceptions.all()} if lock else set(),
        "chart": charts.levels_chart(result),
        "levels": [(charts.level_name(depth), counts) for depth, counts in result.levels],
        # Children with no account cannot be reminded: the page says so, next to them.
        "reachable": reminders.recipients_of(row.reporter.unit_id for row in result.children),
        "can_invite": permissions.can_admin(request.user, unit),
    })


@read_replica
def completeness_levels_csv(request, pk: int):
    """The data of the completeness chart: per level below, how many reported on time, late, not at all."""
    unit = _unit_or_404(pk)
    _require_view(request, unit)
    campaign = _campaign_or_404(request)
    _sort, result = _completeness_result(request, unit, campaign)
    filename = f"bao-cao-theo-cap-{slugify(search_key(unit.name))}-{campaign.year}.csv"
    return csv_response(filename, charts.levels_csv_rows(result))


@login_required
@require_POST
def completeness_action(request, pk: int):
    unit = _unit_or_404(pk)
    campaign = _campaign_or_404(request)
    action = request.POST.get("action")
    try:
        if action == "remind":
            result = reminders.remind_missing(actor=request.user, unit=unit, campaign=campaign)
            if result.units:
                messages.success(request, _("Reminders sent to %(n)d units, reaching %(people)d people (in the app, "
                                            "and by e-mail where they gave an address).") % {
                    "n": result.units, "people": result.people})
            elif result.already:
                messages.info(request, _("Every unit that has not reported was already reminded today."))
            if result.unreachable:
                names = sorted(result.unreachable, key=lambda u: u.sort_key)
                listed = ", ".join(u.name for u in names[:10])
                if len(names) > 10:
                    listed += " " + _("and %(n)d more") % {"n": len(names) - 10}
                messages.warning(request, _("No one to remind at %(units)s: these units have no account yet. "
                                            "Invite one on the unit's Members page.") % {"units": listed})
        elif action in ("lock", "unlock"):
            services.reporting_lock(actor=request.user, unit=unit, campaign=campaign, locked=action == "lock")
            messages.success(request, _("Saved."))
        elif action == "exception":
            child = _unit_or_404(parse_int_param(request.POST.get("child"), minimum=1) or 0)
            services.lock_exception_grant(actor=request.user, unit=unit, campaign=campaign, child=child)
            messages.success(request, _("Saved."))
        elif action in ("excuse", "unexcuse"):
            reporter_id = parse_int_param(request.POST.get("reporter"), minimum=1) or 0
            reporter = get_object_or_404(ExpectedReporter, pk=reporter_id, parent=unit, campaign=campaign)
            services.expected_reporter_excuse(actor=request.user, reporter=reporter,
                                              reason=request.POST.get("reason", ""), excused=action == "excuse")
            messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Unknown action."))
    except ServiceError as exc:
        flash_service_error(request, exc)
    except ValueError:
        messages.error(request, _("Unknown action."))
    return redirect(f"{reverse('report_completeness', args=[unit.pk])}?campaign={campaign.pk}")


@login_required
def notifications(request):
    items = list(Notification.objects.filter(user=request.user)[:100])
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return render(request, "reports/notifications.html", {"items": items})



@login_required
def form_editor(request, campaign_id: int):
    """The campaign's editors add, reorder and retire indicators until the first report comes in."""
    from lifelong.campaigns.selectors import campaign_get
    from lifelong.reports.forms import IndicatorForm

    campaign = campaign_get(campaign_id)
    if campaign is None:
        raise Http404
    if not permissions.can_edit(request.user, campaign.owner):
        raise PermissionDenied
    form = IndicatorForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.indicator_save(actor=request.user, campaign=campaign, **form.cleaned_data)
            except ServiceError as exc:
                form.add_error(None, exc.message)
                status = 400
            else:
                messages.success(request, _("Saved."))
                return redirect("report_form_editor", campaign_id=campaign.pk)
        else:
            status = 400
    return render(request, "reports/form_editor.html", {
        "campaign": campaign, "indicators": selectors.indicators(campaign, include_retired=True), "form": form,
        "open": services.form_is_open(campaign)}, status=status)
