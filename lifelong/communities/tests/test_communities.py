"""Learning communities: sanitising hostile HTML, trust levels, reports and the moderation queue, notifications,
permissions, erasure, and dd4 proposed in the report."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lifelong.communities import prefill, services
from lifelong.communities.models import Community, Member, Post
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.orgs.models import Membership
from lifelong.reports.models import Notification


@pytest.fixture
def club(tree, make_user):
    editor = make_user(tree.taymo, Membership.Role.EDITOR, username="taymo-editor")
    club = services.community_create(actor=editor, unit=tree.taymo, kind="club", name="Câu lạc bộ đọc sách",
                                     description="Đọc <b>cùng nhau</b><script>alert(1)</script>")
    return club, editor


def _member(make_user, club, username, *, days=0):
    user = make_user(username=username)
    member = services.community_join(user=user, community=club)
    Member.objects.filter(pk=member.pk).update(joined_at=datetime.now(UTC) - timedelta(days=days))
    return user


@pytest.mark.parametrize("hostile, kept, gone", [
    ("<script>alert(1)</script>Xin chào", "Xin chào", "<script"),
    ('<img src=x onerror="alert(1)">ảnh', "ảnh", "onerror"),
    ('<a href="javascript:alert(1)">bấm</a>', "bấm", "javascript:"),
    ('<a href="https://a.vn" onclick="x()" style="color:red">link</a>', 'rel="nofollow noopener ugc"', "onclick"),
    ("<p>a</p><iframe src=//evil></iframe>", "<p>a</p>", "iframe"),
    ("<svg><style>@import url(//evil)</style></svg>hi", "hi", "@import"),
    ("dòng một\ndòng hai\n\nđoạn hai", "<p>dòng một<br>dòng hai</p><p>đoạn hai</p>", "<script"),
])
def test_posts_are_sanitised(hostile, kept, gone):
    clean = services.sanitise(hostile)
    assert kept in clean and gone not in clean


def test_the_description_is_sanitised_too(club):
    community, _editor = club
    assert "<b>cùng nhau</b>" in community.description and "script" not in community.description


def test_new_members_may_not_post_links_or_files_until_trusted(club, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    community, _editor = club
    newcomer = _member(make_user, community, "moi")
    with pytest.raises(ValidationFailed):
        services.post_create(actor=newcomer, community=community, title="Mua ngay", body="Xem www.quangcao.vn")
    photo = SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    with pytest.raises(ValidationFailed):
        services.post_create(actor=newcomer, community=community, title="Ảnh", body="ảnh", upload=photo)
    topic = services.post_create(actor=newcomer, community=community, title="Sách hay tháng này", body="Mời góp ý")
    assert topic.body == "<p>Mời góp ý</p>"
    veteran = _member(make_user, community, "cu", days=10)
    photo.seek(0)
    shared = services.post_create(actor=veteran, community=community, topic=topic, body="Xem https://sach.vn",
                                  upload=photo)
    assert shared.attachment and 'rel="nofollow' not in shared.body  # plain text: the address is not a link
    with pytest.raises(ValidationFailed):  # not an image nor a PDF, by its content
        services.post_create(actor=veteran, community=community, topic=topic, body="tệp",
                             upload=SimpleUploadedFile("a.png", b"MZ\x90\x00"))


def test_only_members_write_and_only_editors_open_communities(club, tree, make_user):
    community, _editor = club
    stranger = make_user(username="la")
    with pytest.raises(PermissionDeniedError):
        services.post_create(actor=stranger, community=community, title="x", body="y")
    with pytest.raises(PermissionDeniedError):
        services.community_create(actor=make_user(tree.yaly, Membership.Role.EDITOR), unit=tree.taymo, kind="club",
                                  name="Khác")
    with pytest.raises(ValidationFailed):
        services.community_create(actor=club[1], unit=tree.taymo, kind="club", name="câu lạc bộ đọc sách")


def test_three_reports_hide_a_post_until_a_moderator_decides(club, make_user):
    community, editor = club
    author = _member(make_user, community, "tacgia")
    topic = services.post_create(actor=author, community=community, title="Chủ đề", body="Nội dung")
    reporters = [_member(make_user, community, f"r{n}") for n in range(4)]
    services.post_report(actor=reporters[0], post=topic, reason="spam")
    with pytest.raises(ConflictError):  # one report per person
        services.post_report(actor=reporters[0], post=topic, reason="offensive")
    with pytest.raises(ValidationFailed):
        services.post_report(actor=author, post=topic, reason="spam")  # not one's own post
    services.post_report(actor=reporters[1], post=topic, reason="spam")
    topic.refresh_from_db()
    assert topic.hidden == ""
    services.post_report(actor=reporters[2], post=topic, reason="off_topic")
    topic.refresh_from_db()
    assert topic.hidden == Post.Hidden.REPORTS
    from lifelong.communities.selectors import moderation_queue, topics
    assert list(moderation_queue(editor)) == [topic] and not topics(community).exists()
    with pytest.raises(PermissionDeniedError):
        services.post_moderate(actor=reporters[3], post=topic, action="remove")
    services.post_moderate(actor=editor, post=topic, action="restore")
    topic.refresh_from_db()
    assert topic.hidden == "" and list(topics(community)) == [topic]
    services.post_report(actor=reporters[3], post=topic, reason="spam")  # the old reports are settled
    topic.refresh_from_db()
    assert topic.hidden == ""
    services.post_moderate(actor=editor, post=topic, action="remove")
    topic.refresh_from_db()
    assert topic.hidden == Post.Hidden.REMOVED and not moderation_queue(editor).exists()


def test_replies_and_events_notify(club, tree, make_user, campaign):
    from lifelong.activities import services as activity_services

    community, editor = club
    asker, answerer = _member(make_user, community, "hoi"), _member(make_user, community, "dap")
    topic = services.post_create(actor=asker, community=community, title="Hỏi về thư viện số", body="?")
    services.post_create(actor=answerer, community=community, topic=topic, body="Trả lời")
    services.post_create(actor=asker, community=community, topic=topic, body="Cảm ơn")  # no note to oneself
    assert [n.user for n in Notification.objects.all()] == [asker]
    start = datetime.now(UTC) + timedelta(days=2)
    reading = activity_services.activity_create(
        actor=editor, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code="digital_library"), "title": "Ngày hội đọc sách",
              "venue_name": "Nhà văn hóa"}, sessions=[(start, start + timedelta(hours=2))])
    services.community_add_event(actor=editor, community=community, activity=reading)
    told = {n.user.username for n in Notification.objects.filter(message__contains="Ngày hội đọc sách")}
    assert told == {"hoi", "dap"}


def test_an_erased_account_leaves_no_words(club, make_user):
    community, _editor = club
    writer = _member(make_user, community, "xoa")
    topic = services.post_create(actor=writer, community=community, title="Tiêu đề", body="Số điện thoại 0912")
    assert services.posts_erase_for_account(user=writer) == 1
    topic.refresh_from_db()
    assert topic.author is None and "0912" not in topic.body


def test_dd4_counts_the_communities_opened_in_the_year(club, tree, campaign):
    community, _editor = club
    assert prefill.proposals(tree.taymo, campaign) == {}  # opened now, in 2026; the campaign is 2025's
    Community.objects.filter(pk=community.pk).update(created_at=datetime(2025, 5, 1, tzinfo=UTC))
    assert prefill.proposals(tree.taymo, campaign) == {("dd4", ""): 1}


def test_pages_join_write_report_and_moderate(client, club, make_user, tree):
    community, editor = club
    member = make_user(username="thanhvien")
    client.force_login(member)
    assert client.post(reverse("community_membership", args=[community.pk])).status_code == 302
    made = client.post(reverse("community_detail", args=[community.pk]),
                       {"title": "Giới thiệu sách", "body": "<b>Hay</b><script>x</script>"})
    topic = Post.objects.get()
    assert made.url == reverse("community_topic", args=[topic.pk])
    page = client.get(made.url).content.decode()
    assert "<b>Hay</b>" in page and "<script>x" not in page
    refused = client.post(reverse("community_detail", args=[community.pk]), {"title": "Link", "body": "https://x.vn"})
    assert refused.status_code == 400 and "liên kết" in refused.content.decode()
    for n in range(3):
        client.force_login(make_user(username=f"bc{n}"))
        client.post(reverse("community_report", args=[topic.pk]), {"reason": "spam"})
    assert client.get(reverse("community_topic", args=[topic.pk])).status_code == 404  # hidden
    client.force_login(editor)
    queue = client.get(reverse("unit_communities", args=[tree.taymo.pk])).content.decode()
    assert "Giới thiệu sách" in queue
    client.post(reverse("community_moderate", args=[topic.pk]), {"action": "remove"})
    topic.refresh_from_db()
    assert topic.hidden == "removed"


def test_a_stranger_posting_is_sent_to_log_in_and_back(client, club):
    community, _editor = club
    response = client.post(reverse("community_detail", args=[community.pk]), {"title": "x", "body": "y"})
    assert response.status_code == 302 and response.url.startswith("/accounts/login/?next=/cong-dong/")
    assert not Post.objects.exists()
