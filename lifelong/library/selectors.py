"""Reads of the library: what the public may see (published, not withdrawn), searched without tone marks."""

from django.db.models import QuerySet

from lifelong.core.text import search_key
from lifelong.core.validation import search_words
from lifelong.library.models import Resource
from lifelong.orgs.models import OrgUnit


def public_resources(*, query: str = "", kind: str = "", licence: str = "", unit: OrgUnit | None = None) \
        -> QuerySet[Resource]:
    resources = Resource.objects.filter(published=True, withdrawn_at__isnull=True).select_related(
        "unit", "harvested_from")
    for word in search_words(search_key(query)):
        resources = resources.filter(search_key__contains=word)
    if kind in Resource.Kind.values:
        resources = resources.filter(kind=kind)
    if licence:
        resources = resources.filter(licence=licence)
    if unit is not None:
        resources = resources.filter(unit__path__startswith=unit.path)
    return resources.order_by("-modified_at", "-pk")


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
