"""Reads of campaigns: public (every unit and every citizen reads them)."""

from django.db.models import QuerySet, Subquery

from lifelong.campaigns.models import ActivityCategory, Campaign


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("owner").order_by("-year")


def campaign_get(campaign_id: int) -> Campaign | None:
    return Campaign.objects.select_related("owner").filter(pk=campaign_id).first()


def campaign_current() -> Campaign | None:
    return campaign_list().first()


def category_list(campaign: Campaign, *, active_only: bool = True) -> QuerySet[ActivityCategory]:
    queryset = campaign.categories.all()
    return queryset.filter(active=True) if active_only else queryset


def current_category_options() -> list[dict]:
    """Code, letter and name of the active categories of the latest campaign, in its order: the public filters' kinds,
    in one query (no campaign read first, no model built)."""
    latest = Campaign.objects.order_by("-year").values("pk")[:1]
    return list(ActivityCategory.objects.filter(campaign=Subquery(latest), active=True).order_by("order", "pk")
                .values("code", "letter", "name"))
