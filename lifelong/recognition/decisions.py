"""The recognising body's decision (Quyết định công nhận): one per body, scheme and year, listing every dossier
it accepted, with the level. Issuing it makes those recognitions official (and public on the units' pages).

A draft collects the accepted dossiers not yet in a decision; it can be refreshed while it is a draft (a
dossier accepted later joins it). Issuing needs the number and the date of signature. Every write checks
the decision's version, and only the body's editors act.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.core.validation import date_in_range
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit
from lifelong.plans import headers
from lifelong.recognition import notify, tally
from lifelong.recognition.models import Assessment, Decision, Scheme


def _pending(authority: OrgUnit, scheme: Scheme, year: int):
    return Assessment.objects.filter(authority=authority, scheme=scheme, year=year,
                                     status=Assessment.Status.ACCEPTED, decision__isnull=True)


@transaction.atomic
def decision_prepare(*, actor, authority: OrgUnit, scheme: Scheme, year: int) -> Decision:
    """The body's draft decision for the scheme and year (made if needed), with every accepted dossier in it."""
    if not can_edit(actor, authority):
        raise PermissionDeniedError()
    decision = (Decision.objects.select_for_update()
                .filter(authority=authority, scheme=scheme, year=year, status=Decision.Status.DRAFT).first())
    pending = _pending(authority, scheme, year)
    if decision is None:
        if not pending.exists():
            raise ValidationFailed(_("No dossier has been accepted yet: accept dossiers first, then prepare the "
                                     "decision."))
        signature = headers.default_signature(authority)
        try:
            with transaction.atomic():  # one draft per body, scheme and year (constraint decision_one_draft)
                decision = Decision.objects.create(authority=authority, scheme=scheme, year=year, created_by=actor,
                                                   symbol=headers.default_symbol(authority, "QĐ"),
                                                   signer_title=signature["signature_title"])
        except IntegrityError:
            raise ConflictError() from None
        audit_record(actor=actor, action="recognition.decision.prepared", target=decision, unit_id=authority.pk)
    if pending.update(decision=decision, version=F("version") + 1):
        # The list changed: a signer holding the previous list must read it again before issuing it.
        Decision.objects.filter(pk=decision.pk).update(version=F("version") + 1)
        decision.refresh_from_db()
    return decision


@transaction.atomic
def decision_update(*, actor, decision: Decision, number: str, symbol: str, issued_on: date | None,
                    signer_title: str, signer_name: str, version: int | None = None) -> Decision:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if not can_edit(actor, decision.authority):
        raise PermissionDeniedError()
    if version is not None and version != decision.version:
        raise ConflictError()
    if decision.status != Decision.Status.DRAFT:
        raise ConflictError(_("This decision has been issued: it can no longer be changed."))
    errors = []
    number, symbol = normalize_text(number), normalize_text(symbol)
    if number and (not number.isdigit() or len(number) > 10):
        errors.append({"field": "number", "message": _("The number is digits only, e.g. 125.")})
    if len(symbol) > 40:
        errors.append({"field": "symbol", "message": _("Keep the symbol under 40 characters.")})
    if issued_on is not None and (not date_in_range(issued_on) or issued_on.year < decision.year):
        errors.append({"field": "issued_on", "message": _("The decision is signed after the year it rates.")})
    if errors:
        raise ValidationFailed(details=errors)
    decision.number, decision.symbol, decision.issued_on = number, symbol, issued_on
    decision.signer_title, decision.signer_name = normalize_text(signer_title)[:100], normalize_text(signer_name)[:100]
    decision.version = F("version") + 1
    decision.save()
    decision.refresh_from_db()
    audit_record(actor=actor, action="recognition.decision.updated", target=decision, unit_id=decision.authority_id)
    return decision


@transaction.atomic
def decision_issue(*, actor, decision: Decision, version: int | None = None) -> Decision:
    """Issue the decision: every dossier in it becomes recognised at the level accepted."""
    decision = Decision.objects.select_for_update().select_related("scheme").get(pk=decision.pk)
    if not can_edit(actor, decision.authority):
        raise PermissionDeniedError()
    if version is not None and version != decision.version:
        raise ConflictError()
    if decision.status != Decision.Status.DRAFT:
        raise ConflictError(_("This decision has already been issued."))
    errors = []
    if not decision.number:
        errors.append({"field": "number", "message": _("Give the decision's number before issuing it.")})
    if decision.issued_on is None:
        errors.append({"field": "issued_on", "message": _("Give the date the decision was signed.")})
    listed = list(Assessment.objects.select_for_update().filter(decision=decision, status=Assessment.Status.ACCEPTED)
                  .select_related("home", "scheme"))
    if not listed:
        errors.append({"field": "number", "message": _("The decision lists no dossier.")})
    if errors:
        raise ValidationFailed(details=errors)
    for assessment in listed:
        tally.assessment_changed(assessment, (assessment.status, assessment.level_granted),
                                 (Assessment.Status.RECOGNISED, assessment.level_granted))
    Assessment.objects.filter(pk__in=[a.pk for a in listed]).update(status=Assessment.Status.RECOGNISED,
                                                                    version=F("version") + 1)
    decision.status = Decision.Status.ISSUED
    decision.version = F("version") + 1
    decision.save(update_fields=["status", "version"])
    decision.refresh_from_db()
    audit_record(actor=actor, action="recognition.decision.issued", target=decision, unit_id=decision.authority_id,
                 recognised=len(listed))
    notify.decision_issued(decision, actor)
    return decision


@transaction.atomic
def decision_save(*, actor, decision: Decision, issue: bool = False, version: int | None = None,
                  **fields) -> Decision:
    """Save the number, date and signer and, if asked, issue: all or nothing, so that a refused issue leaves the
    decision (and its version) as it was."""
    decision = decision_update(actor=actor, decision=decision, version=version, **fields)
    if issue:
        decision = decision_issue(actor=actor, decision=decision, version=decision.version)
    return decision
