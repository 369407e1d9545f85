from datetime import date

from lifelong.orgs.models import Membership
from lifelong.plans import services
from lifelong.plans.models import Plan

Role = Membership.Role


def test_derive_patch_publish_through_the_api_with_a_token(client, tree, campaign, hanoi_plan, make_user):
    from lifelong.orgs.services import api_token_create

    user = make_user(tree.taymo, Role.EDITOR)
    _token, key = api_token_create(actor=user, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = client.post("/api/v1/plans/derive", {"unit_id": tree.taymo.pk, "campaign_id": campaign.pk},
                           content_type="application/json", **auth)
    assert response.status_code == 201
    plan = response.json()
    assert plan["derived_from_id"] == hanoi_plan.pk and plan["status"] == "draft"
    assert plan["legal_bases"][-1]["number"] == "262/KH-UBND"

    late = client.patch(f"/api/v1/plans/{plan['id']}", {"lock_version": plan["lock_version"],
                                                        "fields": {"report_due": "2025-10-20"}},
                        content_type="application/json", **auth)
    assert late.status_code == 200
    refused = client.post(f"/api/v1/plans/{plan['id']}/publish", {"lock_version": late.json()["lock_version"]},
                          content_type="application/json", **auth)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "validation_error" and error["details"][0]["field"] == "report_due"
    assert "17/10/2025" in error["details"][0]["message"]

    stale = client.patch(f"/api/v1/plans/{plan['id']}", {"lock_version": plan["lock_version"],
                                                         "fields": {"report_due": "2025-10-15"}},
                         content_type="application/json", **auth)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"

    ok = client.patch(f"/api/v1/plans/{plan['id']}", {"lock_version": late.json()["lock_version"],
                                                      "fields": {"report_due": "2025-10-15"}},
                      content_type="application/json", **auth)
    published = client.post(f"/api/v1/plans/{plan['id']}/publish", {"lock_version": ok.json()["lock_version"]},
                            content_type="application/json", **auth)
    assert published.status_code == 200
    assert published.json()["plan"]["status"] == "published"
    assert Plan.objects.get(pk=plan["id"]).report_due == date(2025, 10, 15)


def test_api_permissions_match_the_pages(client, tree, campaign, make_user):
    draft = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    client.force_login(make_user(tree.yaly, Role.EDITOR))
    assert client.get(f"/api/v1/plans/{draft.pk}").status_code == 404  # another commune's draft is invisible
    response = client.post("/api/v1/plans", {"unit_id": tree.taymo.pk, "campaign_id": campaign.pk},
                           content_type="application/json")
    assert response.status_code == 403
    client.force_login(make_user(tree.taymo, Role.VIEWER))
    assert client.get(f"/api/v1/plans/{draft.pk}").status_code == 200
    response = client.patch(f"/api/v1/plans/{draft.pk}", {"lock_version": draft.lock_version,
                                                           "fields": {"title": "x"}}, content_type="application/json")
    assert response.status_code == 403
    client.logout()
    assert client.post("/api/v1/plans/derive", {"unit_id": tree.taymo.pk, "campaign_id": campaign.pk},
                       content_type="application/json").status_code == 401


def test_bad_input_gets_structured_errors(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    draft = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    for payload in ({"lock_version": draft.lock_version, "fields": {"report_due": "31/02/2025"}},
                    {"lock_version": draft.lock_version, "fields": {"status": "published"}},
                    {"fields": {}}):
        response = client.patch(f"/api/v1/plans/{draft.pk}", payload, content_type="application/json")
        assert response.status_code in (409, 422), payload
        assert response.json()["error"]["message"]
    assert Plan.objects.get(pk=draft.pk).status == Plan.Status.DRAFT
    assert client.post("/api/v1/plans/derive", "not json", content_type="application/json").status_code in (400, 422)


def test_campaigns_are_public(client, campaign):
    data = client.get("/api/v1/campaigns").json()
    assert data[0]["year"] == 2025
    assert [c["letter"] for c in data[0]["categories"]] == ["a", "b", "c", "d", "đ", "e", "g"]
