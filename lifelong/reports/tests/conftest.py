from datetime import date

import pytest

from lifelong.plans.tests.helpers import publish_plan
from lifelong.reports import services


@pytest.fixture
def reporting(tree, campaign):
    """The Ministry's letter (due 20/10), Hà Nội's plan (17/10) and Tây Mỗ's (15/10/2025) make expected
    reporters; the 2025 form is installed."""
    services.report_form_install_default(actor=None, campaign=campaign)  # no-op when the hook already did
    publish_plan(tree.ministry, campaign, number="5607", report_due=date(2025, 10, 20), doc_kind="letter")
    publish_plan(tree.hanoi, campaign, number="262", issue_date=date(2025, 9, 25), report_due=date(2025, 10, 17))
    publish_plan(tree.taymo, campaign, report_due=date(2025, 10, 15))
    return campaign


def stored_report(unit, campaign):
    """The unit's report row, created empty (services.report_for does not write; tests need the row)."""
    from lifelong.reports.models import Report

    return Report.objects.get_or_create(unit=unit, campaign=campaign)[0]


def fill(report, data, narrative=None):
    report = services.report_for(report.unit, report.campaign)  # as stored now (or still unsaved)
    return services.report_save(actor=None, report=report, lock_version=report.lock_version, data=data,
                                narrative=narrative if narrative is not None else {"overall": "Tốt."})


def submit(report):
    report = services.report_for(report.unit, report.campaign)
    return services.report_submit(actor=None, report=report, lock_version=report.lock_version)


GOOD = {"v.a1": "yes", "v.a2.officials": "10", "v.a2.learners": "20", "v.a2.residents": "30", "v.c2.officials": "5",
        "v.c2.learners": "5", "v.c2.residents": "0", "v.c3": "4", "v.r1": "1.500.000", "v.t1": "9"}
