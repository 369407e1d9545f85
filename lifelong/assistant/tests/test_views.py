"""The assistant's page and API: answers with removable chips, the structured error for wrong input, hostile input
answered plainly (never a 500, never echoed as markup), rate limits, and nothing private in any answer."""

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.orgs.models import Membership


@pytest.fixture
def classes(tree, campaign):
    tz = timezone.get_current_timezone()
    start = datetime.combine(timezone.localdate() + timedelta(days=2), datetime.min.time(), tzinfo=tz) \
        + timedelta(hours=9)

    def make(unit, title, *, published=True):
        return activity_services.activity_create(
            actor=None, unit=unit, campaign=campaign, published=published,
            data={"category": campaign.categories.get(code="digital_skills"), "title": title},
            sessions=[(start, start + timedelta(hours=2))])

    return [make(tree.taymo, "Lớp Excel Tây Mỗ"), make(tree.yaly, "Lớp Excel Ya Ly"),
            make(tree.taymo, "Lớp Excel nội bộ (nháp)", published=False)]


def test_the_page_answers_and_a_chip_removed_widens_the_answer(client, classes):
    empty = client.get("/tro-ly/")
    assert empty.status_code == 200 and 'for="assistant-q"' in empty.text and 'data-testid="examples"' in empty.text
    page = client.get("/tro-ly/", {"q": "lớp Excel ở Tây Mỗ"})
    assert "Lớp Excel Tây Mỗ" in page.text and "Lớp Excel Ya Ly" not in page.text
    chip = page.context["result"]["filters"][0]
    assert chip["key"] == "place" and chip["name"] == "Nơi"
    wider = client.get("/tro-ly/" + chip["remove_url"])
    assert "Lớp Excel Tây Mỗ" in wider.text and "Lớp Excel Ya Ly" in wider.text
    assert parse_qs(urlparse(chip["remove_url"]).query)["without"] == ["place"]
    assert "Dùng lại mọi bộ lọc" in wider.text


def test_the_api_answers_in_its_documented_shape(client, classes):
    body = client.get("/api/v1/assistant", {"q": "lop excel o ya ly"}).json()
    assert body["found"] is True and body["answer"].startswith("Tìm thấy")
    assert body["filters"][0] == {"key": "place", "label": "Xã Ya Ly"}
    item = body["items"][0]
    assert item["kind"] == "activity" and item["title"] == "Lớp Excel Ya Ly"
    assert item["url"] == f"/activities/{classes[1].pk}/" and item["when"] and item["why"]
    wider = client.get("/api/v1/assistant", {"q": "lop excel o ya ly", "without": ["place", "nonsense"]}).json()
    assert {i["title"] for i in wider["items"]} == {"Lớp Excel Tây Mỗ", "Lớp Excel Ya Ly"}


@pytest.mark.parametrize(("params", "field"), [
    ({}, "q"), ({"q": ""}, "q"), ({"q": "x" * 301}, "q"), ({"q": "lớp", "lat": "21"}, "lon"),
    ({"q": "lớp", "lat": "200", "lon": "105"}, "lat"), ({"q": "lớp", "lat": "abc", "lon": "1"}, "lat"),
])
def test_wrong_api_input_is_the_structured_error(client, params, field):
    response = client.get("/api/v1/assistant", params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error" and field in {d["field"] for d in error["details"]}


HOSTILE = ["<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "???!!!...",
           "%00%27", "\u202e\u200b", "lớp " * 400, "😀🎉", "{{ settings.SECRET_KEY }}", "../../etc/passwd"]


@pytest.mark.parametrize("question", HOSTILE)
def test_hostile_questions_get_a_plain_answer(client, classes, question):
    page = client.get("/tro-ly/", {"q": question, "lat": "x", "without": "<b>"})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    api = client.get("/api/v1/assistant", {"q": question[:300]})
    body = api.json()
    assert (api.status_code == 200 and "answer" in body) or (api.status_code == 422 and "error" in body)


def test_drafts_are_never_answered_even_to_their_editors(client, classes, tree, make_user):
    editor = make_user(tree.taymo, Membership.Role.ADMIN)
    client.force_login(editor)
    for response in (client.get("/tro-ly/", {"q": "lớp Excel"}), client.get("/api/v1/assistant", {"q": "nháp"})):
        assert "Lớp Excel nội bộ (nháp)" not in response.content.decode()


def test_asking_too_fast_is_stopped(client, classes, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "assistant": {"ip": "2/m"}}
    for _ in range(2):
        assert client.get("/api/v1/assistant", {"q": "excel"}).status_code == 200
    assert client.get("/api/v1/assistant", {"q": "excel"}).status_code == 429
    assert client.get("/tro-ly/", {"q": "excel"}).status_code == 429
