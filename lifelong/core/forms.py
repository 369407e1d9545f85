"""Form pieces shared by every app."""

from django import forms

from lifelong.core.validation import validate_date_in_range

# Officials type dates as 01/10/2025; the ISO form is accepted too (browsers, API clients).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class DayField(forms.DateField):
    """A date typed as dd/mm/yyyy (or ISO), inside the platform's window (lifelong.core.validation)."""

    default_validators = [validate_date_in_range]

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", DATE_WIDGET)
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)
