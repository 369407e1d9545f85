from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.reports.models import Indicator


class IndicatorForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=20, help_text=_("An existing code changes that indicator."))
    label = forms.CharField(label=_("Vietnamese label"), max_length=300)
    label_en = forms.CharField(label=_("English label"), max_length=300, required=False)
    section = forms.CharField(label=_("Section"), max_length=5, required=False)
    unit_label = forms.CharField(label=_("Unit of measure"), max_length=60, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Indicator.Kind.choices)
    breakdown = forms.BooleanField(label=_("Broken down by participant group"), required=False)
    order = forms.IntegerField(label=_("Position"), min_value=0, required=False)
    retired = forms.BooleanField(label=_("Retired"), required=False)
    help_text = forms.CharField(label=_("Help text"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
