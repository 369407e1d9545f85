"""What a unit's online contests propose for its results report: e2, "lượt người dự thi" — the official attempts
submitted in the unit's contests of the campaign, in the report's groups (the learner's own "you are" in their
profile; residents when they gave none). Practice is not counted. e1 (contests held) stays with the activities."""

from collections import Counter

from django.db.models import Count

from lifelong.activities.prefill import REPORT_GROUP
from lifelong.campaigns.models import Campaign
from lifelong.contests.models import Attempt
from lifelong.orgs.models import OrgUnit


def proposals(unit: OrgUnit, campaign: Campaign) -> dict[tuple[str, str], int]:
    rows = (Attempt.objects.filter(round__contest__unit=unit, round__contest__campaign=campaign, practice=False,
                                   submitted_at__isnull=False)
            .values("user__learner__target_group").annotate(n=Count("id")))
    counted: Counter = Counter()
    for row in rows:
        counted[("e2", REPORT_GROUP.get(row["user__learner__target_group"], "residents"))] += row["n"]
    return dict(counted)
