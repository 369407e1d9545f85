"""Resources introduced by activities of kinds d) and đ), and linked as evidence of a recognition dossier."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.library import services
from lifelong.orgs.models import Membership

LINK = {"kind": "course", "licence": "CC-BY-4.0", "url": "https://mooc.example.vn/ky-nang-so"}


def _activity(tree, campaign, code: str, title: str):
    start = timezone.now() + timedelta(days=3)
    return activity_services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code=code), "title": title, "venue_name": "Nhà văn hóa"},
        sessions=[(start, start + timedelta(hours=2))])


@pytest.fixture
def setting(tree, campaign, make_user):
    school_editor = make_user(tree.school, Membership.Role.EDITOR)
    course = services.resource_create(actor=school_editor, unit=tree.school, data={**LINK, "title": "Kỹ năng số 101"})
    reading_day = _activity(tree, campaign, "digital_library", "Ngày hội đọc sách và thư viện số")
    skills = _activity(tree, campaign, "digital_skills", "Tập huấn kỹ năng số")
    return course, reading_day, skills, make_user(tree.taymo, Membership.Role.EDITOR)


def test_an_officer_links_a_library_resource_to_a_reading_day_and_its_page_shows_it(client, setting):
    course, reading_day, skills, officer = setting
    client.force_login(officer)
    page = client.get(f"/thu-vien/{course.pk}/").content.decode()
    assert "Ngày hội đọc sách và thư viện số" in page and "Tập huấn kỹ năng số" not in page  # only kinds d, đ
    done = client.post(f"/thu-vien/{course.pk}/hoat-dong/", {"activity": reading_day.pk}, follow=True)
    assert done.status_code == 200 and list(course.activities.all()) == [reading_day]
    client.logout()
    assert "Kỹ năng số 101" in client.get(f"/activities/{reading_day.pk}/").content.decode()


def test_links_check_the_activitys_kind_and_the_officers_rights(tree, setting, make_user):
    course, reading_day, skills, officer = setting
    with pytest.raises(ValidationFailed):
        services.resource_link_activity(actor=officer, resource=course, activity=skills)
    with pytest.raises(PermissionDeniedError):
        services.resource_link_activity(actor=make_user(tree.yaly, Membership.Role.EDITOR), resource=course,
                                        activity=reading_day)
    services.resource_withdraw(actor=make_user(tree.school, Membership.Role.EDITOR), resource=course)
    course.refresh_from_db()
    with pytest.raises(ValidationFailed):  # withdrawn: no longer offered
        services.resource_link_activity(actor=officer, resource=course, activity=reading_day)
    assert not course.activities.exists()


def test_a_viewer_posting_a_link_changes_nothing(client, tree, setting, make_user):
    course, reading_day, _skills, _officer = setting
    client.force_login(make_user(tree.taymo, Membership.Role.VIEWER))
    client.post(f"/thu-vien/{course.pk}/hoat-dong/", {"activity": reading_day.pk})
    client.post(f"/thu-vien/{course.pk}/hoat-dong/", {"activity": "'; drop table"})
    assert not course.activities.exists()


def test_a_units_shelf_is_offered_as_evidence_of_its_recognition(tree, make_user):
    from lifelong.recognition import evidence
    from lifelong.recognition import services as recognition_services
    from lifelong.recognition.models import Scheme
    from lifelong.recognition.schemes import schemes_install

    if not Scheme.objects.exists():
        schemes_install()
    editor = make_user(tree.school, Membership.Role.EDITOR)
    book = services.resource_create(actor=editor, unit=tree.school, data={
        "title": "Tủ sách số: Sổ tay an toàn mạng", "kind": "document", "licence": "CC-BY-4.0",
        "url": "https://example.vn/so-tay"})
    scheme = Scheme.objects.get(code="dvht-co-so-tt24-2023")
    assessment = recognition_services.assessment_open_for_unit(actor=editor, scheme=scheme, year=2025,
                                                               unit=tree.school)
    assert ("resource", book.pk) in {(c.record_type, c.record_id)
                                     for c in evidence.record_choices(editor, assessment)}
    item = evidence.evidence_add(actor=editor, assessment=assessment, indicator=None, record=f"resource:{book.pk}")
    assert evidence.record_url(item) == f"/thu-vien/{book.pk}/"
