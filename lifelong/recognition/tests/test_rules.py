"""The level rule on hand-made cases (lifelong/recognition/rules.py)."""

from decimal import Decimal

from lifelong.recognition.rules import IndicatorRule, levels_outcome, points_outcome

LEVELS = [IndicatorRule(key=1, level=1), IndicatorRule(key=2, level=1), IndicatorRule(key=3, level=2)]


def test_all_met_reaches_the_highest_level():
    assert levels_outcome(LEVELS, {1: True, 2: True, 3: True}, [1, 2]).level == 2


def test_one_level_one_indicator_missing_reaches_nothing_even_if_level_two_is_met():
    outcome = levels_outcome(LEVELS, {1: True, 2: False, 3: True}, [1, 2])
    assert outcome.level == 0
    assert outcome.missing[1] == [2]


def test_a_level_two_indicator_missing_stops_at_level_one():
    outcome = levels_outcome(LEVELS, {1: True, 2: True, 3: None}, [1, 2])
    assert (outcome.level, outcome.missing[2], outcome.answered) == (1, [3], 2)


POINTS = [IndicatorRule(key=k, max_points=10, min_points=5) for k in range(10)]


def _points(values):
    return {k: Decimal(str(v)) for k, v in enumerate(values)}


def test_points_pass_exactly_at_the_pass_mark():
    outcome = points_outcome(POINTS, _points([8] * 10), 80)
    assert (outcome.level, outcome.total) == (1, Decimal(80))


def test_points_half_a_point_under_the_pass_mark_fails():
    assert points_outcome(POINTS, _points([8] * 9 + [7.5]), 80).level == 0


def test_points_one_indicator_under_its_minimum_fails_even_with_a_high_total():
    outcome = points_outcome(POINTS, _points([10] * 9 + [4.5]), 80)
    assert outcome.total == Decimal("94.5") and outcome.level == 0 and outcome.below_minimum == [9]


def test_points_at_the_minimum_is_enough():
    assert points_outcome(POINTS, _points([10] * 9 + [5]), 80).level == 1


def test_points_unanswered_indicator_fails():
    values = _points([10] * 9)
    assert points_outcome(POINTS, values, 80).level == 0
