"""The rule for the level a self-assessment reaches, on plain values so that it is easy to test.

Levels method: the level reached is the highest L such that every indicator required at L or below is met
(levels are cumulative: Mức độ 2 requires what Mức độ 1 requires and more). An indicator not yet answered
counts as not met. No level is reached when a level-1 indicator is missing.

Points method: the total of the points given; the subject passes (level 1) when the total reaches the pass
mark and no indicator is below its own minimum. An unanswered indicator scores 0.
"""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class IndicatorRule:
    key: int
    level: int = 1
    max_points: int | None = None
    min_points: int | None = None


@dataclass
class Outcome:
    level: int  # 0 = none reached / not passed
    total: Decimal | None = None  # points method only
    missing: dict[int, list[int]] = field(default_factory=dict)  # level -> indicator keys not met for it
    below_minimum: list[int] = field(default_factory=list)  # points method: indicators under their minimum
    answered: int = 0
    count: int = 0


def levels_outcome(indicators: list[IndicatorRule], met: dict[int, bool | None], levels: list[int]) -> Outcome:
    answered = sum(1 for rule in indicators if met.get(rule.key) is not None)
    missing = {level: [rule.key for rule in indicators if rule.level <= level and not met.get(rule.key)]
               for level in sorted(levels)}
    reached = 0
    for level in sorted(levels):
        if missing[level]:
            break
        reached = level
    return Outcome(level=reached, missing=missing, answered=answered, count=len(indicators))


def points_outcome(indicators: list[IndicatorRule], points: dict[int, Decimal | None],
                   pass_total: int | None) -> Outcome:
    total = sum((Decimal(points.get(rule.key) or 0) for rule in indicators), Decimal(0))
    below = [rule.key for rule in indicators
             if rule.min_points is not None and Decimal(points.get(rule.key) or 0) < rule.min_points]
    answered = sum(1 for rule in indicators if points.get(rule.key) is not None)
    passed = pass_total is not None and total >= pass_total and not below and answered == len(indicators)
    return Outcome(level=1 if passed else 0, total=total, below_minimum=below, answered=answered,
                   count=len(indicators))
