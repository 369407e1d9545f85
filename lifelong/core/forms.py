"""Form pieces shared by every app."""

from django import forms

# Officials type dates as 01/10/2025; the ISO form is accepted too (browsers, API clients).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
