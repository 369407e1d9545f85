"""The totals page's table of the units below (exports.Grid), written in Python.

A province's table has ~170 units by ~30 indicators: some 5,000 cells, each of which cost a dozen template nodes
(most of the page's 0.5 s, docs/benchmarks.md, issue 18). The markup is the one the templates wrote, cell for cell;
every value is escaped here.
"""

import html

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def escape(value) -> str:
    """What the template engine's escaping writes (django.utils.html.escape), without its wrapper for lazy text, which
    cost more than the escaping itself over thousands of cells."""
    return html.escape(str(value))


def _head(head, layout: str) -> str:
    if head.kind == "indicator":
        if layout == "indicators":
            return (f"<strong>{escape(head.text)}</strong> {escape(head.title)} "
                    f"<small>({escape(head.unit_label)})</small>")
        label = f'<small class="unit-label">{escape(head.unit_label)}</small>' if head.unit_label else ""
        return f'<abbr title="{escape(head.title)}">{escape(head.text)}</abbr>{label}'
    if head.kind == "total":
        return f"<strong>{escape(head.text)}</strong>"
    title = f' title="{escape(head.title)}"' if head.title else ""
    return (f'<a href="{escape(head.url)}"{title}>{escape(head.text)}</a> '
            f'<small class="state state-{escape(head.state)}" data-testid="state">{escape(head.state_label)}</small>')


def _cell(cell) -> str:
    spans = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
        f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
    code = f' data-code="{escape(cell.code)}"' if cell.code else ""
    text = f"<span>{escape(cell.text)}</span>" if spans else escape(cell.text)
    return f'<td class="{escape(cell.css)}"{spans} data-unit="{escape(cell.unit)}"{code}>{text}</td>'


@register.simple_tag
def totals_grid(grid):
    """The whole table (its scrolling region, head and rows) of an exports.Grid."""
    layout = escape(grid.layout)
    columns = "".join(f'<th scope="col" class="head-{escape(head.kind)}" data-key="{escape(head.key)}">'
                      f"{_head(head, grid.layout)}\n</th>" for head in grid.columns)
    rows = "".join(f'<tr class="row-{escape(row.head.kind)}" data-key="{escape(row.head.key)}"><th scope="row">'
                   f'{_head(row.head, grid.layout)}\n</th>{"".join(_cell(cell) for cell in row.cells)}</tr>\n'
                   for row in grid.rows)
    return mark_safe(  # noqa: S308 - every value is escaped above
        f'<div class="totals-scroll" role="region" tabindex="0" aria-labelledby="subtree"><table class="table '
        f'totals-grid totals-by-{layout}" data-testid="children-totals" data-layout="{layout}">\n'
        f'<thead><tr><th scope="col" class="corner">{escape(grid.corner)}</th>{columns}</tr></thead>\n'
        f"<tbody>{rows}</tbody></table></div>\n")
