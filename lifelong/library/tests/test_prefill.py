"""The library's counts propose dd1–dd3 in the unit's results report, beside what its activities propose."""

from datetime import UTC, datetime

import pytest

from lifelong.library import prefill, services
from lifelong.library.models import Collection, Resource
from lifelong.orgs.models import Membership
from lifelong.reports.models import Report
from lifelong.reports.services import report_proposals

LINK = {"kind": "link", "licence": "CC-BY-4.0", "url": "https://example.org/tai-lieu"}


@pytest.fixture
def teacher(tree, make_user):
    return make_user(tree.school, Membership.Role.EDITOR)


def _in(year: int, *objects) -> None:
    for obj in objects:
        type(obj).objects.filter(pk=obj.pk).update(created_at=datetime(year, 6, 1, tzinfo=UTC))


def test_new_and_extended_shelves_and_shared_resources_are_proposed(tree, teacher, campaign, make_user):
    new_shelf = Collection.objects.create(unit=tree.school, name="Tủ sách số")
    old_shelf = Collection.objects.create(unit=tree.school, name="Tủ sách cũ")
    curated = Collection.objects.create(unit=tree.school, kind=Collection.Kind.CURATED, name="Danh sách")
    made = [services.resource_create(actor=teacher, unit=tree.school, data={**LINK, "title": f"Tài liệu {n}"},
                                     collections=[new_shelf, old_shelf, curated]) for n in range(3)]
    withdrawn = services.resource_create(actor=teacher, unit=tree.school, data={**LINK, "title": "Rút"},
                                         collections=[new_shelf])
    services.resource_withdraw(actor=teacher, resource=withdrawn)
    last_year = services.resource_create(actor=teacher, unit=tree.school, data={**LINK, "title": "Năm ngoái"})
    _in(2025, new_shelf, *made, withdrawn)
    _in(2024, old_shelf, last_year)
    # Another unit's shelf is its own report's business.
    Resource.objects.filter(pk=services.resource_create(
        actor=make_user(tree.taymo, Membership.Role.EDITOR), unit=tree.taymo, data={**LINK, "title": "Xã"}).pk).update(
        created_at=datetime(2025, 6, 1, tzinfo=UTC))
    assert prefill.proposals(tree.school, campaign) == {("dd1", ""): 1, ("dd2", ""): 2, ("dd3", ""): 3}
    # Through the report: summed with the activities' proposals, kept to the indicators marked pre-filled.
    report = Report.objects.create(campaign=campaign, unit=tree.school)
    proposed = report_proposals(report)
    assert (proposed[("dd1", "")], proposed[("dd2", "")], proposed[("dd3", "")]) == (1, 2, 3)
    campaign.indicators.filter(code="dd3").update(prefill=False)
    assert ("dd3", "") not in report_proposals(report)


def test_a_unit_with_nothing_published_in_the_year_is_proposed_nothing(tree, teacher, campaign):
    services.resource_create(actor=teacher, unit=tree.school, data={**LINK, "title": "Mới"})
    assert prefill.proposals(tree.school, campaign) == {}  # published in 2026, the campaign is 2025's
