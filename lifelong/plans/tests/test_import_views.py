"""The plan import page (issue 6): upload, review beside the source passages, save as the unit's draft or as
the published plan of a parent that is not on the platform (which the derive action then uses)."""

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lifelong.orgs.models import Membership, OrgUnit
from lifelong.orgs.services import unit_create
from lifelong.plans import services
from lifelong.plans.models import Plan
from lifelong.plans.tests.helpers import posted_plan_form

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
TAY_MO = next(SEEDS.glob("002_*.txt"))
SO_Y_TE = next(SEEDS.glob("003_*.txt"))
HANOI_SUMMARY = next(SEEDS.glob("000_*.txt"))


def _upload(client, unit, path: Path, name: str | None = None):
    return client.post(reverse("plan_import", args=[unit.pk]),
                       {"file": SimpleUploadedFile(name or path.name, path.read_bytes())})


def _review_payload(page, **changes) -> dict:
    """The review form as a browser would post it back unchanged, with some fields changed."""
    return posted_plan_form(page, **changes)


@pytest.fixture
def taymo_editor(client, tree, campaign, make_user):
    user = make_user(tree.taymo, Membership.Role.EDITOR)
    client.force_login(user)
    return user


def test_review_page_shows_each_field_beside_its_passage_and_marks_uncertain_ones(client, tree, taymo_editor):
    page = _upload(client, tree.taymo, TAY_MO)
    assert page.status_code == 200
    html = page.content.decode()
    form = page.context["form"]
    assert form["theme"].value().startswith("Học để phát triển bản thân")
    assert form["symbol"].value() == "KH-UBND" and not form["number"].value()
    assert form["week_start"].value() == date(2025, 10, 1)
    assert page.context["sources"]["theme"]["passage"].startswith("“Học để phát triển bản thân")
    assert 'data-testid="source-theme"' in html
    # The day of the issue date is blank in the document: empty and marked, with the passage shown.
    assert 'data-testid="check-issue_date"' in html and not form["issue_date"].value()
    assert "tháng 9 năm 2025" in page.context["sources"]["issue_date"]["passage"]
    assert 'data-testid="check-theme"' not in html
    assert Plan.objects.count() == 0  # reading saves nothing


def test_saving_makes_the_units_draft_with_what_was_read_and_corrected(client, tree, campaign, taymo_editor):
    page = _upload(client, tree.taymo, TAY_MO)
    response = client.post(reverse("plan_import", args=[tree.taymo.pk]),
                           _review_payload(page, target="own", number="41", issue_date="26/09/2025"))
    plan = Plan.objects.get(unit=tree.taymo)
    assert response.status_code == 302 and response["Location"] == reverse("plan_edit", args=[plan.pk])
    assert plan.status == Plan.Status.DRAFT and plan.campaign == campaign
    assert (plan.number, plan.symbol, plan.issue_date) == ("41", "KH-UBND", date(2025, 9, 26))
    assert plan.theme.startswith("Học để phát triển bản thân") and plan.opening_venue == "Trường THCS Nguyễn Quý Đức"
    assert (plan.week_start, plan.week_end, plan.report_due) == (date(2025, 10, 1), date(2025, 10, 7),
                                                                 date(2025, 10, 15))
    assert [b.number for b in plan.legal_bases.all()] == ["1373/QĐ-TTg", "1315/QĐ-TTg", "5607/BGDĐT-GDNNGDTX",
                                                          "52/KH-UBND", "262/KH-UBND"]
    assert sorted(a.category.code for a in plan.activities.all()) == sorted(
        ["opening", "awareness", "digital_skills", "online_learning", "digital_library", "competition", "career"])
    assert [a.assignee for a in plan.assignments.all()][0] == "Phòng Văn hoá - Xã hội"
    assert plan.signer_name == "Nguyễn Mạnh Hùng" and plan.recipients.splitlines()[-1] == "Lưu: VT, VHXH"


def test_parent_off_the_platform_is_recorded_and_the_child_derives_from_it(client, tree, campaign, make_user):
    soyte_school = unit_create(actor=None, parent=tree.soyte, name="Bệnh viện Đa khoa Hà Đông",
                               kind=OrgUnit.Kind.AGENCY)
    client.force_login(make_user(soyte_school, Membership.Role.EDITOR))
    page = _upload(client, soyte_school, SO_Y_TE)
    assert [value for value, _ in page.context["form"].fields["target"].choices] == ["own", "parent"]
    response = client.post(reverse("plan_import", args=[soyte_school.pk]),
                           _review_payload(page, target="parent"))
    assert response.status_code == 302
    parent_plan = Plan.objects.get(unit=tree.soyte)
    assert parent_plan.status == Plan.Status.PUBLISHED and parent_plan.report_due == date(2025, 10, 10)
    assert parent_plan.signature_mode == "KT." and parent_plan.signer_name == "Nguyễn Đình Hưng"
    derived = services.plan_derive(actor=None, unit=soyte_school, campaign=campaign)
    assert derived.derived_from == parent_plan and derived.theme == parent_plan.theme
    assert derived.legal_bases.filter(source_plan=parent_plan).exists()


