from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifelong.campaigns.models import ActivityCategory
from lifelong.core.forms import DayField
from lifelong.library.models import LICENCES, Collection, Resource


class ResourceForm(forms.Form):
    title = forms.CharField(label=_("Title of the resource"), max_length=500)
    kind = forms.ChoiceField(label=_("Kind"), choices=Resource.Kind.choices)
    licence = forms.ChoiceField(label=_("Licence"), choices=[(k, v[0]) for k, v in LICENCES.items()],
                                help_text=_("“All rights reserved”: only a link is kept, never a copy of the file."))
    upload = forms.FileField(label=_("File (PDF, EPUB, MP3, MP4, H5P or HTML5 package)"), required=False)
    url = forms.CharField(label=_("or its address on the web"), max_length=500, required=False,
                          widget=forms.TextInput(attrs={"inputmode": "url", "placeholder": "https://"}))
    creator = forms.CharField(label=_("Author (optional)"), max_length=300, required=False)
    description = forms.CharField(label=_("Description (optional)"), required=False, max_length=20000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    subjects = forms.CharField(label=_("Subjects, separated by commas (optional)"), max_length=1000, required=False)
    audience = forms.CharField(label=_("For whom (optional)"), max_length=200, required=False)
    teaches = forms.CharField(label=_("What it teaches (optional)"), max_length=300, required=False)
    time_required_minutes = forms.IntegerField(label=_("Time required, in minutes (optional)"), required=False,
                                               min_value=1, max_value=100000)
    provider = forms.CharField(label=_("Course provider (MOOC, optional)"), max_length=200, required=False)
    starts_on = DayField(label=_("Course starts (optional)"), required=False)
    ends_on = DayField(label=_("Course ends (optional)"), required=False)

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("upload", None)
        data["subjects"] = [part for part in data.get("subjects", "").split(",") if part.strip()]
        return data


class ResourceImportForm(forms.Form):
    file = forms.FileField(label=_("Excel .xlsx or CSV file, or a MARCXML catalogue (.xml)"))
    default_licence = forms.ChoiceField(
        label=_("Licence of catalogue records that name none"), choices=[(k, v[0]) for k, v in LICENCES.items()],
        initial="all-rights-reserved",
        help_text=_("For MARCXML only: a spreadsheet gives each row's licence in its own column."))
    collection = forms.ModelChoiceField(label=_("Also list them in (optional)"), queryset=None, required=False)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collection"].queryset = Collection.objects.filter(unit=unit).exclude(kind=Collection.Kind.SHELF)
        self.fields["collection"].empty_label = _("Only the bookshelf")


class CollectionForm(forms.Form):
    name = forms.CharField(label=_("Name of the collection"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=[(Collection.Kind.SHARED, Collection.Kind.SHARED.label),
                                                      (Collection.Kind.CURATED, Collection.Kind.CURATED.label)])
    description = forms.CharField(label=_("Description (optional)"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    category = forms.ModelChoiceField(
        label=_("For the activities of (curated lists, optional)"), queryset=None, required=False,
        help_text=_("The activities of that kind suggest the list on their page."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = ActivityCategory.objects.filter(
            campaign__year__gte=timezone.localdate().year - 1).select_related("campaign").order_by(
            "-campaign__year", "order")
        self.fields["category"].label_from_instance = lambda c: f"{c.campaign.year} · {c}"
