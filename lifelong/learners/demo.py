"""Two demo learners with a record: one logs in by e-mail, one by phone (password hoctap2025, as the officials).

Each takes over registrations of the demo's held activities (their name put on them, as if they had
registered with their account), is registered for an upcoming activity, and the held activities' certificates
are issued. Idempotent: a second run finds the accounts and changes nothing.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.activities.models import Activity, Registration, Session, TargetGroup
from lifelong.learners import certificates, services
from lifelong.learners.models import Consent, LearnerProfile
from lifelong.orgs.demo import DEMO_PASSWORD
from lifelong.orgs.models import OrgUnit, User

# (user name, name, e-mail or "", phone or "", home commune code, target group)
DEMO_LEARNERS = [
    ("hocvien.lan", "Nguyễn Thị Lan", "lan.hocvien@example.vn", "", "00634", TargetGroup.RESIDENTS),
    ("hocvien.minh", "Trần Văn Minh", "", "0912000001", "23548", TargetGroup.DISADVANTAGED),
]
# What `load_demo --print-logins` adds to the officials' logins.
DEMO_LOGINS = [("lan.hocvien@example.vn", "learner", "Nguyễn Thị Lan (đăng nhập bằng e-mail)"),
               ("0912000001", "learner", "Trần Văn Minh (đăng nhập bằng số điện thoại)")]


def _account(username, name, email, phone, commune_code, group) -> tuple[User, bool]:
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user, False
    user = User.objects.create_user(username=username, email=email, password=DEMO_PASSWORD, full_name=name)
    if email:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    services.learner_signed_up(user=user, display_name=name, consent_text="Tài khoản mẫu (demo).")
    LearnerProfile.objects.filter(user=user).update(
        phone=phone or None, home_commune=OrgUnit.objects.filter(code=commune_code).first(), target_group=group)
    Consent.objects.create(user=user, purpose=Consent.Purpose.REMINDERS, text="Tài khoản mẫu (demo).")
    return user, True


@transaction.atomic
def load_demo_learners() -> dict[str, int]:
    created = taken = issued = 0
    for offset, (username, name, email, phone, commune_code, group) in enumerate(DEMO_LEARNERS):
        user, new = _account(username, name, email, phone, commune_code, group)
        if not new:
            continue
        created += 1
        commune = OrgUnit.objects.get(code=commune_code)
        attended = (Registration.objects.filter(account__isnull=True, checked_in_at__isnull=False,
                                                session__activity__unit__path__startswith=commune.path)
                    .exclude(name="").order_by("session__starts_at", "pk"))
        seen: set[int] = set()
        for registration in attended:
            if registration.session.activity_id in seen or len(seen) >= 2 + offset:
                continue
            seen.add(registration.session.activity_id)
            Registration.objects.filter(pk=registration.pk).update(account=user, name=name, group=group)
            taken += 1
        upcoming = (Session.objects.filter(activity__published=True, starts_at__gt=timezone.now(),
                                           activity__unit__path__startswith=commune.path)
                    .exclude(activity__status=Activity.Status.CANCELLED).order_by("starts_at").first())
        if upcoming is not None:
            activity_services.registration_create(
                session=upcoming, name=name, phone=phone or f"09110000{offset:02d}", email=email, group=group,
                consent=True, account=user)
        for activity in Activity.objects.filter(pk__in=seen, status=Activity.Status.HELD):
            issued += len(certificates.certificates_issue(actor=None, activity=activity).issued)
    return {"learners": created, "registrations taken over": taken, "certificates": issued}
