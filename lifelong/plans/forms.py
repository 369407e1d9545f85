"""Forms of the plan editor: the plan's fields, one text box per activity category, and two row lists."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.campaigns.models import Campaign
from lifelong.core.forms import DATE_WIDGET, CitedDayField, DayField
from lifelong.orgs.models import OrgUnit
from lifelong.plans.models import Assignment, LegalBasis, Plan

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class PlanForm(forms.ModelForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    report_kinds = forms.MultipleChoiceField(
        label=_("Kinds of units below that must report"), required=False, choices=OrgUnit.Kind.choices,
        widget=forms.CheckboxSelectMultiple, help_text=_("None ticked: every unit directly below reports."))

    class Meta:
        model = Plan
        fields = ["doc_kind", "number", "symbol", "issue_date", "issue_place", "parent_body_line",
                  "issuing_body_line", "title", "addressees", "purposes", "theme", "time_and_venue", "week_start",
                  "week_end", "opening_date", "opening_venue", "budget_state", "budget_social", "report_due",
                  "report_to", "report_to_text", "report_kinds", "recipients", "signature_mode", "signature_authority",
                  "signature_title", "signer_name"]
        widgets = {
            "issue_date": DATE_WIDGET, "week_start": DATE_WIDGET, "week_end": DATE_WIDGET,
            "opening_date": DATE_WIDGET, "report_due": DATE_WIDGET,
            "issuing_body_line": forms.Textarea(attrs={"rows": 2}), "addressees": forms.Textarea(attrs={"rows": 2}),
            "purposes": TEXTAREA, "theme": forms.Textarea(attrs={"rows": 2}), "time_and_venue": TEXTAREA,
            "budget_state": forms.Textarea(attrs={"rows": 2}), "budget_social": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        # A date that cannot be read says how to write it (core.forms.DayField), and the typed text stays.
        field_classes = {name: DayField for name in ("issue_date", "week_start", "week_end", "opening_date",
                                                      "report_due")}

    def __init__(self, *args, report_to_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if report_to_choices is not None:
            self.fields["report_to"].queryset = report_to_choices

    def plan_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def activity_fields(campaign: Campaign, initial: dict[str, str]) -> forms.Form:
    """One text box per category of the campaign, plus "other"; the key is the category id or "other"."""

    class ActivitiesForm(forms.Form):
        pass

    form_fields = {}
    for category in campaign.categories.filter(active=True):
        form_fields[f"activity_{category.pk}"] = forms.CharField(
            label=f"{category.letter}) {category.name}", required=False, widget=forms.Textarea(attrs={"rows": 3}),
            initial=initial.get(str(category.pk), ""))
    form_fields["activity_other"] = forms.CharField(
        label=_("Other activities"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        initial=initial.get("other", ""))
    ActivitiesForm.base_fields.update(form_fields)
    return ActivitiesForm


class LegalBasisForm(forms.ModelForm):
    class Meta:
        model = LegalBasis
        fields = ["intro", "kind", "number", "date", "issuer", "subject"]
        widgets = {"date": DATE_WIDGET, "subject": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"date": CitedDayField}


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["assignee", "unit", "role", "task"]
        widgets = {"task": forms.Textarea(attrs={"rows": 2})}


LegalBasisFormSet = forms.formset_factory(LegalBasisForm, extra=1, can_delete=True)
AssignmentFormSet = forms.formset_factory(AssignmentForm, extra=1, can_delete=True)


class PublishForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class DocumentUploadForm(forms.Form):
    file = forms.FileField(label=_("The plan or letter (.docx, .pdf or .txt)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt"}))
    # Asked for only after a file was not recognised as a document about the campaign (views.plan_import).
    read_anyway = forms.BooleanField(label=_("Read this file anyway"), required=False,
                                     widget=forms.HiddenInput)


class PlanImportForm(forms.ModelForm):
    """The fields read from a document, as the user corrects them on the review page."""

    reading = forms.CharField(widget=forms.HiddenInput)
    target = forms.ChoiceField(label=_("Save as"), widget=forms.RadioSelect)
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=Campaign.objects.all())

    class Meta:
        model = Plan
        fields = ["doc_kind", "number", "symbol", "issue_date", "issue_place", "parent_body_line", "issuing_body_line",
                  "title", "addressees", "theme", "week_start", "week_end", "opening_date", "opening_venue",
                  "budget_state", "budget_social", "report_due", "report_to_text", "recipients", "signature_mode",
                  "signature_authority", "signature_title", "signer_name"]
        widgets = PlanForm.Meta.widgets
        field_classes = PlanForm.Meta.field_classes

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = targets

    def plan_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def import_activity_fields(campaign: Campaign | None, initial: dict[str, str]) -> type[forms.Form]:
    """One text box per category code of the campaign, plus "other" (codes, not ids: the campaign may change)."""

    class ImportActivitiesForm(forms.Form):
        pass

    categories = list(campaign.categories.filter(active=True)) if campaign else []
    by_id = {str(c.pk): c.code for c in categories}
    form_fields = {}
    for category in categories:
        form_fields[f"activity_{category.code}"] = forms.CharField(
            label=f"{category.letter}) {category.name}", required=False, widget=forms.Textarea(attrs={"rows": 3}),
            initial=initial.get(str(category.pk), ""))
    form_fields["activity_other"] = forms.CharField(
        label=_("Other activities"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        initial="\n".join(text for key, text in initial.items() if key not in by_id))
    ImportActivitiesForm.base_fields.update(form_fields)
    return ImportActivitiesForm
