"""Tables of any reader, as blocks: each cell is a block about the thing its row or its
column names, under the header that says how."""
from __future__ import annotations

from .outline import Outline

__all__ = ["emit_table"]

# Header cells that name attributes, not things: their table compares its columns.
_ATTRIBUTE_HEADERS = {
    "", "aspect", "aspects", "category", "characteristic", "characteristics", "feature", "features",
    "criteria", "criterion", "attribute", "attributes", "comparison", "parameter", "property",
    "dimension", "factor", "factors", "metric", "topic",
}
# First cells of a row that names, in each column, the thing the column is a kind of:
# | | Relational | Key-value | over a row | Examples | PostgreSQL | Redis |.
_INSTANCE_HEADERS = {
    "example", "examples", "service", "services", "aws service", "aws services", "tool", "tools", "product",
    "products", "implementation", "implementations", "instance", "instances", "name", "names", "software",
}
_KIND_WORDS = {"types", "kinds", "families", "categories", "classes", "flavours", "flavors", "options"}
_MAX_NAME_WORDS = 4
_KIND = "type"  # the attribute that makes a table cell's text the kind of its row's thing


def _after_title_rows(outline: Outline, rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """The rows after the leading ones that hold a title alone (in their first cell), each
    opened as a heading one level below the current one."""
    while rows and sum(1 for cell in rows[0][1] if cell) == 1 and rows[0][1][0]:
        outline.heading(outline.depth() + 1, rows[0][1][0], rows[0][0], clean=True)
        rows = rows[1:]
    return rows


def emit_table(outline: Outline, rows: list[tuple[int, list[str]]]) -> None:
    """Each cell becomes a block about its row's first cell, or about its column when the
    header's first cell names an attribute ("Aspect", "Category" or empty)."""
    rows = _after_title_rows(outline, rows)
    if len(rows) < 2:
        for number, cells in rows:
            outline.block(" ".join(c for c in cells if c), number)
        return
    header = rows[0][1]
    if header[0].casefold() not in _ATTRIBUTE_HEADERS:
        for number, cells in rows[1:]:
            for column, cell in enumerate(cells[1:len(header)], start=1):
                if cell and cells[0]:
                    outline.block(cell, number, label=cells[0], kind="table", attribute=header[column],
                                  row_header=header[0])
        return
    instances = next((cells for _, cells in rows[1:] if _names_instances(cells)), None)
    if instances is None:
        _emit_columns(outline, header, rows[1:], header)
    else:
        _emit_instances(outline, header, rows[1:], instances)


def _emit_columns(outline: Outline, header: list[str], rows: list[tuple[int, list[str]]], subjects: list[str]) -> None:
    """Each cell is about the thing atop its column (in ``subjects``), under its row's first cell."""
    for number, cells in rows:
        for column, cell in enumerate(cells[1:len(header)], start=1):
            if cell and column < len(subjects) and subjects[column]:
                outline.block(cell, number, label=subjects[column], kind="table", attribute=cells[0])


def _emit_instances(outline: Outline, header: list[str], rows: list[tuple[int, list[str]]],
                    instances: list[str]) -> None:
    """A row of examples under column headers naming kinds: each example is of its column's
    kind (a header word that is no noun, "Relational", takes the noun of the table's title,
    "Purpose-built databases"), and the other rows' cells are about the example."""
    number = next(number for number, cells in rows if cells is instances)
    head = _kind_noun(outline.path[-1]) if outline.path else ""
    for column, instance in enumerate(instances[1:len(header)], start=1):
        kind = " ".join(word.lower() if word[1:].islower() else word for word in header[column].split())  # "Wide Column"
        if instance and kind:
            outline.block(kind if kind.lower().endswith(head) else f"{kind} {head}".strip(), number,
                          label=instance, kind="table", attribute=_KIND)
    _emit_columns(outline, header, [(n, cells) for n, cells in rows if cells is not instances], instances)


def _names_instances(cells: list[str]) -> bool:
    """A row headed "Examples" (or "Service(s)") holding one short name per cell, not a
    sentence or a list ("Example | A regression model whose parameters ...")."""
    names = [cell for cell in cells[1:] if cell]
    return cells[0].replace("(s)", "s").strip(" :").casefold() in _INSTANCE_HEADERS and bool(names) and \
        all(len(cell.split()) <= _MAX_NAME_WORDS and not any(mark in cell for mark in ",.;") for cell in names)


def _kind_noun(title: str) -> str:
    """The noun of the kinds a title names: "AWS Purpose-built databases": "databases",
    "Database families": "database"; none in "Comparison" or "Relational vs NoSQL"."""
    words = [word for word in title.lower().split() if word.isalpha()]
    while words and words[-1] in _KIND_WORDS:
        words.pop()
        if words:
            return words[-1]
    last = words[-1] if words else ""
    return last if last.endswith("s") and not last.endswith("ss") else ""
