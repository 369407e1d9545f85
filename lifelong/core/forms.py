"""Form pieces shared by every app."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lifelong.core.formats.vi.formats import DATE_INPUT_FORMATS
from lifelong.core.validation import validate_cited_date_in_range, validate_date_in_range

__all__ = ["DATE_INPUT_FORMATS", "DATE_WIDGET", "DayField"]

# What officials type (docs/decisions.md, issue 12): 06/12/2026 and 6/12/2026, with "/", "." or "-"
# between day, month and year, and the ISO 2026-12-06 of browsers and API clients. The formats are in
# lifelong/core/formats/vi/formats.py, so that every DateField of the project reads the same forms.
DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})

# 6/12/26: a two-digit year is refused with the four-digit date proposed, never guessed: a cited law of
# 1945 or 1993 typed that way would silently become 2045 or 2093.
_SHORT_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$")


class DayField(forms.DateField):
    """A date typed as dd/mm/yyyy (see DATE_INPUT_FORMATS), inside the platform's window
    (lifelong.core.validation). Anything else is answered with a message saying how to write it; the
    typed text stays in the field (DATE_WIDGET shows a bound value as it was typed)."""

    default_validators = [validate_date_in_range]
    default_error_messages = {"invalid": _("Write the date as dd/mm/yyyy, for example 01/10/2025.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", DATE_WIDGET)
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            short = _SHORT_YEAR.match(str(value).strip())
            if short:
                day, month, year = short.groups()
                raise ValidationError(
                    _("Write the year with four digits: %(date)s."), code="invalid",
                    params={"date": f"{int(day):02d}/{int(month):02d}/20{year}"}) from None
            raise


class CitedDayField(DayField):
    """The date of a document cited as a legal basis: the same typing, a wider window (from 02/09/1945)."""

    default_validators = [validate_cited_date_in_range]
