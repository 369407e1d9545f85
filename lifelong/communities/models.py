"""Learning communities: clubs, forums and study groups of a unit (câu lạc bộ, diễn đàn, nhóm học tập).

A `Community` belongs to the unit that runs it (its editors moderate it). People join it (`Member`) and write
`Post`s: a topic (with a title) or a reply to a topic. A post may share a resource of the library; a community
lists the activities it holds as its events, and its members are told of them.

Moderation, as civic platforms do it:
- anyone signed in may report a post once, for a reason (spam, offensive, does not belong): `Report`;
- a post reported by `HIDE_AFTER_REPORTS` different people is hidden at once, and waits in the moderation queue
  of the unit's editors, who restore it (the reports are then settled) or remove it;
- a new member (joined less than `TRUST_AFTER_DAYS` ago, and with fewer than `TRUST_AFTER_POSTS` posts that stood)
  may not post links or attach files — the usual way spam arrives;
- the text of a post is kept as sanitised HTML (nh3: a short list of tags, links made safe).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lifelong.activities.models import Activity
from lifelong.library.models import Resource
from lifelong.orgs.models import OrgUnit

HIDE_AFTER_REPORTS = 3
TRUST_AFTER_DAYS = 3
TRUST_AFTER_POSTS = 3


class Community(models.Model):
    class Kind(models.TextChoices):
        CLUB = "club", _("Club")
        FORUM = "forum", _("Forum")
        GROUP = "group", _("Study group")

    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="communities",
                             verbose_name=_("run by"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CLUB)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    activities = models.ManyToManyField(Activity, blank=True, related_name="communities",
                                        verbose_name=_("events"))
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["unit__path", "name", "pk"]
        verbose_name_plural = "communities"

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_members")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "user"], name="member_once")]

    def __str__(self) -> str:
        return f"{self.community_id} · {self.user_id}"


class Post(models.Model):
    class Hidden(models.TextChoices):
        REPORTS = "reports", _("Hidden after reports, waiting for a moderator")
        REMOVED = "removed", _("Removed by a moderator")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="posts")
    # The topic a reply answers (None: the post opens a topic).
    topic = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="community_posts")
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("text"))  # sanitised HTML
    resource = models.ForeignKey(Resource, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                 verbose_name=_("a resource of the library"))
    attachment = models.FileField(upload_to="communities/%Y/", blank=True, max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    last_reply_at = models.DateTimeField(null=True, blank=True)
    hidden = models.CharField(max_length=10, choices=Hidden.choices, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)  # a moderator restored it: its reports are settled

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["community", "topic", "hidden"], name="post_community_topic")]

    def __str__(self) -> str:
        return self.title or self.body[:60]


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive or abusive")
        OFF_TOPIC = "off_topic", _("Does not belong here")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "reporter"], name="report_once_per_person")]

    def __str__(self) -> str:
        return f"{self.post_id} · {self.reason}"
