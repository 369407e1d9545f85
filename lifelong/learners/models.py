"""Citizens who come back: their account, their consent, and what they learned.

A learner is a `User` (the same model as officials, who differ only by their memberships) with a
`LearnerProfile`: the minimum the platform needs (Nghị định 13/2023/NĐ-CP): a display name, the year of
birth if they want, the home commune (to find what happens near them) and, if they want, the group they
belong to (for the Công dân học tập forms later). They sign up with an e-mail address (verified by a link,
django-allauth) or a phone number and a password, and log in with either.

Every processing of their data rests on a `Consent` with its purpose and date, which they can withdraw.
The account itself rests on the "account" consent; withdrawing it is deleting the account.

Their learning record is built from what happened, not typed in: registrations they made while logged in
(or claimed afterwards with a verified e-mail or phone) that were checked in, with the session's hours,
and the `Certificate`s organisers issued them.

A `Certificate` (Giấy chứng nhận) is issued by the unit that organised an activity to a person who took
part. It has a public code: anyone can check it on the verification page, which says whether it is valid
or revoked and shows the holder's name only if the holder agreed (`show_name`). It is also an Open Badges
3.0 credential (a W3C Verifiable Credential) signed with the platform's Ed25519 key, so that it can be
verified without the platform (lifelong/learners/credentials.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import Activity, Registration, TargetGroup
from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit


class LearnerProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner")
    display_name = models.CharField(_("name to show"), max_length=150)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    home_commune = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("home commune or ward"))
    target_group = models.CharField(_("you are"), max_length=15, choices=TargetGroup.choices, blank=True)
    # A phone to log in with (normalised 0xxxxxxxxx); unverified until a code confirms it (there is no SMS
    # gateway yet), so it does not claim earlier registrations by itself.
    phone = models.CharField(_("phone"), max_length=20, null=True, blank=True, unique=True)
    phone_verified = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.display_name


class Consent(models.Model):
    class Purpose(models.TextChoices):
        ACCOUNT = "account", _("Keep my account and my learning record")
        REMINDERS = "reminders", _("Remind me of the activities I registered for")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    text = models.TextField()  # the words the person agreed to, as shown
    given_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.purpose}"


class Certificate(models.Model):
    code = models.CharField(max_length=20, unique=True)
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="certificates")
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="certificates",
                             verbose_name=_("issued by"))
    registration = models.OneToOneField(Registration, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="certificate")
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="certificates")
    holder_name = models.CharField(_("holder's name"), max_length=150)
    hours = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    # What it awards beyond taking part ("Giải Nhất", a contest's prize); empty: a certificate of participation.
    award = models.CharField(_("award"), max_length=200, blank=True)
    show_name = models.BooleanField(_("show my name on the public verification page"), default=False)
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(_("reason"), max_length=300, blank=True)
    credential = models.TextField(blank=True)  # the signed Open Badges 3.0 credential (compact JWS)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["unit", "campaign"], name="certificate_unit_campaign")]

    def __str__(self) -> str:
        return self.code

    @property
    def valid(self) -> bool:
        return self.revoked_at is None