def test_parent_on_the_platform_cannot_be_recorded_by_a_child(client, tree, campaign, taymo_editor, make_user):
    make_user(tree.hanoi, Membership.Role.EDITOR)  # Hà Nội works on the platform
    page = _upload(client, tree.taymo, HANOI_SUMMARY)
    assert [value for value, _ in page.context["form"].fields["target"].choices] == ["own"]
    response = client.post(reverse("plan_import", args=[tree.taymo.pk]), _review_payload(page, target="parent"))
    assert response.status_code == 400 and "target" in response.context["form"].errors
    assert Plan.objects.count() == 0


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"", "plan.txt", "rỗng"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "ke-hoach.doc", ".docx"),
    (b"%PDF-1.4\n%%EOF", "scan.pdf", "PDF"),
    (b"\x00\x01\x02\x03" * 500, "plan.txt", "văn bản"),
])
def test_bad_files_get_a_vietnamese_message_and_create_nothing(client, tree, taymo_editor, content, name, message):
    response = client.post(reverse("plan_import", args=[tree.taymo.pk]),
                           {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in " ".join(response.context["upload"].errors["file"])
    assert Plan.objects.count() == 0


def test_tampered_review_page_saves_nothing(client, tree, taymo_editor):
    page = _upload(client, tree.taymo, TAY_MO)
    payload = _review_payload(page, target="own")
    payload["reading"] = payload["reading"][:-3] + "abc"
    response = client.post(reverse("plan_import", args=[tree.taymo.pk]), payload)
    assert response.status_code == 302 and response["Location"] == reverse("plan_import", args=[tree.taymo.pk])
    assert Plan.objects.count() == 0


def test_only_editors_of_the_unit_may_import(client, tree, campaign, make_user):
    url = reverse("plan_import", args=[tree.taymo.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user(tree.yaly, Membership.Role.EDITOR))
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": SimpleUploadedFile("p.txt", TAY_MO.read_bytes())}).status_code == 403
    client.force_login(make_user(tree.taymo, Membership.Role.VIEWER))
    assert client.get(url).status_code == 403


def test_a_unit_with_a_draft_already_gets_a_message(client, tree, campaign, taymo_editor):
    services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    page = _upload(client, tree.taymo, TAY_MO)
    response = client.post(reverse("plan_import", args=[tree.taymo.pk]), _review_payload(page, target="own"))
    assert response.status_code == 400 and response.context["form"].non_field_errors()
    assert Plan.objects.filter(unit=tree.taymo).count() == 1


@pytest.mark.parametrize("as_parent_plan", [False, True])
def test_a_refused_save_leaves_no_half_written_plan(tree, campaign, make_user, as_parent_plan):
    from lifelong.core.errors import ValidationFailed

    editor = make_user(tree.yaly_village, Membership.Role.EDITOR) if as_parent_plan else make_user(
        tree.taymo, Membership.Role.EDITOR)
    unit = tree.yaly_village if as_parent_plan else tree.taymo
    with pytest.raises(ValidationFailed):
        services.plan_import(
            actor=editor, unit=unit, campaign=campaign, as_parent_plan=as_parent_plan,
            fields={"doc_kind": "plan", "theme": "Học tập suốt đời"}, activities=[],
            legal_bases=[{"intro": "Căn cứ", "kind": "", "number": "1/KH"}],  # a legal basis needs its kind
            assignments=[])
    assert Plan.objects.count() == 0


def test_a_text_that_is_not_a_document_about_the_campaign_is_refused_unless_confirmed(client, tree, taymo_editor):
    """A new user fed the platform its own README (issue 19): refused with a message, read only once confirmed."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_bytes()
    url = reverse("plan_import", args=[tree.taymo.pk])
    refused = client.post(url, {"file": SimpleUploadedFile("README.md.txt", readme)})
    assert refused.status_code == 400 and "reading" not in refused.context
    message = " ".join(refused.context["upload"].errors["file"])
    assert "không nhận ra" in message.lower() and "Vẫn đọc tệp này" in message
    assert 'data-testid="read-anyway"' in refused.content.decode()
    recipe = "Cách nấu phở bò: ninh xương 8 tiếng, thêm quế, hồi, gừng nướng.".encode()
    assert client.post(url, {"file": SimpleUploadedFile("pho.txt", recipe)}).status_code == 400
    confirmed = client.post(url, {"file": SimpleUploadedFile("README.md.txt", readme), "read_anyway": "on"})
    assert confirmed.status_code == 200 and "reading" in confirmed.context
    assert client.post(url, {"file": SimpleUploadedFile(TAY_MO.name, TAY_MO.read_bytes())}).status_code == 200
    assert Plan.objects.count() == 0  # nothing is saved before the review page
