from lifelong.orgs.models import Membership


def test_units_list_search_and_kind_filter(client, tree):
    data = client.get("/api/v1/units", {"search": "tay mo"}).json()
    assert data["count"] == 1 and data["items"][0]["name"] == "Phường Tây Mỗ"
    data = client.get("/api/v1/units", {"kind": "province"}).json()
    assert {u["code"] for u in data["items"]} == {"01", "48", "51"}
    data = client.get("/api/v1/units", {"within": tree.hanoi.pk, "kind": "school"}).json()
    assert [u["name"] for u in data["items"]] == ["Trường THCS Nguyễn Quý Đức"]


def test_unit_detail_and_children(client, tree):
    detail = client.get(f"/api/v1/units/{tree.school.pk}").json()
    assert [b["name"] for b in detail["breadcrumbs"]] == ["Bộ Giáo dục và Đào tạo", "Thành phố Hà Nội", "Phường Tây Mỗ"]
    children = client.get(f"/api/v1/units/{tree.hanoi.pk}/children").json()
    assert children["count"] == 2
    assert {c["name"]: c["child_count"] for c in children["items"]} == {"Sở Y tế Hà Nội": 0, "Phường Tây Mỗ": 2}


def test_errors_share_one_shape(client, tree):
    for url, params, status, code in [
        ("/api/v1/units/999999", {}, 404, "not_found"),
        ("/api/v1/units", {"kind": "castle"}, 422, "validation_error"),
        ("/api/v1/units", {"limit": 100000}, 422, "validation_error"),
        ("/api/v1/units/abc", {}, 422, "validation_error"),
        ("/api/v1/me", {}, 401, "not_authenticated"),
        ("/api/v1/no-such-endpoint", {}, 404, "not_found"),
        ("/api/v2/units", {}, 404, "not_found"),
    ]:
        response = client.get(url, params)
        assert response.status_code == status, url
        error = response.json()["error"]
        assert error["code"] == code and error["message"], url
        assert isinstance(error["details"], list)


def test_error_messages_are_vietnamese_by_default(client, db):
    assert client.get("/api/v1/me").json()["error"]["message"] == "Hãy đăng nhập hoặc gửi một mã API hợp lệ."
    english = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="en").json()["error"]["message"]
    assert english == "Log in or send a valid API token."


def test_me_with_session_and_bad_token(client, tree, make_user):
    user = make_user(tree.taymo, Membership.Role.EDITOR)
    client.force_login(user)
    data = client.get("/api/v1/me").json()
    assert data["username"] == user.username
    assert data["memberships"] == [{"unit": data["memberships"][0]["unit"], "role": "editor"}]
    assert data["memberships"][0]["unit"]["name"] == "Phường Tây Mỗ"
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer ll_forged").status_code == 401


def test_openapi_schema_lists_the_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/units", "/api/v1/units/{unit_id}", "/api/v1/units/{unit_id}/children", "/api/v1/me"} <= set(
        schema["paths"])
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"cdn." not in docs.content and b"/static/ninja/swagger-ui-bundle" in docs.content
