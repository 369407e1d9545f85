"""In Chromium at 360 px and 1280 px: the subtree table keeps its header row and first column in place while
the rest scrolls, numbers stay whole, units without a report say so, the layouts switch, and the charts
fit the screen with no label over another and nothing the Content-Security-Policy refuses."""

import pytest

from conftest import browser_login
from lifelong.orgs.models import Membership, OrgUnit
from lifelong.orgs.services import unit_create
from lifelong.reports.tests.conftest import GOOD, fill, stored_report, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BIG = {**GOOD, "v.a2.officials": "1000", "v.a2.learners": "500", "v.a2.residents": "69", "v.r1": "15.500.000"}

# Boxes of every text of a chart, relative to the chart; pairs that overlap.
OVERLAPS = """svg => {
  const o = svg.getBoundingClientRect();
  const boxes = [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left - o.left, right: r.right - o.left, top: r.top, bottom: r.bottom}; });
  const clashes = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      clashes.push([a.text, b.text]);
  }
  const outside = boxes.filter(b => b.left < -1 || b.right > o.width + 1).map(b => b.text);
  return {width: o.width, clashes, outside,
          fontSize: Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize)))};
}"""

# Every number cell of the grid on one line: a range over its text gives one box per line.
LINES_PER_NUMBER = """table => [...table.querySelectorAll('td.num')].filter(td => td.textContent.trim()).map(td => {
  const range = document.createRange(); range.selectNodeContents(td);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return [td.textContent.trim(), tops.size]; })"""


def _setup(tree, reporting, make_user):
    for n in range(4):  # more villages, so that the table is wider than a phone
        unit_create(actor=None, parent=tree.taymo, name=f"Tổ dân phố số {n + 2} khu đô thị mới Tây Mỗ",
                    kind=OrgUnit.Kind.VILLAGE)
    report = stored_report(tree.school, reporting)
    fill(report, BIG)
    submit(report)
    make_user(tree.taymo, Membership.Role.VIEWER, username="xem.taymo", password="mat-khau-phuong-1")


def _csp_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    return errors


def _grid(page):
    return page.locator("[data-testid=children-totals]")


def test_the_subtree_table_on_a_phone(live_server, phone, tree, reporting, make_user):
    _setup(tree, reporting, make_user)
    csp = _csp_errors(phone)
    browser_login(phone, live_server, "xem.taymo", "mat-khau-phuong-1")
    phone.goto(f"{live_server.url}/units/{tree.taymo.pk}/totals/?campaign={reporting.pk}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # only the table box scrolls

    grid = _grid(phone)
    assert grid.get_attribute("data-layout") == "indicators"
    school = grid.locator(f'td[data-unit="u{tree.school.pk}"]')
    assert grid.locator(f'td[data-unit="u{tree.school.pk}"][data-code="a2"]').inner_text() == "1.569"
    assert grid.locator(f'td[data-unit="u{tree.school.pk}"][data-code="r1"]').inner_text() == "15.500.000\u00a0đồng"
    assert all(lines == 1 for _text, lines in grid.evaluate(LINES_PER_NUMBER))
    assert school.first.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    assert phone.locator("[data-testid=total-r1]").evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    village = grid.locator(f'td[data-unit="u{tree.village.pk}"]')
    assert village.count() == 1 and village.inner_text() == "Chưa báo cáo"
    assert grid.locator(f'th[data-key="u{tree.school.pk}"] [data-testid=state]').inner_text() == "Đã gửi"

    # scroll the box sideways and down: the first column and the header row stay where they were
    box = phone.locator(".totals-scroll").nth(1)
    first_cell = grid.locator("tbody tr").nth(3).locator("th")
    header_cell = grid.locator(f'thead th[data-key="u{tree.school.pk}"]')
    before = (first_cell.bounding_box()["x"], header_cell.bounding_box()["y"], school.first.bounding_box()["x"])
    box.evaluate("b => { b.scrollLeft = 250; b.scrollTop = 200; }")
    after = (first_cell.bounding_box()["x"], header_cell.bounding_box()["y"], school.first.bounding_box()["x"])
    assert after[0] == pytest.approx(before[0], abs=1) and after[1] == pytest.approx(before[1], abs=1)
    assert after[2] < before[2] - 200  # the numbers did move
    assert grid.locator("tbody th").first.evaluate("e => getComputedStyle(e).position") == "sticky"

    # units in rows: the words of a unit without numbers stay in sight as the row scrolls
    phone.click("[data-testid=layout-units]")
    phone.wait_for_url("**layout=units**")
    grid = _grid(phone)
    assert grid.get_attribute("data-layout") == "units"
    words = grid.locator(f'tr[data-key="u{tree.village.pk}"] td span')
    assert words.inner_text() == "Chưa báo cáo"
    phone.locator(".totals-scroll").nth(1).evaluate("b => { b.scrollLeft = 600; }")
    seen = words.bounding_box()
    assert seen["x"] >= 0 and seen["x"] + seen["width"] <= 360
    assert all(lines == 1 for _text, lines in grid.evaluate(LINES_PER_NUMBER))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert csp == []


@pytest.mark.parametrize("width", [360, 1280])
def test_the_charts_fit_and_no_label_covers_another(live_server, browser, tree, reporting, make_user, width):
    _setup(tree, reporting, make_user)
    village = stored_report(tree.village, reporting)
    fill(village, GOOD)
    submit(village)
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    csp = _csp_errors(page)
    browser_login(page, live_server, "xem.taymo", "mat-khau-phuong-1")
    page.goto(f"{live_server.url}/units/{tree.taymo.pk}/totals/?campaign={reporting.pk}&indicator=a2")
    chart = page.locator("svg[data-testid=chart-indicator]")
    found = chart.evaluate(OVERLAPS)
    assert found["clashes"] == [] and found["outside"] == [] and found["fontSize"] >= 13
    assert found["width"] <= min(width - 32, 44 * 16) + 1
    assert chart.locator("text").all_text_contents()[:2] == ["Trường THCS Nguyễn Quý Đức", "1.569"]

    # another indicator: the chart follows (htmx swaps it in; the link to its CSV follows too)
    page.select_option("#chart-indicator-select", "r1")
    page.locator("svg[data-testid=chart-indicator] text", has_text="15.500.000\u00a0đồng").wait_for()
    assert "indicator=r1" in page.locator("[data-testid=chart-csv]").get_attribute("href")
    found = page.locator("svg[data-testid=chart-indicator]").evaluate(OVERLAPS)
    assert found["clashes"] == [] and found["outside"] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(f"{live_server.url}/units/{tree.taymo.pk}/completeness/?campaign={reporting.pk}")
    levels = page.locator("svg[data-testid=chart-levels]")
    found = levels.evaluate(OVERLAPS)
    assert found["clashes"] == [] and found["outside"] == [] and found["fontSize"] >= 13
    assert levels.locator("rect.chart-seg:not(.seg-empty)").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert csp == []
    context.close()
