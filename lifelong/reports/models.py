"""Results reports: the form, who must report by when, the reports, and the totals up the tree.

After the Week every unit reports its own results to its parent, before the deadline the parent's
plan set. The **form** is data: a campaign's `Indicator`s (counts, money, yes/no, text; some broken
down by participant group — officials, learners, residents; some "of which" sub-counts of another)
and its `NarrativeSection`s. The 2025 default is ../shared/REPORT_FORM_2025.md (form_2025.py).

When a unit publishes a plan with a report deadline, each of its children becomes an
`ExpectedReporter` with that due date (the Ministry's letter makes the provinces expected reporters).
A parent may excuse a child, with a reason.

A `Report` belongs to one unit and one campaign and holds only that unit's own numbers, as
`ReportValue`s: one row per indicator (and per group for broken-down indicators). No row means
"not filled in", a row with state `na` means "not applicable", and a row with 0 means zero — three
different answers. Pre-filled indicators keep the proposed value next to the reported one.
Workflow: draft → submitted → accepted, or returned to draft with a required comment; every step is
a `ReportEvent`. Submitting after the due date is allowed and marked late. A parent can lock
reporting for a campaign (`ReportingLock`) and let some children through (`LockException`).

`Total` holds, for every unit, the sums of its own report and of every report below it, per
indicator and group, in two columns: counting submitted and accepted reports, and counting accepted
ones only. The services keep it right at each submit, return and accept (one upsert per ancestor
row, no batch job), so reading the whole country's totals reads a few dozen rows. The rows of the
Ministry and the provinces, which every submit below them would write at the deadline, are not
updated by each transition: it appends its change to `TotalDelta` (and `CountDelta` for the
completeness counts), which is folded into them about once a second; readers add the deltas not yet
folded, so what they show is exact at every moment (totals.py, folding.py, docs/reporting.md).

`Notification` and `ReminderLog` carry reminders to the members of units that have not reported;
the log makes sure no unit gets the same reminder twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit


class ParticipantGroup(models.TextChoices):
    OFFICIALS = "officials", _("Officials, civil servants, workers")
    LEARNERS = "learners", _("Pupils, students, learners")
    RESIDENTS = "residents", _("Residents")


GROUPS = [g.value for g in ParticipantGroup]
TOTAL = ""  # the group key of a value that is not broken down, and of a broken-down indicator's total


class Indicator(models.Model):
    class Kind(models.TextChoices):
        COUNT = "count", _("count")
        MONEY = "money", _("money (đồng)")
        YESNO = "yesno", _("yes / no")
        TEXT = "text", _("text")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="indicators")
    section = models.CharField(_("section"), max_length=5)
    code = models.SlugField(_("code"), max_length=20)
    label = models.CharField(_("Vietnamese label"), max_length=300)
    label_en = models.CharField(_("English label"), max_length=300, blank=True)
    unit_label = models.CharField(_("unit"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNT)
    breakdown = models.BooleanField(_("broken down by participant group"), default=False)
    of_which = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="parts",
                                 verbose_name=_("of which (may not exceed)"))
    min_value = models.BigIntegerField(_("minimum"), null=True, blank=True)
    max_value = models.BigIntegerField(_("maximum"), null=True, blank=True)
    help_text = models.TextField(_("help text"), blank=True)
    prefill = models.BooleanField(_("pre-filled from activities"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    retired = models.BooleanField(_("retired"), default=False)

    class Meta:
        ordering = ["campaign", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="indicator_campaign_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {self.label}"

    def label_for(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.label

    @property
    def is_numeric(self) -> bool:
        return self.kind != self.Kind.TEXT


class NarrativeSection(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="narrative_sections")
    code = models.SlugField(max_length=30)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["campaign", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="narrative_campaign_code_unique")]

    def __str__(self) -> str:
        return self.title


class ExpectedReporter(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="expected_reporters")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField(_("due date"))
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    excused = models.BooleanField(_("excused"), default=False)
    excuse_reason = models.TextField(_("reason"), blank=True)
    excused_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    excused_at = models.DateTimeField(null=True, blank=True)
    # Copies kept by the services so that completeness reads one table: the unit's place in the tree
    # (units never move) and the state of its report (set at each submit, accept and return).
    unit_path = models.CharField(max_length=255, default="")
    unit_depth = models.PositiveSmallIntegerField(default=0)
    report_status = models.CharField(max_length=10, blank=True, default="")
    report_late = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="expected_campaign_unit_unique")]
        indexes = [
            models.Index(fields=["campaign", "parent"], name="expected_campaign_parent"),
            models.Index(fields=["campaign", "unit_path"], name="expected_campaign_path",
                         opclasses=["int8_ops", "varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit} → {self.parent} ({self.due_date:%d/%m/%Y})"


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    late = models.BooleanField(default=False)
    return_comment = models.TextField(blank=True)
    lock_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="report_campaign_unit_unique")]
        indexes = [models.Index(fields=["campaign", "status"], name="report_campaign_status")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.campaign.year} · {self.get_status_display()}"

    @property
    def counted(self) -> bool:
        """Whether the report is in its ancestors' totals (submitted or accepted)."""
        return self.status in (self.Status.SUBMITTED, self.Status.ACCEPTED)


