"""/api/v1/assistant: the learning assistant's answer to a question, for programs (a chat bot, a kiosk, an app)."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from lifelong.assistant import selectors
from lifelong.core.api import OPTIONAL_AUTH
from lifelong.core.errors import ValidationFailed
from lifelong.core.ratelimits import RateLimitThrottle

router = Router(tags=["assistant"])


class FilterOut(Schema):
    key: str
    label: str


class ItemOut(Schema):
    kind: str
    id: int | str
    url: str
    title: str
    when: str
    where: str
    why: str


class AnswerOut(Schema):
    answer: str
    found: bool
    filters: list[FilterOut]
    items: list[ItemOut]
    suggestions: list[str]
    mended: dict[str, str]
    needs_location: bool


@router.get("/assistant", response=AnswerOut, auth=OPTIONAL_AUTH, throttle=RateLimitThrottle("assistant"),
            summary="Answer a question about what to learn, where and when (Vietnamese, with or without tone marks)")
def ask(request, q: str = Query(..., min_length=1, max_length=selectors.MAX_QUESTION),
        lat: float | None = Query(None, ge=-90, le=90), lon: float | None = Query(None, ge=-180, le=180),
        # A list is read from the query string only through Query(); the default is never mutated.
        without: list[str] = Query([], description="filters to leave out: time, place, near, topic, mode, "  # noqa: B008
                                                   "audience, kind")):
    if (lat is None) != (lon is None):
        raise ValidationFailed(details=[{"field": "lat" if lat is None else "lon",
                                         "message": _("A location needs both its latitude and its longitude.")}])
    return selectors.ask(request.user, q, location=(lat, lon) if lat is not None else None, drop=set(without))
