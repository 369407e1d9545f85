from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import Activity
from lifelong.core.forms import DayField
from lifelong.orgs.permissions import units_editable_by
from lifelong.partners.models import Offer


class BusinessForm(forms.Form):
    name = forms.CharField(label=_("Name of the business"), max_length=300)
    sector = forms.CharField(label=_("Sector (optional)"), max_length=200, required=False)
    website = forms.CharField(label=_("Website (optional)"), max_length=300, required=False)
    contact_name = forms.CharField(label=_("Contact person (optional)"), max_length=150, required=False)
    contact_phone = forms.CharField(label=_("Contact's phone"), max_length=20, required=False)
    contact_email = forms.CharField(label=_("Contact's e-mail"), max_length=254, required=False)
    contact_consent = forms.BooleanField(label=_(
        "The contact person agreed that the unit records these details to arrange visits and internships, sees "
        "them alone, and erases them on request (Decree 13/2023/NĐ-CP)."), required=False)


class OfferForm(forms.Form):
    business = forms.ModelChoiceField(label=_("Business"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("What it offers"), choices=Offer.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description (optional)"), required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    places = forms.IntegerField(label=_("Places (optional)"), required=False, min_value=1, max_value=100000)
    apply_until = DayField(label=_("Apply until (optional)"), required=False)
    activity = forms.ModelChoiceField(label=_("Held as the activity (kind g, optional)"), queryset=None,
                                      required=False)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["business"].queryset = unit.businesses.all()
        self.fields["activity"].queryset = Activity.objects.filter(
            unit__path__startswith=unit.path, category__code="career").order_by("-pk")


class ApplyForm(forms.Form):
    message = forms.CharField(label=_("A few words (optional)"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    school = forms.ModelChoiceField(label=_("For a group of students of (officials only, optional)"),
                                    queryset=None, required=False)
    people = forms.IntegerField(label=_("How many people"), min_value=1, max_value=1000, initial=1)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        schools = units_editable_by(user).filter(kind="school")
        self.fields["school"].queryset = schools
        if not user.is_authenticated or not schools.exists():
            del self.fields["school"]
            del self.fields["people"]