class ReportValue(models.Model):
    class State(models.TextChoices):
        VALUE = "value", _("value")
        NOT_APPLICABLE = "na", _("not applicable")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    group = models.CharField(max_length=12, blank=True, default=TOTAL)
    state = models.CharField(max_length=5, choices=State.choices, default=State.VALUE)
    number = models.BigIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    proposed = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "indicator", "group"],
                                               name="value_report_indicator_group_unique")]

    def __str__(self) -> str:
        return f"{self.indicator.code}/{self.group or '-'}={self.number if self.state == 'value' else 'n/a'}"


class ReportEvent(models.Model):
    class Action(models.TextChoices):
        SAVED = "saved", _("saved")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        ACCEPTED = "accepted", _("accepted")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=12, choices=Action.choices)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    comment = models.TextField(blank=True)
    late = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.action} {self.created_at:%d/%m/%Y %H:%M}"


class ReportingLock(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    locked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="lock_campaign_unit_unique")]

    def __str__(self) -> str:
        return f"lock {self.unit_id} · {self.campaign_id}"


class LockException(models.Model):
    lock = models.ForeignKey(ReportingLock, on_delete=models.CASCADE, related_name="exceptions")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lock", "unit"], name="lock_exception_unique")]

    def __str__(self) -> str:
        return f"exception {self.unit_id} · lock {self.lock_id}"


class Total(models.Model):
    """Sums of a unit's own report and of every report below it, maintained at each transition."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    group = models.CharField(max_length=12, blank=True, default=TOTAL)
    submitted_sum = models.BigIntegerField(default=0)  # submitted and accepted reports
    accepted_sum = models.BigIntegerField(default=0)  # accepted reports only

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "indicator", "group"],
                                               name="total_campaign_unit_indicator_group_unique")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.indicator_id}/{self.group or '-'}: {self.submitted_sum} ({self.accepted_sum})"


class CompletenessCount(models.Model):
    """How many expected reporters in a unit's subtree (the unit included) are in each state, per depth and
    due date; kept by the services at every change so that completeness reads a few rows at any level.
    `open` splits into missing (due date passed) and not yet due when read."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    depth = models.PositiveSmallIntegerField()
    due_date = models.DateField()
    state = models.CharField(max_length=10)  # open, on_time, late, excused
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "depth", "due_date", "state"],
                                               name="completeness_count_unique")]

    def __str__(self) -> str:
        return f"{self.unit_id} d{self.depth} {self.due_date} {self.state}: {self.n}"


class TotalDelta(models.Model):
    """A change to a `Total` row of a hot level (the Ministry, a province) not folded into it yet.

    Transitions only append here (no shared row is written, so no submit waits for another); folding
    adds them up into `Total` and deletes them in one statement. Readers add them to `Total`."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+", db_index=False)
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", db_index=False)
    group = models.CharField(max_length=12, blank=True, default=TOTAL)
    submitted_sum = models.BigIntegerField(default=0)
    accepted_sum = models.BigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["campaign", "unit"], name="totaldelta_campaign_unit")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.indicator_id}/{self.group or '-'}: +{self.submitted_sum} (+{self.accepted_sum})"


class CountDelta(models.Model):
    """A change to a `CompletenessCount` row of a hot level not folded into it yet (as `TotalDelta`)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+", db_index=False)
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    depth = models.PositiveSmallIntegerField()
    due_date = models.DateField()
    state = models.CharField(max_length=10)
    n = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["campaign", "unit"], name="countdelta_campaign_unit")]

    def __str__(self) -> str:
        return f"{self.unit_id} d{self.depth} {self.due_date} {self.state}: {self.n:+d}"


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    message = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.message[:80]


class ReminderLog(models.Model):
    """One row per reminder a unit is to receive, written when it is decided and marked when the worker
    delivers it; its kind ("manual:2025-10-16", "before_due", "on_due", "returned:<event id>") makes a
    second identical reminder impossible."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=60)
    message = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "kind"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.unit_id}"
