"""What a unit's held activities propose for the pre-filled indicators of its results report.

Counts of held activities per category, and check-ins (attendances) per participant group. The
report's groups are officials, learners and residents; a person registered as "disadvantaged" is
counted as a resident, and also in the "of which" indicators c3 and t3. Only the unit's own
activities count (its report holds its own numbers). Indicators the activities cannot tell apart
(b6 mobile stations, c4, e3) are left to the reporter.
"""

from collections import Counter

from django.db.models import Count

from lifelong.activities.models import Activity, Registration, TargetGroup
from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit

# category code -> (indicator counting the activities, indicator counting the attendances)
BY_CATEGORY = {
    "opening": ("a1", "a2"),
    "awareness": ("b4", "b5"),
    "digital_skills": ("c1", "c2"),
    "online_learning": ("d1", "d2"),
    "competition": ("e1", "e2"),
    "career": ("g1", "g3"),
}
OF_WHICH_DISADVANTAGED = {"digital_skills": "c3"}
REPORT_GROUP = {TargetGroup.OFFICIALS: "officials", TargetGroup.LEARNERS: "learners",
                TargetGroup.RESIDENTS: "residents", TargetGroup.DISADVANTAGED: "residents"}


def proposals(unit: OrgUnit, campaign: Campaign) -> dict[tuple[str, str], int]:
    held = Activity.objects.filter(unit=unit, campaign=campaign, status=Activity.Status.HELD)
    result: Counter = Counter()
    per_category = dict(held.values("category__code").annotate(n=Count("id")).values_list("category__code", "n"))
    for category, n in per_category.items():
        if category in BY_CATEGORY:
            count_code, _attendance = BY_CATEGORY[category]
            result[(count_code, "")] = 1 if count_code == "a1" else n
    result[("t1", "")] = sum(per_category.values())
    checked_in = (Registration.objects.filter(session__activity__in=held, checked_in_at__isnull=False)
                  .values("session__activity__category__code", "group").annotate(n=Count("id")))
    for row in checked_in:
        category, group, n = row["session__activity__category__code"], row["group"], row["n"]
        report_group = REPORT_GROUP[group]
        if category in BY_CATEGORY:
            result[(BY_CATEGORY[category][1], report_group)] += n
        result[("t2", report_group)] += n
        if group == TargetGroup.DISADVANTAGED:
            result[("t3", "")] += n
            if category in OF_WHICH_DISADVANTAGED:
                result[(OF_WHICH_DISADVANTAGED[category], "")] += n
    if not per_category:
        return {}
    return dict(result)
