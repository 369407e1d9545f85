"""Report deadlines down the tree.

A unit must collect its children's reports before it reports to its own parent, so a plan's report
deadline must fall at least one working day (Monday to Friday) before the deadline its parent's plan
set. Public holidays are not counted as non-working days (the calendar changes every year and the
Week's deadlines fall in October, which has none); see docs/decisions.md.
"""

from datetime import date, timedelta


def is_working_day(day: date) -> bool:
    return day.weekday() < 5


def previous_working_day(day: date) -> date:
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def latest_allowed_due(parent_due: date) -> date:
    """The last date a child's deadline may take: one working day before the parent's."""
    return previous_working_day(parent_due)


def due_respects_parent(due: date, parent_due: date) -> bool:
    return due <= latest_allowed_due(parent_due)
