"""What a unit's partners propose for its results report: g2, "doanh nghiệp tham gia" — the unit's partner
businesses that made an offer in the campaign's calendar year (g1 and g3 come from the activities of kind g)."""

from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit
from lifelong.partners.models import Business


def proposals(unit: OrgUnit, campaign: Campaign) -> dict[tuple[str, str], int]:
    start, end = campaign.year_bounds()
    count = Business.objects.filter(unit=unit, offers__created_at__gte=start, offers__created_at__lt=end) \
        .distinct().count()
    return {("g2", ""): count} if count else {}
