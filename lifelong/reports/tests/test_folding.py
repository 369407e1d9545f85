"""Pending deltas of the hot levels (reports.folding): exact reads before and after folding, on both databases,
and concurrent submits with folds running between them on PostgreSQL."""

import threading
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import close_old_connections, connection

from lifelong.orgs.models import OrgUnit
from lifelong.orgs.services import unit_create
from lifelong.reports import counters, folding, selectors, services, totals
from lifelong.reports.models import CompletenessCount, CountDelta, Report, Total, TotalDelta
from lifelong.reports.tests.conftest import GOOD, fill, stored_report, submit


def _oracle(unit: OrgUnit, campaign, accepted_only=False) -> dict:
    """The unit's totals recounted from the reports of its subtree."""
    statuses = ["accepted"] if accepted_only else ["submitted", "accepted"]
    result: Counter = Counter()
    for report in Report.objects.filter(campaign=campaign, status__in=statuses, unit__path__startswith=unit.path):
        result.update(totals.report_contribution(report))
    return dict(result)


def _total_rows(campaign):
    return sorted(Total.objects.filter(campaign=campaign).exclude(submitted_sum=0, accepted_sum=0)
                  .values_list("unit_id", "indicator_id", "group", "submitted_sum", "accepted_sum"))


def _count_rows(campaign):
    return sorted(CompletenessCount.objects.filter(campaign=campaign).exclude(n=0)
                  .values_list("unit_id", "depth", "due_date", "state", "n"))


def test_hot_levels_wait_in_deltas_and_every_read_is_exact_before_and_after_folding(tree, reporting):
    for unit, data in ((tree.school, GOOD), (tree.village, {**GOOD, "v.a2.residents": "100"}),
                       (tree.yaly_village, GOOD)):
        fill(stored_report(unit, reporting), data)
        submit(stored_report(unit, reporting))
    # Only the Ministry and the provinces got deltas; the commune and the units were written directly.
    assert set(TotalDelta.objects.values_list("unit_id", flat=True)) == {tree.ministry.pk, tree.hanoi.pk,
                                                                         tree.quangngai.pk}
    assert set(CountDelta.objects.values_list("unit__depth", flat=True)) == {0, 1}
    assert not Total.objects.filter(unit=tree.ministry).exists()
    units = (tree.ministry, tree.hanoi, tree.quangngai, tree.taymo, tree.school)
    before = {u.pk: (selectors.unit_totals(u, reporting), selectors.children_totals(u, reporting)) for u in units}
    completeness = {u.pk: (selectors.completeness(u, reporting).levels,
                           [r.subtree for r in selectors.completeness(u, reporting).children]) for u in units}
    for unit in units:
        expected = _oracle(unit, reporting)
        assert before[unit.pk][0] == expected, unit
    assert before[tree.ministry.pk][1][tree.hanoi.pk] == {i: v for (i, g), v in _oracle(tree.hanoi, reporting).items()
                                                          if g == ""}
    assert folding.fold() > 0
    assert not TotalDelta.objects.exists() and not CountDelta.objects.exists()
    for unit in units:
        assert (selectors.unit_totals(unit, reporting), selectors.children_totals(unit, reporting)) == before[unit.pk]
        assert (selectors.completeness(unit, reporting).levels,
                [r.subtree for r in selectors.completeness(unit, reporting).children]) == completeness[unit.pk]
    # A return after the fold: negative deltas, still exact, and folding again equals a rebuild from scratch.
    village = Report.objects.get(unit=tree.village)
    services.report_return(actor=None, report=village, lock_version=village.lock_version, comment="Sửa lại.")
    school = Report.objects.get(unit=tree.school)
    services.report_accept(actor=None, report=school, lock_version=school.lock_version)
    assert TotalDelta.objects.filter(submitted_sum__lt=0).exists()
    for unit in units:
        for accepted_only in (False, True):
            read = selectors.unit_totals(unit, reporting, accepted_only=accepted_only)
            expected = _oracle(unit, reporting, accepted_only)
            assert {k: v for k, v in read.items() if v} == {k: v for k, v in expected.items() if v}, unit
    folding.fold()
    incremental_totals, incremental_counts = _total_rows(reporting), _count_rows(reporting)
    totals.rebuild(reporting.pk)
    counters.rebuild(reporting.pk)
    folding.fold()
    assert _total_rows(reporting) == incremental_totals
    assert _count_rows(reporting) == incremental_counts


