"""The yearly Lifelong Learning Week and the kinds of activity it asks for.

A `Campaign` is one year's Week (Tuần lễ hưởng ứng học tập suốt đời năm 2025): its theme (chủ đề),
its dates (1 to 7 October in recent years, with the opening ceremony on the first day everywhere),
the slogans to use (UNESCO's four pillars by default) and the unit that owns it, the Ministry.
The Ministry's editors create and edit campaigns; everyone else reads them. Only its admins turn on
`separate_review` (separation of duties): a report of the campaign may then not be accepted by the
person who submitted it.

Each campaign lists its `ActivityCategory`s: the kinds of activity the Ministry's letter asks for,
lettered a) to g) in Vietnamese alphabetical order (a, b, c, d, đ, e, g). They change a little from
year to year, so they belong to the campaign and are edited with it. Plans, activities and the
report form refer to them.
"""

from datetime import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifelong.core.validation import EARLIEST_DATE, LATEST_DATE, validate_date_in_range
from lifelong.orgs.models import OrgUnit

UNESCO_SLOGAN = "Học để biết, học để làm, học để chung sống, học để tự khẳng định mình"

# The seven kinds of the Ministry's 2025 letter (GLOSSARY.md): code, letter, Vietnamese name, English name.
DEFAULT_CATEGORIES = [
    ("opening", "a", "Lễ khai mạc Tuần lễ", "Opening ceremony"),
    ("awareness", "b", "Tuyên truyền, tọa đàm, diễn đàn, trạm tư vấn học tập lưu động",
     "Awareness: media, talks and forums, mobile learning-advice stations"),
    ("digital_skills", "c", "Tập huấn, bồi dưỡng kỹ năng số", "Digital-skills training"),
    ("online_learning", "d", "Giới thiệu nền tảng học tập trực tuyến, kho học liệu số",
     "Online-learning platforms and digital resources"),
    ("digital_library", "đ", "Thư viện số, tủ sách số, cộng đồng học tập trực tuyến",
     "Digital libraries and online learning communities"),
    ("competition", "e", "Cuộc thi, trải nghiệm công nghệ", "Competitions and technology experiences"),
    ("career", "g", "Kết nối nhà trường - doanh nghiệp, hướng nghiệp", "School–business connection, careers"),
]


class Campaign(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=[
        MinValueValidator(EARLIEST_DATE.year), MaxValueValidator(LATEST_DATE.year)])
    name = models.CharField(_("name"), max_length=255)
    theme = models.TextField(_("theme"), blank=True)
    start_date = models.DateField(_("start date"), validators=[validate_date_in_range])
    end_date = models.DateField(_("end date"), validators=[validate_date_in_range])
    opening_date = models.DateField(_("opening ceremony date"), null=True, blank=True,
                                    validators=[validate_date_in_range])
    slogans = models.TextField(_("slogans"), blank=True, default=UNESCO_SLOGAN, help_text=_("One per line."))
    owner = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("owner"))
    separate_review = models.BooleanField(
        _("separate submission and acceptance"), default=False,
        help_text=_("When ticked, nobody may accept a results report that they submitted themselves (platform "
                    "operators included); someone else of the level above must accept it. Returning it stays "
                    "allowed."))
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="campaign_end_after_start",
                                   violation_error_message=_("The end date is before the start date.")),
        ]

    def __str__(self) -> str:
        return self.name

    def year_bounds(self) -> tuple[datetime, datetime]:
        """The campaign's calendar year in the platform's time zone, [1 January, next 1 January): the period of the
        results that build up around the Week (digital shelves, clubs, partners), not its seven days."""
        tz = timezone.get_current_timezone()
        return datetime(self.year, 1, 1, tzinfo=tz), datetime(self.year + 1, 1, 1, tzinfo=tz)

    def slogan_list(self) -> list[str]:
        return [line.strip() for line in self.slogans.splitlines() if line.strip()]


class ActivityCategory(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="categories")
    code = models.SlugField(_("code"), max_length=40)
    letter = models.CharField(_("letter"), max_length=3, help_text=_("a, b, c, d, đ, e, g ..."))
    name = models.CharField(_("Vietnamese name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["campaign", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="category_campaign_code_unique")]
        verbose_name_plural = "activity categories"

    def __str__(self) -> str:
        return f"{self.letter}) {self.name}"

    def label(self, language: str = "vi") -> str:
        return self.name_en if language == "en" and self.name_en else self.name
