"""Shared fixtures: a small real tree built through the services, and users with roles on it."""

import os
from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests draw the same examples on every run, so that CI never fails on a run of luck; to look for
# new counterexamples locally: HYPOTHESIS_PROFILE=explore .venv/bin/pytest ...
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Playwright's sync API runs an event loop in the test thread; the live server and the ORM calls
# made by browser tests are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is the production hasher (checked in test_settings); tests log in many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                                 "django.contrib.auth.hashers.Argon2PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_public_page_cache(settings):
    # Tests change data and read the public pages at once; lifelong/activities/tests/test_public_cache.py turns it on.
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters and cached pages live in the cache: every test starts with none.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def tree(db):
    """Ministry → Hà Nội (Sở Y tế, Tây Mỗ → school, village) and Quảng Ngãi → Ya Ly → village."""
    from lifelong.orgs.models import OrgUnit
    from lifelong.orgs.services import unit_create

    K = OrgUnit.Kind

    def add(parent, name, kind, code=None):
        return unit_create(actor=None, parent=parent, name=name, kind=kind, code=code)

    ministry = add(None, "Bộ Giáo dục và Đào tạo", K.MINISTRY, "BGDDT")
    hanoi = add(ministry, "Thành phố Hà Nội", K.PROVINCE, "01")
    danang = add(ministry, "Thành phố Đà Nẵng", K.PROVINCE, "48")
    soyte = add(hanoi, "Sở Y tế Hà Nội", K.DEPARTMENT)
    taymo = add(hanoi, "Phường Tây Mỗ", K.COMMUNE, "00634")
    school = add(taymo, "Trường THCS Nguyễn Quý Đức", K.SCHOOL)
    village = add(taymo, "Tổ dân phố số 1", K.VILLAGE)
    quangngai = add(ministry, "Tỉnh Quảng Ngãi", K.PROVINCE, "51")
    yaly = add(quangngai, "Xã Ya Ly", K.COMMUNE, "23548")
    yaly_village = add(yaly, "Thôn 1", K.VILLAGE)
    return SimpleNamespace(ministry=ministry, hanoi=hanoi, danang=danang, soyte=soyte, taymo=taymo, school=school,
                           village=village, quangngai=quangngai, yaly=yaly, yaly_village=yaly_village)


@pytest.fixture
def make_user(db):
    from lifelong.orgs.models import Membership, User

    counter = {"n": 0}

    def _make(unit=None, role=None, username=None, password="secret-pass-123", **extra):
        counter["n"] += 1
        user = User.objects.create_user(username=username or f"user{counter['n']}", password=password,
                                        email=f"{username or 'user' + str(counter['n'])}@example.vn", **extra)
        if unit is not None:
            Membership.objects.create(user=user, unit=unit, role=role or Membership.Role.EDITOR)
        return user

    return _make


# Browser tests: Debian's Chromium driven by Playwright (its own browser download is not used).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def browser_login(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


@pytest.fixture
def campaign(tree):
    from lifelong.campaigns.services import campaign_create

    return campaign_create(actor=None, owner=tree.ministry, year=2025,
                           theme="Học tập suốt đời trong kỷ nguyên số: làm chủ tri thức và công nghệ",
                           start_date=date(2025, 10, 1), end_date=date(2025, 10, 7))



@pytest.fixture
def hanoi_plan(tree, campaign):
    from lifelong.plans.tests.helpers import publish_plan

    return publish_plan(tree.hanoi, campaign, number="262", issue_date=date(2025, 9, 25),
                        report_due=date(2025, 10, 20), purposes="Nâng cao nhận thức về học tập suốt đời.",
                        time_and_venue="Từ ngày 01/10/2025 đến ngày 07/10/2025.",
                        budget_state="Ngân sách nhà nước theo phân cấp.")
