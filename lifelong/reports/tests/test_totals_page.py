"""The totals page people can read (issue 12): the state of each unit's report in words, no numbers
(rather than zeros) for a unit that has not reported, numbers grouped the Vietnamese way, two layouts,
the bar chart of one indicator with its CSV, and a fixed number of queries at the Ministry."""

import csv
import io
from xml.etree import ElementTree

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lifelong.orgs.models import Membership, OrgUnit
from lifelong.orgs.services import unit_create
from lifelong.reports import exports, services
from lifelong.reports.models import ExpectedReporter, Report
from lifelong.reports.tests.conftest import GOOD, fill, stored_report, submit

Role = Membership.Role
NBSP = "\u00a0"
# a2 = 1.569 people, r1 = 15.500.000 đồng: numbers that need grouping
BIG = {**GOOD, "v.a2.officials": "1000", "v.a2.learners": "500", "v.a2.residents": "69", "v.r1": "15.500.000",
       "v.g2": "0"}


def _url(name, unit, campaign, **extra):
    query = "&".join(f"{k}={v}" for k, v in {"campaign": campaign.pk, **extra}.items())
    return f"{reverse(name, args=[unit.pk])}?{query}"


def _report(unit, campaign, data=GOOD, *, submitted=True):
    report = stored_report(unit, campaign)
    fill(report, data)
    if submitted:
        submit(report)
    return Report.objects.get(pk=report.pk)


def _excuse(unit, campaign):
    reporter = ExpectedReporter.objects.get(campaign=campaign, unit=unit)
    services.expected_reporter_excuse(actor=None, reporter=reporter, reason="Đơn vị mới thành lập.")


def _grid(response):
    page = lxml.html.fromstring(response.content.decode())
    return page.xpath('//table[@data-testid="children-totals"]')[0]


def _text(element) -> str:
    return element.text_content().strip()


def _state(grid, unit) -> str:
    return _text(grid.xpath(f'.//*[@data-key="u{unit.pk}"]//small[@data-testid="state"]')[0])


def _cells(grid, key) -> list:
    return grid.xpath(f'.//td[@data-unit="{key}"]')


@pytest.fixture
def viewer(client, tree, make_user):
    client.force_login(make_user(tree.ministry, Role.VIEWER))
    return client


def test_a_unit_that_has_not_reported_shows_words_not_zeros(viewer, tree, reporting):
    _report(tree.school, reporting, BIG)
    page = viewer.get(_url("report_totals", tree.taymo, reporting))
    assert page.context["layout"] == "indicators"  # two units below: indicators in rows
    grid = _grid(page)
    assert _state(grid, tree.school) == "Đã gửi"
    assert _state(grid, tree.village) == "Chưa báo cáo"
    village = _cells(grid, f"u{tree.village.pk}")
    assert len(village) == 1 and _text(village[0]) == "Chưa báo cáo"  # one cell down the whole column
    assert int(village[0].get("rowspan")) == len(page.context["table"].numeric_indicators())
    school = {c.get("data-code"): _text(c) for c in _cells(grid, f"u{tree.school.pk}")}
    assert school["a2"] == "1.569" and school["r1"] == f"15.500.000{NBSP}đồng"
    assert school["g2"] == "0" and school["b1"] == "—"  # answered 0 / not answered
    total = {c.get("data-code"): _text(c) for c in _cells(grid, "total")}
    assert total["a2"] == "1.569" and total["b1"] == "—"
    own = _cells(grid, "own")
    assert len(own) == 1 and _text(own[0]) == "Chưa báo cáo"  # Tây Mỗ's own report is not in yet
    unit_totals = lxml.html.fromstring(page.content.decode()).xpath('//*[@data-testid="total-r1"]')[0]
    assert _text(unit_totals) == f"15.500.000{NBSP}đồng"

    _excuse(tree.village, reporting)
    grid = _grid(viewer.get(_url("report_totals", tree.taymo, reporting)))
    assert _state(grid, tree.village) == "Miễn" and [_text(c) for c in _cells(grid, f"u{tree.village.pk}")] == ["Miễn"]


