from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from lifelong.plans.deadlines import due_respects_parent, is_working_day, latest_allowed_due, previous_working_day


def test_examples():
    assert latest_allowed_due(date(2025, 10, 20)) == date(2025, 10, 17)  # Monday -> Friday
    assert latest_allowed_due(date(2025, 10, 15)) == date(2025, 10, 14)
    assert previous_working_day(date(2025, 10, 19)) == date(2025, 10, 17)  # Sunday -> Friday
    assert due_respects_parent(date(2025, 10, 17), date(2025, 10, 20))
    assert not due_respects_parent(date(2025, 10, 18), date(2025, 10, 20))  # Saturday is not a working day before
    assert not due_respects_parent(date(2025, 10, 20), date(2025, 10, 20))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_latest_allowed_is_the_last_working_day_before(parent_due):
    latest = latest_allowed_due(parent_due)
    assert latest < parent_due and is_working_day(latest)
    between = [latest + timedelta(days=i) for i in range(1, (parent_due - latest).days)]
    assert not any(is_working_day(day) for day in between)
