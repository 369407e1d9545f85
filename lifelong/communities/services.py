"""Writes of learning communities: make one, join, post, report, moderate, hold events (models.py explains the
rules). Every write checks who may do it; posts are sanitised with nh3 before they are stored."""

import re
from datetime import timedelta

import nh3
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from lifelong.activities.models import Activity
from lifelong.communities.models import (
    HIDE_AFTER_REPORTS,
    TRUST_AFTER_DAYS,
    TRUST_AFTER_POSTS,
    Community,
    Member,
    Post,
    Report,
)
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.files import kind_by_content
from lifelong.core.text import normalize_text
from lifelong.library.models import Resource
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit
from lifelong.reports.models import Notification

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "blockquote", "a", "code"}
_LINK = re.compile(r"https?://|www\.|<a\s", re.I)
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024


def _fail(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(details=[{"field": field, "message": message}])


def sanitise(text: str) -> str:
    """What people type (plain text, or a little HTML) as safe HTML: allowed tags only, no attributes but a
    link's address (http, https, mailto), links marked nofollow; plain lines become paragraphs."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not re.search(r"<\s*(p|ul|ol|blockquote)\b", text, re.I):
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
        text = "".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in paragraphs)
    return nh3.clean(text, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"},
                     link_rel="nofollow noopener ugc", strip_comments=True)


def is_moderator(user, community: Community) -> bool:
    return can_edit(user, community.unit)


def is_trusted(user, community: Community) -> bool:
    """May post links and files: the unit's editors, and members of some days or with some posts that stood."""
    if is_moderator(user, community):
        return True
    member = Member.objects.filter(community=community, user=user).first()
    if member is None:
        return False
    if member.joined_at <= timezone.now() - timedelta(days=TRUST_AFTER_DAYS):
        return True
    return Post.objects.filter(community=community, author=user, hidden="").count() >= TRUST_AFTER_POSTS


@transaction.atomic
def community_create(*, actor, unit: OrgUnit, kind: str, name: str, description: str = "") -> Community:
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    name = normalize_text(name or "")[:200]
    errors = []
    if kind not in Community.Kind.values:
        errors.append({"field": "kind", "message": _("Choose a club, a forum or a study group.")})
    if not name:
        errors.append({"field": "name", "message": _("Give it a name.")})
    elif Community.objects.filter(unit=unit, name__iexact=name, closed_at__isnull=True).exists():
        errors.append({"field": "name", "message": _("Your unit already has a community of that name.")})
    if errors:
        raise ValidationFailed(details=errors)
    community = Community.objects.create(unit=unit, kind=kind, name=name, description=sanitise(description))
    audit_record(actor=actor, action="communities.community.created", target=community, unit_id=unit.pk)
    return community


def community_join(*, user, community: Community) -> Member:
    if not getattr(user, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to join."))
    if community.closed_at is not None:
        raise ValidationFailed(_("This community is closed."))
    member, _created = Member.objects.get_or_create(community=community, user=user)
    return member


def community_leave(*, user, community: Community) -> None:
    Member.objects.filter(community=community, user=user).delete()


def attachment_kind(upload) -> str | None:
    return kind_by_content(upload, {"pdf", "png", "jpg"})


@transaction.atomic
def post_create(*, actor, community: Community, body: str, title: str = "", topic: Post | None = None,
                resource: Resource | None = None, upload=None) -> Post:
    """A topic (with a title) or a reply to one, by a member (or a moderator) of an open community."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to write."))
    if not (Member.objects.filter(community=community, user=actor).exists() or is_moderator(actor, community)):
        raise PermissionDeniedError(_("Join the community to write in it."))
    if community.closed_at is not None:
        raise ValidationFailed(_("This community is closed."))
    errors = []
    title = normalize_text(title or "")[:200]
    if topic is not None and (topic.community_id != community.pk or topic.topic_id is not None or topic.hidden):
        errors.append({"field": "topic", "message": _("This topic cannot be answered.")})
    if topic is None and not title:
        errors.append({"field": "title", "message": _("Give the topic a title.")})
    if len(body or "") > 20000:
        errors.append({"field": "body", "message": _("Keep it under %(n)s characters.") % {"n": 20000}})
    clean = sanitise(body)
    if not re.sub(r"<[^>]+>|\s|&nbsp;", "", clean):
        errors.append({"field": "body", "message": _("Write something.")})
    trusted = is_trusted(actor, community)
    if not trusted and (_LINK.search(body or "") or _LINK.search(title)):
        errors.append({"field": "body", "message": _(
            "New members cannot post links yet: write without the address, or wait a few days.")})
    if upload is not None:
        if not trusted:
            errors.append({"field": "upload", "message": _("New members cannot attach files yet.")})
        elif upload.size > ATTACHMENT_MAX_BYTES:
            errors.append({"field": "upload", "message": _("The file is larger than %(n)s MB.") % {
                "n": ATTACHMENT_MAX_BYTES // (1024 * 1024)}})
        elif attachment_kind(upload) is None:
            errors.append({"field": "upload", "message": _("Attach a photo (JPEG, PNG) or a PDF.")})
    if resource is not None and (resource.withdrawn_at is not None or not resource.published):
        errors.append({"field": "resource", "message": _("This resource is not in the public library.")})
    if errors:
        raise ValidationFailed(details=errors)
    post = Post.objects.create(community=community, topic=topic, author=actor, title=title if topic is None else "",
                               body=clean, resource=resource, attachment=upload or "")
    if topic is not None:
        Post.objects.filter(pk=topic.pk).update(last_reply_at=post.created_at)
        if topic.author_id and topic.author_id != actor.pk:
            with translation.override("vi"):  # notes are read in the platform's language
                _notify_reply(topic, post, community)
    return post


def _notify_reply(topic: Post, post: Post, community: Community) -> None:
    Notification.objects.create(user_id=topic.author_id, url=f"/cong-dong/chu-de/{topic.pk}/#post-{post.pk}",
                                message=_("New reply to your topic “%(title)s” in %(community)s.") % {
                                    "title": topic.title[:100], "community": community.name})


@transaction.atomic
def post_report(*, actor, post: Post, reason: str) -> Report:
    """One report per person and post; the third (since a moderator last looked) hides the post at once."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to report."))
    if reason not in Report.Reason.values:
        raise _fail("reason", _("Choose why you report it."))
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.author_id == actor.pk:
        raise _fail("reason", _("You cannot report your own post."))
    try:
        with transaction.atomic():
            report = Report.objects.create(post=post, reporter=actor, reason=reason)
    except IntegrityError:
        raise ConflictError(_("You have reported this post already.")) from None
    standing = post.reports.all()
    if post.reviewed_at is not None:
        standing = standing.filter(created_at__gt=post.reviewed_at)
    if not post.hidden and standing.values("reporter").distinct().count() >= HIDE_AFTER_REPORTS:
        post.hidden, post.hidden_at = Post.Hidden.REPORTS, timezone.now()
        post.save(update_fields=["hidden", "hidden_at"])
        audit_record(actor=None, action="communities.post.hidden", target=post, unit_id=post.community.unit_id)
    return report


