from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.orgs.importing import IMPORTABLE_KINDS
from lifelong.orgs.models import Membership, OrgUnit

KIND_CHOICES = [(k.value, k.label) for k in IMPORTABLE_KINDS]


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=KIND_CHOICES)
    code = forms.CharField(label=_("Code (optional)"), max_length=40, required=False)


class UnitEditForm(UnitForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=OrgUnit.Kind.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class UnitImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.EDITOR)
    unit = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)
