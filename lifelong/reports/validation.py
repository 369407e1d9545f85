"""Reading what a reporter typed, and the rules of the form.

Field names: `v.<code>` for an indicator without breakdown, `v.<code>.<group>` for one group of a
broken-down indicator, `na.<code>` for "not applicable". The same names are used by the page, the
live check and the API, so a problem is always shown next to the field it concerns.

Two levels of checking:
- `parse_values` reads every field (whole numbers, not negative, within min/max, yes/no); a draft
  saves only when this passes, so nothing unreadable is ever stored;
- `check_rules` applies the rules between indicators ("of which" not above its total, a2 only if a1
  is yes) before submitting, and returns the warnings (t1 below the activities counted elsewhere).
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lifelong.core.text import strip_control
from lifelong.reports.form_2025 import T1_COUNTED
from lifelong.reports.models import GROUPS, TOTAL, Indicator, ReportValue

Kind = Indicator.Kind
State = ReportValue.State
_DIGITS = re.compile(r"^[0-9]+$")
_GROUPED = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
YES, NO = "yes", "no"


@dataclass(frozen=True)
class Parsed:
    state: str  # ReportValue.State
    number: int | None = None
    text: str = ""


def field_name(indicator: Indicator, group: str = TOTAL) -> str:
    return f"v.{indicator.code}.{group}" if group else f"v.{indicator.code}"


def na_field_name(indicator: Indicator) -> str:
    return f"na.{indicator.code}"


def groups_of(indicator: Indicator) -> list[str]:
    return GROUPS if indicator.breakdown else [TOTAL]


def _parse_number(indicator: Indicator, raw: str) -> tuple[int | None, str | None]:
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    # Thousands are grouped with dots in Vietnamese (1.569; 15.500.000): the pages print numbers that way,
    # so they are read back that way. A dot that does not group thousands ("1.5") is not a whole number.
    if indicator.kind == Kind.MONEY or _GROUPED.match(text.lstrip("-")):
        text = text.replace(".", "")
    if text.startswith("-") and _DIGITS.match(text[1:]):
        return None, _("Must not be negative.")
    if not _DIGITS.match(text):
        if re.match(r"^[0-9]+[.,][0-9]+$", text):
            return None, _("Enter a whole number, without decimals (thousands may be written 1.569).")
        return None, _("Enter a whole number.")
    number = int(text)
    if number > 10**15:
        return None, _("This number is too large.")
    if indicator.min_value is not None and number < indicator.min_value:
        return None, _("Must be at least %(min)s.") % {"min": indicator.min_value}
    if indicator.max_value is not None and number > indicator.max_value:
        return None, _("Must be at most %(max)s.") % {"max": indicator.max_value}
    return number, None


def _parse_one(indicator: Indicator, raw) -> tuple[Parsed | None, str | None]:
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None, None  # not filled in
    if indicator.kind == Kind.TEXT:
        return Parsed(State.VALUE, text=strip_control(str(raw)).strip()[:5000]), None
    if indicator.kind == Kind.YESNO:
        value = str(raw).strip().lower()
        if value in (YES, "true", "1", "có", "co"):
            return Parsed(State.VALUE, number=1), None
        if value in (NO, "false", "0", "không", "khong"):
            return Parsed(State.VALUE, number=0), None
        return None, _("Choose yes or no.")
    if isinstance(raw, bool):
        return None, _("Enter a whole number.")
    number, error = _parse_number(indicator, str(raw))
    return (Parsed(State.VALUE, number=number), None) if error is None else (None, error)


def parse_values(indicators: list[Indicator], data) -> tuple[dict[tuple[str, str], Parsed], dict[str, str]]:
    """Read the posted fields of every indicator: ({(code, group): Parsed}, {field name: error})."""
    values: dict[tuple[str, str], Parsed] = {}
    errors: dict[str, str] = {}
    for indicator in indicators:
        if str(data.get(na_field_name(indicator), "")).lower() in ("1", "on", "true", "yes"):
            for group in groups_of(indicator):
                values[(indicator.code, group)] = Parsed(State.NOT_APPLICABLE)
            continue
        for group in groups_of(indicator):
            name = field_name(indicator, group)
            parsed, error = _parse_one(indicator, data.get(name))
            if error:
                errors[name] = error
            elif parsed is not None:
                values[(indicator.code, group)] = parsed
    return values, errors


def indicator_total(indicator: Indicator, values: dict[tuple[str, str], Parsed]) -> int | None:
    """The number an indicator adds up to (its groups summed); None when nothing was entered."""
    numbers = [values[(indicator.code, g)].number for g in groups_of(indicator)
               if (indicator.code, g) in values and values[(indicator.code, g)].state == State.VALUE]
    numbers = [n for n in numbers if n is not None]
    return sum(numbers) if numbers else None


def check_rules(indicators: list[Indicator], values: dict[tuple[str, str], Parsed]) -> tuple[dict[str, str], list[str]]:
    """Rules between indicators: ({field name: error}, [warnings])."""
    errors: dict[str, str] = {}
    warnings: list[str] = []
    by_code = {i.code: i for i in indicators}
    for indicator in indicators:
        if indicator.of_which_id is None:
            continue
        whole = next((i for i in indicators if i.pk == indicator.of_which_id), None)
        part_total, whole_total = indicator_total(indicator, values), indicator_total(whole, values) if whole else None
        if whole is not None and part_total is not None and part_total > (whole_total or 0):
            errors[field_name(indicator, groups_of(indicator)[0])] = _(
                "\"Of which\" (%(part)s) cannot be more than %(code)s (%(whole)s).") % {
                "part": part_total, "code": whole.code, "whole": whole_total or 0}
    a1, a2 = by_code.get("a1"), by_code.get("a2")
    if a1 and a2:
        opened = values.get(("a1", TOTAL))
        attendance = indicator_total(a2, values)
        if attendance and not (opened and opened.state == State.VALUE and opened.number == 1):
            errors[field_name(a2, groups_of(a2)[0])] = _(
                "Attendance at the opening ceremony needs a1 (opening ceremony held) answered yes.")
    t1 = by_code.get("t1")
    if t1 is not None:
        counted = sum(indicator_total(by_code[c], values) or 0 for c in T1_COUNTED if c in by_code)
        total = indicator_total(t1, values)
        if total is not None and total < counted:
            warnings.append(_("t1 (%(t1)s activities) is lower than the activities counted in the other "
                              "indicators (%(counted)s).") % {"t1": total, "counted": counted})
    return errors, warnings


def missing_narratives(sections, narrative: dict) -> dict[str, str]:
    return {f"n.{s.code}": _("This section is required.") for s in sections
            if s.required and not str(narrative.get(s.code, "")).strip()}


def fields_from_report(report) -> dict[str, str]:
    """A stored report as the fields of the page and the API (the inverse of parse_values)."""
    data: dict[str, str] = {}
    if report.pk is None:  # never saved: nothing filled in yet
        return data
    for value in report.values.select_related("indicator"):
        indicator = value.indicator
        if value.state == "na":
            data[na_field_name(indicator)] = "on"
        elif indicator.kind == "yesno":
            data[field_name(indicator, value.group)] = YES if value.number else NO
        elif indicator.kind == "text":
            data[field_name(indicator, value.group)] = value.text
        else:
            data[field_name(indicator, value.group)] = "" if value.number is None else str(value.number)
    for key, text in report.narrative.items():
        data[f"n.{key}"] = text
    return data
