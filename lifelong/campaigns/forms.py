from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.campaigns.models import Campaign
from lifelong.core.forms import DATE_WIDGET, DayField


class CampaignForm(forms.ModelForm):
    """`admin=False` (an editor who is not an admin of the owner) leaves out the separation-of-duties box."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Campaign
        fields = ["year", "name", "theme", "start_date", "end_date", "opening_date", "slogans", "separate_review"]
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET, "opening_date": DATE_WIDGET,
                   "theme": forms.Textarea(attrs={"rows": 2}), "slogans": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"start_date": DayField, "end_date": DayField, "opening_date": DayField}

    def __init__(self, *args, admin: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not admin:
            del self.fields["separate_review"]
        self.fields["name"].required = False

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:  # said next to the field, before the model's constraint would say it
            self.add_error("end_date", _("The end date is before the start date."))
        return data


class CategoryForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    letter = forms.CharField(label=_("Letter"), max_length=3)
    name = forms.CharField(label=_("Name"), max_length=255)
    name_en = forms.CharField(label=_("Name in English"), max_length=255, required=False)
    order = forms.IntegerField(label=_("Order"), required=False, min_value=0)
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)
