"""Reads of certificates, each filtered by who may see what (docs/certificates.md).

- anyone: one certificate by its code, for the public verification page (which decides what to show);
- its holder and the editors of the issuing unit: the certificate with its PDF and credential;
- the editors of the organising unit: the certificates of an activity or of a session (they name people);
- anyone who may view a unit: how many certificates the unit and its subtree issued in a campaign (counts
  only), also offered to the reports through settings.UNIT_FIGURES.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from lifelong.activities.models import Activity, Session
from lifelong.campaigns.models import Campaign
from lifelong.learners.certificates import canonical_code, is_holder
from lifelong.learners.models import Certificate
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit

_RELATED = ("activity", "unit", "campaign", "registration__session")


def certificate_by_code(typed_code: str) -> Certificate | None:
    """The certificate a (typed) code names, or None when the code is not genuine or unknown. Public: the
    caller shows only what the verification page may show."""
    code = canonical_code(typed_code)
    if code is None:
        return None
    return Certificate.objects.select_related(*_RELATED).filter(code=code).first()


def may_download(user, certificate: Certificate) -> bool:
    """The holder, and the editors of the issuing unit, get the PDF and the signed credential."""
    return is_holder(user, certificate) or (user is not None and user.is_authenticated
                                            and permissions.can_edit(user, certificate.unit))


def certificate_for_owner(user, typed_code: str) -> Certificate | None:
    certificate = certificate_by_code(typed_code)
    if certificate is None or not may_download(user, certificate):
        return None
    return certificate


def activity_certificates(user, activity: Activity) -> QuerySet[Certificate]:
    """Who got a certificate for an activity: for the organising unit's editors only (names are personal)."""
    if not permissions.can_edit(user, activity.unit):
        return Certificate.objects.none()
    return (Certificate.objects.filter(activity=activity).select_related("registration__session")
            .order_by("registration__session__starts_at", "holder_name", "pk"))


def session_certificates(user, session: Session) -> dict[int, Certificate]:
    """The certificates of a session's registrations by registration id (one query), for its editors."""
    if not permissions.can_edit(user, session.activity.unit):
        return {}
    return {c.registration_id: c for c in Certificate.objects.filter(registration__session=session)}


def certificates_of_holder(user) -> QuerySet[Certificate]:
    """A person's own certificates (for "my learning record"): issued to their account, or to a registration
    of theirs claimed since."""
    if user is None or not user.is_authenticated:
        return Certificate.objects.none()
    return (Certificate.objects.filter(Q(holder=user) | Q(registration__account=user))
            .select_related(*_RELATED).order_by("-issued_at", "-pk"))


@dataclass(frozen=True)
class CertificateCounts:
    own: int  # issued by the unit itself
    subtree: int  # by the unit and every unit below it


def certificate_counts(user, unit: OrgUnit, campaign: Campaign) -> CertificateCounts | None:
    """Valid (not revoked) certificates issued in a campaign by the unit and by its subtree, in one query over
    the units' path prefix; None for someone who may not see the unit."""
    if not permissions.can_view(user, unit):
        return None
    row = Certificate.objects.filter(campaign=campaign, unit__path__startswith=unit.path,
                                     revoked_at__isnull=True).aggregate(
        subtree=Count("id"), own=Count("id", filter=Q(unit=unit)))
    return CertificateCounts(own=row["own"], subtree=row["subtree"])


def activity_certificate_count(user, activity: Activity) -> int | None:
    if not permissions.can_view(user, activity.unit):
        return None
    return Certificate.objects.filter(activity=activity, revoked_at__isnull=True).count()


@dataclass(frozen=True)
class UnitFigure:
    """One number of a unit for a campaign, with the part of its own and that of its whole subtree."""

    code: str
    label: str | Promise
    own: int
    subtree: int


def unit_figures(*, user, unit: OrgUnit, campaign: Campaign) -> list[UnitFigure]:
    """What this app adds to a unit's numbers (settings.UNIT_FIGURES): certificates issued."""
    counts = certificate_counts(user, unit, campaign)
    if counts is None:
        return []
    return [UnitFigure(code="certificates_issued", label=gettext_lazy("Certificates issued"), own=counts.own,
                       subtree=counts.subtree)]