def test_every_state_is_said_in_vietnamese_never_as_a_code(viewer, tree, reporting):
    accepted = _report(tree.school, reporting)
    services.report_accept(actor=None, report=accepted, lock_version=accepted.lock_version)
    returned = _report(tree.village, reporting)
    services.report_return(actor=None, report=returned, lock_version=returned.lock_version, comment="Bổ sung.")
    _report(tree.soyte, reporting, submitted=False)  # a draft
    for unit, layout in ((tree.taymo, "units"), (tree.taymo, "indicators"), (tree.hanoi, "units")):
        page = viewer.get(_url("report_totals", unit, reporting, layout=layout))
        assert page.context["layout"] == layout
        grid = _grid(page)
        states = [_text(s) for s in grid.xpath('.//small[@data-testid="state"]')]
        assert not {"draft", "submitted", "accepted", "returned", ""} & set(states)
        if unit == tree.taymo:
            assert _state(grid, tree.school) == "Đã tiếp nhận" and _state(grid, tree.village) == "Bị trả lại"
            assert [_text(c) for c in _cells(grid, f"u{tree.village.pk}")] == ["Chưa báo cáo"]
        else:
            assert _state(grid, tree.soyte) == "Dự thảo"
            assert [_text(c) for c in _cells(grid, f"u{tree.soyte.pk}")] == ["Chưa báo cáo"]
            # Tây Mỗ has not reported itself, but its school has: its numbers are there, its state says so
            assert _state(grid, tree.taymo) == "Chưa báo cáo"
            taymo = {c.get("data-code"): _text(c) for c in _cells(grid, f"u{tree.taymo.pk}")}
            assert taymo["a2"] == "60"


def test_accepted_only_shows_a_submitted_unit_as_not_yet_accepted(viewer, tree, reporting):
    _report(tree.school, reporting)
    grid = _grid(viewer.get(_url("report_totals", tree.taymo, reporting, accepted=1, layout="units")))
    row = grid.xpath(f'.//tr[@data-key="u{tree.school.pk}"]')[0]
    cells = row.xpath("./td")
    assert len(cells) == 1 and _text(cells[0]) == "Chưa tiếp nhận"
    assert int(cells[0].get("colspan")) > 20
    assert _state(grid, tree.school) == "Đã gửi"


def test_the_two_layouts_and_the_default_by_size(viewer, tree, reporting):
    _report(tree.school, reporting, BIG)
    by_units = _grid(viewer.get(_url("report_totals", tree.taymo, reporting, layout="units")))
    assert by_units.get("data-layout") == "units"
    assert [r.get("data-key") for r in by_units.xpath("./tbody/tr")] == [
        "total", "own", f"u{tree.school.pk}", f"u{tree.village.pk}"]
    assert [h.get("data-key") for h in by_units.xpath("./thead/tr/th")][1:4] == ["a1", "a2", "a3"]
    school = {c.get("data-code"): _text(c) for c in _cells(by_units, f"u{tree.school.pk}")}
    assert school["a2"] == "1.569"
    by_indicators = _grid(viewer.get(_url("report_totals", tree.taymo, reporting, layout="bogus")))
    assert by_indicators.get("data-layout") == "indicators"
    assert [h.get("data-key") for h in by_indicators.xpath("./thead/tr/th")][1:] == [
        "total", "own", f"u{tree.school.pk}", f"u{tree.village.pk}"]
    # the links switch and keep the other choices
    page = viewer.get(_url("report_totals", tree.taymo, reporting, accepted=1, indicator="r1"))
    links = page.context["links"]
    assert "layout=units" in links["units"] and "accepted=1" in links["units"] and "indicator=r1" in links["units"]
    # many units below (a city's communes): units in rows unless asked otherwise
    for n in range(exports.INDICATOR_ROWS_UP_TO):
        unit_create(actor=None, parent=tree.taymo, name=f"Tổ dân phố số {n + 10}", kind=OrgUnit.Kind.VILLAGE)
    assert viewer.get(_url("report_totals", tree.taymo, reporting)).context["layout"] == "units"
    asked = viewer.get(_url("report_totals", tree.taymo, reporting, layout="indicators"))
    assert asked.context["layout"] == "indicators"


def test_english_pages_group_numbers_the_english_way(client, tree, reporting, make_user):
    _report(tree.school, reporting, BIG)
    client.force_login(make_user(tree.taymo, Role.VIEWER))
    client.cookies["django_language"] = "en"
    grid = _grid(client.get(_url("report_totals", tree.taymo, reporting)))
    school = {c.get("data-code"): _text(c) for c in _cells(grid, f"u{tree.school.pk}")}
    assert school["a2"] == "1,569" and school["r1"] == f"15,500,000{NBSP}đồng"
    assert _state(grid, tree.school) == "Submitted" and _state(grid, tree.village) == "Not reported"


