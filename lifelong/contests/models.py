"""Online contests of the Week: "cuộc thi trực tuyến tìm hiểu …", quizzes run by a unit for its campaign.

A `Contest` belongs to the unit that organises it and to a campaign (and, optionally, to the activity of kind e)
that announces it). It has `Round`s, each open between two moments, which draw a number of questions from the
contest's `Question` bank for a set time (20 questions in 10 minutes, say). Who may enter: anyone with an account
whose e-mail or phone is verified (one person, one entry), and, when the contest says so, only residents of a
subtree (the home commune of the learner's profile).

An `Attempt` is one person's sitting of a round: official (as many per round as the round allows, usually one) or
practice (unlimited, never ranked). Its questions and the order of their choices are drawn from a seed kept with
it, so the same attempt always shows the same paper. Time is the server's: the attempt's `deadline_at` is fixed
when it starts (its duration, or the round's closing, whichever comes first); an answer saved after it is refused
and an attempt submitted late, or never, is closed at its deadline. The answer key never leaves the server while
a round is open.

An attempt's `score` is counted from its stored `Answer`s when it closes; the ranking of a round orders official
attempts by score, then (when the contest asks a prediction question, "dự đoán số người tham gia") by how close
the prediction came to the true number, then by time taken, then by when it was submitted.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import Activity
from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit


class Contest(models.Model):
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="contests",
                             verbose_name=_("organised by"))
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="contests")
    activity = models.ForeignKey(Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="contests",
                                 verbose_name=_("announced by the activity"))
    title = models.CharField(_("title"), max_length=300)
    rules = models.TextField(_("rules"), blank=True)
    prizes = models.TextField(_("prizes"), blank=True)
    # Only residents of this subtree may enter (their profile's home commune lies in it); empty: anyone.
    residents_of = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                     verbose_name=_("only residents of"))
    prediction_question = models.CharField(_("prediction question (tie-break)"), max_length=300, blank=True)
    prediction_answer = models.PositiveBigIntegerField(_("the true number"), null=True, blank=True)
    published = models.BooleanField(_("published"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Round(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("name"), max_length=200)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    question_count = models.PositiveSmallIntegerField(_("questions per attempt"), default=20)
    duration_minutes = models.PositiveSmallIntegerField(_("minutes per attempt"), default=10)
    official_attempts = models.PositiveSmallIntegerField(_("official attempts per person"), default=1)
    practice = models.BooleanField(_("practice allowed"), default=True)

    class Meta:
        ordering = ["opens_at", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")),
                                              name="round_closes_after_it_opens")]

    def __str__(self) -> str:
        return f"{self.contest} · {self.name}"


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One answer")
        MULTIPLE = "multiple", _("Several answers")
        TRUE_FALSE = "truefalse", _("True or false")
        NUMBER = "number", _("A number")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField(_("question"))
    choices = models.JSONField(default=list, blank=True)  # the choices' texts, as written
    # The key: the indexes of the right choices (single: one; multiple: all of them; true/false: [0] true, [1]
    # false), or the number. Never sent to a browser while a round of the contest is open.
    key = models.JSONField()
    points = models.PositiveSmallIntegerField(default=1)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Attempt(models.Model):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contest_attempts")
    practice = models.BooleanField(default=False)
    number = models.PositiveSmallIntegerField(default=1)  # the person's n-th official attempt of the round
    seed = models.BigIntegerField()
    # The paper: [[question id, [choice order]], ...], drawn from the seed when the attempt starts.
    paper = models.JSONField(default=list)
    started_at = models.DateTimeField()
    deadline_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    closed_at_deadline = models.BooleanField(default=False)  # submitted late or never: closed at its deadline
    score = models.PositiveIntegerField(null=True, blank=True)
    duration_ms = models.PositiveBigIntegerField(null=True, blank=True)
    prediction = models.PositiveBigIntegerField(null=True, blank=True)
    flag = models.CharField(max_length=200, blank=True)  # why the organiser should look at it (impossible time ...)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["round", "user", "number"], condition=models.Q(practice=False),
                                               name="attempt_official_once_per_number")]
        indexes = [models.Index(fields=["round", "practice", "submitted_at"], name="attempt_round_ranking")]

    def __str__(self) -> str:
        return f"{self.round} · {self.user_id} · {self.number}"

    @property
    def closed(self) -> bool:
        return self.submitted_at is not None


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.JSONField()  # the chosen choices' indexes as written in the bank, or the number
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="answer_once_per_question")]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.question_id}"
