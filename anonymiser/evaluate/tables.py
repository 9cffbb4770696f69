"""The plain-text tables the benchmarks print, and missed mentions as JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from anonymiser.evaluate.metric import ALL, F2, PRECISION, Scores

# Row order of the tables: the README's types, then the summary rows.
REPORT_TYPES: tuple[str, ...] = ("PERSON", "CODE", "LOC", "DATETIME", "ORG", "DEM", "QUANTITY")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_scores(
    systems: Mapping[str, Scores],
    *,
    ratios: Sequence[tuple[str, str]] = (),
    targets: Mapping[str, float] | None = None,
    target_system: str | None = None,
    rows: Sequence[str] = (*REPORT_TYPES, ALL, PRECISION, F2),
    title: str = "",
) -> str:
    """A plain-text table: one row per figure, one column per system.

    `ratios` adds a column `a / b` for each (a, b) pair of system names. `targets`
    (row -> minimum) adds the target and PASS/FAIL for `target_system` (default: the
    last system). `n` is the number of mentions needing masking behind a recall row,
    the same for every system.
    """
    names = list(systems)
    if not names:
        return title
    first = systems[names[0]]
    header = ["", "n", *names, *(f"{a} / {b}" for a, b in ratios)]
    judged = target_system or names[-1]
    if targets:
        header += ["target", "result"]
    table = [header]
    for row in rows:
        # Precision's count (predicted tokens) differs by system, so it is not shown.
        count = None if row == PRECISION else first.count(row)
        cells = [row, "" if count is None else str(count)]
        cells += [_fmt(systems[n].figure(row)) for n in names]
        for a, b in ratios:
            num, den = systems[a].figure(row), systems[b].figure(row)
            cells.append("n/a" if num is None or not den else f"{num / den:.2f}x")
        if targets:
            goal = targets.get(row)
            value = systems[judged].figure(row)
            if goal is None:
                cells += ["", ""]
            else:
                verdict = "n/a" if value is None else ("PASS" if value >= goal else "FAIL")
                cells += [f">={goal:.2f}", verdict]
        table.append(cells)
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = [title] if title else []
    for i, cells in enumerate(table):
        first_cell = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        lines.append("  ".join([first_cell, *rest]).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def misses_as_json(scores: Scores) -> list[dict]:
    """Missed mentions as plain dicts, for dumping to a file."""
    return [
        {
            "doc_id": m.doc_id,
            "type": m.type,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "uncovered": list(m.uncovered),
        }
        for m in scores.misses
    ]
