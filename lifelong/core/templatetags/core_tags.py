"""Template helpers shared by every app."""

from django import template
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def unit_options(units, selected):
    """The <option>s of a select of units, the selected one marked.

    One call instead of a template loop: the public list offers 34 provinces and up to a few hundred
    communes on every page, and a loop with a comparison per option was most of its rendering time.
    A query set of units is listed in Vietnamese alphabetical order (OrgUnit.sort_key) whatever order
    it was given in; (id, name) pairs (orgs.selectors.unit_choices) are listed as given.
    """
    if isinstance(units, QuerySet):
        units = units.order_by("sort_key", "pk")
    pairs = (unit if isinstance(unit, tuple) else (unit.pk, unit.name) for unit in units)
    # Plain escaping and one join: a few hundred options are written on every public list.
    return mark_safe("".join(  # noqa: S308 - every value is escaped here
        f'<option value="{int(pk)}"{" selected" if pk == selected else ""}>{escape(name)}</option>'
        for pk, name in pairs))


@register.simple_tag
def form_error_items(form, *more):
    """Every error of a form and of the formsets or forms that go with it, in page order, each with the id of
    its field to link to: what the summary at the top of a refused form lists (templates/_form_errors.html)."""
    items = []

    def add(one, row=None):
        if not hasattr(one, "forms") and not hasattr(one, "non_field_errors"):  # not given ("" in templates)
            return
        if hasattr(one, "forms"):  # a formset: its own errors, then each row's, numbered as the page shows them
            items.extend({"href": "", "label": "", "message": e} for e in one.non_form_errors())
            for index, row_form in enumerate(one.forms, start=1):
                add(row_form, index)
            return
        items.extend({"href": "", "label": "", "message": e} for e in one.non_field_errors())
        for field in one.hidden_fields():
            items.extend({"href": "", "label": "", "message": e} for e in field.errors)
        for field in one.visible_fields():
            short = getattr(field.field, "summary_label", field.label)
            label = f"{short} ({row})" if row else short
            href = field.id_for_label or f"{field.auto_id}_0"
            items.extend({"href": href, "label": label, "message": e} for e in field.errors)

    for one in (form, *more):
        add(one)
    return items
