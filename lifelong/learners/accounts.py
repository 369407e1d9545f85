"""How django-allauth fits the platform: phones kept on the learner's profile, the sign-up form with the
minimum the platform needs and the consent it rests on, and the login name that django-axes counts.

allauth does the flows (sign-up, login by user name, e-mail or phone, e-mail verification by a link,
password reset); this module only tells it where a phone lives and what a learner's account needs.
"""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm, SignupForm
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lifelong.activities.services import normalise_phone
from lifelong.learners import services
from lifelong.learners.models import LearnerProfile
from lifelong.orgs.models import User

logger = logging.getLogger(__name__)

PHONE_HELP = _("A Vietnamese mobile or landline number, e.g. 0912 345 678.")
ACCOUNT_CONSENT = _(
    "I agree that the platform keeps my name, my e-mail address or phone number and what I take part in, to "
    "give me my learning record and my certificates. I can download or delete all of it at any time "
    "(Decree 13/2023/NĐ-CP).")


class VietnamesePhoneField(forms.CharField):
    """A phone as people type it (0912 345 678, +84 912 345 678), cleaned to 0912345678, or refused."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        number = normalise_phone(value)
        if not services.PHONE_PATTERN.match(number):
            raise ValidationError(PHONE_HELP)
        return number


class LearnerAccountAdapter(DefaultAccountAdapter):
    """Phones live on LearnerProfile (normalised 0xxxxxxxxx). There is no SMS gateway: phones are not
    verified, so a phone alone never claims earlier registrations (an e-mail verified by its link does)."""

    # allauth's messages in the platform's words (and so in its Vietnamese catalogue).
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account is not active."),
        "email_password_mismatch": _("The e-mail address or the password is not right."),
        "phone_password_mismatch": _("The phone number or the password is not right."),
        "username_password_mismatch": _("The user name or the password is not right."),
        "invalid_login": _("The login or the password is not right."),
        "email_taken": _("This e-mail address is already used by an account."),
        "phone_taken": _("This phone number is already used by an account."),
        "invalid_or_expired_key": _("This link has expired or is not valid."),
        "invalid_password_reset": _("This link has expired or is not valid."),
        "too_many_login_attempts": _("Too many failed attempts. Wait a few minutes and try again."),
        "rate_limited": _("Too many requests. Wait a minute and try again."),
        "unknown_email": _("No account uses this e-mail address."),
        "unverified_primary_email": _("Confirm your e-mail address first: the link is in your mailbox."),
    }

    def phone_form_field(self, **kwargs):
        kwargs.setdefault("label", _("Phone"))
        kwargs.setdefault("help_text", PHONE_HELP)
        return VietnamesePhoneField(max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel",
                                                                                "autocomplete": "tel"}), **kwargs)

    def clean_phone(self, phone: str) -> str:
        number = normalise_phone(phone)
        if not services.PHONE_PATTERN.match(number):
            raise ValidationError(PHONE_HELP)
        return number

    def set_phone(self, user, phone: str, verified: bool) -> None:
        LearnerProfile.objects.update_or_create(
            user=user, defaults={"phone": normalise_phone(phone), "phone_verified": verified},
            create_defaults={"phone": normalise_phone(phone), "phone_verified": verified,
                             "display_name": user.display_name()})

    def get_phone(self, user):
        profile = LearnerProfile.objects.filter(user=user).exclude(phone=None).first()
        return (profile.phone, profile.phone_verified) if profile else None

    def set_phone_verified(self, user, phone: str) -> None:
        LearnerProfile.objects.filter(user=user, phone=normalise_phone(phone)).update(phone_verified=True)

    def get_user_by_phone(self, phone: str):
        return User.objects.filter(learner__phone=normalise_phone(phone), is_active=True).first()

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        # Not reached while ACCOUNT_PHONE_VERIFICATION_ENABLED is off; an SMS gateway plugs in here.
        logger.warning("No SMS gateway: verification code for %s not sent", phone[-3:])


class OneLoginForm(LoginForm):
    """allauth's login with the words of the platform: one field for a user name, an e-mail or a phone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("User name, e-mail or phone")
        self.fields["login"].widget.attrs.update({"placeholder": "", "autocomplete": "username",
                                                  "autocapitalize": "none"})
        self.fields["password"].label = _("Password")
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs["placeholder"] = ""
        if "remember" in self.fields:
            self.fields["remember"].label = _("Stay logged in on this device (not on a shared computer)")


class LearnerSignupForm(SignupForm):
    """allauth's sign-up (e-mail and/or phone, password twice) with a name, the consent, and one way to log in."""

    field_order = ["display_name", "email", "phone", "password1", "password2", "consent"]

    display_name = forms.CharField(label=_("Your name"), max_length=150,
                                   widget=forms.TextInput(attrs={"autocomplete": "name"}))
    consent = forms.BooleanField(label=ACCOUNT_CONSENT, required=True, error_messages={
        "required": _("An account needs your consent to keep your data.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].summary_label = _("Consent")
        for name, label in (("password1", _("Password")), ("password2", _("Password again"))):
            if name in self.fields:
                self.fields[name].label = label
                self.fields[name].widget.attrs["placeholder"] = ""
        self.fields["password1"].help_text = _("At least 8 characters; not only digits, not a common password.")
        if "email" in self.fields:
            self.fields["email"].label = _("E-mail")
            self.fields["email"].help_text = _("To confirm your account, claim your earlier registrations and "
                                               "reset your password. Give it or a phone number, or both.")

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.errors.get("email") \
                and not self.errors.get("phone"):
            raise ValidationError(_("Give an e-mail address or a phone number: it is how you will log in."))
        return data

    def custom_signup(self, request, user):
        services.learner_signed_up(user=user, display_name=self.cleaned_data["display_name"],
                                   consent_text=str(ACCOUNT_CONSENT))


def axes_username(request, credentials) -> str:
    """What django-axes counts failures against: the user name, e-mail or phone typed in the one login field."""
    credentials = credentials or {}
    for key in ("username", "email", "phone", "login"):
        if credentials.get(key):
            return str(credentials[key])
    return request.POST.get("login", "") if request is not None and hasattr(request, "POST") else ""
