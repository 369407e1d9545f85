from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import Activity, TargetGroup
from lifelong.core.forms import DayField
from lifelong.orgs.models import OrgUnit

SESSION_ROWS = 3
TIME_WIDGET = forms.TimeInput(format="%H:%M", attrs={"placeholder": "08:00", "inputmode": "numeric"})


class ActivityForm(forms.ModelForm):
    target_groups = forms.MultipleChoiceField(label=_("For"), choices=TargetGroup.choices, required=False,
                                              widget=forms.CheckboxSelectMultiple)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = Activity
        fields = ["category", "title", "description", "venue_name", "venue_address", "commune", "mode",
                  "online_url", "capacity", "registration_required", "partners", "budget_state", "budget_social"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "partners": forms.Textarea(attrs={"rows": 2}),
                   "commune": forms.Select()}

    def __init__(self, *args, campaign=None, communes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if campaign is not None:
            self.fields["category"].queryset = campaign.categories.filter(active=True)
        # Vietnamese alphabetical order (OrgUnit.sort_key), whatever order the view gave.
        self.fields["commune"].queryset = communes.order_by("sort_key", "pk") if communes is not None \
            else OrgUnit.objects.none()
        self.fields["commune"].required = False
        for i in range(1, SESSION_ROWS + 1):
            required = i == 1
            self.fields[f"day_{i}"] = DayField(label=_("Date"), required=required)
            self.fields[f"start_{i}"] = forms.TimeField(label=_("From"), required=required, widget=TIME_WIDGET)
            self.fields[f"end_{i}"] = forms.TimeField(label=_("To"), required=required, widget=TIME_WIDGET)

    def session_rows(self):
        return [(self[f"day_{i}"], self[f"start_{i}"], self[f"end_{i}"]) for i in range(1, SESSION_ROWS + 1)]

    def sessions(self) -> list[tuple[datetime, datetime]]:
        tz = timezone.get_current_timezone()
        result = []
        for i in range(1, SESSION_ROWS + 1):
            day, start, end = (self.cleaned_data.get(f"{k}_{i}") for k in ("day", "start", "end"))
            if day and start and end:
                result.append((datetime.combine(day, start, tzinfo=tz), datetime.combine(day, end, tzinfo=tz)))
        return result

    def activity_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in (*self.Meta.fields, "target_groups")}


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    email = forms.CharField(label=_("E-mail (if no phone)"), max_length=254, required=False,
                            widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    group = forms.ChoiceField(label=_("You are"), choices=TargetGroup.choices)
    consent = forms.BooleanField(label=_(
        "I agree that the organiser processes my name and phone number or e-mail only to manage this "
        "registration and the check-in, and deletes them on request (Decree 13/2023/NĐ-CP)."), required=False)
    consent.summary_label = _("Consent")  # the error summary names the box briefly, not by its whole text

    def clean(self):
        """Every problem in one go (the service's own rules), not one per submission."""
        from lifelong.activities.services import registration_errors

        data = super().clean()
        for error in registration_errors(**{k: data.get(k) or "" for k in ("name", "phone", "email", "group")},
                                         consent=bool(data.get("consent"))):
            if error["field"] in self.fields and error["field"] not in self.errors:
                self.add_error(error["field"], error["message"])
        return data


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Ticket code"), max_length=30,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                         "autofocus": True}))


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    group = forms.ChoiceField(label=_("Group"), choices=TargetGroup.choices)
    phone = forms.CharField(label=_("Phone (optional)"), max_length=20, required=False)


class CopyForm(forms.Form):
    first_day = DayField(label=_("New first date"))


class ActivityStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Activity.Status.choices)


class ActivityImportForm(forms.Form):
    file = forms.FileField(label=_("Excel .xlsx or CSV file"))
