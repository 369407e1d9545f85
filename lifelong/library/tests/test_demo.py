"""The library demo: shelves of the demo's units, a shared library, courses linked only; all harvestable."""

from lifelong.library.demo import ITEMS, load_demo_library
from lifelong.library.models import Collection, Resource


def test_demo_library_loads_once_with_honest_licences(db, settings, tmp_path):
    from django.core.management import call_command

    from lifelong.orgs.demo import load_demo_units_and_users

    settings.MEDIA_ROOT = tmp_path
    call_command("load_units", verbosity=0)
    load_demo_units_and_users()
    assert load_demo_library() == {"resources": len(ITEMS), "collections": 4}
    assert load_demo_library() == {"resources": 0, "collections": 0}
    courses = Resource.objects.filter(kind="course")
    assert courses.count() == sum(1 for item in ITEMS if item[3] == "course")
    assert courses.count() >= 2 and not any(c.downloadable for c in courses)
    assert all(r.file_type == "html5" and r.licence.startswith("CC") for r in Resource.objects.exclude(kind="course"))
    assert Collection.objects.get(kind="shared").resources.count() == len(ITEMS)


def test_the_full_demo_links_the_library_to_its_activities(db, settings, tmp_path):
    from django.core.management import call_command

    from lifelong.activities.models import Activity

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    reading_day = Activity.objects.get(title="Ngày hội đọc sách và tủ sách số của thôn")
    assert reading_day.library_resources.count() == 2
    curated = Collection.objects.get(kind="curated")
    assert curated.category.code == "digital_skills" and curated.resources.count() >= 2
