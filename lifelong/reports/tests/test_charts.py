"""The SVG of lifelong/reports/charts.py: well-formed, described, no inline style, labels on their own lines."""

from xml.etree import ElementTree

from django.utils import translation

from lifelong.reports import charts, selectors

NS = "{http://www.w3.org/2000/svg}"


def _parse(svg) -> ElementTree.Element:
    return ElementTree.fromstring(str(svg))


def test_bars_put_each_name_on_its_own_lines_above_its_bar():
    long_name = "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Đông Trà Bồng mở rộng"
    svg = _parse(charts.bar_svg("c", "Tiêu đề", "Mô tả", [
        charts.Bar(long_name, 1569, "1.569"), charts.Bar("Xã <Ya> & Ly", 300, "300"),
        charts.Bar("Thôn 1", 1, "1"), charts.Bar("Thôn 2", 0, "0")]))
    assert svg.get("width") == "100%" and svg.get("viewBox") is None and svg.get("aria-labelledby") == "c-title c-desc"
    assert svg.find(f"{NS}title").text == "Tiêu đề" and svg.find(f"{NS}desc").text == "Mô tả"
    assert all(e.get("style") is None for e in svg.iter())
    labels = [t for t in svg.iter(f"{NS}text") if t.get("class") == "chart-label"]
    first = [t.text for t in labels if t.text not in ("Xã <Ya> & Ly", "Thôn 1", "Thôn 2")]
    assert len(first) == 3 and all(len(line) <= charts.LABEL_CHARS for line in first)  # wrapped, not cut short
    assert " ".join(first).startswith("Trung tâm Giáo dục nghề nghiệp")
    # every text and bar has its own band: nothing drawn on top of anything else
    bands = sorted([(int(t.get("y")) - 15, int(t.get("y")) + 5) for t in labels]
                   + [(int(r.get("y")), int(r.get("y")) + charts.BAR) for r in svg.iter(f"{NS}rect")])
    assert all(a[1] <= b[0] for a, b in zip(bands, bands[1:], strict=False))
    assert int(svg.get("height")) >= bands[-1][1]
    rects = list(svg.iter(f"{NS}rect"))
    assert [r.get("width") for r in rects] == ["100%", "19.12%", "0.5%", "0%"]  # a 1 stays visible, a 0 does not
    values = [t for t in svg.iter(f"{NS}text") if "chart-value" in t.get("class")]
    assert values[0].get("text-anchor") == "end" and values[0].get("class") == "chart-value chart-value-inside"
    assert values[1].get("text-anchor") is None and values[1].get("x") == "19.12%" and values[1].get("dx") == "6"


def test_names_are_escaped():
    svg = charts.bar_svg("c", "<script>", "a & b", [charts.Bar("<img src=x>", 1, "1")])
    assert "<script>" not in svg and "<img" not in svg and "&lt;img src=x&gt;" in svg
    _parse(svg)


def test_stacked_bars_fill_the_width_and_say_the_counts_in_words():
    counts = selectors.Counts(on_time=3, late=1, missing=0, pending=2, excused=2)
    with translation.override("vi"):
        stack = charts._stack("Trực thuộc · 8 đơn vị", counts)
    svg = _parse(charts.stacked_svg("s", "Tiêu đề", "Mô tả", [stack]))
    segments = [r for r in svg.iter(f"{NS}rect") if "seg-empty" not in r.get("class")]
    assert [r.get("class") for r in segments] == [
        "chart-seg seg-on_time", "chart-seg seg-late", "chart-seg seg-pending", "chart-seg seg-excused"]
    widths = [float(r.get("width").rstrip("%")) for r in segments]
    starts = [float(r.get("x").rstrip("%")) for r in segments]
    assert abs(sum(widths) - 100) < 0.05 and starts[0] == 0
    assert all(abs(starts[i] + widths[i] - starts[i + 1]) < 0.02 for i in range(len(segments) - 1))
    note = " ".join(t.text for t in svg.iter(f"{NS}text") if t.get("class") == "chart-note")
    assert note == "đúng hạn 3 · muộn 1 · chưa đến hạn 2 · được miễn 2"
