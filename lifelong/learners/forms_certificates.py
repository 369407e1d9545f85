"""Forms of the certificate pages: revoking one (with a reason) and looking one up by its code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lifelong.learners.models import Certificate


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=Certificate._meta.get_field("revoke_reason").max_length)


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Certificate code"), max_length=40,
                           widget=forms.TextInput(attrs={"placeholder": "GCN-XXXX-XXXX-XXXXX", "autocomplete": "off",
                                                         "autocapitalize": "characters"}))
