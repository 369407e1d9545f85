"""Recognition of learning models: schemes as data, self-assessments, reviews, decisions and counts.

Every year the learning-society movement rates communes and villages as "Cộng đồng học tập" (CĐHT),
agencies, schools and People's Committees as "Đơn vị học tập" (ĐVHT), households and clans as "Gia đình /
Dòng họ học tập", and citizens as "Công dân học tập" (CDHT). The rules come from circulars of the Ministry
(Thông tư 25/2023 for CĐHT cấp xã, Thông tư 24/2023 for ĐVHT) and from Hội Khuyến học Việt Nam, and they
change: so they are data (../shared/RECOGNITION.md).

- A `Scheme` is one rule set as published: its source document, the years it applies to, whom it rates
  (`target`, and for units which kinds), and how a level is reached: `levels` (criteria → indicators that
  are met or not; the level reached is the highest whose indicators, and those of every lower level, are
  all met) or `points` (each indicator scored up to its maximum; pass with `pass_total` and no indicator
  below its minimum). `Level`s, `Criterion`s and `Indicator`s hold the wording; whatever could not be
  checked against the published text is marked `confirmed=False` ("chưa đối chiếu văn bản") for the
  Ministry's administrator to complete. Once an assessment uses a scheme it is frozen: a change of the rules
  is a new scheme.
- `AuthorityRule` maps the scheme onto the unit tree: which ancestor recognises (the parent, the province,
  the commune…), and the dossier and decision deadlines. The deepest rule whose unit contains the subject
  wins, so a province can differ from the national default, and the abolished district level needs no code.
- An `Assessment` is one subject's self-assessment for one calendar year: a unit, a `Household` (entered by
  its commune) or a citizen (a user). It goes draft → submitted → accepted (at a level) → recognised (when
  the authority's `Decision` is issued), or back to draft with comments, or refused. Each indicator gets an
  `Answer`, and `Evidence`: a file, a link, or a record of the platform (the Week's plan, report,
  activities), linked rather than uploaded again.
- `RecognitionTally` keeps the counts (applied, recognised, recognised per level, households registered) for
  every unit and each of its ancestors, updated in the same transaction as the change, so any unit's rates
  are a handful of indexed rows however large its subtree.

Households are personal data (Nghị định 13/2023/NĐ-CP): the commune keeps only what rating needs (the name
of the household or clan as the commune knows it, its village, the number of members); they are never shown
publicly and can be erased with their assessments.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lifelong.orgs.models import OrgUnit

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Scheme(models.Model):
    class Target(models.TextChoices):
        COMMUNE = "commune", _("Commune / ward (Cộng đồng học tập cấp xã)")
        PROVINCE = "province", _("Province (Cộng đồng học tập cấp tỉnh)")
        VILLAGE = "village", _("Village / residential group (Cộng đồng học tập cấp thôn)")
        UNIT = "unit", _("Agency, school or unit (Đơn vị học tập)")
        FAMILY = "family", _("Household (Gia đình học tập)")
        CLAN = "clan", _("Clan (Dòng họ học tập)")
        CITIZEN = "citizen", _("Citizen (Công dân học tập)")

    class Method(models.TextChoices):
        LEVELS = "levels", _("Levels: every indicator of a level met")
        POINTS = "points", _("Points: pass mark and a minimum per indicator")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=80)
    source_number = models.CharField(_("source document number"), max_length=60, blank=True)
    source_date = models.DateField(_("source document date"), null=True, blank=True)
    source_issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    source_title = models.CharField(_("source document title"), max_length=400, blank=True)
    source_url = models.URLField(_("where to read it"), max_length=500, blank=True)
    valid_from = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    valid_to = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    target = models.CharField(_("who is rated"), max_length=10, choices=Target.choices)
    # For target "unit": the kinds of OrgUnit the scheme rates (agencies, schools, commune offices…).
    rated_kinds = models.JSONField(_("kinds of unit rated"), default=list, blank=True)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices, default=Method.LEVELS)
    pass_total = models.PositiveSmallIntegerField(_("pass mark (points)"), null=True, blank=True)
    # Citizens self-certify (Công dân học tập): a passing self-assessment counts without a review.
    needs_review = models.BooleanField(_("reviewed by a recognising body"), default=True)
    # The national target for the share recognised (QĐ 387/QĐ-TTg), against which rates are shown.
    target_percent = models.PositiveSmallIntegerField(_("target: share recognised, in percent"), null=True,
                                                      blank=True, validators=[MaxValueValidator(100)])
    target_source = models.CharField(_("target set by"), max_length=200, blank=True)
    confirmed = models.BooleanField(_("checked against the published text"), default=False)
    note = models.TextField(_("note"), blank=True)
    active = models.BooleanField(_("offered for new assessments"), default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target", "-valid_from", "code"]

    def __str__(self) -> str:
        return self.short_title or self.title

    def applies_to_year(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)

    @property
    def is_points(self) -> bool:
        return self.method == self.Method.POINTS

    @property
    def rates_units(self) -> bool:
        return self.target in (self.Target.COMMUNE, self.Target.PROVINCE, self.Target.VILLAGE, self.Target.UNIT)

    def unit_kinds(self) -> list[str]:
        """The kinds of OrgUnit this scheme rates (empty for households and citizens)."""
        if self.target == self.Target.UNIT:
            return list(self.rated_kinds)
        return {self.Target.COMMUNE: [OrgUnit.Kind.COMMUNE], self.Target.PROVINCE: [OrgUnit.Kind.PROVINCE],
                self.Target.VILLAGE: [OrgUnit.Kind.VILLAGE]}.get(self.target, [])


class Level(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(1), MaxValueValidator(9)])
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["scheme", "number"]
        constraints = [models.UniqueConstraint(fields=["scheme", "number"], name="recognition_level_unique")]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=400)
    position = models.PositiveSmallIntegerField(default=0)
    confirmed = models.BooleanField(_("checked against the published text"), default=False)

    class Meta:
        ordering = ["scheme", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="recognition_criterion_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Indicator(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=20)
    text = models.TextField(_("wording"))
    # The lowest level that requires it (levels method); every higher level requires it too.
    level = models.PositiveSmallIntegerField(_("required from level"), default=1,
                                             validators=[MinValueValidator(1), MaxValueValidator(9)])
    max_points = models.PositiveSmallIntegerField(_("maximum points"), null=True, blank=True)
    min_points = models.PositiveSmallIntegerField(_("minimum points"), null=True, blank=True)
    evidence_hint = models.CharField(_("evidence expected"), max_length=400, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    confirmed = models.BooleanField(_("checked against the published text"), default=False)

    class Meta:
        ordering = ["criterion__position", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["criterion", "code", "level"],
                                               name="recognition_indicator_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class AuthorityRule(models.Model):
    class Authority(models.TextChoices):
        PARENT = "parent", _("The unit directly above")
        COMMUNE = "commune", _("The commune or ward")
        PROVINCE = "province", _("The province")
        MINISTRY = "ministry", _("The Ministry")
        UNIT = "unit", _("A named unit (e.g. the Department of Education)")

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="authority_rules")
    # The rule holds for subjects inside this unit's subtree; none means everywhere.
    within = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("for units within"))
    level = models.PositiveSmallIntegerField(_("for level"), null=True, blank=True)
    authority = models.CharField(_("recognised by"), max_length=10, choices=Authority.choices)
    authority_unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                                       verbose_name=_("named recognising unit"))
    # Deadlines in the year after the rated year (01/01–31/12 of the rated year is assessed).
    dossier_due_month = models.PositiveSmallIntegerField(default=2, validators=[MinValueValidator(1),
                                                                                MaxValueValidator(12)])
    dossier_due_day = models.PositiveSmallIntegerField(default=28, validators=[MinValueValidator(1),
                                                                               MaxValueValidator(31)])
    decision_due_month = models.PositiveSmallIntegerField(default=3, validators=[MinValueValidator(1),
                                                                                 MaxValueValidator(12)])
    decision_due_day = models.PositiveSmallIntegerField(default=31, validators=[MinValueValidator(1),
                                                                                MaxValueValidator(31)])

    class Meta:
        ordering = ["scheme", "within__path", "level"]

    def __str__(self) -> str:
        return f"{self.scheme} · {self.get_authority_display()}"


class Household(models.Model):
    class Kind(models.TextChoices):
        FAMILY = "family", _("Household")
        CLAN = "clan", _("Clan")

    commune = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("commune"))
    # The village or residential group, or the commune itself when the commune keeps no villages.
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="households",
                             verbose_name=_("village / residential group"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("household or clan"), max_length=150)
    members = models.PositiveSmallIntegerField(_("members"), null=True, blank=True,
                                               validators=[MaxValueValidator(5000)])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit__path", "kind", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "kind", "name"], name="household_unit_kind_name")]

    def __str__(self) -> str:
        return self.name


class Decision(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")

    authority = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="recognition_decisions",
                                  verbose_name=_("recognising body"))
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="decisions")
    year = models.PositiveSmallIntegerField(_("year rated"), validators=YEAR_VALIDATORS)
    number = models.CharField(_("number"), max_length=20, blank=True)
    symbol = models.CharField(_("symbol"), max_length=40, blank=True)
    issued_on = models.DateField(_("date signed"), null=True, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "authority__path", "-pk"]
        constraints = [models.UniqueConstraint(fields=["authority", "scheme", "year"], name="decision_one_draft",
                                               condition=models.Q(status="draft"))]

    def __str__(self) -> str:
        return f"QĐ {self.number or '…'}/{self.symbol or 'QĐ'} · {self.scheme} {self.year}"


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        SUBMITTED = "submitted", _("Submitted, awaiting review")
        ACCEPTED = "accepted", _("Accepted, awaiting the decision")
        REFUSED = "refused", _("Not recognised")
        RECOGNISED = "recognised", _("Recognised")

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="assessments")
    year = models.PositiveSmallIntegerField(_("year rated"), validators=YEAR_VALIDATORS)
    # Exactly one subject: a unit, a household/clan, or a citizen.
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="recognition_assessments")
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="assessments")
    citizen = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="recognition_assessments")
    # Where it counts and who may see it: the unit itself, the household's village, the citizen's commune.
    home = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    level_applied = models.PositiveSmallIntegerField(_("level applied for"), null=True, blank=True)
    level_granted = models.PositiveSmallIntegerField(_("level recognised"), null=True, blank=True)
    points_total = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    summary = models.TextField(_("summary of the self-assessment"), blank=True)
    authority = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("recognising body"))
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    review_comment = models.TextField(_("comments"), blank=True)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="assessments")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "home__path", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "year", "unit"], name="assessment_unit_once",
                                    condition=models.Q(unit__isnull=False)),
            models.UniqueConstraint(fields=["scheme", "year", "household"], name="assessment_household_once",
                                    condition=models.Q(household__isnull=False)),
            models.UniqueConstraint(fields=["scheme", "year", "citizen"], name="assessment_citizen_once",
                                    condition=models.Q(citizen__isnull=False)),
        ]
        indexes = [models.Index(fields=["authority", "status", "year"], name="assessment_authority_status")]

    def __str__(self) -> str:
        return f"{self.scheme} {self.year} · {self.subject_name}"

    @property
    def subject_name(self) -> str:
        if self.unit_id:
            return self.unit.name
        if self.household_id:
            return self.household.name
        return self.citizen.display_name() if self.citizen_id else ""

    @property
    def editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField(null=True, blank=True)
    points = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    note = models.TextField(_("how it is met"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="answer_once")]

    def __str__(self) -> str:
        return f"{self.assessment_id} · {self.indicator_id}"


class Evidence(models.Model):
    class Kind(models.TextChoices):
        FILE = "file", _("File")
        LINK = "link", _("Link")
        RECORD = "record", _("Record on this platform")

    class Record(models.TextChoices):
        PLAN = "plan", _("Plan")
        REPORT = "report", _("Report")
        ACTIVITY = "activity", _("Activity")
        CERTIFICATE = "certificate", _("Certificate")
        RESOURCE = "resource", _("Library resource")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(upload_to="recognition/%Y/", blank=True, max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    record_type = models.CharField(max_length=12, choices=Record.choices, blank=True)
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator__criterion__position", "indicator__position", "pk"]

    def __str__(self) -> str:
        return self.title


class RecognitionTally(models.Model):
    """How many subjects of one scheme and year are in each state, in a unit and its whole subtree.

    `scheme_code` is "" and `year` 0 for counts that belong to no scheme (households registered).
    """

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    scheme_code = models.CharField(max_length=60)
    year = models.PositiveSmallIntegerField()
    measure = models.CharField(max_length=30)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "scheme_code", "year", "measure"],
                                               name="recognition_tally_unique")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.scheme_code} {self.year} {self.measure}={self.n}"


class ReminderSent(models.Model):
    """One reminder of a dossier deadline sent to one unit, so that none is sent twice."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "scheme", "year", "days_before"],
                                               name="recognition_reminder_once")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.scheme_id} {self.year} −{self.days_before}"
