"""The recognition API: public schemes and rates, a unit's self-assessment answered, submitted and reviewed
with a token, and its refusals in the one error shape."""

from lifelong.orgs.services import api_token_create

COMMUNE = "cdht-xa-tt25-2023"


def _headers(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, name='t')[1]}"}


def test_answer_submit_and_review_through_the_api(client, tree, people, schemes):
    from lifelong.recognition import services

    public = client.get("/api/v1/recognition/schemes").json()
    commune = next(s for s in public if s["code"] == COMMUNE)
    assert commune["levels"] == {"1": "Mức độ 1", "2": "Mức độ 2"} and commune["criteria"][0]["code"] == "TC1"
    assessment = services.assessment_open_for_unit(actor=people.taymo, scheme=schemes[COMMUNE], year=2025,
                                                   unit=tree.taymo)
    url = f"/api/v1/recognition/assessments/{assessment.pk}"
    taymo = _headers(people.taymo)
    level_one = [i["code"] for c in commune["criteria"] for i in c["indicators"] if i["level"] == 1]
    body = {"version": assessment.version, "answers": {code: {"met": True} for code in level_one}}
    saved = client.put(url + "/answers", body, content_type="application/json", **taymo)
    assert saved.status_code == 200 and saved.json()["level_reached"] == 1
    stale = client.put(url + "/answers", body, content_type="application/json", **taymo)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    unknown = client.put(url + "/answers", {"version": saved.json()["version"], "answers": {"9.9": {"met": True}}},
                         content_type="application/json", **taymo)
    assert unknown.status_code == 422 and unknown.json()["error"]["details"][0]["field"] == "answers.9.9"
    bad_points = client.put(url + "/answers", {"version": 1, "answers": {"1.1": {"points": "1e400"}}},
                            content_type="application/json", **taymo)
    assert bad_points.status_code == 422
    submitted = client.post(url + "/submit", {"version": saved.json()["version"]}, content_type="application/json",
                            **taymo).json()
    assert submitted["status"] == "submitted" and submitted["authority_id"] == tree.hanoi.pk
    itself = client.post(url + "/review", {"version": submitted["version"], "action": "accept"},
                         content_type="application/json", **taymo)
    assert itself.status_code == 403
    assert client.get(url, **_headers(people.yaly)).status_code == 404
    accepted = client.post(url + "/review", {"version": submitted["version"], "action": "accept", "level": 1},
                           content_type="application/json", **_headers(people.hanoi))
    assert accepted.status_code == 200 and accepted.json()["level_granted"] == 1
    rates = client.get(f"/api/v1/units/{tree.hanoi.pk}/recognition/rates?year=2025").json()
    row = next(r for r in rates if r["scheme"] == COMMUNE)
    assert (row["eligible"], row["applied"], row["accepted"], row["recognised"]) == (1, 1, 1, 0)
    assert client.get(f"/api/v1/units/{tree.hanoi.pk}/recognition/rates?year=1999").status_code == 422
