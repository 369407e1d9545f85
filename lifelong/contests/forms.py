from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import Activity
from lifelong.campaigns.models import Campaign
from lifelong.core.forms import DayField

TIME_WIDGET = forms.TimeInput(format="%H:%M", attrs={"placeholder": "08:00", "inputmode": "numeric"})


class ContestCreateForm(forms.Form):
    title = forms.CharField(label=_("Title of the contest"), max_length=300,
                            widget=forms.TextInput(attrs={"placeholder": _("e.g. Cuộc thi trực tuyến tìm hiểu …")}))
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=Campaign.objects.order_by("-year"),
                                      empty_label=None)


class ContestForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title of the contest"), max_length=300)
    rules = forms.CharField(label=_("Rules"), required=False, max_length=20000,
                            widget=forms.Textarea(attrs={"rows": 5}))
    prizes = forms.CharField(label=_("Prizes"), required=False, max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 3}))
    prediction_question = forms.CharField(
        label=_("Prediction question, to break ties (optional)"), required=False, max_length=300,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Dự đoán số người tham gia vòng thi")}))
    prediction_answer = forms.IntegerField(label=_("The true number, once known"), required=False, min_value=0,
                                           max_value=10**12 - 1)
    activity = forms.ModelChoiceField(
        label=_("Announced by the activity (kind e, optional)"), queryset=None, required=False,
        help_text=_("Needed for the winners' certificates, which name it."))
    residents_only = forms.BooleanField(label=_("Only residents of the unit may enter officially (their home "
                                                "commune, in their profile)"), required=False)
    published = forms.BooleanField(label=_("Published: people can see it and enter"), required=False)

    def __init__(self, *args, contest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.filter(
            unit_id=getattr(contest, "unit_id", None), campaign_id=getattr(contest, "campaign_id", None),
            category__code="competition").order_by("-pk") if contest is not None else Activity.objects.none()


class WinnersForm(forms.Form):
    awards = forms.CharField(label=_("Prizes, one per line, from the first place"), max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 4}), initial="Giải Nhất\nGiải Nhì\nGiải Ba")


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name of the round"), max_length=200, initial=_("Round 1"))
    opens_day = DayField(label=_("Opens on"))
    opens_time = forms.TimeField(label=_("at"), widget=TIME_WIDGET, initial="08:00")
    closes_day = DayField(label=_("Closes on"))
    closes_time = forms.TimeField(label=_("at"), widget=TIME_WIDGET, initial="17:00")
    question_count = forms.IntegerField(label=_("Questions per attempt"), min_value=1, max_value=200, initial=20)
    duration_minutes = forms.IntegerField(label=_("Minutes per attempt"), min_value=1, max_value=600, initial=10)
    official_attempts = forms.IntegerField(label=_("Official attempts per person"), min_value=1, max_value=10,
                                           initial=1)
    practice = forms.BooleanField(label=_("Practice allowed (not ranked)"), required=False, initial=True)

    def round_data(self) -> dict:
        tz = timezone.get_current_timezone()
        data = dict(self.cleaned_data)
        data["opens_at"] = datetime.combine(data.pop("opens_day"), data.pop("opens_time"), tzinfo=tz)
        data["closes_at"] = datetime.combine(data.pop("closes_day"), data.pop("closes_time"), tzinfo=tz)
        return data


class QuestionImportForm(forms.Form):
    file = forms.FileField(label=_("Excel .xlsx or CSV file"))
