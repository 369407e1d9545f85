"""Pictures where people compare: bar charts drawn on the server as SVG, with their data as CSV.

Two charts: the values of one indicator for each unit directly below (horizontal bars, the unit's name on
its own line above its bar), and completeness per level below (one stacked bar per level: on time, late,
missing, not yet due, excused).

Drawn in Python, nothing from a CDN and no script. The Content-Security-Policy forbids inline styles, so
the SVG uses presentation attributes (fill, width, height) and the CSS classes of static/css/app.css.
Each chart has a <title> and a <desc> that says every number in words (role="img": a screen reader
reads those), and text labels on the picture itself.

The SVG has no viewBox on purpose: it is width="100%" and its geometry is in percent of that width
(bars, segments, where a value label stands), while text keeps its size in pixels. A scaled viewBox
would shrink the labels to 8 px on a 360 px phone or swell them on a wide screen; this way the picture
fills any width and its text stays 14 px. Labels never overlap: a name sits on its own line(s) above
its bar, wrapped by character count; a value stands inside the bar when the bar is at least half the
width, after it otherwise.
"""

import textwrap
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lifelong.reports import selectors
from lifelong.reports.exports import EXCUSED, NOT_ACCEPTED, NOT_REPORTED, TotalsTable
from lifelong.reports.models import Indicator
from lifelong.reports.selectors import Completeness, Counts
from lifelong.reports.templatetags.report_numbers import format_number, format_value

LINE = 20  # px per line of text (14 px labels)
BAR = 20  # px, height of a bar
GAP = 14  # px between two bars
LABEL_CHARS = 38  # characters per line of a name (14 px text on a chart 300 px wide or more)
NOTE_CHARS = 42  # characters per line of the 13 px text under a stacked bar
MAX_BARS = 40  # a city has 129 communes: the largest are drawn, the table and the CSV have them all
INSIDE_FROM = 50  # percent: from this length on, the value is written inside the bar
# Fallback colours (the classes in app.css set the same); kept as attributes so that the SVG reads
# right even where the stylesheet does not reach (saved on its own, printed).
COLOURS = {"bar": "#0b5cad", "on_time": "#2e7d32", "late": "#b26a00", "missing": "#b3261e",
           "pending": "#8c99a6", "excused": "#cfd6dd", "empty": "#eef0f3"}


@dataclass
class Bar:
    label: str
    value: int
    text: str  # the value as people read it ("15.500.000 đồng")


@dataclass
class Segment:
    key: str  # a completeness state (selectors.ON_TIME ...)
    label: str
    value: int


@dataclass
class Stack:
    label: str
    segments: list[Segment]

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


@dataclass
class Chart:
    chart_id: str
    title: str
    desc: str
    svg: SafeString
    notes: list[str] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css key, label) of a stacked chart


