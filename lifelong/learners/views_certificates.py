"""Pages of certificates: public verification by code, downloads for the holder and the organisers, and the
organisers' issuing and revoking (docs/certificates.md)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lifelong.activities import selectors as activity_selectors
from lifelong.activities.models import Session
from lifelong.core.errors import ServiceError
from lifelong.core.ratelimits import rate_limited
from lifelong.core.validation import parse_int_param
from lifelong.core.web import flash_service_error
from lifelong.learners import certificate_pdf, certificates, credentials
from lifelong.learners import selectors_certificates as selectors
from lifelong.learners.forms_certificates import LookupForm, RevokeForm
from lifelong.orgs import permissions

PUBLIC_JSON_HEADERS = {"Access-Control-Allow-Origin": "*"}  # verifiers in a browser fetch the keys and status


def _not_found(request, code: str = ""):
    return render(request, "learners/certificates/not_found.html",
                  {"form": LookupForm(initial={"code": code[:40]})}, status=404)


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return fallback


def _verify_url(request, code: str) -> str:
    """The verification page's address, on the host that served this request (SITE_URL without one)."""
    path = credentials.verification_path(code)
    return request.build_absolute_uri(path) if request is not None else credentials.site_url() + path


@require_GET
@rate_limited("certificate")
def certificate_lookup(request):
    """The page to type a code read on a paper certificate."""
    form = LookupForm(request.GET or None)
    if form.is_valid():
        certificate = selectors.certificate_by_code(form.cleaned_data["code"])
        if certificate is None:
            return _not_found(request, form.cleaned_data["code"])
        return redirect("certificate_verify", code=certificate.code)
    return render(request, "learners/certificates/lookup.html", {"form": LookupForm()})


@require_GET
@rate_limited("certificate")
def certificate_verify(request, code: str):
    """Public: valid or revoked, what was attended and where; the holder's name only if they chose to show it."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return _not_found(request, code)
    is_holder = certificates.is_holder(request.user, certificate)
    can_download = selectors.may_download(request.user, certificate)
    session = certificate.registration.session if certificate.registration_id else None
    return render(request, "learners/certificates/verify.html", {
        "certificate": certificate, "session": session, "activity": certificate.activity,
        "activity_public": certificate.activity.published, "is_holder": is_holder, "can_download": can_download,
        "is_editor": permissions.can_edit(request.user, certificate.unit),
        "revoke_form": RevokeForm(), "verify_url": _verify_url(request, certificate.code)})


@require_GET
@rate_limited("certificate")
def certificate_status(request, code: str):
    """The credential's status document (1EdTech Revocation List): public, like the verification page."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return JsonResponse({"error": {"code": "not_found", "message": _("No certificate has this code."),
                                       "details": []}}, status=404, headers=PUBLIC_JSON_HEADERS)
    return JsonResponse(credentials.revocation_list(certificate), headers={
        **PUBLIC_JSON_HEADERS, "Cache-Control": "no-cache"}, json_dumps_params={"ensure_ascii": False})


@require_GET
def credential_jwks(request):
    """The platform's public keys (JSON Web Key Set): what verifies every credential offline."""
    return JsonResponse(credentials.jwks(), headers={**PUBLIC_JSON_HEADERS, "Cache-Control": "public, max-age=3600"})


def _owned(request, code: str):
    certificate = selectors.certificate_for_owner(request.user, code)
    if certificate is None or not certificate.credential:
        raise Http404
    return certificate


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate_pdf_download(request, code: str):
    certificate = _owned(request, code)
    pdf = certificate_pdf.render(certificate, verify_url=_verify_url(request, certificate.code))
    return _download(pdf, "application/pdf", f"giay-chung-nhan-{certificate.code}.pdf")


@login_required
@require_GET
def certificate_credential(request, code: str, fmt: str):
    """The signed Open Badges 3.0 credential (.jwt, what a wallet or verifier takes) or its content (.json)."""
    certificate = _owned(request, code)
    if fmt == "jwt":
        return _download(certificate.credential, credentials.MEDIA_TYPE_JWT, f"open-badge-{certificate.code}.jwt")
    document = credentials.credential_document(certificate.credential)
    return _download(json.dumps(document, ensure_ascii=False, indent=2),
                     f"{credentials.MEDIA_TYPE_JSON}; charset=utf-8", f"open-badge-{certificate.code}.json")


@login_required
@require_POST
def certificate_revoke(request, code: str):
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    form = RevokeForm(request.POST)
    back = _back(request, reverse("activity_certificates", args=[certificate.activity_id]))
    if not form.is_valid():
        if not permissions.can_edit(request.user, certificate.unit):
            raise PermissionDenied
        messages.error(request, _("Say why the certificate is revoked (at most 300 characters)."))
        return redirect(back)
    try:
        certificates.certificate_revoke(actor=request.user, certificate=certificate,
                                        reason=form.cleaned_data["reason"])
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Certificate %(code)s was revoked.") % {"code": certificate.code})
    return redirect(back)


@login_required
@require_POST
def certificate_show_name(request, code: str):
    """The holder shows or hides their name on the public page (certificates.certificate_set_show_name)."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    try:
        certificates.certificate_set_show_name(actor=request.user, certificate=certificate,
                                               show=request.POST.get("show") == "1")
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Saved."))
    return redirect(_back(request, reverse("certificate_verify", args=[certificate.code])))


def _flash_outcome(request, outcome: certificates.IssueOutcome) -> None:
    if outcome.issued:
        messages.success(request, _("%(count)d certificates issued.") % {"count": len(outcome.issued)})
    else:
        messages.info(request, _("No new certificate: everyone checked in has one already, or nobody was chosen."))
    if outcome.skipped:
        messages.info(request, _("%(count)d people got none: a certificate already, an erased name, or no check-in.")
                      % {"count": outcome.skipped})


@login_required
def activity_certificates(request, pk: int):
    """Who got a certificate for the activity (editors of its unit), and issuing to everyone checked in."""
    activity = activity_selectors.activity_for_organiser(request.user, pk)
    if activity is None:
        raise Http404
    if not permissions.can_edit(request.user, activity.unit):
        raise PermissionDenied
    if request.method == "POST":
        try:
            _flash_outcome(request, certificates.certificates_issue(actor=request.user, activity=activity))
        except ServiceError as exc:
            flash_service_error(request, exc)
        return redirect("activity_certificates", pk=activity.pk)
    return render(request, "learners/certificates/activity_certificates.html", {
        "activity": activity, "certificates": selectors.activity_certificates(request.user, activity),
        "counts": selectors.certificate_counts(request.user, activity.unit, activity.campaign),
        "revoke_form": RevokeForm()})


@login_required
@require_POST
def session_certificates_issue(request, session_id: int):
    """From a session's registrations: to everyone checked in, or to the registrations ticked."""
    session = get_object_or_404(Session.objects.select_related("activity__unit"), pk=session_id)
    if not permissions.can_edit(request.user, session.activity.unit):
        raise PermissionDenied
    chosen = None
    if request.POST.get("scope") == "chosen":
        chosen = [pk for pk in (parse_int_param(v, minimum=1) for v in request.POST.getlist("registration")[:5000])
                  if pk is not None]
    try:
        outcome = certificates.certificates_issue(actor=request.user, activity=session.activity, session=session,
                                                  registration_ids=chosen)
        _flash_outcome(request, outcome)
    except ServiceError as exc:
        flash_service_error(request, exc)
    return redirect("session_registrations", session_id=session.pk)
