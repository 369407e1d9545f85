import io
from datetime import date
from html.parser import HTMLParser

import docx
import pytest
from django.urls import reverse

from lifelong.orgs.models import Membership
from lifelong.plans import services
from lifelong.plans.models import Plan
from lifelong.plans.tests.helpers import posted_plan_form

Role = Membership.Role


def _edit_payload(client, plan, **changes):
    """The edit form as the browser would post it, with some fields changed."""
    page = client.get(reverse("plan_edit", args=[plan.pk]))
    assert page.status_code == 200
    return posted_plan_form(page, **changes)


def test_derive_edit_publish_download(client, tree, campaign, hanoi_plan, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    response = client.post(reverse("plan_derive", args=[tree.taymo.pk]), {"campaign": campaign.pk})
    plan = Plan.objects.get(unit=tree.taymo)
    assert response.status_code == 302 and response.url == reverse("plan_edit", args=[plan.pk])

    data = _edit_payload(client, plan, opening_venue="Trường THCS Nguyễn Quý Đức", opening_date="01/10/2025",
                         report_due="15/10/2025", publish="1")
    response = client.post(reverse("plan_edit", args=[plan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan.refresh_from_db()
    assert plan.status == Plan.Status.PUBLISHED
    assert plan.opening_venue == "Trường THCS Nguyễn Quý Đức" and plan.opening_date == date(2025, 10, 1)
    assert plan.legal_bases.count() == 2 and plan.activities.count() == 2  # nothing lost through the form

    document = client.get(reverse("plan_document", args=[plan.pk]))
    assert document.status_code == 200
    assert document["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(document.content)).paragraphs)
    assert "Trường THCS Nguyễn Quý Đức" in text
    assert "Thực hiện Kế hoạch số 262/KH-UBND ngày 25/9/2025 của Ủy ban nhân dân Thành phố Hà Nội" in text


def test_publishing_a_late_deadline_is_refused_with_both_dates(client, tree, campaign, hanoi_plan, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    plan = services.plan_derive(actor=None, unit=tree.taymo, campaign=campaign)
    data = _edit_payload(client, plan, report_due="20/10/2025", publish="1")
    response = client.post(reverse("plan_edit", args=[plan.pk]), data, follow=True)
    page = response.content.decode()
    assert "20/10/2025" in page and "17/10/2025" in page and "ít nhất một ngày làm việc" in page
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT and plan.report_due == date(2025, 10, 20)


def test_two_sessions_editing_one_draft(client, tree, campaign, make_user):
    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    first = _edit_payload(client, plan, opening_venue="Nhà văn hóa phường")
    second = _edit_payload(client, plan, opening_venue="Sân trường")
    assert client.post(reverse("plan_edit", args=[plan.pk]), first).status_code == 302
    response = client.post(reverse("plan_edit", args=[plan.pk]), second)
    assert response.status_code == 409
    assert "Người khác đã sửa" in response.content.decode()
    plan.refresh_from_db()
    assert plan.opening_venue == "Nhà văn hóa phường"


def test_form_errors_are_shown_in_vietnamese_and_nothing_saved(client, tree, campaign, make_user):
    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    data = _edit_payload(client, plan, report_due="31/02/2025", opening_venue="Không được lưu")
    response = client.post(reverse("plan_edit", args=[plan.pk]), data)
    assert response.status_code == 400
    assert "Hãy viết ngày theo dạng dd/mm/yyyy" in response.content.decode()
    assert 'value="31/02/2025"' in response.content.decode()  # what was typed stays in the field
    plan.refresh_from_db()
    assert plan.opening_venue == ""


@pytest.mark.parametrize(("role", "unit_attr", "status"), [
    (Role.VIEWER, "taymo", 403), (Role.EDITOR, "yaly", 404), (None, None, 302)])
def test_who_cannot_edit_a_draft(client, tree, campaign, make_user, role, unit_attr, status):
    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    if role is not None:
        client.force_login(make_user(getattr(tree, unit_attr), role))
    assert client.get(reverse("plan_edit", args=[plan.pk])).status_code == status
    response = client.post(reverse("plan_publish", args=[plan.pk]), {"lock_version": plan.lock_version})
    assert response.status_code in (302, 403, 404)
    assert Plan.objects.get(pk=plan.pk).status == Plan.Status.DRAFT


def test_unit_plans_page_offers_derive_only_to_editors(client, tree, campaign, hanoi_plan, make_user):
    url = reverse("unit_plans", args=[tree.taymo.pk]) + f"?campaign={campaign.pk}"
    assert b'data-testid="derive"' not in client.get(url).content
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    assert b'data-testid="derive"' in client.get(url).content


def test_changes_page_shows_what_the_child_changed(client, tree, campaign, hanoi_plan):
    plan = services.plan_derive(actor=None, unit=tree.taymo, campaign=campaign)
    plan = services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version,
                                fields={"purposes": "Nâng cao nhận thức của người dân phường Tây Mỗ."})
    services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version)
    response = client.get(reverse("plan_changes", args=[plan.pk]) + "?against=parent")
    sections = {s.key: s for s in response.context["sections"]}
    assert sections["purposes"].changed and not sections["theme"].changed
    assert "<ins>" in sections["purposes"].html and "phường Tây Mỗ" in sections["purposes"].html
    assert sections["legal_bases"].changed  # the parent's plan is now cited
    # the header is compared too: this is the ward's document, not the city's
    assert sections["header"].changed and not sections["signature"].changed
    header = _diff_texts(response.content.decode())["header"].split("\n")
    assert "Tên cơ quan ban hành: ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI PHƯỜNG TÂY MỖ" in header
    assert "Tên cơ quan chủ quản: — UBND THÀNH PHỐ HÀ NỘI" in header
    assert "Số: 262 —" in header and "Địa danh: Hà Nội Tây Mỗ" in header


class _DiffText(HTMLParser):
    """The text of each section's diff as a copy-paste or a screen reader gives it: tags dropped, <br> a line break."""

    def __init__(self):
        super().__init__()
        self.texts: dict[str, str] = {}
        self._section = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-section" in attrs:
            self._section = attrs["data-section"]
            self.texts[self._section] = ""
        elif tag == "div" and self._section and "diff" in (attrs.get("class") or "").split():
            self._depth = 1
        elif tag == "div" and self._depth:
            self._depth += 1
        elif tag == "br" and self._depth:
            self.texts[self._section] += "\n"

    def handle_endtag(self, tag):
        if tag == "div" and self._depth:
            self._depth -= 1
        elif tag == "section":
            self._section = None

    def handle_data(self, data):
        if self._depth:
            self.texts[self._section] += data


def _diff_texts(html: str) -> dict[str, str]:
    parser = _DiffText()
    parser.feed(html)
    return parser.texts


def test_version_changes_show_the_header_and_keep_words_apart(client, tree, campaign, hanoi_plan, make_user):
    draft = services.plan_revise(actor=None, plan=hanoi_plan)
    draft = services.plan_update(actor=None, plan=draft, lock_version=draft.lock_version, fields={
        "number": "263", "issue_date": date(2025, 9, 26), "signer_name": "Nguyễn Văn An",
        "signature_mode": "KT.", "title": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026"})
    services.plan_publish(actor=None, plan=draft, lock_version=draft.lock_version)
    client.force_login(make_user(tree.hanoi, Role.VIEWER))
    response = client.get(reverse("plan_changes", args=[draft.pk]) + "?against=previous")
    assert response.status_code == 200
    sections = {s.key: s for s in response.context["sections"]}
    assert sections["header"].changed and sections["signature"].changed and sections["title"].changed
    assert not sections["purposes"].changed
    texts = _diff_texts(response.content.decode())
    # a removed word and the added one stay two words once the markup is gone
    assert texts["title"].endswith("năm 2025 2026") and "20252026" not in texts["title"]
    header = texts["header"].split("\n")
    assert "Số: 262 263" in header and "Ngày ban hành: 25/09/2025 26/09/2025" in header
    assert "Ký hiệu: KH-UBND" in header  # unchanged lines stay as they are
    signature = texts["signature"].split("\n")
    assert "Họ tên người ký: — Nguyễn Văn An" in signature
    assert "Thẩm quyền ký: TM. KT." in signature
    html = sections["header"].html
    assert "<del>262</del> <ins>263</ins>" in html and "<del>25/09/2025</del> <ins>26/09/2025</ins>" in html


def test_coverage_page_and_api(client, tree, campaign, hanoi_plan):
    from lifelong.plans.tests.helpers import publish_plan

    publish_plan(tree.soyte, campaign, report_due=date(2025, 10, 10))
    page = client.get(reverse("plan_coverage", args=[tree.hanoi.pk]) + f"?campaign={campaign.pk}")
    rows = {r.unit.name: r.status for r in page.context["coverage"].children}
    assert rows == {"Sở Y tế Hà Nội": "published", "Phường Tây Mỗ": "none"}
    data = client.get(f"/api/v1/units/{tree.ministry.pk}/coverage", {"campaign": campaign.pk}).json()
    hanoi = next(c for c in data["children"] if c["name"] == "Thành phố Hà Nội")
    assert hanoi["status"] == "published" and hanoi["subtree"]["published"] == 1
    assert data["levels"][0] == {"depth_below": 1, "counts": {"published": 1, "draft": 0, "none": 2, "total": 3}}


def test_a_bad_date_in_a_legal_basis_row_is_listed_at_the_top(client, tree, campaign, make_user):
    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    data = _edit_payload(client, plan)
    data.update({"lb-TOTAL_FORMS": "1", "lb-0-intro": "Căn cứ", "lb-0-kind": "Luật", "lb-0-date": "32/13/2019"})
    response = client.post(reverse("plan_edit", args=[plan.pk]), data)
    text = response.content.decode()
    assert response.status_code == 400
    summary = text[text.index('data-testid="error-summary"'):]
    assert summary.index('href="#id_lb-0-date"') < summary.index("</div>")  # in the summary at the top
    assert "Hãy viết ngày theo dạng dd/mm/yyyy" in summary
    # A law of 1998 may be cited (legal bases go back to 1945); the plan's own dates may not.
    data["lb-0-date"] = "14/06/2005"
    assert client.post(reverse("plan_edit", args=[plan.pk]), data).status_code == 302
