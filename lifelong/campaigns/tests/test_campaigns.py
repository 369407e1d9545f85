from datetime import date

import pytest
from django.urls import reverse

from lifelong.campaigns import services
from lifelong.campaigns.models import UNESCO_SLOGAN, Campaign
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.orgs.models import Membership

Role = Membership.Role


def test_a_new_campaign_has_the_seven_kinds_and_the_unesco_slogan(tree):
    campaign = services.campaign_create(actor=None, owner=tree.ministry, year=2026, start_date=date(2026, 10, 1),
                                        end_date=date(2026, 10, 7))
    assert campaign.name == "Tuần lễ hưởng ứng học tập suốt đời năm 2026"
    assert campaign.opening_date == date(2026, 10, 1)
    assert campaign.slogan_list() == [UNESCO_SLOGAN]
    assert [(c.letter, c.code) for c in campaign.categories.all()] == [
        ("a", "opening"), ("b", "awareness"), ("c", "digital_skills"), ("d", "online_learning"),
        ("đ", "digital_library"), ("e", "competition"), ("g", "career")]
    assert campaign.categories.get(code="digital_skills").name == "Tập huấn, bồi dưỡng kỹ năng số"


def test_only_ministry_editors_create_and_edit(tree, make_user, client):
    province_admin = make_user(tree.hanoi, Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        services.campaign_create(actor=province_admin, owner=tree.ministry, year=2026,
                                 start_date=date(2026, 10, 1), end_date=date(2026, 10, 7))
    with pytest.raises(ValidationFailed):
        services.campaign_create(actor=None, owner=tree.hanoi, year=2026, start_date=date(2026, 10, 1),
                                 end_date=date(2026, 10, 7))
    editor = make_user(tree.ministry, Role.EDITOR)
    client.force_login(editor)
    response = client.post(reverse("campaign_create"), {
        "year": 2026, "theme": "Học tập suốt đời cho mọi người", "start_date": "01/10/2026",
        "end_date": "07/10/2026", "opening_date": "01/10/2026", "slogans": UNESCO_SLOGAN})
    assert response.status_code == 302
    campaign = Campaign.objects.get(year=2026)
    client.force_login(province_admin)
    assert client.get(reverse("campaign_edit", args=[campaign.pk])).status_code == 403
    assert client.get(reverse("campaign_detail", args=[campaign.pk])).status_code == 200  # everyone reads


def test_dates_are_checked_and_stale_edits_refused(tree, make_user, client):
    campaign = services.campaign_create(actor=None, owner=tree.ministry, year=2026, start_date=date(2026, 10, 1),
                                        end_date=date(2026, 10, 7))
    with pytest.raises(ValidationFailed):
        services.campaign_update(actor=None, campaign=campaign, version=campaign.version,
                                 end_date=date(2026, 9, 30))
    with pytest.raises(ValidationFailed):
        services.campaign_update(actor=None, campaign=campaign, version=campaign.version,
                                 opening_date=date(2026, 11, 1))
    client.force_login(make_user(tree.ministry, Role.EDITOR))
    form = {"year": 2026, "name": campaign.name, "theme": "Chủ đề mới", "start_date": "01/10/2026",
            "end_date": "07/10/2026", "opening_date": "01/10/2026", "slogans": "", "version": campaign.version}
    assert client.post(reverse("campaign_edit", args=[campaign.pk]), form).status_code == 302
    stale = client.post(reverse("campaign_edit", args=[campaign.pk]), {**form, "theme": "Chủ đề cũ"})
    assert stale.status_code == 409
    campaign.refresh_from_db()
    assert campaign.theme == "Chủ đề mới"


def test_categories_change_per_year(tree, make_user, client):
    campaign = services.campaign_create(actor=None, owner=tree.ministry, year=2026, start_date=date(2026, 10, 1),
                                        end_date=date(2026, 10, 7))
    client.force_login(make_user(tree.ministry, Role.EDITOR))
    client.post(reverse("category_save", args=[campaign.pk]),
                {"code": "ai_literacy", "letter": "h", "name": "Phổ cập hiểu biết về trí tuệ nhân tạo",
                 "active": "on"})
    client.post(reverse("category_save", args=[campaign.pk]),
                {"code": "career", "letter": "g", "name": "Hướng nghiệp", "active": ""})
    assert campaign.categories.get(code="ai_literacy").letter == "h"
    assert not campaign.categories.get(code="career").active
    assert campaign.categories.count() == 8


def test_only_the_owners_admins_set_separation_of_duties(tree, make_user, client):
    from lifelong.core.models import AuditEntry

    campaign = services.campaign_create(actor=None, owner=tree.ministry, year=2026, start_date=date(2026, 10, 1),
                                        end_date=date(2026, 10, 7))
    assert campaign.separate_review is False
    url = reverse("campaign_edit", args=[campaign.pk])
    form = {"year": 2026, "name": campaign.name, "theme": "", "start_date": "01/10/2026", "end_date": "07/10/2026",
            "opening_date": "01/10/2026", "slogans": "", "separate_review": "on"}
    # An editor of the Ministry edits the campaign but neither sees nor changes the setting.
    editor = make_user(tree.ministry, Role.EDITOR)
    client.force_login(editor)
    assert 'name="separate_review"' not in client.get(url).content.decode()
    assert client.post(url, {**form, "version": campaign.version}).status_code == 302
    campaign.refresh_from_db()
    assert campaign.separate_review is False
    with pytest.raises(PermissionDeniedError):
        services.campaign_update(actor=editor, campaign=campaign, version=campaign.version, separate_review=True)
    # An admin of the Ministry ticks it on the edit page; the detail page then says so, in Vietnamese.
    client.force_login(make_user(tree.ministry, Role.ADMIN))
    assert 'name="separate_review"' in client.get(url).content.decode()
    assert client.post(url, {**form, "version": campaign.version}).status_code == 302
    campaign.refresh_from_db()
    assert campaign.separate_review is True
    entry = AuditEntry.objects.filter(action="campaigns.campaign.updated").first()
    assert entry.data["separate_review"] is True and "separate_review" in entry.data["fields"]
    detail = client.get(reverse("campaign_detail", args=[campaign.pk])).content.decode()
    assert 'data-testid="separate-review"' in detail and "Tách người gửi và người tiếp nhận" in detail
    # The editor may still save other fields while the setting is on: it is left as it is.
    client.force_login(editor)
    assert client.post(url, {**{k: v for k, v in form.items() if k != "separate_review"}, "theme": "Mới",
                             "version": campaign.version}).status_code == 302
    campaign.refresh_from_db()
    assert campaign.separate_review is True and campaign.theme == "Mới"
    # Nor may an editor create a campaign with it on.
    with pytest.raises(PermissionDeniedError):
        services.campaign_create(actor=editor, owner=tree.ministry, year=2027, start_date=date(2027, 10, 1),
                                 end_date=date(2027, 10, 7), separate_review=True)


def test_the_edit_page_saves_what_a_browser_posts(tree, make_user, client):
    """The year is shown but not editable: a browser does not post it, and saving still works."""
    campaign = services.campaign_create(actor=None, owner=tree.ministry, year=2026, start_date=date(2026, 10, 1),
                                        end_date=date(2026, 10, 7))
    client.force_login(make_user(tree.ministry, Role.EDITOR))
    form = {"name": campaign.name, "theme": "Chủ đề", "start_date": "01/10/2026", "end_date": "07/10/2026",
            "opening_date": "01/10/2026", "slogans": "", "version": campaign.version}
    assert client.post(reverse("campaign_edit", args=[campaign.pk]), form).status_code == 302
    campaign.refresh_from_db()
    refused = client.post(reverse("campaign_edit", args=[campaign.pk]),
                          {**form, "version": campaign.version, "end_date": "30/09/2026"})
    text = refused.content.decode()
    assert refused.status_code == 400 and "Ngày kết thúc trước ngày bắt đầu" in text
    assert "Constraint" not in text and "Năm: " not in text
