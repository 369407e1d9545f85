"""Public pages of the library: browse and search, one resource (with its JSON-LD), its file."""

import json
import re

from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from lifelong.core.validation import parse_int_param
from lifelong.library import selectors, services
from lifelong.library.models import LICENCES, Collection, Resource
from lifelong.orgs.models import OrgUnit

_RANGE = re.compile(r"^bytes=(\d{0,15})-(\d{0,15})$")
_CONTENT_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip", "mp3": "audio/mpeg",
                  "mp4": "video/mp4", "h5p": "application/zip", "html5": "application/zip"}


def library_home(request):
    query = (request.GET.get("q") or "")[:200]
    kind = request.GET.get("kind") or ""
    licence = request.GET.get("licence") or ""
    unit_id = parse_int_param(request.GET.get("unit"), minimum=1)
    unit = OrgUnit.objects.filter(pk=unit_id).first() if unit_id else None
    collection_id = parse_int_param(request.GET.get("collection"), minimum=1)
    collection = Collection.objects.filter(pk=collection_id).first() if collection_id else None
    subject = (request.GET.get("subject") or "")[:100]
    resources = selectors.public_resources(query=query, kind=kind, licence=licence if licence in LICENCES else "",
                                           unit=unit, collection=collection, subject=subject)
    return render(request, "library/home.html", {
        "resources": resources[:50], "query": query, "kind": kind, "licence": licence, "unit": unit,
        "collection": collection, "subject": subject, "shared": selectors.shared_collections()[:20],
        "kinds": Resource.Kind.choices, "licences": [(k, v[0]) for k, v in LICENCES.items()]})


def resource_detail(request, pk: int):
    resource = selectors.public_resource(pk)
    if resource is None:
        raise Http404
    Resource.objects.filter(pk=resource.pk).update(views=F("views") + 1)  # the datestamp does not move
    data = json.dumps(selectors.json_ld(resource, request.build_absolute_uri()), ensure_ascii=False)
    # Escaped as Django's json_script does, so that no text of the resource can close the script element.
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return render(request, "library/resource.html", {
        "resource": resource, "json_ld": mark_safe(data),
        "linkable": services.linkable_activities(request.user, resource)[:30],
        "fillable": services.collections_editable_by(request.user).exclude(resources=resource)[:30]})


def resource_file(request, pk: int):
    """The file, when its licence allows a copy; audio and video answer byte ranges (seeking in a player)."""
    resource = selectors.public_resource(pk)
    if resource is None or not resource.downloadable:
        raise Http404
    if not request.headers.get("Range") or request.headers.get("Range", "").startswith("bytes=0-"):
        # A player asks for many ranges of one file: only the first request of a reading counts as a download.
        Resource.objects.filter(pk=resource.pk).update(downloads=F("downloads") + 1)
    content_type = _CONTENT_TYPES.get(resource.file_type, "application/octet-stream")
    size = resource.file.size
    match = _RANGE.match(request.headers.get("Range", "").strip())
    if match and (match.group(1) or match.group(2)):
        start_text, end_text = match.groups()
        if start_text:
            start, end = int(start_text), min(int(end_text) if end_text else size - 1, size - 1)
        else:  # the last N bytes
            start, end = max(size - int(end_text), 0), size - 1
        if start > end or start >= size:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        handle = resource.file.open("rb")
        handle.seek(start)
        remaining = end - start + 1

        def chunks(left=remaining):
            while left > 0:
                block = handle.read(min(64 * 1024, left))
                if not block:
                    break
                left -= len(block)
                yield block
            handle.close()

        response = StreamingHttpResponse(chunks(), status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(remaining)
    else:
        response = FileResponse(resource.file.open("rb"), content_type=content_type,
                                as_attachment=resource.file_type in ("h5p", "html5"),
                                filename=resource.file.name.rsplit("/", 1)[-1])
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    return response