@transaction.atomic
def post_moderate(*, actor, post: Post, action: str) -> Post:
    """A moderator restores a post (its reports so far are settled) or removes it."""
    post = Post.objects.select_for_update().select_related("community").get(pk=post.pk)
    if not is_moderator(actor, post.community):
        raise PermissionDeniedError()
    if action == "restore":
        post.hidden, post.hidden_at, post.reviewed_at = "", None, timezone.now()
    elif action == "remove":
        post.hidden, post.hidden_at = Post.Hidden.REMOVED, timezone.now()
    else:
        raise _fail("action", _("Restore or remove."))
    post.save(update_fields=["hidden", "hidden_at", "reviewed_at"])
    audit_record(actor=actor, action=f"communities.post.{action}d", target=post, unit_id=post.community.unit_id)
    return post


@transaction.atomic
def community_add_event(*, actor, community: Community, activity: Activity) -> None:
    """One of the unit's activities becomes an event of the community; its members are told."""
    if not is_moderator(actor, community):
        raise PermissionDeniedError()
    if not activity.unit.path.startswith(community.unit.path) or not activity.published:
        raise _fail("activity", _("Choose a published activity of your unit."))
    community.activities.add(activity)
    with translation.override("vi"):
        message = _("%(community)s: a new event, “%(title)s”.") % {"community": community.name,
                                                                     "title": activity.title[:150]}
    Notification.objects.bulk_create([
        Notification(user_id=user_id, url=f"/activities/{activity.pk}/", message=message)
        for user_id in Member.objects.filter(community=community).exclude(user=actor).values_list("user_id",
                                                                                                 flat=True)])
    audit_record(actor=actor, action="communities.event.added", target=community, unit_id=community.unit_id,
                 activity=activity.pk)


def posts_erase_for_account(*, user) -> int:
    """An account is deleted: its posts' words go (replies to them stay readable), its files are deleted."""
    erased = 0
    with translation.override("vi"):
        removed = "<p>" + escape(_("[Removed at the writer's request]")) + "</p>"
    for post in Post.objects.filter(author=user):
        if post.attachment:
            post.attachment.delete(save=False)
        post.author, post.body, post.attachment = None, removed, ""
        post.save(update_fields=["author", "body", "attachment"])
        erased += 1
    return erased
