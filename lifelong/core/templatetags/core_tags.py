"""Template helpers shared by every app."""

from django import template
from django.db.models import QuerySet
from django.utils.html import format_html_join

register = template.Library()


@register.simple_tag
def unit_options(units, selected):
    """The <option>s of a select of units, the selected one marked.

    One call instead of a template loop: the public list offers 34 provinces and up to a few hundred
    communes on every page, and a loop with a comparison per option was most of its rendering time.
    A query set of units is listed in Vietnamese alphabetical order (OrgUnit.sort_key) whatever order
    it was given in.
    """
    if isinstance(units, QuerySet):
        units = units.order_by("sort_key", "pk")
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((unit.pk, " selected" if unit.pk == selected else "", unit.name) for unit in units))
