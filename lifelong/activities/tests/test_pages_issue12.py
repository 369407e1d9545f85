"""Issue 12 on the activity pages: where an online activity happens, the ticket's QR code and its
cancellation step, typed dates in the public filters, communes in Vietnamese order."""

import re

from django.urls import reverse

from lifelong.activities import services
from lifelong.activities.tests.conftest import future, sign_up
from lifelong.orgs.models import Membership, OrgUnit
from lifelong.orgs.services import unit_create


def _online(tree, campaign, **extra):
    return services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code="online_learning"), "title": "Học trực tuyến cho người lao động",
              "mode": "online", "online_url": "https://hoc.example.vn/tay-mo", **extra},
        sessions=[(future(4, 19), future(4, 21))])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


OPTION = re.compile(r'<option value="\d*"[^>]*>([^<]+)</option>')


def test_an_online_activity_shows_online_and_its_link_not_the_commune(client, tree, campaign):
    activity = _online(tree, campaign)
    assert activity.commune == tree.taymo  # the services place it in the organiser's commune
    body = client.get(reverse("activity_detail", args=[activity.pk])).content.decode()
    venue = body.split('data-testid="venue">')[1].split("</p>")[0]
    assert _text(venue) == "Trực tuyến · đường dẫn trực tuyến"
    assert 'href="https://hoc.example.vn/tay-mo"' in venue
    card = client.get(reverse("activity_list")).content.decode().split(activity.title)[1].split("</li>")[0]
    assert "Trực tuyến" in card and "Phường Tây Mỗ" not in card and "Thành phố Hà Nội" not in card
    assert _text(card).count("Trực tuyến") == 1


def test_an_in_person_activity_lists_venue_address_and_commune_once(client, tree, campaign, skills):
    services.activity_update(actor=None, activity=skills, lock_version=skills.lock_version,
                             data={"venue_address": "Số 5 ngõ 10, Phường Tây Mỗ"},
                             sessions=[(s.starts_at, s.ends_at) for s in skills.sessions.all()])
    body = client.get(reverse("activity_detail", args=[skills.pk])).content.decode()
    venue = _text(body.split('data-testid="venue">')[1].split("</p>")[0])
    assert venue == "Nhà văn hóa, Số 5 ngõ 10, Phường Tây Mỗ"  # the commune is in the address: not repeated
    hybrid = _online(tree, campaign, mode="hybrid", venue_name="Hội trường UBND phường")
    body = client.get(reverse("activity_detail", args=[hybrid.pk])).content.decode()
    venue = _text(body.split('data-testid="venue">')[1].split("</p>")[0])
    assert venue == "Hội trường UBND phường, Phường Tây Mỗ · Trực tuyến · đường dẫn trực tuyến"


def test_ticket_qr_code_scales_to_its_box_and_cancelling_asks_first(client, skills):
    registration = sign_up(skills)
    body = client.get(reverse("ticket", args=[registration.code])).content.decode()
    svg = body.split('data-testid="qr">')[1].split(">")[0]
    assert re.search(r'viewBox="0 0 \d+ \d+"', svg) and "width=" not in svg and "height=" not in svg
    assert "<title>Mã QR của vé</title>" in body
    # The cancel button is inside a closed <details>: opening it is the confirmation (no script, CSP).
    assert '<details class="danger-zone" data-testid="cancel-zone"><summary>' in body  # closed at first
    zone = body.split('data-testid="cancel-zone"')[1].split("</details>")[0]
    assert 'data-testid="cancel"' in zone and body.count('data-testid="cancel"') == 1


def test_a_date_filter_that_is_not_understood_is_said_and_kept(client, skills):
    page = client.get(reverse("activity_list"), {"from": "31/02/2026"}).content.decode()
    assert 'data-testid="date-filter-error"' in page and 'value="31/02/2026"' in page
    assert "dd/mm/yyyy" in page
    fragment = client.get(reverse("activity_list"), {"to": "tomorrow"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="date-filter-error"' in fragment
    understood = client.get(reverse("activity_list"), {"from": "6.12.2026"}).content.decode()
    assert 'data-testid="date-filter-error"' not in understood and 'value="06/12/2026"' in understood


def test_communes_are_offered_in_vietnamese_order(client, tree, campaign, make_user):
    for name in ("Phường Tương Mai", "Phường Đống Đa", "Phường Dịch Vọng", "Phường Cầu Giấy", "Xã Chương Mỹ",
                 "Phường Hà Đông"):
        unit_create(actor=None, parent=tree.hanoi, name=name, kind=OrgUnit.Kind.COMMUNE)
    expected = ["Phường Cầu Giấy", "Phường Dịch Vọng", "Phường Đống Đa", "Phường Hà Đông", "Phường Tây Mỗ",
                "Phường Tương Mai", "Xã Chương Mỹ"]
    page = client.get(reverse("activity_list"), {"province": tree.hanoi.pk}).content.decode()
    select = page.split('name="commune"')[1].split("</select>")[0]
    assert OPTION.findall(select)[1:] == expected
    provinces = OPTION.findall(page.split('name="province"')[1].split("</select>")[0])[1:]
    assert provinces == ["Thành phố Đà Nẵng", "Thành phố Hà Nội", "Tỉnh Quảng Ngãi"]
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    form = client.get(reverse("activity_create", args=[tree.taymo.pk])).content.decode()
    select = form.split('name="commune"')[1].split("</select>")[0]
    assert [n for n in OPTION.findall(select) if not n.startswith("-")] == expected
