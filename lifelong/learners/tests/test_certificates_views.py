"""The certificate pages and who may do what: the public verification page (never a phone or e-mail, the
name only if the holder chose), its 404 and rate limit, downloads for the holder and the organisers only,
issuing and revoking from the organisers' pages."""

import io
import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from lifelong.learners import certificates
from lifelong.learners.models import Certificate
from lifelong.learners.tests import certificate_helpers

attended = certificate_helpers.attended  # a fixture
signing_key = certificate_helpers.signing_key  # a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(attended):
    certificates.certificates_issue(actor=attended.editor, activity=attended.activity)
    return Certificate.objects.get(registration=attended.an)


def page(client, certificate, user=None):
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("certificate_verify", args=[certificate.code]))
    assert response.status_code == 200
    return response.content.decode()


# The public verification page

def test_anyone_sees_that_it_is_valid_and_what_it_certifies_but_not_the_name(client, issued, attended):
    html = page(client, issued)
    assert "Còn hiệu lực" in html and issued.code in html
    assert attended.activity.title in html.replace("&quot;", '"') or "Học tập suốt đời trong kỷ nguyên số" in html
    assert "Phường Tây Mỗ" in html and "Tuần lễ hưởng ứng học tập suốt đời năm 2025" in html
    assert "Nguyễn Văn An" not in html and "Không hiển thị" in html
    for personal in ("0912000001", "an.learner", "@example.vn", "Trần Thị Bình"):
        assert personal not in html
    assert "csrfmiddlewaretoken" not in html  # nothing to post for a visitor


def test_the_name_shows_only_when_the_holder_chose_it(client, issued, attended):
    certificates.certificate_set_show_name(actor=attended.learner, certificate=issued, show=True)
    html = page(client, issued)
    assert "Nguyễn Văn An" in html
    assert "0912000001" not in html and "@example.vn" not in html


def test_the_holder_toggles_the_name_from_the_page(client, issued, attended):
    html = page(client, issued, attended.learner)
    assert 'data-testid="show-name"' in html and 'data-testid="download-pdf"' in html
    url = reverse("certificate_show_name", args=[issued.code])
    assert client.post(url, {"show": "1"}).status_code == 302
    issued.refresh_from_db()
    assert issued.show_name
    client.force_login(attended.stranger)
    assert client.post(url, {"show": "0"}).status_code == 403
    issued.refresh_from_db()
    assert issued.show_name


def test_a_revoked_certificate_says_when_not_why(client, issued, attended):
    certificates.certificate_revoke(actor=attended.editor, certificate=issued, reason="Người này không dự")
    issued.refresh_from_db()
    html = page(client, issued)
    assert "Đã thu hồi ngày" in html and issued.revoked_at.astimezone().strftime("%d/%m/%Y") in html
    assert "không dự" not in html
    client.force_login(attended.learner)  # the holder is told why
    assert "không dự" in client.get(reverse("certificate_verify", args=[issued.code])).content.decode()


def test_a_typed_code_is_found_in_any_case_and_an_unknown_or_forged_one_is_not(client, issued):
    typed = issued.code.lower().replace("-", "")
    assert client.get(reverse("certificate_verify", args=[typed])).status_code == 200
    lookup = client.get(reverse("certificate_lookup"), {"code": f" {typed} "})
    assert lookup.status_code == 302 and lookup["Location"] == reverse("certificate_verify", args=[issued.code])
    forged = issued.code[:-1] + ("A" if issued.code[-1] != "A" else "B")
    for code in (forged, "GCN-0000-0000-00000", "x" * 300, "%E2%80%AE", "GCN-ÀÀÀÀ"):
        response = client.get(f"/chung-nhan/{code}/")
        assert response.status_code == 404
        assert "Không tìm thấy giấy chứng nhận" in response.content.decode()
    assert client.get(reverse("certificate_lookup"), {"code": forged}).status_code == 404
    assert client.get(reverse("certificate_lookup"), {"code": "a" * 5000}).status_code == 200  # form error
    assert client.get(reverse("certificate_lookup")).status_code == 200


def test_lookups_are_rate_limited(client, issued, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "certificate": {"ip": "3/m"}}
    for _ in range(3):
        assert client.get(f"/chung-nhan/{issued.code}/").status_code == 200
    refused = client.get(f"/chung-nhan/{issued.code}/")
    assert refused.status_code == 429 and refused["Retry-After"]
    assert client.get(f"/chung-nhan/{issued.code}/trang-thai.json").status_code == 429


# Downloads

