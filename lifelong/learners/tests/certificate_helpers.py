"""Fixtures of the certificate tests: a temporary signing key, and an activity where people were checked in.

The test_certificates*.py modules bind them (`attended = certificate_helpers.attended`)."""

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.orgs.models import Membership

SITE = "https://hoctapsuotdoi.example.vn"
PASSWORD = "secret-pass-123"


def new_pem() -> str:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()


@pytest.fixture
def signing_key(settings):
    """A key for this test only: the settings override means nothing is written to var/."""
    pem = new_pem()
    settings.CREDENTIAL_SIGNING_KEY = pem
    settings.CREDENTIAL_SIGNING_KEY_FILE = None
    settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = ""
    settings.SITE_URL = SITE
    return pem


def _day_after_tomorrow(hour: int, minute: int = 0) -> datetime:
    base = timezone.localtime() + timedelta(days=2)
    return base.replace(hour=hour, minute=minute, second=0, microsecond=0)


@pytest.fixture
def attended(tree, campaign, make_user, signing_key):
    """A published talk of Phường Tây Mỗ (two sessions, the first 08:00–10:30) where An (with an account) and
    Bình were checked in, Chi registered but did not come, and Dũng came but had his data erased since."""
    category = campaign.categories.get(code="awareness")
    activity = activity_services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": category, "title": "Tọa đàm “Học tập suốt đời trong kỷ nguyên số”",
              "venue_name": "Nhà văn hóa phường", "target_groups": ["residents"]},
        sessions=[(_day_after_tomorrow(8), _day_after_tomorrow(10, 30)),
                  (_day_after_tomorrow(14), _day_after_tomorrow(16))])
    first, second = activity.sessions.order_by("starts_at")
    learner = make_user(username="an.learner", full_name="Nguyễn Văn An")

    def sign_up(session, name, phone, account=None):
        return activity_services.registration_create(session=session, name=name, phone=phone, group="residents",
                                                     consent=True, account=account).registration

    an = sign_up(first, "Nguyễn Văn An", "0912000001", account=learner)
    binh = sign_up(first, "Trần Thị Bình", "0912000002")
    chi = sign_up(first, "Lê Văn Chi", "0912000003")
    dung = sign_up(first, "Phạm Dũng", "0912000004")
    evening = sign_up(second, "Hoàng Thị Én", "0912000005")
    for registration in (an, binh, dung, evening):
        activity_services.check_in(actor=None, session=registration.session, code=registration.code)
    activity_services.registration_erase(actor=None, registration=dung)
    editor = make_user(tree.taymo, Membership.Role.EDITOR, username="cb.taymo")
    viewer = make_user(tree.taymo, Membership.Role.VIEWER, username="xem.taymo")
    elsewhere = make_user(tree.yaly, Membership.Role.EDITOR, username="cb.yaly")
    stranger = make_user(username="nguoi.la")
    for each in (an, binh, chi, dung, evening):
        each.refresh_from_db()
    return SimpleNamespace(activity=activity, first=first, second=second, an=an, binh=binh, chi=chi, dung=dung,
                           evening=evening, learner=learner, editor=editor, viewer=viewer, elsewhere=elsewhere,
                           stranger=stranger)
