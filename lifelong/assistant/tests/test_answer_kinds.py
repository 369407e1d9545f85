"""Each kind of answer: library resources, contests, learning models, guides, a unit's report deadline, "gần tôi",
chips that can be removed, duplicates folded, and what is private never answered."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.activities.models import Activity
from lifelong.assistant import lexicon, places
from lifelong.assistant.answer import answer
from lifelong.contests import services as contest_services
from lifelong.contests.models import Question
from lifelong.learners.models import LearnerProfile
from lifelong.library import services as library_services
from lifelong.library.models import Resource
from lifelong.orgs.models import Membership
from lifelong.plans.tests.helpers import publish_plan
from lifelong.recognition.models import Scheme


@pytest.fixture
def platform(tree, campaign, make_user):
    places._index = None
    lexicon.forget()
    editor = make_user(tree.taymo, Membership.Role.EDITOR)
    today = timezone.localdate()
    tz = timezone.get_current_timezone()

    def activity(unit, code, title, days, **extra):
        start = datetime.combine(today + timedelta(days=days), datetime.min.time(), tzinfo=tz) + timedelta(hours=9)
        return activity_services.activity_create(
            actor=None, unit=unit, campaign=campaign, published=extra.pop("published", True),
            data={"category": campaign.categories.get(code=code), "title": title, **extra},
            sessions=[(start, start + timedelta(hours=2))])

    def resource(title, **extra):
        return library_services.resource_create(actor=editor, unit=tree.taymo, data={
            "title": title, "kind": "course", "licence": "all-rights-reserved", "url": "https://example.vn/k",
            "subjects": ["kỹ năng số"], **extra})

    def contest(title, *, published=True, closed=False):
        made = contest_services.contest_create(actor=editor, unit=tree.taymo, campaign=campaign,
                                               data={"title": title, "rules": "Thi trực tuyến.", "prizes": ""})
        start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        contest_services.round_save(actor=editor, contest=made, data={
            "name": "Vòng 1", "opens_at": start, "closes_at": start + timedelta(days=20), "question_count": 5,
            "duration_minutes": 10, "official_attempts": 1})
        Question.objects.create(contest=made, text="1 + 1 = ?", kind="number", key="2")
        if closed:  # as if a month had passed
            made.rounds.update(opens_at=start - timedelta(days=30), closes_at=start - timedelta(days=2))
        if published:
            made = contest_services.contest_update(actor=editor, contest=made, version=made.version,
                                                   data={"title": title, "rules": "Thi trực tuyến.", "prizes": ""},
                                                   published=True)
        return made

    return {"activity": activity, "resource": resource, "contest": contest, "editor": editor}


def _titles(result) -> list[str]:
    return [item.title for item in result.items]


def test_library_resources_answer_and_a_kind_named_narrows_to_them(platform):
    platform["resource"]("Sổ tay Excel cho người mới bắt đầu")
    platform["activity"](platform["editor"].memberships.get().unit, "digital_skills", "Lớp Excel cơ bản", 2)
    both = answer("học Excel")
    assert {item.kind for item in both.items} == {"resource", "activity"}
    only = answer("tài liệu Excel")
    assert _titles(only) == ["Sổ tay Excel cho người mới bắt đầu"]
    assert ("kind", "Học liệu") in only.filters or ("kind", "Library resources") in only.filters


def test_resources_hidden_or_withdrawn_are_never_answered(platform):
    hidden = platform["resource"]("Bài giảng nội bộ về Excel")
    Resource.objects.filter(pk=hidden.pk).update(published=False)  # kept for the unit only
    withdrawn = platform["resource"]("Sách Excel đã gỡ")
    library_services.resource_withdraw(actor=platform["editor"], resource=withdrawn)
    assert answer("tài liệu Excel").items == []


def test_contests_open_or_coming_are_answered_drafts_and_closed_ones_are_not(platform):
    platform["contest"]("Cuộc thi lập trình Scratch cho học sinh")
    platform["contest"]("Cuộc thi lập trình nháp", published=False)
    platform["contest"]("Cuộc thi lập trình đã kết thúc", closed=True)
    result = answer("cuộc thi lập trình")
    assert _titles(result) == ["Cuộc thi lập trình Scratch cho học sinh"]
    assert result.items[0].kind == "contest" and result.items[0].url.startswith("/cuoc-thi/")


def test_learning_models_and_guides_answer_what_is_and_how_to(platform):
    Scheme.objects.create(code="cdht", title="Công dân học tập", short_title="Công dân học tập", valid_from=2022,
                          target="citizen")
    what = answer("Công dân học tập là gì?")
    assert what.found and what.items[0].kind == "guide" and "677/QĐ-TTg" in what.text
    assert "scheme" in {item.kind for item in what.items}
    how = answer("lam sao de dang ky tham gia")
    assert how.items[0].kind == "guide" and "Đăng ký" in how.text
    verify = answer("kiem tra giay chung nhan that hay gia")
    assert verify.items[0].url == "/chung-nhan/"


def test_a_units_report_deadline_comes_from_its_parents_published_plan(platform, tree, campaign):
    publish_plan(tree.hanoi, campaign, number="262", issue_date=date(2025, 9, 25), report_due=date(2025, 10, 20))
    result = answer("hạn báo cáo của phường Tây Mỗ")
    assert result.found and "20/10/2025" in result.text and "Tây Mỗ" in result.text
    assert result.items[0].kind == "deadline"
    unset = answer("han bao cao cua xa ya ly")
    assert not unset.found and "Ya Ly" in unset.text
    nameless = answer("hạn báo cáo là ngày nào")
    assert not nameless.found and nameless.suggestions


def test_near_me_uses_the_home_commune_then_the_location_else_asks(platform, tree, make_user):
    platform["activity"](tree.taymo, "digital_skills", "Lớp điện thoại thông minh Tây Mỗ", 1)
    platform["activity"](tree.yaly, "digital_skills", "Lớp điện thoại thông minh Ya Ly", 1)
    asked = answer("lớp kỹ năng số gần tôi")
    assert not asked.found and asked.needs_location
    learner = make_user()
    LearnerProfile.objects.create(user=learner, display_name="Lan", home_commune=tree.yaly)
    home = answer("lớp kỹ năng số gần tôi", user=learner)
    assert _titles(home) == ["Lớp điện thoại thông minh Ya Ly"] and ("near", "Xã Ya Ly") in home.filters
    # Kon Tum, in the Quảng Ngãi of 2025, is nearer Quảng Ngãi's centre than any other.
    located = answer("lớp kỹ năng số gần tôi", location=(14.35, 108.0))
    assert _titles(located) == ["Lớp điện thoại thông minh Ya Ly"]
    abroad = answer("lớp kỹ năng số gần tôi", location=(48.85, 2.35))
    assert abroad.needs_location


def test_a_filter_removed_widens_the_answer(platform, tree):
    platform["activity"](tree.taymo, "digital_skills", "Lớp Excel ở Tây Mỗ", 1)
    platform["activity"](tree.yaly, "digital_skills", "Lớp Excel ở Ya Ly", 2)
    narrow = answer("lớp Excel ở Tây Mỗ")
    assert _titles(narrow) == ["Lớp Excel ở Tây Mỗ"]
    wide = answer("lớp Excel ở Tây Mỗ", drop={"place"})
    assert set(_titles(wide)) == {"Lớp Excel ở Tây Mỗ", "Lớp Excel ở Ya Ly"}
    assert "place" not in {key for key, _label in wide.filters}


def test_the_same_title_in_many_places_is_one_item(platform, tree):
    for unit in (tree.taymo, tree.yaly, tree.school):
        platform["activity"](unit, "digital_skills", "Lớp VNeID mức 2", 3)
    result = answer("lớp VNeID")
    assert _titles(result) == ["Lớp VNeID mức 2"]
    assert "2" in result.items[0].why and "Tìm thấy 3 hoạt động" in result.text


def test_cancelled_activities_and_peoples_names_are_never_answered(platform, tree):
    made = platform["activity"](tree.taymo, "digital_skills", "Lớp bảo mật tài khoản", 2, capacity=10,
                                registration_required=True)
    activity_services.registration_create(session=made.sessions.get(), name="Phạm Hữu Khiêm",
                                          phone="0900111222", group="residents", consent=True)
    assert answer("Phạm Hữu Khiêm").items == []
    assert answer("0900111222").items == []
    activity_services.activity_set_state(actor=None, activity=made, status=Activity.Status.CANCELLED)
    assert "Lớp bảo mật tài khoản" not in _titles(answer("lớp bảo mật tài khoản"))
