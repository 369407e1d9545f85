"""In Chromium: a school adds an e-book to its shelf; a citizen on a 360 px phone finds it typed without tone
marks and opens it; the school's report proposes the book in its digital-library indicators."""

from datetime import date

import pytest
from django.utils import timezone

from conftest import browser_login
from lifelong.library.models import Resource
from lifelong.orgs.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOOK = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_a_school_shelves_an_e_book_a_citizen_finds_and_opens_it(live_server, browser, phone, tree, make_user,
                                                                   settings, tmp_path):
    from lifelong.campaigns.services import campaign_create

    settings.MEDIA_ROOT = tmp_path
    year = timezone.localdate().year
    campaign = campaign_create(actor=None, owner=tree.ministry, year=year, start_date=date(year, 10, 1),
                               end_date=date(year, 10, 7), theme="Học tập suốt đời")
    make_user(tree.school, Membership.Role.EDITOR, username="thuvien")
    school = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    browser_login(school, live_server, "thuvien", "secret-pass-123")
    school.goto(f"{live_server.url}/units/{tree.school.pk}/")
    school.locator("[data-testid=shelf-link]").click()
    form = school.locator("[data-testid=resource-form]")
    form.locator("#id_title").fill("Sổ tay An toàn thông tin cho học sinh")
    form.locator("#id_kind").select_option("document")
    form.locator("#id_licence").select_option("CC-BY-4.0")
    form.locator("#id_upload").set_input_files({"name": "so-tay.pdf", "mimeType": "application/pdf",
                                                "buffer": BOOK})
    form.locator("details summary").click()  # the optional fields, folded so the phone form stays short
    form.locator("#id_subjects").fill("an toàn mạng, kỹ năng số")
    form.locator("button[type=submit]").click()
    school.wait_for_load_state()
    assert "Sổ tay An toàn thông tin cho học sinh" in school.locator("[data-testid=shelf]").inner_text()

    # A citizen, no account, on a phone: types without tone marks, finds it, opens it.
    phone.goto(f"{live_server.url}/thu-vien/")
    phone.locator("input[name=q]").fill("so tay an toan thong tin")
    phone.locator("input[name=q]").press("Enter")
    phone.get_by_role("link", name="Sổ tay An toàn thông tin cho học sinh").click()
    phone.wait_for_url("**/thu-vien/*/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    href = phone.locator("[data-testid=open-file]").get_attribute("href")
    opened = phone.request.get(f"{live_server.url}{href}")
    assert opened.status == 200 and opened.body() == BOOK and opened.headers["content-type"] == "application/pdf"
    book = Resource.objects.get()
    assert (book.views, book.downloads) == (1, 1)

    # The school's report proposes the new shelf and the book (dd1–dd3).
    school.goto(f"{live_server.url}/units/{tree.school.pk}/report/?campaign={campaign.pk}")
    assert "1" in school.locator("[data-testid='proposed-v.dd3']").inner_text()
    assert school.locator("input[name='v.dd3']").input_value() == "1"
    school.context.close()
