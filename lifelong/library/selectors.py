"""Reads of the library: what the public may see (published, not withdrawn), searched without tone marks."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, connections, router
from django.db.models import Case, Count, IntegerField, QuerySet, Subquery, Value, When

from lifelong.core.text import search_key
from lifelong.core.validation import search_words
from lifelong.library.models import Collection, Resource
from lifelong.orgs.models import OrgUnit

RANK_WINDOW = 2000


def public_resources(*, query: str = "", kind: str = "", licence: str = "", unit: OrgUnit | None = None,
                     collection: Collection | None = None, subject: str = "") -> QuerySet[Resource]:
    """What the public may see, newest first; with a query, the best matches first (see `_ranked`)."""
    resources = Resource.objects.filter(published=True, withdrawn_at__isnull=True).select_related(
        "unit", "harvested_from")
    if kind in Resource.Kind.values:
        resources = resources.filter(kind=kind)
    if licence:
        resources = resources.filter(licence=licence)
    if unit is not None:
        resources = resources.filter(unit__path__startswith=unit.path)
    if collection is not None:
        resources = resources.filter(collections=collection)
    if search_key(subject).strip():
        resources = resources.filter(subject_key__contains=f"|{search_key(subject).strip()}|")
    words = search_words(search_key(query))
    if not words:
        return resources.order_by("-modified_at", "-pk")
    return _ranked(resources, words)


def _ranked(resources: QuerySet[Resource], words: list[str]) -> QuerySet[Resource]:
    """Resources matching every word of the folded query, best first: those whose title holds more of the words,
    then (on PostgreSQL) the full-text rank, then the newest.

    On PostgreSQL the words are matched as whole words or their beginnings ("lap trin" finds "lap trinh") through
    the GIN index on the folded text (migration 0003); elsewhere (SQLite) as parts of the folded text."""
    in_title = sum((Case(When(title_key__contains=word, then=1), default=0, output_field=IntegerField())
                    for word in words), Value(0))
    if connection.vendor == "postgresql":
        tokens = [token for word in words for token in re.findall(r"\w+", word)]
        if not tokens:
            return resources.none()
        wanted = SearchQuery(" & ".join(f"{token}:*" for token in tokens), search_type="raw", config="simple")
        vector = SearchVector("search_key", config="simple")
        # Ranking reads every match; a common word can match a tenth of a national library, so only the newest
        # RANK_WINDOW matches are ranked (the page shows 50): the cost stays bounded whatever is asked.
        window = resources.annotate(document=vector).filter(document=wanted).order_by("-modified_at", "-pk") \
            .values("pk")[:RANK_WINDOW]
        return (resources.filter(pk__in=Subquery(window)).annotate(in_title=in_title, rank=SearchRank(vector, wanted))
                .order_by("-in_title", "-rank", "-modified_at", "-pk"))
    for word in words:
        resources = resources.filter(search_key__contains=word)
    return resources.annotate(in_title=in_title).order_by("-in_title", "-modified_at", "-pk")


def shared_collections() -> QuerySet[Collection]:
    """Shared libraries and curated lists that hold something public, for browsing (shelves are found by unit)."""
    return (Collection.objects.exclude(kind=Collection.Kind.SHELF)
            .filter(resources__published=True, resources__withdrawn_at__isnull=True)
            .annotate(public=Count("resources", distinct=True)).order_by("-public", "name"))


def public_resource(pk: int) -> Resource | None:
    return public_resources().filter(pk=pk).first()


def json_ld(resource: Resource, page_url: str) -> dict:
    """schema.org LearningResource (or Course for a MOOC), for the page's JSON-LD."""
    data = {
        "@context": "https://schema.org", "@type": "Course" if resource.kind == Resource.Kind.COURSE
        else "LearningResource",
        "name": resource.title, "url": page_url, "inLanguage": resource.language,
        "isAccessibleForFree": resource.free, "publisher": {"@type": "Organization", "name": resource.unit.name},
        "dateModified": resource.modified_at.isoformat(),
    }
    optional = {"description": resource.description, "author": resource.creator, "teaches": resource.teaches,
                "educationalLevel": resource.level, "learningResourceType": resource.get_kind_display(),
                "license": resource.licence_url or None, "keywords": ", ".join(map(str, resource.subjects)),
                "audience": {"@type": "EducationalAudience", "educationalRole": resource.audience}
                if resource.audience else None,
                "timeRequired": f"PT{resource.time_required_minutes}M" if resource.time_required_minutes else None}
    data.update({key: value for key, value in optional.items() if value})
    if resource.kind == Resource.Kind.COURSE and resource.provider:
        data["provider"] = {"@type": "Organization", "name": resource.provider}
    return data


def activity_page_may_show(activity) -> bool:
    """Whether an activity's page may have something of the library to show: a resource linked to the activity, or a
    curated list for its kind. One read in plain SQL; when it says no (most activities), the page asks nothing more
    (views_shelf.activity_page_section), when yes, the section reads what it shows."""
    links = Resource.activities.through._meta.db_table
    with connections[router.db_for_read(Resource)].cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {links} WHERE activity_id = %s) "
                       f"OR EXISTS (SELECT 1 FROM {Collection._meta.db_table} WHERE category_id = %s)",
                       [activity.pk, activity.category_id])
        return bool(cursor.fetchone()[0])
