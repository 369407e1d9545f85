"""What the public list and an activity's page show, prepared once in Python where the template language was most of
the cost of a page rendered on every visit (issue 18, docs/benchmarks.md): a line of the list as plain strings, and the
blank registration form, the same on every activity's page."""

from dataclasses import dataclass
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import dateformat, formats, timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from lifelong.activities.forms import RegistrationForm
from lifelong.activities.models import Activity
from lifelong.core.web import id_url_maker


@dataclass(frozen=True)
class Line:
    """One activity of the public list as it is shown (text: the template escapes it): its address and title, kind,
    first start, place, and mode and places; with its id and first start as values."""

    pk: int
    starts_at: datetime | None
    url: str
    title: str
    kind: str
    when: str
    place: str
    details: str


def list_lines(cards: list[dict]) -> list[Line]:
    """The lines of the public list, from selectors.public_activity_cards."""
    online = _("Online")
    modes = dict(Activity.Mode.choices)
    when_format = formats.get_format("SHORT_DATETIME_FORMAT")
    detail_url = id_url_maker("activity_detail")
    lines = []
    for card in cards:
        if card["mode"] == Activity.Mode.ONLINE:  # where it is organised is not where it happens
            place = f" · {online}"
        else:
            commune = f" · {card['commune__name']}" if card["commune_id"] else ""
            province = f"{',' if card['commune_id'] else ' ·'} {card['province__name']}" if card["province_id"] else ""
            place = commune + province
        details = [str(modes.get(card["mode"], card["mode"]))] if card["mode"] != Activity.Mode.ONLINE else []
        if card["capacity"]:
            details.append(_("%(n)s places per session") % {"n": card["capacity"]})
        starts_at = card["starts_at"]
        lines.append(Line(
            pk=card["pk"], starts_at=starts_at, url=detail_url(card["pk"]), title=card["title"],
            kind=f"{card['category__letter']}) {card['category__name']}",
            when=dateformat.format(timezone.localtime(starts_at), when_format) if starts_at else "",
            place=place, details=" · ".join(details)))
    return lines


_blank_forms: dict[str, str] = {}


def blank_registration_form() -> SafeString:
    """The fields of an empty registration form, rendered once per language and process: every session of every
    activity offers the same one, and rendering a form's widgets was a sixth of an activity page's time."""
    language = translation.get_language() or ""
    html = _blank_forms.get(language)
    if html is None:
        html = _blank_forms[language] = render_to_string("_form.html", {"form": RegistrationForm()})
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there
