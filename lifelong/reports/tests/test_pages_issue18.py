"""The totals and completeness pages rendered faster (issue 18): the table of the units below is written in Python
(report_tables.totals_grid) and the completeness lines prepared in Python (reports/pages.py); both must escape what
they write and keep every link and date."""

from django.urls import reverse

from lifelong.orgs.models import Membership, OrgUnit
from lifelong.orgs.services import unit_create
from lifelong.reports.templatetags.report_numbers import format_number

Role = Membership.Role
NAME = 'Trường "Sao" <b>Mai</b> & Cộng sự'


def test_the_totals_grid_escapes_unit_names(client, tree, reporting, make_user):
    child = unit_create(actor=None, parent=tree.taymo, name=NAME, kind=OrgUnit.Kind.SCHOOL)
    client.force_login(make_user(tree.taymo, Role.VIEWER))
    for layout in ("indicators", "units"):
        page = client.get(reverse("report_totals", args=[tree.taymo.pk]),
                          {"campaign": reporting.pk, "layout": layout}).content.decode()
        assert "Trường &quot;Sao&quot; &lt;b&gt;Mai&lt;/b&gt; &amp; Cộng sự" in page and "<b>Mai</b>" not in page
        assert f'href="{reverse("report_totals", args=[child.pk])}?campaign={reporting.pk}"' in page


def test_completeness_lines_link_each_unit_and_say_its_due_date(client, tree, reporting, make_user):
    client.force_login(make_user(tree.hanoi, Role.VIEWER))
    page = client.get(reverse("report_completeness", args=[tree.hanoi.pk]), {"campaign": reporting.pk})
    lines = page.content.decode().split('data-testid="completeness">')[1].split("</ul>")[0].split("</li>")
    line = next(line for line in lines if "Phường Tây Mỗ" in line)
    own = reverse("report_completeness", args=[tree.taymo.pk])
    assert f'href="{own}?campaign={reporting.pk}">Phường Tây Mỗ' in line
    assert f'href="{reverse("report_edit", args=[tree.taymo.pk])}?campaign={reporting.pk}"' in line
    assert "17/10/2025" in line  # due to Hà Nội by its plan's date


def test_grouped_numbers_are_those_of_django(settings):
    from django.utils import translation
    from django.utils.formats import number_format

    for language in ("vi", "en"):
        with translation.override(language):
            for value in (0, 7, -1000, 1569, 15_500_000, -123_456_789_012):
                assert format_number(value) == number_format(value, decimal_pos=0, force_grouping=True)


def test_the_table_formatter_writes_what_format_value_writes(tree, reporting):
    from django.utils import translation

    from lifelong.reports.models import Indicator
    from lifelong.reports.templatetags.report_numbers import format_value, value_formatter

    indicators = list(Indicator.objects.filter(campaign=reporting))
    assert any(i.kind == Indicator.Kind.MONEY for i in indicators)
    for language in ("vi", "en"):
        with translation.override(language):
            formatted = value_formatter()
            for indicator in indicators:
                for value in (None, 0, 1569, 15_500_000):
                    assert formatted(value, indicator) == format_value(value, indicator)