def test_a_transition_asks_for_a_fold_at_most_once_a_second(tree, reporting, monkeypatch):
    calls = []
    monkeypatch.setattr(folding, "fold", lambda: calls.append(1) or 0)
    cache.delete(folding._FOLD_KEY)
    folding.fold_soon()
    folding.fold_soon()
    assert calls == [1]
    cache.delete(folding._FOLD_KEY)
    folding.fold_soon()
    assert calls == [1, 1]


def test_a_failing_fold_is_logged_and_the_next_one_takes_the_deltas(tree, reporting, monkeypatch, caplog):
    fill(stored_report(tree.school, reporting), GOOD)
    submit(stored_report(tree.school, reporting))

    def broken():
        raise RuntimeError("database gone")

    monkeypatch.setattr(folding, "fold", broken)
    cache.delete(folding._FOLD_KEY)
    folding.fold_soon()  # does not raise: the transition that asked has committed
    assert "folding the pending totals failed" in caplog.text
    assert TotalDelta.objects.exists()
    monkeypatch.undo()
    folding.fold()
    assert not TotalDelta.objects.exists()
    assert selectors.unit_totals(tree.ministry, reporting) == _oracle(tree.ministry, reporting)


@pytest.mark.django_db(transaction=True)
def test_a_committed_submit_folds_its_deltas(tree, reporting):
    cache.delete(folding._FOLD_KEY)
    fill(stored_report(tree.school, reporting), GOOD)
    submit(stored_report(tree.school, reporting))  # committed: the fold runs after it
    assert not TotalDelta.objects.exists() and not CountDelta.objects.exists()
    assert selectors.unit_totals(tree.ministry, reporting) == _oracle(tree.ministry, reporting)
    assert Total.objects.filter(unit=tree.ministry).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency is checked on PostgreSQL (CI's second run)")
def test_concurrent_submits_and_folds_lose_nothing_and_count_nothing_twice(tree, reporting):
    units = [unit_create(actor=None, parent=parent, name=f"Thôn {n}", kind=OrgUnit.Kind.VILLAGE)
             for n in range(12) for parent in (tree.taymo, tree.yaly)]
    for n, unit in enumerate(units):
        fill(stored_report(unit, reporting), {**GOOD, "v.a2.residents": str(n)})
    errors, barrier, done = [], threading.Barrier(len(units) + 1), threading.Event()

    def submitter(unit):
        try:
            barrier.wait()
            submit(Report.objects.get(unit=unit))
        except Exception as exc:  # noqa: BLE001 - any error (a deadlock) fails the test below
            errors.append(exc)
        finally:
            close_old_connections()

    def folder():
        try:
            barrier.wait()
            while not done.is_set():
                folding.fold()
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=submitter, args=(u,)) for u in units]
    fold_thread = threading.Thread(target=folder)
    for thread in [*threads, fold_thread]:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    fold_thread.join()
    assert errors == []
    for unit in (tree.ministry, tree.hanoi, tree.quangngai):
        assert selectors.unit_totals(unit, reporting) == _oracle(unit, reporting), unit
    folding.fold()
    incremental = _total_rows(reporting)
    totals.rebuild(reporting.pk)
    folding.fold()
    assert _total_rows(reporting) == incremental


def test_with_the_deltas_turned_off_every_level_is_written_at_once(tree, reporting, settings):
    settings.REPORT_DEFERRED_DEPTH = -1
    folding.fold()  # the counts of the expected reporters made by the fixture
    fill(stored_report(tree.school, reporting), GOOD)
    submit(stored_report(tree.school, reporting))
    assert not TotalDelta.objects.exists() and not CountDelta.objects.exists()
    assert {k: v for k, v in _oracle(tree.ministry, reporting).items()} == dict(
        ((i, g), s) for i, g, s in Total.objects.filter(unit=tree.ministry).values_list("indicator_id", "group",
                                                                                       "submitted_sum"))
