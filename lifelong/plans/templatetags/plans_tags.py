from django import template

register = template.Library()


@register.filter
def fields_named(form, names: str):
    """The bound fields of `form` named in a comma-separated list, in that order."""
    return [form[name] for name in names.split(",") if name in form.fields]


@register.filter
def with_sources(fields, sources: dict):
    """Pairs (bound field, what the reader says about it) for the import review page."""
    return [(field, sources.get(field.name, {})) for field in fields]


@register.filter
def at(items, index: int):
    """The index-th element of a list, or an empty dict past its end."""
    return items[index] if isinstance(index, int) and 0 <= index < len(items) else {}
