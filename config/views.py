"""The home page: it gathers the apps (the current campaign, the official's tasks), so it lives with the URL
root in config/ rather than in core, which depends on no app."""

from django.shortcuts import render

from lifelong.campaigns.selectors import campaign_current
from lifelong.recognition.selectors import officials_tasks
from lifelong.reports.dashboard import dashboard_for


def home(request):
    """The public front page; for a logged-in official, "Việc cần làm" (what waits for them) comes first."""
    campaign = campaign_current()
    context = {"campaign": campaign}
    if request.user.is_authenticated:
        context["dashboard"] = dashboard_for(request.user, campaign)
        context["recognition_tasks"] = officials_tasks(request.user)
    return render(request, "home.html", context)
