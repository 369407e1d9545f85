"""What units organise during the Week, who signs up, and who comes.

An `Activity` is organised by one unit for one campaign, in one of the campaign's categories (a–g:
opening ceremony, awareness, digital skills ...): a title and description, where it happens (venue,
address, and the commune, which places it on the public map of the country), the mode (in person,
online, both), who it is for (officials, learners, residents, disadvantaged groups), capacity and
whether registration is needed, partner businesses, planned budget, and a status (planned, held,
cancelled). It is visible to the public once published. It takes place in one or more `Session`s.

A person signs up for a session with a `Registration`: name, phone or e-mail, group, and an explicit
consent to the processing of their personal data (Nghị định 13/2023/NĐ-CP). The registration gets a
ticket code that is signed (an HMAC over a random part), so it can be typed or scanned but not
guessed or forged. Capacity is enforced with a row lock on the session: when it is full, people join
the waiting list and are promoted in order when someone cancels. One phone or e-mail holds at most one
place per session (`contact_key`). At the door the organiser checks people in, once each; people
without a registration can be added there (walk-ins). Where the connection fails, the check-in page keeps
working offline and sends what it recorded later as `OfflineCheckIn`s, each with a key that makes a
resend harmless (docs/offline.md). Personal data is never shown publicly, and a
registration is erased (not just hidden) on request.

Held activities and their check-ins propose the pre-filled indicators of the results report.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lifelong.campaigns.models import ActivityCategory, Campaign
from lifelong.core.validation import validate_date_in_range
from lifelong.orgs.models import OrgUnit


class TargetGroup(models.TextChoices):
    OFFICIALS = "officials", _("Officials, civil servants, workers")
    LEARNERS = "learners", _("Pupils, students, learners")
    RESIDENTS = "residents", _("Residents")
    DISADVANTAGED = "disadvantaged", _("Disadvantaged groups, remote areas")


class Activity(models.Model):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person and online")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="activities")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="activities",
                             verbose_name=_("organiser"))
    category = models.ForeignKey(ActivityCategory, on_delete=models.PROTECT, related_name="activities",
                                 verbose_name=_("category"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    venue_name = models.CharField(_("venue"), max_length=300, blank=True)
    venue_address = models.CharField(_("address"), max_length=500, blank=True)
    commune = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("commune where it happens"))
    province = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 editable=False)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    online_url = models.URLField(_("online link"), blank=True)
    # Stored as ",officials,residents," so that one group is found with a plain LIKE on any database.
    target_groups = models.CharField(_("for"), max_length=100, blank=True, default="")
    capacity = models.PositiveIntegerField(_("places per session"), null=True, blank=True,
                                           help_text=_("Empty: no limit."))
    registration_required = models.BooleanField(_("registration needed"), default=False)
    partners = models.TextField(_("partner businesses and organisations"), blank=True)
    budget_state = models.BigIntegerField(_("planned budget: state (đồng)"), null=True, blank=True)
    budget_social = models.BigIntegerField(_("planned budget: contributions (đồng)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    published = models.BooleanField(_("published"), default=False)
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    search_key = models.CharField(max_length=600, editable=False, db_index=True)
    # First start and last end of its sessions, kept by the services: the public list is ordered and
    # split into upcoming and past by them without touching the sessions.
    starts_at = models.DateTimeField(null=True, editable=False)
    ends_at = models.DateTimeField(null=True, editable=False)
    unit_path = models.CharField(max_length=255, editable=False, default="")  # the organiser's, for subtree feeds
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name_plural = "activities"
        indexes = [
            models.Index(fields=["published", "province", "starts_at"], name="activity_pub_province_start"),
            models.Index(fields=["published", "starts_at"], name="activity_published_start"),
            # What is still to come, soonest to end first, of any kind or of one (the learning assistant's window).
            models.Index(fields=["published", "ends_at"], name="activity_published_end"),
            models.Index(fields=["published", "category", "ends_at"], name="activity_pub_category_end"),
            models.Index(fields=["published", "commune"], name="activity_published_commune"),
            models.Index(fields=["unit_path"], name="activity_unit_path", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.title

    def target_group_list(self) -> list[str]:
        return [g for g in self.target_groups.split(",") if g]

    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels[g]) for g in self.target_group_list() if g in labels]


class Session(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"), validators=[validate_date_in_range])
    ends_at = models.DateTimeField(_("ends"), validators=[validate_date_in_range])
    # Kept by the services under the session's row lock: capacity is checked against them.
    confirmed_count = models.PositiveIntegerField(default=0)
    waiting_count = models.PositiveIntegerField(default=0)
    checked_in_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at"], name="session_starts")]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")),
                                              name="session_ends_after_start")]

    def __str__(self) -> str:
        return f"{self.activity} · {self.starts_at:%d/%m/%Y %H:%M}"

    def places_left(self) -> int | None:
        capacity = self.activity.capacity
        return None if capacity is None else max(0, capacity - self.confirmed_count)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_key = models.CharField(max_length=200)  # the normalised phone or e-mail
    group = models.CharField(_("group"), max_length=15, choices=TargetGroup.choices)
    consent_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices)
    waiting_position = models.PositiveIntegerField(null=True, blank=True)
    code = models.CharField(max_length=20, unique=True)
    walk_in = models.BooleanField(default=False)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    # The learner's account the registration belongs to (made while logged in, or claimed later with a
    # verified e-mail or phone); cleared when the account is deleted, the anonymous row stays counted.
    account = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="registrations")
    reminded_at = models.DateTimeField(null=True, blank=True)  # the day-before reminder, sent once
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "contact_key"], condition=~Q(status="cancelled"),
                                    name="registration_one_place_per_contact"),
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.get_status_display()}"


class OfflineCheckIn(models.Model):
    """A check-in or walk-in made on an organiser's device, often offline, and sent when the connection returned.

    The device gives each one a random key; the key is unique, so sending the same queue again (a retry
    after a lost answer) answers what the first sending answered and counts nothing twice. A code already
    checked in (on another device, or online) is kept as a conflict for the organiser to see, not counted.
    """

    class Kind(models.TextChoices):
        CHECK_IN = "check_in", _("Check-in")
        WALK_IN = "walk_in", _("Walk-in")

    class Outcome(models.TextChoices):
        COUNTED = "counted", _("Counted")
        CONFLICT = "conflict", _("Already checked in elsewhere")
        REFUSED = "refused", _("Refused")

    key = models.UUIDField(unique=True)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="offline_check_ins")
    # Cleared when the person's data is erased; the record of what the device sent stays, without a name.
    registration = models.ForeignKey(Registration, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="offline_check_ins")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    device = models.CharField(max_length=40)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    message = models.CharField(max_length=300, blank=True)
    made_at = models.DateTimeField()  # by the device's clock, kept within a plausible window
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "received_at", "pk"]
        indexes = [models.Index(fields=["session", "outcome"], name="offline_checkin_outcome")]

    def __str__(self) -> str:
        return f"{self.kind} · {self.outcome} · {self.device}"