def test_the_holder_and_the_organisers_download_nobody_else(client, issued, attended, make_user, tree):
    pdf_url = reverse("certificate_pdf", args=[issued.code])
    jwt_url = reverse("certificate_credential_jwt", args=[issued.code])
    json_url = reverse("certificate_credential_json", args=[issued.code])
    anonymous = client.get(pdf_url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    for user in (attended.stranger, attended.viewer, attended.elsewhere):
        client.force_login(user)
        for url in (pdf_url, jwt_url, json_url):
            assert client.get(url).status_code == 404, (user, url)
    for user in (attended.learner, attended.editor):
        client.force_login(user)
        pdf = client.get(pdf_url)
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert "attachment" in pdf["Content-Disposition"] and pdf["Cache-Control"] == "private, no-store"
        assert "Nguyễn Văn An" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
        jwt = client.get(jwt_url)
        assert jwt.status_code == 200 and jwt.content.decode() == issued.credential
        document = json.loads(client.get(json_url).content)
        assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"] and "iss" not in document
    # Bình has no account: her certificate is for the organisers, and not for An.
    client.force_login(attended.learner)
    binh = Certificate.objects.get(registration=attended.binh)
    assert client.get(reverse("certificate_pdf", args=[binh.code])).status_code == 404
    assert client.get(reverse("certificate_pdf", args=["GCN-0000-0000-00000"])).status_code == 404


def test_the_pdf_qr_code_points_at_the_host_that_served_it(client, issued, attended):
    client.force_login(attended.learner)
    response = client.get(reverse("certificate_pdf", args=[issued.code]))
    text = " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert f"http://testserver/chung-nhan/{issued.code}/" in text


# Organisers' pages

def test_issue_from_the_session_registrations_page(client, attended):
    client.force_login(attended.editor)
    registrations = reverse("session_registrations", args=[attended.first.pk])
    html = client.get(registrations).content.decode()
    assert 'data-testid="issue-checked-in"' in html
    assert f'data-testid="choose-{attended.an.pk}"' in html and f'data-testid="choose-{attended.chi.pk}"' not in html
    url = reverse("session_certificates_issue", args=[attended.first.pk])
    response = client.post(url, {"scope": "chosen", "registration": [str(attended.an.pk), "x", "9" * 40]},
                           follow=True)
    assert "Đã cấp 1 giấy chứng nhận" in response.content.decode()
    assert list(Certificate.objects.values_list("holder_name", flat=True)) == ["Nguyễn Văn An"]
    client.post(url, {"scope": "checked_in"})
    assert Certificate.objects.count() == 2  # An and Bình, not Én of the other session
    html = client.get(registrations).content.decode()
    an = Certificate.objects.get(registration=attended.an)
    assert f'data-testid="certificate-{attended.an.pk}"' in html and an.code in html
    # Revoke from the row, with a reason; back to the same page.
    revoke = reverse("certificate_revoke", args=[an.code])
    response = client.post(revoke, {"reason": "Nhầm người", "next": registrations})
    assert response.status_code == 302 and response["Location"] == registrations
    an.refresh_from_db()
    assert not an.valid
    assert client.post(revoke, {"reason": "", "next": "https://evil.example/"}).status_code == 302


def test_only_the_organising_unit_s_editors_issue_revoke_and_list(client, issued, attended):
    urls = [reverse("session_certificates_issue", args=[attended.first.pk]),
            reverse("activity_certificates", args=[attended.activity.pk])]
    revoke = reverse("certificate_revoke", args=[issued.code])
    for user in (attended.viewer, attended.elsewhere, attended.learner, attended.stranger):
        client.force_login(user)
        for url in urls:
            assert client.post(url, {"scope": "checked_in"}).status_code in (403, 404), (user, url)
        assert client.get(urls[1]).status_code in (403, 404)
        assert client.post(revoke, {"reason": "Thử"}).status_code == 403
        assert client.post(revoke, {"reason": ""}).status_code == 403
    issued.refresh_from_db()
    assert issued.valid
    client.logout()
    assert client.post(urls[0]).status_code == 302  # to the login page
    assert client.get(reverse("session_certificates_issue", args=[attended.first.pk])).status_code in (302, 405)


def test_the_activity_certificates_page_and_the_organiser_panel(client, attended):
    client.force_login(attended.editor)
    url = reverse("activity_certificates", args=[attended.activity.pk])
    assert "Chưa có giấy chứng nhận" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    html = response.content.decode()
    assert "Đã cấp 3 giấy chứng nhận" in html and "Nguyễn Văn An" in html and "Hoàng Thị Én" in html
    panel = client.get(reverse("activity_detail", args=[attended.activity.pk])).content.decode()
    assert 'data-testid="certificate-panel"' in panel and "3 cho hoạt động này" in panel
    client.force_login(attended.viewer)  # a viewer does not see the organiser panel at all
    assert 'data-testid="certificate-panel"' not in client.get(
        reverse("activity_detail", args=[attended.activity.pk])).content.decode()
    client.logout()
    public = client.get(reverse("activity_detail", args=[attended.activity.pk])).content.decode()
    assert "certificate-panel" not in public and "GCN-" not in public


def test_no_inline_script_or_style_in_the_certificate_templates():
    folder = Path(__file__).resolve().parents[1] / "templates" / "learners" / "certificates"
    for template in folder.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "<script" not in text and "<style" not in text and "style=" not in text, template
        assert not re.search(r"\son[a-z]+=", text), template
