"""What a unit's library proposes for the digital-library indicators of its results report (section đ).

The report's period for these is the campaign's calendar year: a bookshelf is built over months around the
Week, not in its seven days. Only the unit's own shelf counts (its report holds its own numbers), and only
what is public and not withdrawn:

- dd1 "thư viện số, tủ sách số xây dựng mới": the unit's collections (its shelf, shared libraries it runs)
  created in the year that hold at least one resource;
- dd2 "thư viện, tủ sách, góc học tập xây dựng mới hoặc bổ sung": its collections that gained a resource
  in the year (new or added to);
- dd3 "sách, tài liệu được tặng, luân chuyển": the resources the unit published in the year, each one shared
  with every reader.

dd4 (clubs, forums, online groups) belongs to the learning communities, not to the library. The reporter
keeps the last word: these are proposals shown beside the field.
"""

from lifelong.campaigns.models import Campaign
from lifelong.library.models import Collection, Resource
from lifelong.orgs.models import OrgUnit


def proposals(unit: OrgUnit, campaign: Campaign) -> dict[tuple[str, str], int]:
    start, end = campaign.year_bounds()
    live = Resource.objects.filter(unit=unit, published=True, withdrawn_at__isnull=True)
    added = live.filter(created_at__gte=start, created_at__lt=end)
    published = added.count()
    if not published:
        return {}
    collections = Collection.objects.filter(unit=unit, kind__in=[Collection.Kind.SHELF, Collection.Kind.SHARED])
    extended = collections.filter(resources__in=added).distinct()
    new = extended.filter(created_at__gte=start, created_at__lt=end)
    return {("dd1", ""): new.count(), ("dd2", ""): extended.count(), ("dd3", ""): published}
