"""Pages of learning communities: the list, a community (its topics, join, a new topic), a topic (its replies),
reporting a post; and, for the unit's editors, making communities, events and the moderation queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.activities.models import Activity
from lifelong.communities import selectors, services
from lifelong.communities.forms import CommunityForm, PostForm, ReportForm
from lifelong.communities.models import Community, Member, Post
from lifelong.core.errors import ServiceError
from lifelong.core.ratelimits import rate_limit
from lifelong.core.validation import parse_int_param
from lifelong.core.web import add_service_errors, flash_service_error
from lifelong.library.models import Resource
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit, can_view


def community_list(request):
    unit_id = parse_int_param(request.GET.get("unit"), minimum=1)
    unit = OrgUnit.objects.filter(pk=unit_id).first() if unit_id else None
    return render(request, "communities/list.html", {
        "communities": selectors.public_communities(unit)[:100], "unit": unit})


def _open_community(pk: int) -> Community:
    return get_object_or_404(Community.objects.select_related("unit"), pk=pk, closed_at__isnull=True)


def _post_from(request, form, community, topic=None):
    resource = None
    if form.cleaned_data.get("resource"):
        resource = Resource.objects.filter(pk=form.cleaned_data["resource"]).first()
        if resource is None:
            form.add_error("resource", _("No resource of the library has that number."))
            return None
    try:
        return services.post_create(actor=request.user, community=community, topic=topic, resource=resource,
                                    title=form.cleaned_data.get("title") or "", body=form.cleaned_data["body"],
                                    upload=form.cleaned_data.get("upload"))
    except ServiceError as exc:
        add_service_errors(form, exc)
        return None


def community_detail(request, pk: int):
    community = _open_community(pk)
    form = PostForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        rate_limit(request, "community")
        if form.is_valid():
            post = _post_from(request, form, community)
            if post is not None:
                return redirect("community_topic", pk=post.pk)
        status = 400
    member = request.user.is_authenticated and Member.objects.filter(community=community, user=request.user).exists()
    return render(request, "communities/detail.html", {
        "community": community, "topics": selectors.topics(community)[:100], "form": form, "member": member,
        "moderator": services.is_moderator(request.user, community), "events": community.activities.filter(
            published=True).order_by("-starts_at")[:10],
        "trusted": request.user.is_authenticated and services.is_trusted(request.user, community)}, status=status)


@login_required
@require_POST
def community_membership(request, pk: int):
    community = _open_community(pk)
    if request.POST.get("action") == "leave":
        services.community_leave(user=request.user, community=community)
        messages.success(request, _("You have left %(name)s.") % {"name": community.name})
    else:
        try:
            services.community_join(user=request.user, community=community)
        except ServiceError as exc:
            flash_service_error(request, exc)
        else:
            messages.success(request, _("Welcome to %(name)s.") % {"name": community.name})
    return redirect("community_detail", pk=community.pk)


def topic_detail(request, pk: int):
    topic = get_object_or_404(Post.objects.select_related("community__unit", "author__learner", "resource"), pk=pk,
                              topic__isnull=True, hidden="", community__closed_at__isnull=True)
    community = topic.community
    form = PostForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        rate_limit(request, "community")
        if form.is_valid():
            reply = _post_from(request, form, community, topic=topic)
            if reply is not None:
                return redirect(f"{request.path}#post-{reply.pk}")
        status = 400
    replies = list(selectors.visible_replies(topic))
    return render(request, "communities/topic.html", {
        "topic": topic, "community": community, "replies": [(r, selectors.author_name(r)) for r in replies],
        "author": selectors.author_name(topic), "form": form, "report_form": ReportForm(),
        "member": request.user.is_authenticated and Member.objects.filter(community=community,
                                                                          user=request.user).exists(),
        "moderator": services.is_moderator(request.user, community)}, status=status)


@login_required
@require_POST
def post_report(request, pk: int):
    post = get_object_or_404(Post.objects.select_related("community"), pk=pk)
    rate_limit(request, "community")
    form = ReportForm(request.POST)
    topic_id = post.topic_id or post.pk
    if not form.is_valid():
        messages.error(request, _("Choose why you report it."))
        return redirect("community_topic", pk=topic_id)
    try:
        services.post_report(actor=request.user, post=post, reason=form.cleaned_data["reason"])
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Thank you: the moderators will look at it."))
    return redirect("community_topic", pk=topic_id) if post.topic_id or not post.hidden else \
        redirect("community_detail", pk=post.community_id)


@login_required
def unit_communities(request, pk: int):
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    form = CommunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            community = services.community_create(actor=request.user, unit=unit, **form.cleaned_data)
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("community_detail", pk=community.pk)
    return render(request, "communities/unit.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "form": form,
        "communities": selectors.public_communities(unit).filter(unit=unit),
        "queue": selectors.moderation_queue(request.user).filter(community__unit__path__startswith=unit.path)[:100],
        "activities": Activity.objects.filter(unit=unit, published=True).order_by("-starts_at")[:50],
        "can_edit": can_edit(request.user, unit)}, status=400 if form.errors else 200)


@login_required
@require_POST
def post_moderate(request, pk: int):
    post = get_object_or_404(Post.objects.select_related("community__unit"), pk=pk)
    if not can_view(request.user, post.community.unit):
        raise Http404
    try:
        services.post_moderate(actor=request.user, post=post, action=request.POST.get("action", ""))
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Done."))
    return redirect("unit_communities", pk=post.community.unit_id)


@login_required
@require_POST
def community_event(request, pk: int):
    community = _open_community(pk)
    activity = Activity.objects.select_related("unit").filter(
        pk=parse_int_param(request.POST.get("activity"), minimum=1) or 0).first()
    if activity is None:
        messages.error(request, _("Choose one of your activities."))
    else:
        try:
            services.community_add_event(actor=request.user, community=community, activity=activity)
        except ServiceError as exc:
            flash_service_error(request, exc)
        else:
            messages.success(request, _("The members have been told of the event."))
    return redirect("community_detail", pk=community.pk)


def unit_page_section(request, unit: OrgUnit) -> str:
    """The unit page's part on communities (settings.UNIT_PAGE_EXTRAS)."""
    communities = list(selectors.public_communities(unit).filter(unit=unit)[:5])
    viewer = can_view(request.user, unit)
    if not communities and not viewer:
        return ""
    return render_to_string("communities/_unit_section.html", {"unit": unit, "communities": communities,
                                                               "can_view": viewer}, request=request)


def post_attachment(request, pk: int):
    """A post's attached file, while the post stands; sent as a download, never rendered by the browser here."""
    post = get_object_or_404(Post, pk=pk, hidden="", community__closed_at__isnull=True)
    if not post.attachment:
        raise Http404
    kind = services.attachment_kind(post.attachment.open("rb"))
    response = FileResponse(post.attachment.open("rb"), as_attachment=True,
                            filename=post.attachment.name.rsplit("/", 1)[-1],
                            content_type={"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}.get(
                                kind, "application/octet-stream"))
    response["X-Content-Type-Options"] = "nosniff"
    return response
