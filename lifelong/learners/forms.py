from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import TargetGroup
from lifelong.orgs.models import OrgUnit


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Name to show"), max_length=150)
    birth_year = forms.IntegerField(label=_("Year of birth (optional)"), required=False, min_value=1900,
                                    max_value=2100, widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    home_commune = forms.ModelChoiceField(label=_("Home commune or ward (optional)"), required=False,
                                          queryset=OrgUnit.objects.filter(kind=OrgUnit.Kind.COMMUNE),
                                          widget=forms.RadioSelect)
    target_group = forms.ChoiceField(label=_("You are (optional)"), required=False,
                                     choices=[("", _("I would rather not say")), *TargetGroup.choices])
    reminders = forms.BooleanField(label=_(
        "Remind me the day before an activity I registered for (in the app and by e-mail)."), required=False)

    def __init__(self, *args, communes=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the communes found by the search (and the current one) are offered, not 3,321 of them.
        self.fields["home_commune"].queryset = communes if communes is not None else OrgUnit.objects.none()
