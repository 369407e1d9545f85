"""Issue 12: no English enum value, English choice label or category code in the visible text of the
organisation, activity and campaign pages, seen in Vietnamese by users like the demo's ("taymo": admin of
Phường Tây Mỗ; "bo": the Ministry). Reports and plans have their own pages and checks."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from lifelong.activities import services as activity_services
from lifelong.activities.models import Activity, Registration, TargetGroup
from lifelong.activities.tests.conftest import future, sign_up
from lifelong.campaigns.models import DEFAULT_CATEGORIES
from lifelong.orgs.models import Membership, OrgUnit

ENUMS = [OrgUnit.Kind, Membership.Role, Activity.Mode, Activity.Status, Registration.Status, TargetGroup]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def english_words() -> set[str]:
    """Stored values (digital_skills, in_person, cancelled ...) and the English labels of every choice."""
    words = {code for code, *_rest in DEFAULT_CATEGORIES} | {name_en for *_rest, name_en in DEFAULT_CATEGORIES}
    with translation.override("en"):
        for enum in ENUMS:
            words |= {str(value) for value in enum.values} | {str(label) for label in enum.labels}
    return {word.lower() for word in words}


class VisibleText(HTMLParser):
    """Text a person sees or hears: element text and the placeholder/aria-label/title/alt attributes.
    Left out: scripts and styles, <code> (identifiers to type, such as a category code in the editors'
    panel), hidden elements, and elements marked as another language (lang="en": the EN switch)."""

    SKIP = {"script", "style", "code", "template"}

    def __init__(self):
        super().__init__()
        self.parts, self.stack = [], []

    def _skipping(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = tag in self.SKIP or "hidden" in attrs or (attrs.get("lang") or "vi")[:2] != "vi"
        if not (skip or self._skipping()):
            self.parts += [v for k, v in attrs.items() if k in ("placeholder", "aria-label", "title", "alt") and v]
        if tag not in VOID:
            self.stack.append(skip)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def english_in(html: str) -> list[str]:
    text = visible_text(html)
    return sorted(w for w in english_words() if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.I))


@pytest.fixture
def pages(tree, campaign, skills, make_user):
    online = activity_services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code="online_learning"), "title": "Học trực tuyến buổi tối",
              "mode": "online", "online_url": "https://hoc.example.vn/tay-mo", "target_groups": ["officials"]},
        sessions=[(future(5, 19), future(5, 21))])
    ticket = sign_up(skills, "Nguyễn Thị Mai", "0912000111", group="learners")
    sign_up(skills, "Trần Văn Bình", "0912000222", group="officials")
    sign_up(skills, "Lê Văn Cường", "0912000333")  # on the waiting list (2 places)
    session = skills.sessions.get()
    taymo = make_user(tree.taymo, Membership.Role.ADMIN, username="taymo")
    bo = make_user(tree.ministry, Membership.Role.ADMIN, username="bo")
    as_taymo = [
        reverse("unit_browser"), reverse("unit_browser") + "?q=tay+mo", reverse("unit_browser") + "?kind=commune",
        reverse("unit_detail", args=[tree.taymo.pk]), reverse("unit_detail", args=[tree.hanoi.pk]),
        reverse("unit_members", args=[tree.taymo.pk]), reverse("unit_edit", args=[tree.school.pk]),
        reverse("unit_import", args=[tree.taymo.pk]), reverse("account"),
        reverse("activity_list"), reverse("activity_list") + f"?province={tree.hanoi.pk}&mode=online",
        reverse("activity_calendar"), reverse("activity_detail", args=[skills.pk]),
        reverse("activity_detail", args=[online.pk]), reverse("unit_activities", args=[tree.taymo.pk]),
        reverse("activity_create", args=[tree.taymo.pk]), reverse("activity_edit", args=[skills.pk]),
        reverse("session_registrations", args=[session.pk]), reverse("check_in", args=[session.pk]),
        reverse("activity_import", args=[tree.taymo.pk]), reverse("ticket", args=[ticket.code]),
        reverse("campaign_list"), reverse("campaign_detail", args=[campaign.pk]),
    ]
    as_bo = [reverse("campaign_detail", args=[campaign.pk]), reverse("campaign_edit", args=[campaign.pk]),
             reverse("campaign_create"), reverse("unit_detail", args=[tree.ministry.pk])]
    return [(taymo, url) for url in as_taymo] + [(bo, url) for url in as_bo]


def test_the_check_sees_what_it_looks_for():
    page = ('<p>Trực tuyến <small>in_person</small> <span title="Cancelled">x</span> <code>digital_skills</code>'
            '<button lang="en">EN</button><span hidden>Residents</span> Digital-skills training</p>')
    assert english_in(page) == ["cancelled", "digital-skills training", "in_person"]


def test_pages_in_vietnamese_show_no_english_value_or_label(client, pages):
    found = {}
    for user, url in pages:
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count('<html lang="vi">') == 1, url
        if words := english_in(response.content.decode()):
            found[url] = words
    assert found == {}


def test_a_refused_form_in_vietnamese_shows_no_english_either(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Membership.Role.ADMIN))
    response = client.post(reverse("activity_create", args=[tree.taymo.pk]), {"mode": "online", "day_1": "6/12/26"})
    assert response.status_code == 400
    assert english_in(response.content.decode()) == []
    assert "Write" not in visible_text(response.content.decode())  # the new date messages are translated
