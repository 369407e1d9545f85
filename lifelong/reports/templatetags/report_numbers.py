"""Numbers as people read them: grouped by thousands the way of the page's language (1.569 in Vietnamese,
1,569 in English, lifelong/core/formats) and money followed by its unit (15.500.000 đồng).

The functions are used by the totals page, its charts (lifelong/reports/charts.py) and the filters below.
"""

import functools

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.formats import get_format, number_format
from django.utils.translation import get_language

from lifelong.reports.models import Indicator

register = template.Library()

MONEY_UNITS = {"đồng", "vnđ", "vnd", "đ"}
NBSP = "\u00a0"  # between a number and its unit: the two never part


def is_money(indicator: Indicator) -> bool:
    """An amount of money: the indicator's kind says so, or its unit of measure is the đồng."""
    return indicator.kind == Indicator.Kind.MONEY or indicator.unit_label.strip().casefold() in MONEY_UNITS


def format_number(value: int | None) -> str:
    """1569 → "1.569" (Vietnamese) or "1,569" (English); None (nothing answered) → ""."""
    if value is None:
        return ""
    grouping, separator = _grouping(get_language())
    if type(value) is int and grouping == 3:
        # The same as number_format's, several times faster: a province's totals page writes ~5,000 figures.
        return f"{value:,}".replace(",", separator)
    return number_format(value, decimal_pos=0, force_grouping=True)


def value_formatter():
    """format_value for the thousands of figures of one table: the language's grouping read once, and whether each
    indicator is money decided once (a province's totals page formats ~4,000 figures)."""
    grouping, separator = _grouping(get_language())
    money: dict[int, str | None] = {}

    def format_one(value: int | None, indicator: Indicator) -> str:
        if value is None:
            return ""
        number = f"{value:,}".replace(",", separator) if type(value) is int and grouping == 3 else format_number(value)
        if indicator.pk not in money:
            money[indicator.pk] = (indicator.unit_label.strip() or "đồng") if is_money(indicator) else None
        unit = money[indicator.pk]
        return f"{number}{NBSP}{unit}" if unit else number

    return format_one


@functools.cache
def _grouping(language: str | None) -> tuple[int, str]:
    """The digit grouping and thousands separator of a language (lifelong/core/formats), read once per process."""
    return get_format("NUMBER_GROUPING", language), get_format("THOUSAND_SEPARATOR", language)


@receiver(setting_changed)
def _formats_changed(**kwargs) -> None:
    _grouping.cache_clear()


def format_value(value: int | None, indicator: Indicator) -> str:
    """A figure of an indicator: money carries its unit ("15.500.000 đồng"), counts stand alone."""
    if value is None:
        return ""
    if is_money(indicator):
        return f"{format_number(value)}{NBSP}{indicator.unit_label.strip() or 'đồng'}"
    return format_number(value)


@register.filter
def vn_number(value):
    """{{ 1569|vn_number }} → 1.569; anything that is not a whole number is shown as it is."""
    if isinstance(value, bool) or not isinstance(value, int):
        return "" if value is None else value
    return format_number(value)


@register.filter
def indicator_value(value, indicator):
    """{{ total|indicator_value:indicator }} → 15.500.000 đồng for money, 1.569 for a count."""
    if isinstance(value, bool) or not isinstance(value, int):
        return "" if value is None else value
    return format_value(value, indicator)
