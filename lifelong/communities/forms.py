from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.communities.models import Community, Report


class CommunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Community.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("What it is for (optional)"), required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class PostForm(forms.Form):
    title = forms.CharField(label=_("Title of the topic"), max_length=200, required=False)
    body = forms.CharField(label=_("Your message"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5}))
    resource = forms.IntegerField(label=_("Share a resource of the library (its number, optional)"), required=False,
                                  min_value=1, max_value=2**62)
    upload = forms.FileField(label=_("Attach a photo or a PDF (optional)"), required=False)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why?"), choices=Report.Reason.choices, widget=forms.RadioSelect)
