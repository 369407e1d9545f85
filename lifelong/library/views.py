"""The OAI-PMH endpoint (/oai): any harvester may call it, by GET or by POST (form-encoded), with no account."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lifelong.core.replica import read_replica
from lifelong.library import oai


@csrf_exempt  # harvesters POST without a session; the endpoint only reads
@require_http_methods(["GET", "POST"])
@read_replica  # harvesters read the whole catalogue: the replica takes that load off the primary
def oai_endpoint(request):
    arguments = request.POST if request.method == "POST" else request.GET
    request_kw = {key: arguments[key] for key in arguments}
    if any(len(arguments.getlist(key)) > 1 for key in arguments):
        # A repeated argument is a badArgument; an argument the protocol does not know makes oaipmh say so.
        request_kw["repeated argument"] = "1"
    body = oai.handle(request_kw, request.build_absolute_uri(reverse("oai")))
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
