"""Pages of a learner's own account: the learning record, the profile, claiming, export and deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core.errors import ServiceError
from lifelong.core.web import add_service_errors, flash_service_error
from lifelong.learners import charts, selectors, services
from lifelong.learners.forms import ProfileForm
from lifelong.learners.models import Consent
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit


@login_required
def record(request):
    """"Hồ sơ học tập suốt đời": what the person took part in, per year, their certificates, what is next."""
    data = selectors.learning_record(request.user)
    return render(request, "learners/record.html", {
        "record": data, "profile": services.profile_of(request.user), "chart": charts.hours_per_year(data.years),
        "claimable": services.claimable_registrations(request.user).count()})


def _communes(query: str, current: OrgUnit | None):
    found = list(org_selectors.unit_search(query, kind=OrgUnit.Kind.COMMUNE)[:20]) if query.strip() else []
    ids = [u.pk for u in found] + ([current.pk] if current else [])
    return OrgUnit.objects.filter(pk__in=ids).select_related("parent"), found


@login_required
def profile(request):
    current = services.profile_of(request.user)
    query = (request.GET.get("q") or request.POST.get("q") or "")[:100]
    communes, found = _communes(query, current.home_commune)
    initial = {"display_name": current.display_name, "birth_year": current.birth_year,
               "home_commune": current.home_commune_id, "target_group": current.target_group,
               "reminders": services.has_consent(request.user, Consent.Purpose.REMINDERS)}
    form = ProfileForm(request.POST or None, initial=initial, communes=communes)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.profile_update(actor=request.user, display_name=data["display_name"],
                                        birth_year=data["birth_year"], home_commune=data["home_commune"],
                                        target_group=data["target_group"])
                services.reminders_set(actor=request.user, wanted=data["reminders"],
                                       text=str(form.fields["reminders"].label))
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your profile is saved."))
                return redirect("learning_record")
    if request.htmx and request.GET.get("q") is not None:
        return render(request, "learners/_communes.html", {"form": form, "query": query, "found": found})
    return render(request, "learners/profile.html", {"form": form, "query": query, "found": found,
                                                     "consents": Consent.objects.filter(user=request.user)},
                  status=status)


@login_required
@require_POST
def claim(request):
    try:
        count = services.registrations_claim(actor=request.user)
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("%(n)d earlier registrations are now in your record.") % {"n": count})
    return redirect("learning_record")


@login_required
def record_pdf(request):
    """The record as a PDF to keep or show."""
    from lifelong.learners import record_pdf as pdf

    body = pdf.render(selectors.learning_record(request.user), services.profile_of(request.user))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="ho-so-hoc-tap.pdf"'
    return response


@login_required
def export(request):
    """All my data, as JSON (Nghị định 13/2023/NĐ-CP: the person may have a copy of what is kept)."""
    body = json.dumps(services.account_export(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="du-lieu-cua-toi.json"'
    return response


@login_required
def delete(request):
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that you want to delete your account."))
            return redirect("learner_delete")
        try:
            services.account_delete(actor=request.user)
        except ServiceError as exc:
            flash_service_error(request, exc)
            return redirect("learner_delete")
        logout(request)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("home")
    return render(request, "learners/delete.html", {"record": selectors.learning_record(request.user)})
