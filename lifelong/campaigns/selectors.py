"""Reads of campaigns: public (every unit and every citizen reads them)."""

from django.db.models import QuerySet

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