def _wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _pct(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _svg(chart_id: str, title: str, desc: str, height: int, body: list[str], css: str) -> SafeString:
    return mark_safe(  # every text in it went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css}" width="100%" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" data-testid="{chart_id}">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        + "".join(body) + "</svg>")


def _text_lines(lines: list[str], y: int, css: str) -> tuple[list[str], int]:
    body = []
    for line in lines:
        body.append(f'<text class="{css}" x="1" y="{y + 15}">{escape(line)}</text>')  # x=1: a glyph's overhang stays in
        y += LINE
    return body, y


def bar_svg(chart_id: str, title: str, desc: str, bars: list[Bar], *, full: int | None = None) -> SafeString:
    """Horizontal bars, longest (or `full`, e.g. 100 for percentages) = full width; each name on its own
    line(s) above its bar."""
    top = full if full else max((b.value for b in bars), default=0)
    body: list[str] = []
    y = 0
    for bar in bars:
        lines, y = _text_lines(_wrap(bar.label, LABEL_CHARS), y, "chart-label")
        body += lines
        share = min(100, 100 * bar.value / top) if top > 0 and bar.value > 0 else 0
        share = max(share, 0.5) if bar.value > 0 else 0  # a small value is still a visible sliver
        bar_y = y + 3
        body.append(f'<rect class="chart-bar" x="0" y="{bar_y}" width="{_pct(share)}" height="{BAR}" rx="2" '
                    f'fill="{COLOURS["bar"]}"><title>{escape(bar.label)}: {escape(bar.text)}</title></rect>')
        if share >= INSIDE_FROM:
            body.append(f'<text class="chart-value chart-value-inside" x="{_pct(share)}" dx="-6" y="{bar_y + 15}" '
                        f'text-anchor="end" fill="#fff">{escape(bar.text)}</text>')
        else:
            body.append(f'<text class="chart-value" x="{_pct(share)}" dx="6" y="{bar_y + 15}">'
                        f'{escape(bar.text)}</text>')
        y = bar_y + BAR + GAP
    return _svg(chart_id, title, desc, max(y - GAP, LINE), body, "chart-bars")


def stacked_svg(chart_id: str, title: str, desc: str, stacks: list[Stack]) -> SafeString:
    """One full-width bar per stack, cut in segments by share; the counts in words on the line(s) below."""
    body: list[str] = []
    y = 0
    for stack in stacks:
        lines, y = _text_lines(_wrap(stack.label, LABEL_CHARS), y, "chart-label")
        body += lines
        bar_y = y + 3
        body.append(f'<rect class="chart-seg seg-empty" x="0" y="{bar_y}" width="100%" height="{BAR}" '
                    f'fill="{COLOURS["empty"]}"/>')
        x = 0.0
        for segment in stack.segments:
            if not segment.value or not stack.total:
                continue
            share = 100 * segment.value / stack.total
            body.append(
                f'<rect class="chart-seg seg-{segment.key}" x="{_pct(x)}" y="{bar_y}" width="{_pct(share)}" '
                f'height="{BAR}" fill="{COLOURS[segment.key]}"><title>{escape(segment.label)}: '
                f'{format_number(segment.value)} ({round(share)}%)</title></rect>')
            x += share
        y = bar_y + BAR + 4
        lines, y = _text_lines(_wrap(_stack_summary(stack), NOTE_CHARS), y, "chart-note")
        body += lines
        y += GAP
    return _svg(chart_id, title, desc, max(y - GAP, LINE), body, "chart-stacked")


def _stack_summary(stack: Stack) -> str:
    parts = [f"{s.label} {format_number(s.value)}" for s in stack.segments if s.value]
    return " · ".join(parts) or _("nobody is expected to report")


# The indicator chart on the totals page

def chart_indicators(table: TotalsTable) -> list[Indicator]:
    return table.numeric_indicators()


def chart_indicator(table: TotalsTable, code: str | None) -> Indicator | None:
    """The indicator asked for (?indicator=code), else t2 (total attendance) when the form has it, else the first."""
    indicators = chart_indicators(table)
    by_code = {i.code: i for i in indicators}
    return by_code.get(code or "") or by_code.get("t2") or (indicators[0] if indicators else None)


def indicator_chart(table: TotalsTable, indicator: Indicator, language: str) -> Chart:
    """The indicator's value for each unit directly below that is counted, largest first."""
    label = f"{indicator.code}. {indicator.label_for(language)}"
    with_value = [(c, c.value(indicator)) for c in table.children if c.counted and c.value(indicator) is not None]
    with_value.sort(key=lambda pair: -pair[1])  # stable: equal values keep the table's order
    bars = [Bar(c.unit.name, value, format_value(value, indicator)) for c, value in with_value[:MAX_BARS]]
    not_filled = sum(1 for c in table.children if c.counted and c.value(indicator) is None)
    blank = {reason: sum(1 for c in table.children if not c.counted and c.blank_reason == reason)
             for reason in (NOT_REPORTED, NOT_ACCEPTED, EXCUSED)}
    counts = [
        (blank[NOT_REPORTED], ngettext("%(n)s unit has not reported.", "%(n)s units have not reported.",
                                       blank[NOT_REPORTED])),
        (blank[NOT_ACCEPTED], ngettext("%(n)s unit has reported but is not yet accepted.",
                                       "%(n)s units have reported but are not yet accepted.", blank[NOT_ACCEPTED])),
        (blank[EXCUSED], ngettext("%(n)s unit is excused.", "%(n)s units are excused.", blank[EXCUSED])),
        (not_filled, ngettext("%(n)s unit did not fill in this indicator.",
                              "%(n)s units did not fill in this indicator.", not_filled)),
    ]
    notes = [message % {"n": format_number(n)} for n, message in counts if n]
    if len(with_value) > MAX_BARS:
        notes.append(_("The %(n)s largest are drawn; every unit is in the table and in the CSV.")
                     % {"n": MAX_BARS})
    title = _("%(indicator)s, by unit directly below") % {"indicator": label}
    values = "; ".join(f"{b.label}: {b.text}" for b in bars) or _("No unit directly below has a value.")
    desc = " ".join([values.rstrip(".") + ".", *notes])
    chart_id = "chart-indicator"
    return Chart(chart_id, title, desc, bar_svg(chart_id, title, desc, bars) if bars else mark_safe(""), notes)


def indicator_csv_rows(table: TotalsTable, indicator: Indicator) -> list[list]:
    """Every unit directly below, its report's state and its value (blank when not counted or not answered)."""
    title = f"{indicator.code}. {indicator.label}" + (" (báo cáo đã tiếp nhận)" if table.accepted_only else "")
    rows: list[list] = [["Đơn vị", "Tình trạng báo cáo", title, "Đơn vị tính"]]
    with translation.override("vi"):
        for child in table.children:
            rows.append([child.unit.name, child.state_label, child.value(indicator), indicator.unit_label])
    return rows


# The completeness chart: one stacked bar per level below

SEGMENTS = [selectors.ON_TIME, selectors.LATE, selectors.MISSING, selectors.PENDING, selectors.EXCUSED]


def segment_labels() -> dict[str, str]:
    return {selectors.ON_TIME: _("on time"), selectors.LATE: _("late"), selectors.MISSING: _("missing"),
            selectors.PENDING: _("not yet due"), selectors.EXCUSED: _("excused")}


def level_name(depth: int) -> str:
    if depth == 1:
        return _("Directly below")
    return _("%(n)s levels below") % {"n": depth}


def _stack(label: str, counts: Counts) -> Stack:
    labels = segment_labels()
    return Stack(label, [Segment(key, labels[key], getattr(counts, key)) for key in SEGMENTS])


def levels_chart(result: Completeness) -> Chart:
    stacks = []
    for depth, counts in result.levels:
        units = ngettext("%(n)s unit", "%(n)s units", counts.expected) % {"n": format_number(counts.expected)}
        stacks.append(_stack(f"{level_name(depth)} · {units}", counts))
    title = _("Who has reported, per level below %(unit)s") % {"unit": result.unit.name}
    desc = " ".join(f"{s.label}: {_stack_summary(s)}." for s in stacks) or _("Nobody below has to report.")
    labels = segment_labels()
    return Chart("chart-levels", title, desc, stacked_svg("chart-levels", title, desc, stacks) if stacks
                 else mark_safe(""), legend=[(key, labels[key]) for key in SEGMENTS])


def levels_csv_rows(result: Completeness) -> list[list]:
    with translation.override("vi"):
        names = {depth: level_name(depth) for depth, _counts in result.levels}
    rows: list[list] = [["Cấp", "Đúng hạn", "Muộn", "Quá hạn, chưa báo cáo", "Chưa đến hạn", "Miễn",
                         "Tổng số", "Tỉ lệ đúng hạn (%)"]]
    for depth, counts in result.levels:
        rows.append([names[depth], *[getattr(counts, key) for key in SEGMENTS], counts.expected,
                     counts.on_time_rate])
    return rows