def test_the_bar_chart_of_one_indicator_and_its_csv(viewer, tree, reporting):
    unit_create(actor=None, parent=tree.taymo, name="=1+2", kind=OrgUnit.Kind.VILLAGE)
    _report(tree.school, reporting, BIG)
    _report(tree.village, reporting)
    page = viewer.get(_url("report_totals", tree.taymo, reporting, indicator="a2"))
    body = page.content.decode()
    html = lxml.html.fromstring(body)
    assert html.xpath('//select[@name="indicator"]/option[@selected]/@value') == ["a2"]
    start = body.index('<svg xmlns="http://www.w3.org/2000/svg"')
    svg = ElementTree.fromstring(body[start:body.index("</svg>", start) + 6])  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("width") == "100%" and svg.get("role") == "img"
    title, desc = svg.find(f"{ns}title"), svg.find(f"{ns}desc")
    assert title.text.startswith("a2. Số người dự Lễ khai mạc")
    assert "Trường THCS Nguyễn Quý Đức: 1.569" in desc.text and "Tổ dân phố số 1: 60" in desc.text
    assert "1 đơn vị chưa báo cáo." in desc.text  # "=1+2" has not reported: no bar, said in words
    labels = [t.text for t in svg.iter(f"{ns}text")]
    assert labels == ["Trường THCS Nguyễn Quý Đức", "1.569", "Tổ dân phố số 1", "60"]  # largest first
    bars = [r.get("width") for r in svg.iter(f"{ns}rect")]
    assert bars[0] == "100%" and float(bars[1].rstrip("%")) == pytest.approx(100 * 60 / 1569, abs=0.01)
    assert all(e.get("style") is None for e in svg.iter()) and "<script>" not in body and ' style="' not in body
    assert "1 đơn vị chưa báo cáo." in _text(html.xpath('//figure[@class="chart-figure"]/figcaption')[0])

    money = viewer.get(_url("report_totals", tree.taymo, reporting, indicator="r1")).content.decode()
    assert f">15.500.000{NBSP}đồng</text>" in money

    csv_url = html.xpath('//a[@data-testid="chart-csv"]/@href')[0]
    assert "indicator=a2" in csv_url
    response = viewer.get(csv_url)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Đơn vị", "Tình trạng báo cáo", "a2. Số người dự Lễ khai mạc"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Trường THCS Nguyễn Quý Đức"][1:3] == ["Đã gửi", "1569"]
    assert by_name["'=1+2"][1:3] == ["Chưa báo cáo", ""]  # defused, and blank rather than 0
    assert viewer.get(_url("report_totals_chart_csv", tree.taymo, reporting, indicator="nope")).status_code == 200


def test_chart_csv_and_page_need_the_right_to_view(client, tree, reporting, make_user):
    client.force_login(make_user(tree.yaly, Role.ADMIN))
    assert client.get(_url("report_totals_chart_csv", tree.taymo, reporting)).status_code == 403
    assert client.get(_url("report_completeness_csv", tree.taymo, reporting)).status_code == 403


def test_the_completeness_chart_per_level_and_its_csv(viewer, tree, reporting):
    _report(tree.school, reporting)
    _excuse(tree.village, reporting)
    page = viewer.get(_url("report_completeness", tree.hanoi, reporting))
    body = page.content.decode()
    start = body.index('<svg xmlns="http://www.w3.org/2000/svg"')
    svg = ElementTree.fromstring(body[start:body.index("</svg>", start) + 6])
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("data-testid") == "chart-levels"
    segments = [r.get("class") for r in svg.iter(f"{ns}rect")]
    assert "chart-seg seg-excused" in segments and ("chart-seg seg-missing" in segments
                                                    or "chart-seg seg-pending" in segments)
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert texts[0] == "Đơn vị trực thuộc · 2 đơn vị" and texts[2].startswith("Cấp dưới thứ 2 · 2 đơn vị")
    assert "được miễn 1" in texts[3]
    assert ' style="' not in body
    html = lxml.html.fromstring(body)
    response = viewer.get(html.xpath('//a[@data-testid="levels-csv"]/@href')[0])
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Cấp", "Đúng hạn", "Muộn"] and rows[0][-2] == "Tổng số"
    level2 = rows[2]
    assert level2[0] == "Cấp dưới thứ 2" and level2[5] == "1" and level2[6] == "2"  # excused 1 of 2


def test_the_ministry_totals_page_reads_a_fixed_number_of_queries(viewer, tree, reporting,
                                                                   django_assert_max_num_queries):
    _report(tree.school, reporting)
    _report(tree.hanoi, reporting)
    url = _url("report_totals", tree.ministry, reporting)
    viewer.get(url)
    with CaptureQueriesContext(connection) as first:
        assert viewer.get(url).status_code == 200
    for n in range(8):  # more provinces, each reporting: not one query more
        province = unit_create(actor=None, parent=tree.ministry, name=f"Tỉnh Thử {n}", kind=OrgUnit.Kind.PROVINCE)
        _report(province, reporting)
    for query in ("", "&layout=units", "&layout=indicators&indicator=r1", "&accepted=1"):
        with django_assert_max_num_queries(len(first.captured_queries)):
            page = viewer.get(url + query)
        assert len(page.context["table"].children) == 11
    # unit, session, user, roles, campaign, indicators, the unit's totals, its children's totals, the
    # children, their reports, who is excused, unread notifications, the other apps' figures (certificates
    # issued, settings.UNIT_FIGURES): 13 whatever the size of the tree
    with django_assert_max_num_queries(13):
        viewer.get(url)
