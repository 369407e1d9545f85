from django import forms

from lifelong.campaigns.models import Campaign
from lifelong.core.forms import DATE_INPUT_FORMATS, DATE_WIDGET


class CampaignForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Campaign
        fields = ["year", "name", "theme", "start_date", "end_date", "opening_date", "slogans"]
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET, "opening_date": DATE_WIDGET,
                   "theme": forms.Textarea(attrs={"rows": 2}), "slogans": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        for name in ("start_date", "end_date", "opening_date"):
            self.fields[name].input_formats = DATE_INPUT_FORMATS


class CategoryForm(forms.Form):
    code = forms.SlugField(max_length=40)
    letter = forms.CharField(max_length=3)
    name = forms.CharField(max_length=255)
    name_en = forms.CharField(max_length=255, required=False)
    order = forms.IntegerField(required=False, min_value=0)
    active = forms.BooleanField(required=False, initial=True)
