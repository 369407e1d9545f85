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


def test_a_curated_list_for_a_kind_of_activity_is_suggested_on_those_activities(client, tree, campaign, setting,
                                                                                  make_user):
    course, reading_day, skills, officer = setting
    hanoi = make_user(tree.hanoi, Membership.Role.EDITOR)
    client.force_login(hanoi)
    category = campaign.categories.get(code="digital_skills")
    made = client.post(f"/units/{tree.hanoi.pk}/thu-vien/bo-suu-tap/", {
        "name": "Học liệu kỹ năng số 2025", "kind": "curated", "category": category.pk}, follow=True)
    assert "Học liệu kỹ năng số 2025" in made.content.decode()
    curated = tree.hanoi.collections.get(name="Học liệu kỹ năng số 2025")
    assert "add-to-collection" in client.get(f"/thu-vien/{course.pk}/").content.decode()
    client.post(f"/thu-vien/{course.pk}/bo-suu-tap/", {"collection": curated.pk})
    assert list(curated.resources.all()) == [course]
    client.logout()
    page = client.get(f"/activities/{skills.pk}/").content.decode()  # Tây Mỗ's class, of the list's kind
    assert "Gợi ý: Học liệu kỹ năng số 2025" in page and "Kỹ năng số 101" in page
    assert "Học liệu kỹ năng số 2025" not in client.get(f"/activities/{reading_day.pk}/").content.decode()


def test_collections_check_names_kinds_and_rights(tree, campaign, setting, make_user):
    course, _reading_day, _skills, officer = setting
    shared = services.collection_create(actor=officer, unit=tree.taymo, kind="shared", name="Thư viện phường")
    for bad in ({"kind": "shared", "name": "thư viện phường"}, {"kind": "shelf", "name": "Khác"},
                {"kind": "shared", "name": "  "},
                {"kind": "shared", "name": "Có loại", "category": campaign.categories.first()}):
        with pytest.raises(ValidationFailed):
            services.collection_create(actor=officer, unit=tree.taymo, **bad)
    with pytest.raises(PermissionDeniedError):
        services.collection_list(actor=make_user(tree.yaly, Membership.Role.EDITOR), collection=shared,
                                 resource=course)
    school_shelf = course.collections.get(kind="shelf")
    with pytest.raises(ValidationFailed):  # a shelf holds what its unit publishes, nothing else
        services.collection_list(actor=make_user(tree.school, Membership.Role.EDITOR), collection=school_shelf,
                                 resource=course)
    before = course.modified_at
    services.collection_list(actor=officer, collection=shared, resource=course)
    course.refresh_from_db()
    assert course.modified_at > before  # harvesters learn of its new set
