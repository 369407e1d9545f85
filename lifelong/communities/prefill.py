"""What a unit's learning communities propose for its results report: dd4, "câu lạc bộ, diễn đàn, nhóm học tập
trực tuyến thành lập mới" — the communities the unit opened in the campaign's calendar year."""

from lifelong.campaigns.models import Campaign
from lifelong.communities.models import Community
from lifelong.orgs.models import OrgUnit


def proposals(unit: OrgUnit, campaign: Campaign) -> dict[tuple[str, str], int]:
    start, end = campaign.year_bounds()
    count = Community.objects.filter(unit=unit, created_at__gte=start, created_at__lt=end).count()
    return {("dd4", ""): count} if count else {}
