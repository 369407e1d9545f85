"""The pages: who sees what, the answers form (saving and the live level), and the files."""

import io

from openpyxl import load_workbook

from lifelong.recognition import services
from lifelong.recognition.models import Assessment, Decision, Indicator
from lifelong.recognition.tests.helpers import submitted_commune

COMMUNE = "cdht-xa-tt25-2023"


def test_a_unit_opens_answers_and_sees_its_level_as_it_goes(client, tree, people, schemes):
    client.force_login(people.taymo)
    page = client.get(f"/units/{tree.taymo.pk}/recognition/")
    assert page.status_code == 200 and "Cộng đồng học tập cấp xã" in page.content.decode()
    opened = client.post(f"/units/{tree.taymo.pk}/recognition/", {"scheme": schemes[COMMUNE].pk, "year": 2025})
    assessment = Assessment.objects.get(unit=tree.taymo)
    assert opened.status_code == 302 and opened["Location"] == f"/recognition/assessments/{assessment.pk}/"
    page = client.get(f"/recognition/assessments/{assessment.pk}/").content.decode()
    assert "Hạn gửi hồ sơ: 28/02/2026; hạn quyết định công nhận: 31/03/2026." in page  # the scheme's rule
    level_one = {f"met-{i.pk}": "1" for i in Indicator.objects.filter(criterion__scheme=schemes[COMMUNE], level=1)}
    preview = client.post(f"/recognition/assessments/{assessment.pk}/answers/", {**level_one, "preview": "1"})
    assert "Mức độ 1" in preview.content.decode() and 'id="level"' in preview.content.decode()
    assert not Assessment.objects.get(pk=assessment.pk).answers.filter(met=True).exists()  # a preview saves nothing
    autosaved = client.post(f"/recognition/assessments/{assessment.pk}/answers/",
                            {**level_one, "version": assessment.version, "autosave": "1"})
    body = autosaved.content.decode()
    assert autosaved.status_code == 200 and "Đã lưu lúc" in body and "Mức độ 1" in body
    assessment.refresh_from_db()
    assert f'id="answers-version" value="{assessment.version}" hx-swap-oob="true"' in body
    assert 'data-testid="submit-form"' in body  # the submit form appears once a level is reached
    again = client.post(f"/recognition/assessments/{assessment.pk}/answers/",
                        {**level_one, "version": assessment.version - 1, "autosave": "1"})
    assert again.status_code == 200 and 'data-testid="autosave-error"' in again.content.decode()
    saved = client.post(f"/recognition/assessments/{assessment.pk}/answers/",
                        {**level_one, "version": assessment.version, "summary": "Tóm tắt"})
    assert saved.status_code == 302
    stale = client.post(f"/recognition/assessments/{assessment.pk}/answers/", {**level_one, "version": 1})
    assert stale.status_code == 409
    garbage = client.post(f"/recognition/assessments/{assessment.pk}/answers/",
                          {"version": "9" * 40, "met-abc": "1", f"note-{next(iter(level_one))[4:]}": "\x00"})
    assert garbage.status_code in (409, 422)
    submit = client.post(f"/recognition/assessments/{assessment.pk}/submit/", {"level": "1", "version": "x"})
    assert submit.status_code == 302 and Assessment.objects.get(pk=assessment.pk).status == "draft"


def test_a_sibling_gets_not_found_and_anonymous_is_sent_to_log_in(client, tree, people, schemes):
    assessment = services.assessment_open_for_unit(actor=people.taymo, scheme=schemes[COMMUNE], year=2025,
                                                   unit=tree.taymo)
    assert client.get(f"/recognition/assessments/{assessment.pk}/").status_code == 302
    client.force_login(people.yaly)
    for url in (f"/recognition/assessments/{assessment.pk}/", f"/recognition/assessments/{assessment.pk}/report.docx",
                f"/units/{tree.taymo.pk}/recognition/", f"/units/{tree.taymo.pk}/households/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/recognition/assessments/{assessment.pk}/review/",
                       {"action": "accept", "version": 1}).status_code == 404


def test_review_page_files_and_public_pages(client, tree, people, schemes):
    assessment = submitted_commune(people, tree, schemes[COMMUNE])
    client.force_login(people.hanoi)
    queue = client.get(f"/units/{tree.hanoi.pk}/recognition/reviews/?year=2025")
    assert "Phường Tây Mỗ" in queue.content.decode()
    stale = client.post(f"/recognition/assessments/{assessment.pk}/review/",
                        {"action": "accept", "level": 1, "version": assessment.version + 5})
    assert stale.status_code == 302 and Assessment.objects.get(pk=assessment.pk).status == "submitted"
    client.post(f"/recognition/assessments/{assessment.pk}/review/",
                {"action": "accept", "level": 1, "version": assessment.version})
    assert Assessment.objects.get(pk=assessment.pk).status == "accepted"
    prepared = client.post(f"/units/{tree.hanoi.pk}/recognition/decision/", {"scheme": schemes[COMMUNE].pk,
                                                                              "year": 2025})
    decision_url = prepared["Location"]
    version = Decision.objects.get(authority=tree.hanoi).version
    form = {"number": "12", "symbol": "QĐ-UBND", "issued_on": "20/03/2026", "signer_title": "CHỦ TỊCH",
            "signer_name": "", "issue": "1"}
    assert client.post(decision_url, {**form, "version": version - 1}).status_code == 400  # read before the list
    issued = client.post(decision_url, {**form, "version": version})
    assert issued.status_code == 302 and Assessment.objects.get(pk=assessment.pk).status == "recognised"
    docx = client.get(decision_url + "decision.docx")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats") and docx.content[:2] == b"PK"
    client.logout()
    unit_page = client.get(f"/units/{tree.taymo.pk}/").content.decode()
    assert "Cộng đồng học tập cấp xã 2025" in unit_page and "12/QĐ-UBND" in unit_page
    rates_page = client.get(f"/units/{tree.ministry.pk}/recognition/rates/?year=2025")
    assert rates_page.status_code == 200 and "50.0%" in rates_page.content.decode().replace(",", ".")
    sheet = load_workbook(io.BytesIO(client.get(f"/units/{tree.ministry.pk}/recognition/rates/?year=2025&format=xlsx")
                                     .content)).active
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Cộng đồng học tập cấp xã")
    assert row[2:6] == (2, 1, 1, 1)
    assert client.get("/recognition/").status_code == 200
    assert client.get(f"/recognition/schemes/{schemes[COMMUNE].pk}/").status_code == 200
