from django.shortcuts import render

from lifelong.campaigns.selectors import campaign_current
from lifelong.orgs import permissions


def home(request):
    return render(request, "home.html", {
        "home_units": permissions.home_units(request.user),
        "campaign": campaign_current(),
    })
