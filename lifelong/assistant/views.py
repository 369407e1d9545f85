"""The assistant's page: a question, its answer with the filters as removable chips, the items and suggestions."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from lifelong.assistant import selectors
from lifelong.core.ratelimits import rate_limited

FILTER_NAMES = {"time": _("When"), "place": _("Where"), "near": _("Near you"), "topic": _("Kind of activity"),
                "mode": _("How it is held"), "audience": _("For"), "kind": _("Looking for"), "campaign": _("The Week")}
EXAMPLES = [_("digital skills classes this week in Tây Mỗ"), _("cuoc thi lap trinh cho hoc sinh"),
            _("What is the theme of this year's Week?"), _("report deadline of Ya Ly commune"),
            _("online English classes"), _("How do I register for an activity?")]


def _location(request) -> tuple[float, float] | None:
    try:
        latitude, longitude = float(request.GET["lat"]), float(request.GET["lon"])
    except (KeyError, ValueError):
        return None
    if -90 <= latitude <= 90 and -180 <= longitude <= 180:
        return latitude, longitude
    return None


@rate_limited("assistant")
def assistant_page(request):
    question = request.GET.get("q", "").strip()[:selectors.MAX_QUESTION]
    drop = set(request.GET.getlist("without"))
    location = _location(request)
    result = selectors.ask(request.user, question, location=location, drop=drop) if question else None
    place = [("lat", location[0]), ("lon", location[1])] if location else []
    if result:
        for chip in result["filters"]:
            chip["name"] = FILTER_NAMES.get(chip["key"], "")
            if chip["key"] != "campaign":  # the Week's own facts have nothing to remove
                chip["remove_url"] = "?" + urlencode([("q", question), *place, *[
                    ("without", key) for key in sorted(drop | {chip["key"]})]])
    return render(request, "assistant/page.html", {
        "question": question, "result": result, "dropped": sorted(drop & set(FILTER_NAMES)),
        "all_filters_url": "?" + urlencode([("q", question), *place]), "location": location,
        "examples": EXAMPLES})
