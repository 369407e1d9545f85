"""The rates' picture: one bar per scheme, its length the share recognised on a 0–100 % scale, drawn like the
reports' charts (server-side SVG with a title and a description that says every number)."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from lifelong.recognition.rates import SchemeRate
from lifelong.reports.charts import Bar, Chart, bar_svg


def _text(row: SchemeRate) -> str:
    text = _("%(rate)s%% (%(n)s of %(of)s)") % {"rate": number_format(row.rate, decimal_pos=1),
                                                 "n": number_format(row.recognised, force_grouping=True),
                                                 "of": number_format(row.eligible, force_grouping=True)}
    if row.scheme.target_percent is not None:
        text += " · " + _("target %(t)s%%") % {"t": row.scheme.target_percent}
    return text


def rates_chart(rows: list[SchemeRate]) -> Chart | None:
    shown = [row for row in rows if row.rate is not None]
    if not shown:
        return None
    bars = [Bar(label=str(row.scheme.title), value=int(row.rate * 10), text=_text(row)) for row in shown]
    title = _("Share recognised")
    desc = "; ".join(f"{row.scheme.title}: {_text(row)}" for row in shown)
    return Chart(chart_id="recognition-rates", title=title, desc=desc,
                 svg=bar_svg("recognition-rates", title, desc, bars, full=1000))
