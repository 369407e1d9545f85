"""Certificates in the organisers' pages of activities, whose views do not know this app:
`{% certificate_panel activity %}` on the activity (counts and the link), and on a session's registrations
`{% session_certificates session as certificates %}` with `{{ certificates|certificate_of:r }}` (one query
for the whole list)."""

from django import template

from lifelong.learners import selectors_certificates as selectors

register = template.Library()


@register.inclusion_tag("learners/certificates/_activity_panel.html", takes_context=True)
def certificate_panel(context, activity):
    user = context["request"].user
    return {"activity": activity, "activity_count": selectors.activity_certificate_count(user, activity),
            "counts": selectors.certificate_counts(user, activity.unit, activity.campaign)}


@register.simple_tag(takes_context=True)
def session_certificates(context, session):
    return selectors.session_certificates(context["request"].user, session)


@register.filter
def certificate_of(certificates, registration):
    return certificates.get(registration.pk) if certificates else None
