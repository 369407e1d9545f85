"""School–business links (kind g of the Ministry's letter): businesses as partners of a unit, and their offers.

A `Business` is a partner of the unit that records it (a school, a commune): its name and sector are public; its
contact person is kept only with that person's consent (Nghị định 13/2023/NĐ-CP), shown only to the unit's
officials, and erased on request. An `Offer` is what the business proposes — a visit, an internship, a career
talk, job openings for learners — with its places and the last day to apply, optionally tied to the activity of
kind g) that holds it. People (with an account) and schools (for a group of their students) apply
(`Application`); the partner unit's officials accept or decline, and the applicant is told.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import Activity
from lifelong.orgs.models import OrgUnit


class Business(models.Model):
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="businesses",
                             verbose_name=_("partner of"))
    name = models.CharField(_("name of the business"), max_length=300)
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact's phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact's e-mail"), blank=True)
    contact_consent_at = models.DateTimeField(null=True, blank=True)  # when the contact agreed to be recorded
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name_plural = "businesses"

    def __str__(self) -> str:
        return self.name


class Offer(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        INTERNSHIP = "internship", _("Internship")
        CAREER_TALK = "career_talk", _("Career talk")
        JOB = "job", _("Job openings")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    places = models.PositiveIntegerField(_("places"), null=True, blank=True)
    apply_until = models.DateField(_("apply until"), null=True, blank=True)
    activity = models.ForeignKey(Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="offers",
                                 verbose_name=_("held as the activity"))
    published = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Application(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="applications")
    # A person applies for themself, or a school's official for a group of its students.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offer_applications")
    school = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    people = models.PositiveSmallIntegerField(default=1)
    message = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["offer", "user"], name="application_once_per_person")]

    def __str__(self) -> str:
        return f"{self.offer_id} · {self.user_id}"
