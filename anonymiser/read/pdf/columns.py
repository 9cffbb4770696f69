"""Two columns of running prose: read the left column down, then the right one.

Lines are grouped across the page by height, so the lines of two columns side by side come out
as one line with a column gap in it. A page is taken to be set in two columns when many lines
have exactly one such gap, at the same place (the gutter), with long text on both sides: label
and value pairs, a glossary or a title block have short text on their left and are left alone.
Lines that cross the gutter (a heading across both columns) separate one band of columns from
the next.
"""

from __future__ import annotations

from statistics import median

from anonymiser.read.pdf.layout import Line, is_column_gap, line_text

MIN_LINES = 6  # lines with the gap at the same place before a page counts as two columns
ALIGN = 3.0  # points: how far the right column's lines may start from one another
PROSE = 0.35  # each column's text at least this share of the page's text width


def read_columns(lines: list[Line], page: int) -> list[Line]:
    """The page's lines in reading order: a band of two columns left column first."""
    gapped = []
    for line in lines:
        gaps = [i for i, (a, b) in enumerate(zip(line.words, line.words[1:]), start=1) if is_column_gap(a, b)]
        if len(gaps) == 1:
            gapped.append((line, gaps[0]))
    if len(gapped) < MIN_LINES:
        return lines
    gutter = median(line.words[i].x0 for line, i in gapped)
    agree = [(line, i) for line, i in gapped if abs(line.words[i].x0 - gutter) <= ALIGN]
    if len(agree) < MIN_LINES:
        return lines
    width = max(line.x1 for line in lines) - min(line.x0 for line in lines)
    left = median(line.words[i - 1].x1 - line.x0 for line, i in agree)
    right = median(line.x1 - line.words[i].x0 for line, i in agree)
    if left < PROSE * width or right < PROSE * width:
        return lines
    ordered: list[Line] = []
    band: tuple[list[Line], list[Line]] = ([], [])

    def flush() -> None:
        ordered.extend(band[0] + band[1])
        band[0].clear()
        band[1].clear()

    for line in lines:
        on_left = [w for w in line.words if w.x1 <= gutter - 1]
        on_right = [w for w in line.words if w.x0 >= gutter - ALIGN]
        if len(on_left) + len(on_right) != len(line.words):
            flush()  # a line across the gutter: a heading over both columns, or the page's foot
            ordered.append(line)
            continue
        for side, words in zip(band, (on_left, on_right)):
            if words:
                side.append(Line(words=words, page=page, text=line_text(words)))
    flush()
    return ordered
