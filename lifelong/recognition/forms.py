from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifelong.core.forms import DayField
from lifelong.recognition.models import Household


def year_choices() -> list[tuple[int, int]]:
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year, this_year - 4, -1)]


class OpenForm(forms.Form):
    scheme = forms.TypedChoiceField(label=_("Title to assess"), coerce=int)
    year = forms.TypedChoiceField(label=_("Year assessed (data from 01/01 to 31/12)"), coerce=int)

    def __init__(self, *args, schemes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].choices = [(s.pk, s.title) for s in schemes]
        self.fields["year"].choices = year_choices()


class EvidenceForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("For the indicator"), coerce=int, required=False, empty_value=None)
    title = forms.CharField(label=_("What it is (optional)"), max_length=300, required=False)
    record = forms.ChoiceField(label=_("A record on this platform"), required=False)
    url = forms.CharField(label=_("or a link"), max_length=500, required=False,
                          widget=forms.TextInput(attrs={"placeholder": "vd. taymo.hanoi.gov.vn/tin-tuc/…",
                                                        "inputmode": "url"}))
    upload = forms.FileField(label=_("or a file (PDF, photo, Word, Excel; up to 10 MB)"), required=False)

    def __init__(self, *args, indicators=(), records=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [("", _("The whole dossier"))] + [
            (i.pk, f"{i.code}. {i.text[:80]}") for i in indicators]
        self.fields["record"].choices = [("", "—")] + [(f"{r.record_type}:{r.record_id}", r.title) for r in records]


class ReviewForm(forms.Form):
    action = forms.ChoiceField(choices=[("accept", _("Accept at the level chosen below (recognised when the decision "
                                                   "is issued)")),
                                        ("return", _("Return for completion")), ("refuse", _("Refuse recognition"))],
                               widget=forms.RadioSelect, label=_("Your review"))
    level = forms.TypedChoiceField(label=_("Recognise at"), coerce=int, required=False, empty_value=None)
    comment = forms.CharField(label=_("Comments (required to return or refuse)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2_000_000_000)

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [(lv.number, lv.name) for lv in levels]


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=10, required=False,
                             widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    symbol = forms.CharField(label=_("Symbol"), max_length=40, required=False)
    issued_on = DayField(label=_("Date signed"), required=False)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=100, required=False)
    signer_name = forms.CharField(label=_("Signer's name"), max_length=100, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2_000_000_000)


class HouseholdForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Village / residential group"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=Household.Kind.choices)
    name = forms.CharField(label=_("Name, as the commune knows it (e.g. Gia đình ông Nguyễn Văn A)"), max_length=150)
    members = forms.IntegerField(label=_("Members (optional)"), required=False, min_value=1, max_value=5000)

    def __init__(self, *args, places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in places]


class HouseholdImportForm(forms.Form):
    file = forms.FileField(label=_("Excel .xlsx or CSV file"))
    year = forms.TypedChoiceField(label=_("Year of the results in the file"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
