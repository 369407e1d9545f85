"""Reads of learning communities: what the public sees (no hidden post), and the moderation queue."""

from django.db.models import Count, Max, Q, QuerySet

from lifelong.communities.models import Community, Post
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import Role, scope_filter


def public_communities(unit: OrgUnit | None = None) -> QuerySet[Community]:
    communities = Community.objects.filter(closed_at__isnull=True).select_related("unit").annotate(
        member_count=Count("members", distinct=True))
    if unit is not None:
        communities = communities.filter(unit__path__startswith=unit.path)
    return communities.order_by("-member_count", "name")


def topics(community: Community) -> QuerySet[Post]:
    return (Post.objects.filter(community=community, topic__isnull=True, hidden="").select_related("author__learner")
            .annotate(reply_count=Count("replies", filter=Q(replies__hidden=""), distinct=True),
                      last=Max("replies__created_at"))
            .order_by("-last_reply_at", "-created_at", "-pk"))


def visible_replies(topic: Post) -> QuerySet[Post]:
    return topic.replies.filter(hidden="").select_related("author__learner", "resource").order_by("created_at", "pk")


def moderation_queue(user) -> QuerySet[Post]:
    """Posts hidden after reports in the communities whose unit the user edits, with their reports."""
    return (scope_filter(user, Post.objects.filter(hidden=Post.Hidden.REPORTS), unit_field="community__unit",
                         role=Role.EDITOR)
            .select_related("community", "author", "topic").prefetch_related("reports").order_by("hidden_at"))


def author_name(post: Post) -> str:
    if post.author is None:
        return ""
    learner = getattr(post.author, "learner", None)
    return (learner.display_name if learner is not None else "") or post.author.display_name()
