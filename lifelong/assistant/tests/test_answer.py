"""Answering from the platform's data: the campaign's facts, activities by time, place, topic, mode and audience,
"chưa tìm thấy" rather than unrelated items, and drafts never shown."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.assistant import lexicon, places
from lifelong.assistant.answer import answer


@pytest.fixture
def week(tree, campaign):
    places._index = None  # a new tree per test
    lexicon.forget()  # and new titles
    today = timezone.localdate()
    tz = timezone.get_current_timezone()

    def make(unit, code, title, days, *, mode="in_person", groups=("residents",), published=True):
        start = datetime.combine(today + timedelta(days=days), datetime.min.time(), tzinfo=tz) + timedelta(hours=8)
        data = {"category": campaign.categories.get(code=code), "title": title, "venue_name": "Nhà văn hóa",
                "mode": mode, "target_groups": list(groups)}
        if mode == "online":
            data["online_url"] = "https://hoc.example.vn/x"
        return activity_services.activity_create(actor=None, unit=unit, campaign=campaign, published=published,
                                                 data=data, sessions=[(start, start + timedelta(hours=2))])

    return {
        "skills_taymo": make(tree.taymo, "digital_skills", "Lớp kỹ năng số cho người cao tuổi", 1),
        "skills_yaly": make(tree.yaly, "digital_skills", "Lớp kỹ năng số: dùng điện thoại an toàn", 2),
        "code_contest": make(tree.yaly, "competition", "Cuộc thi lập trình Scratch cho học sinh", 3,
                             mode="online", groups=("learners",)),
        "reading": make(tree.taymo, "digital_library", "Ngày hội đọc sách", 40),
        "draft": make(tree.taymo, "digital_skills", "Lớp kỹ năng số nháp (chưa công bố)", 1, published=False),
    }


def _titles(result) -> list[str]:
    return [item.title for item in result.items]


def test_activities_by_place_topic_and_time_with_or_without_tone_marks(week):
    for question in ("tuần này ở Tây Mỗ có lớp kỹ năng số nào", "tuan nay o tay mo co lop ky nang so nao"):
        result = answer(question)
        assert result.found and _titles(result) == ["Lớp kỹ năng số cho người cao tuổi"], question
        assert {key for key, _label in result.filters} >= {"place", "topic"}


def test_free_words_rank_and_filters_read_from_colloquial_questions(week):
    result = answer("cuoc thi lap trinh cho hoc sinh")
    assert _titles(result)[0] == "Cuộc thi lập trình Scratch cho học sinh"
    online = answer("có gì học trực tuyến không")
    assert _titles(online) == ["Cuộc thi lập trình Scratch cho học sinh"]
    assert "Ngày hội đọc sách" in _titles(answer("ngày hội đọc sách"))


def test_the_campaigns_own_facts(week, campaign):
    theme = answer("Chủ đề Tuần lễ năm nay là gì?")
    assert theme.found and campaign.theme in theme.text
    dates = answer("tuan le hoc tap suot doi dien ra khi nao")
    assert "01/10/2025" in dates.text and "07/10/2025" in dates.text


@pytest.mark.parametrize("question", ["giá vàng hôm nay", "thời tiết Hà Nội ngày mai", "bitcoin", "", "???",
                                      "<script>alert(1)</script>", "x" * 5000, "lớp nấu ăn ở Đà Nẵng"])
def test_no_answer_is_said_plainly_never_with_unrelated_items(week, question):
    result = answer(question)
    assert not result.found and not result.items and "chưa tìm thấy" in result.text.lower()


def test_drafts_are_never_returned(week):
    for question in ("lop ky nang so", "kỹ năng số ở Tây Mỗ", "nháp chưa công bố"):
        assert "Lớp kỹ năng số nháp (chưa công bố)" not in _titles(answer(question))
