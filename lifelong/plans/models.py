"""Plans and official letters, and how each unit's plan comes from its parent's.

Every year the Ministry sends a Công văn (official letter) to the provinces; each province issues a
Kế hoạch (plan) that implements it, each department and commune a plan that implements the
province's, and so on down to schools and villages. Each document repeats its parent's content with
local changes, cites its parent among its legal bases ("Thực hiện Kế hoạch số 262/KH-UBND ngày
25/9/2025 của UBND Thành phố Hà Nội"), assigns tasks to its own children, and sets the date by which
they must report their results to it.

A `Plan` is one such document of one unit for one campaign, either a plan or a letter, holding
what the documents hold: the header (parent body and issuing body lines, number and symbol, place and
date), title, legal bases (`LegalBasis`), purposes, theme, time and venue, activities per category of
the campaign (`PlanActivity`), budget by source, assignments (`Assignment`: who leads or coordinates
which task), the report deadline and the unit that receives reports, the distribution list (Nơi nhận)
and the signature block.

Life cycle: a plan is a `draft` until published. A published plan is never edited: revising it
creates a new draft (`revision` + 1, `previous` pointing at it); publishing that draft marks the old
one `superseded`, so every issued version is kept. A unit has at most one published and one draft
plan per campaign. `derived_from` records which parent plan a plan was copied from, so the
differences can be shown section by section. `lock_version` guards against two people saving the
same draft over each other.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lifelong.campaigns.models import ActivityCategory, Campaign
from lifelong.core.validation import validate_cited_date_in_range, validate_date_in_range
from lifelong.orgs.models import OrgUnit


class Plan(models.Model):
    class DocKind(models.TextChoices):
        PLAN = "plan", _("Plan (Kế hoạch)")
        LETTER = "letter", _("Official letter (Công văn)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    class SignatureMode(models.TextChoices):
        NONE = "", _("(signs in own name)")
        TM = "TM.", "TM."
        KT = "KT.", "KT."
        Q = "Q.", "Q."
        TL = "TL.", "TL."
        TUQ = "TUQ.", "TUQ."

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="plans")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="plans")
    doc_kind = models.CharField(_("document kind"), max_length=10, choices=DocKind.choices, default=DocKind.PLAN)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    previous = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="next_revision")
    derived_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="derived_plans")

    # Header
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_("Empty until the office numbers it."))
    symbol = models.CharField(_("symbol"), max_length=60, blank=True, help_text=_("e.g. KH-UBND"))
    issue_date = models.DateField(_("issue date"), null=True, blank=True,
                                  validators=[validate_date_in_range])
    issue_place = models.CharField(_("place"), max_length=100, blank=True)
    parent_body_line = models.CharField(_("parent body line"), max_length=200, blank=True)
    issuing_body_line = models.CharField(_("issuing body lines"), max_length=300, blank=True,
                                         help_text=_("One or two lines."))
    title = models.CharField(_("title"), max_length=500, blank=True)
    addressees = models.TextField(_("addressees (Kính gửi)"), blank=True, help_text=_("One per line."))

    # Content
    purposes = models.TextField(_("purposes and requirements"), blank=True)
    theme = models.TextField(_("theme"), blank=True)
    time_and_venue = models.TextField(_("time and venue"), blank=True)
    week_start = models.DateField(_("start of the Week"), null=True, blank=True,
                                  validators=[validate_date_in_range])
    week_end = models.DateField(_("end of the Week"), null=True, blank=True,
                                validators=[validate_date_in_range])
    opening_date = models.DateField(_("opening ceremony date"), null=True, blank=True,
                                    validators=[validate_date_in_range])
    opening_venue = models.CharField(_("opening ceremony venue"), max_length=300, blank=True)
    budget_state = models.TextField(_("budget: state sources"), blank=True)
    budget_social = models.TextField(_("budget: private contributions, sponsorship"), blank=True)

    # Reporting
    report_due = models.DateField(_("report deadline"), null=True, blank=True,
                                  validators=[validate_date_in_range])
    report_to = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                  verbose_name=_("reports go to"))
    report_to_text = models.CharField(_("reports go to (as written)"), max_length=300, blank=True)
    report_kinds = models.JSONField(_("kinds of units that report"), default=list, blank=True,
                                    help_text=_("Empty: every child unit reports."))

    # Closing
    recipients = models.TextField(_("distribution list (Nơi nhận)"), blank=True, help_text=_("One per line."))
    signature_mode = models.CharField(_("signature mode"), max_length=5, choices=SignatureMode.choices, blank=True)
    signature_authority = models.CharField(_("signing authority"), max_length=200, blank=True)
    signature_title = models.CharField(_("signer's title"), max_length=200, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=200, blank=True)

    lock_version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["campaign", "unit__path", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], condition=Q(status="published"),
                                    name="plan_one_published_per_unit"),
            models.UniqueConstraint(fields=["campaign", "unit"], condition=Q(status="draft"),
                                    name="plan_one_draft_per_unit"),
        ]
        indexes = [models.Index(fields=["campaign", "status", "unit"], name="plan_campaign_status_unit")]

    def __str__(self) -> str:
        number = self.reference() or _("(no number)")  # outside the f-string, where makemessages finds it
        return f"{self.get_doc_kind_display()} {number} · {self.unit}"

    @property
    def kind_code(self) -> str:
        return "KH" if self.doc_kind == self.DocKind.PLAN else ""

    def reference(self) -> str:
        """ "262/KH-UBND" or "" when the plan has no number yet."""
        return f"{self.number}/{self.symbol}" if self.number else ""

    def citation(self) -> str:
        """How a child's document cites this one: "Kế hoạch số 262/KH-UBND ngày 25/9/2025 của UBND ..."."""
        kind = "Kế hoạch" if self.doc_kind == self.DocKind.PLAN else "Công văn"
        parts = [kind]
        if self.number:
            parts.append(f"số {self.reference()}")
        if self.issue_date:
            parts.append(f"ngày {self.issue_date.day}/{self.issue_date.month}/{self.issue_date.year}")
        parts.append(f"của {issuer_name(self.unit)}")
        return " ".join(parts)


