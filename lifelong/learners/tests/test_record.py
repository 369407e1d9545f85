"""A learner's record: built from check-ins, claimed with verified contacts, exported, deleted, reminded."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.activities.models import Registration, Session
from lifelong.core.models import AuditEntry
from lifelong.learners import reminders, selectors, services
from lifelong.learners.models import Consent, LearnerProfile
from lifelong.orgs.models import Membership, User
from lifelong.reports.models import Notification

Role = Membership.Role


@pytest.fixture
def learner(db):
    user = User.objects.create_user(username="lan", email="lan@example.vn", password="hoc-tap-suot-doi-9")
    EmailAddress.objects.create(user=user, email="lan@example.vn", verified=True, primary=True)
    services.learner_signed_up(user=user, display_name="Nguyễn Thị Lan", consent_text="đồng ý")
    return user


def _register(session, account=None, **extra):
    data = {"name": "Nguyễn Thị Lan", "phone": "0912345678", "group": "residents", "consent": True, **extra}
    return activity_services.registration_create(session=session, account=account, **data).registration


def test_the_record_counts_what_was_attended(client, learner, skills, tree, make_user):
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    registration = _register(session, learner)
    assert registration.account == learner
    record = selectors.learning_record(learner)
    assert record.attended == [] and [r.pk for r in record.upcoming] == [registration.pk]
    activity_services.check_in(actor=organiser, session=session, code=registration.code)
    record = selectors.learning_record(learner)
    assert [a.registration.pk for a in record.attended] == [registration.pk]
    assert record.total_hours == Decimal("2.0") and record.years[0].activities == 1
    assert record.years[0].by_kind == {"Tập huấn, bồi dưỡng kỹ năng số": 1}
    client.force_login(learner)
    page = client.get(reverse("learning_record")).content.decode()
    assert skills.title in page and 'data-testid="hours-per-year"' in page and "2 giờ trong 1 hoạt động" in page


def test_a_learner_sees_only_their_own_record(client, learner, skills):
    other = User.objects.create_user(username="khac", password="x-y-z-1-2-3-4")
    _register(skills.sessions.get(), other, name="Người khác", phone="0988000111")
    client.force_login(learner)
    page = client.get(reverse("learning_record")).content.decode()
    assert "Người khác" not in page and "0988000111" not in page
    data = json.loads(client.get(reverse("learner_export")).content)
    assert data["registrations"] == []
    client.logout()
    assert client.get(reverse("learning_record")).status_code == 302  # to the login page


def test_earlier_registrations_are_claimed_with_a_verified_e_mail_only(client, learner, skills):
    session = skills.sessions.get()
    mine = _register(session, phone="", email="LAN@example.vn")
    stranger = _register(session, name="Người lạ", phone="0900111222")
    assert mine.account is None
    assert services.claimable_registrations(learner).count() == 1
    client.force_login(learner)
    assert "có thể đưa vào hồ sơ" in client.get(reverse("learning_record")).content.decode()
    client.post(reverse("learner_claim"))
    mine.refresh_from_db()
    stranger.refresh_from_db()
    assert mine.account == learner and stranger.account is None
    EmailAddress.objects.filter(user=learner).update(verified=False)
    assert services.claimable_registrations(learner).count() == 0


def test_download_all_my_data(client, learner, skills):
    _register(skills.sessions.get(), learner)
    client.force_login(learner)
    response = client.get(reverse("learner_export"))
    assert response["Content-Type"].startswith("application/json") and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["display_name"] == "Nguyễn Thị Lan"
    assert data["account"]["emails"] == [{"email": "lan@example.vn", "verified": True, "primary": True}]
    assert data["consents"][0]["purpose"] == "account"
    assert data["registrations"][0]["activity"] == skills.title and data["registrations"][0]["phone"] == "0912345678"


def test_deleting_the_account_erases_the_person_and_keeps_the_counts(client, learner, skills, tree, make_user):
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    registration = _register(session, learner)
    activity_services.check_in(actor=organiser, session=session, code=registration.code)
    client.force_login(learner)
    assert client.post(reverse("learner_delete"), {}).status_code == 302  # not confirmed: nothing happens
    assert User.objects.filter(pk=learner.pk).exists()
    response = client.post(reverse("learner_delete"), {"confirm": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=learner.pk).exists()
    assert not LearnerProfile.objects.exists() and not Consent.objects.exists()
    assert not EmailAddress.objects.filter(email="lan@example.vn").exists()
    row = Registration.objects.filter(pk=registration.pk).values("name", "phone", "email", "account",
                                                                 "checked_in_at", "group").get()
    assert row["name"] == row["phone"] == row["email"] == "" and row["account"] is None
    assert row["checked_in_at"] is not None and row["group"] == "residents"
    session.refresh_from_db()
    assert session.checked_in_count == 1
    assert AuditEntry.objects.filter(action="learners.account.deleted").exists()
    assert client.get(reverse("learning_record")).status_code == 302


def test_an_official_is_removed_from_units_before_deleting(client, tree, make_user):
    official = make_user(tree.taymo, Role.EDITOR)
    client.force_login(official)
    client.post(reverse("learner_delete"), {"confirm": "yes"})
    assert User.objects.filter(pk=official.pk).exists()


def test_the_profile_picks_a_commune_by_searching_without_tone_marks(client, learner, tree):
    client.force_login(learner)
    page = client.get(reverse("learner_profile"), {"q": "tay mo"}).content.decode()
    assert "Phường Tây Mỗ" in page
    response = client.post(reverse("learner_profile"), {
        "display_name": "Lan", "birth_year": "1965", "home_commune": tree.taymo.pk, "target_group": "residents",
        "reminders": "on", "q": "tay mo"})
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.display_name, profile.birth_year, profile.home_commune) == ("Lan", 1965, tree.taymo)
    assert services.has_consent(learner, "reminders")
    bad = client.post(reverse("learner_profile"), {"display_name": "Lan", "birth_year": "1800", "q": ""})
    assert bad.status_code == 400 and LearnerProfile.objects.get(user=learner).birth_year == 1965
    client.post(reverse("learner_profile"), {"display_name": "Lan", "home_commune": tree.hanoi.pk, "q": "ha noi"})
    assert LearnerProfile.objects.get(user=learner).home_commune == tree.taymo  # a province is not a commune
    client.post(reverse("learner_profile"), {"display_name": "Lan", "q": ""})
    assert not services.has_consent(learner, "reminders")  # unticked: withdrawn, kept on record
    assert Consent.objects.get(user=learner, purpose="reminders").withdrawn_at is not None


def test_the_day_before_reminder_goes_once_to_those_who_asked(learner, skills, tree, campaign, mailoutbox,
                                                               django_capture_on_commit_callbacks):
    tomorrow = timezone.localtime() + timedelta(days=1)
    start = tomorrow.replace(hour=8, minute=0, second=0, microsecond=0)
    Session.objects.filter(activity=skills).update(starts_at=start, ends_at=start + timedelta(hours=2))
    registration = _register(skills.sessions.get(), learner)
    other = User.objects.create_user(username="khong-nhac", email="b@example.vn", password="x-y-z-1-2-3-4")
    _register(skills.sessions.get(), other, name="B", phone="0900000002")
    assert reminders.send_learner_reminders() == 0  # nobody asked yet
    services.reminders_set(actor=learner, wanted=True, text="nhắc tôi")
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_learner_reminders() == 1
    assert reminders.send_learner_reminders() == 0  # once
    [note] = Notification.objects.filter(user=learner)
    assert skills.title in note.message and note.url == reverse("ticket", args=[registration.code])
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["lan@example.vn"]
    assert not Notification.objects.filter(user=other).exists()


def test_certificates_issued_show_on_the_units_totals(client, learner, skills, tree, campaign, make_user):
    from lifelong.learners import certificates

    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    registration = _register(session, learner)
    activity_services.check_in(actor=organiser, session=session, code=registration.code)
    certificates.certificates_issue(actor=organiser, activity=skills)
    client.force_login(make_user(tree.hanoi, Role.VIEWER))
    page = client.get(reverse("report_totals", args=[tree.hanoi.pk]) + f"?campaign={campaign.pk}")
    figures = page.content.decode().split('data-testid="unit-figures"')[1].split("</dl>")[0]
    assert "Giấy chứng nhận đã cấp" in figures and "0 của đơn vị · 1 cùng các đơn vị cấp dưới" in figures
    client.force_login(learner)
    record = client.get(reverse("learning_record")).content.decode()
    assert skills.title in record.split('data-testid="certificates"')[1] and "Hiện tên tôi" in record


def test_the_record_as_pdf(client, learner, skills, tree, make_user):
    import io

    from pypdf import PdfReader

    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    registration = _register(session, learner)
    activity_services.check_in(actor=organiser, session=session, code=registration.code)
    client.force_login(learner)
    response = client.get(reverse("learner_record_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Hồ sơ học tập suốt đời" in text and "Nguyễn Thị Lan" in text and skills.title in text
    assert "Phường Tây Mỗ" in text
