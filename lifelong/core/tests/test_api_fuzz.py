"""Every operation of /api/v1/openapi.json driven with generated input (schemathesis), three ways:
anonymous, with an API token and with a browser session.

What must hold for every answer: no status of 500 or more; the status is one the schema documents for
the operation; the body matches the documented schema for that status (errors included: the one error
shape of lifelong.core.api); the content type is the documented one.

Path and query parameters that name objects (unit_id, plan_id, campaign …) are drawn half of the time
from the objects of a small world built through the services, so that generated bodies reach the
services instead of stopping at a 404. The run is derandomised (the same inputs on every run, so CI
does not flake); FUZZ_EXAMPLES=500 explores further (docs/security.md).
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

application = get_wsgi_application()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

# Filled by the `world` fixture before the examples run; read by the hooks while they are generated.
KNOWN: dict[str, list] = {}
ALIASES = {"unit": "unit_id", "within": "unit_id", "province": "unit_id", "commune": "unit_id",
           "campaign": "campaign_id"}


def _known_values(values: dict) -> st.SearchStrategy:
    options = [st.just(values)]
    for name in values:
        known = KNOWN.get(ALIASES.get(name, name))
        if known:
            options.append(st.sampled_from(known).map(lambda v, n=name: {**values, n: v}))
    return st.one_of(options)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return _known_values(path_parameters) if path_parameters else st.just(path_parameters)


@schema.hook
def flatmap_query(context, query):
    return _known_values(query) if query else st.just(query)


@pytest.fixture
def in_test_transaction():
    """Keep the test's database connection across the WSGI calls, as Django's test client does: the
    request signals would otherwise close it (and roll the test's data back) after every request."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def world(tree, campaign, make_user, client, in_test_transaction):
    """Published and draft plans, an activity with a session and a registration, reports, and a user who
    administers Hà Nội with a token and a session."""
    from lifelong.activities import services as activity_services
    from lifelong.activities.tests.conftest import future, sign_up
    from lifelong.orgs.models import Membership
    from lifelong.orgs.services import api_token_create
    from lifelong.plans.services import plan_create_draft
    from lifelong.plans.tests.helpers import publish_plan
    from lifelong.reports.tests.conftest import stored_report

    user = make_user(tree.hanoi, Membership.Role.ADMIN)
    _, token = api_token_create(actor=user, name="fuzz")
    client.force_login(user)
    published = publish_plan(tree.hanoi, campaign, number="262")
    draft = plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    category = campaign.categories.get(code="digital_skills")
    activity = activity_services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": category, "title": "Lớp kỹ năng số", "capacity": 5}, sessions=[(future(3), future(3, 10))])
    hidden = activity_services.activity_create(
        actor=None, unit=tree.yaly, campaign=campaign, data={"category": category, "title": "Bản nháp Ya Ly"},
        sessions=[(future(4), future(4, 10))])
    sign_up(activity)
    stored_report(tree.taymo, campaign)
    KNOWN.clear()
    KNOWN.update(unit_id=[u.pk for u in vars(tree).values()], plan_id=[published.pk, draft.pk],
                 campaign_id=[campaign.pk], activity_id=[activity.pk, hidden.pk],
                 session_id=[activity.sessions.get().pk, hidden.sessions.get().pk])
    return {"token": token, "session": client.cookies["sessionid"].value}


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case, world):
    for headers in ({}, {"Authorization": f"Bearer {world['token']}"},
                    {"Cookie": f"sessionid={world['session']}"}):
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)
