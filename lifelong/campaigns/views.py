"""Pages of campaigns: public reading; the Ministry's editors create and edit them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.campaigns import selectors, services
from lifelong.campaigns.forms import CampaignForm, CategoryForm
from lifelong.core.errors import ConflictError, PermissionDeniedError, ServiceError
from lifelong.core.web import add_service_errors
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit


def _campaign_or_404(pk: int):
    campaign = selectors.campaign_get(pk)
    if campaign is None:
        raise Http404(_("No such campaign."))
    return campaign


def _ministry() -> OrgUnit | None:
    return OrgUnit.objects.filter(parent__isnull=True, kind=OrgUnit.Kind.MINISTRY).first()


def campaign_list(request):
    ministry = _ministry()
    return render(request, "campaigns/campaign_list.html", {
        "campaigns": selectors.campaign_list(),
        "can_create": ministry is not None and permissions.can_edit(request.user, ministry),
    })


def campaign_detail(request, pk: int):
    campaign = _campaign_or_404(pk)
    can_edit = permissions.can_edit(request.user, campaign.owner)
    return render(request, "campaigns/campaign_detail.html", {
        "campaign": campaign,
        "categories": selectors.category_list(campaign, active_only=not can_edit),
        "can_edit": can_edit,
        "category_form": CategoryForm(),
        "home_units": permissions.home_units(request.user),
    })



@login_required
def campaign_create(request):
    ministry = _ministry()
    if ministry is None or not permissions.can_edit(request.user, ministry):
        raise PermissionDenied
    form = CampaignForm(request.POST or None, admin=permissions.can_admin(request.user, ministry))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            campaign = services.campaign_create(actor=request.user, owner=ministry, **data)
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Campaign created."))
            return redirect("campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form},
                  status=400 if form.errors else 200)


@login_required
def campaign_edit(request, pk: int):
    campaign = _campaign_or_404(pk)
    if not permissions.can_edit(request.user, campaign.owner):
        raise PermissionDenied
    status = 200
    admin = permissions.can_admin(request.user, campaign.owner)
    if request.method == "POST":
        form = CampaignForm(request.POST, instance=selectors.campaign_get(pk), admin=admin)
        form.fields["year"].disabled = True  # before validating: a disabled field is not posted, its value stays
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "year")}
            try:
                services.campaign_update(actor=request.user, campaign=campaign,
                                         version=form.cleaned_data["version"] or 0, **data)
            except ServiceError as exc:
                add_service_errors(form, exc)
                status = 409 if isinstance(exc, ConflictError) else 400
            else:
                messages.success(request, _("Saved."))
                return redirect("campaign_detail", pk=campaign.pk)
        else:
            status = 400
    else:
        form = CampaignForm(instance=campaign, initial={"version": campaign.version}, admin=admin)
    form.fields["year"].disabled = True
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign}, status=status)


@login_required
@require_POST
def category_save(request, pk: int):
    campaign = _campaign_or_404(pk)
    form = CategoryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the category a code, a letter and a name."))
        return redirect("campaign_detail", pk=campaign.pk)
    try:
        services.category_save(actor=request.user, campaign=campaign, **form.cleaned_data)
    except PermissionDeniedError as exc:
        raise PermissionDenied(exc.message) from exc
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))
    return redirect("campaign_detail", pk=campaign.pk)
