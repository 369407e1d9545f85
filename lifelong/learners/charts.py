"""The learning record's picture: hours per year, drawn like the reports' charts (server-side SVG, no script)."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from lifelong.reports.charts import Bar, Chart, bar_svg


def _hours(value) -> str:
    return _("%(h)s h") % {"h": number_format(value, decimal_pos=1 if value % 1 else 0, force_grouping=True)}


def hours_per_year(years) -> Chart | None:
    if not years:
        return None
    bars = [Bar(label=str(y.year), value=int(y.hours * 10), text=_hours(y.hours)) for y in years]
    title = _("Hours of learning per year")
    desc = "; ".join(f"{y.year}: {_hours(y.hours)}" for y in years)
    return Chart(chart_id="hours-per-year", title=title, desc=desc, svg=bar_svg("hours-per-year", title, desc, bars))