def issuer_name(unit: OrgUnit) -> str:
    """The body that issues a unit's documents: the People's Committee for provinces and communes."""
    if unit.kind in (OrgUnit.Kind.PROVINCE, OrgUnit.Kind.COMMUNE):
        return f"Ủy ban nhân dân {unit.name}"
    return unit.name


class LegalBasis(models.Model):
    class Intro(models.TextChoices):
        PURSUANT = "Căn cứ", "Căn cứ"
        IMPLEMENTING = "Thực hiện", "Thực hiện"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField(default=0)
    intro = models.CharField(_("introduced by"), max_length=20, choices=Intro.choices, default=Intro.PURSUANT)
    kind = models.CharField(_("kind"), max_length=60, help_text=_("Quyết định, Công văn, Kế hoạch, Luật ..."))
    number = models.CharField(_("number and symbol"), max_length=80, blank=True)
    date = models.DateField(_("date"), null=True, blank=True, validators=[validate_cited_date_in_range])
    issuer = models.CharField(_("issuer"), max_length=300, blank=True)
    subject = models.TextField(_("subject"), blank=True)
    source_plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.sentence()

    def sentence(self) -> str:
        """ "Căn cứ Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ phê duyệt ..." """
        parts = [self.intro, self.kind]
        if self.number:
            parts.append(f"số {self.number}")
        if self.date:
            parts.append(f"ngày {self.date.day}/{self.date.month}/{self.date.year}")
        if self.issuer:
            parts.append(f"của {self.issuer}")
        if self.subject:
            parts.append(self.subject)
        return " ".join(p for p in parts if p)


class PlanActivity(models.Model):
    """The text a plan gives for one category of activity (or for activities outside the categories)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    category = models.ForeignKey(ActivityCategory, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("category"))
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.category or _('Other')}: {self.text[:60]}"


class Assignment(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("leads")
        SUPPORT = "support", _("coordinates")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignments")
    order = models.PositiveSmallIntegerField(default=0)
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("unit"))
    assignee = models.CharField(_("assignee (as written)"), max_length=300)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.LEAD)
    task = models.TextField(_("task"), blank=True)

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.assignee} ({self.get_role_display()})"
