"""The demo of communities and partners: Tây Mỗ's club with posts, two businesses with offers in Ya Ly and Tây Mỗ."""

from django.core.management import call_command

from lifelong.communities.models import Community, Post
from lifelong.partners.models import Business, Offer


def test_the_demo_has_a_club_with_posts_and_two_partners_with_offers(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    club = Community.objects.get()
    assert club.unit.code == "00634" and club.members.count() == 3
    assert Post.objects.filter(community=club, topic__isnull=True).count() == 2
    assert Post.objects.filter(community=club, resource__isnull=False).exists()
    assert club.activities.exists()
    assert {b.unit.code for b in Business.objects.all()} == {"00634", "23548"}
    assert Offer.objects.count() == 4 and Offer.objects.filter(activity__isnull=False).exists()
    call_command("load_demo", verbosity=0)
    assert Community.objects.count() == 1 and Business.objects.count() == 2
