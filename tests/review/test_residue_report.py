"""The report lists what the residue rule replaced first, as replaced without strong evidence."""

from __future__ import annotations

import re

from anonymiser.api import anonymise
from anonymiser.review.report import low_confidence_line, render_report, report_items


def test_residue_items_come_first_under_their_heading():
    text = "The chair thanked Brannock Quelley. The GP saw him on 3 May 2021.\n"
    done = anonymise(text)
    items = report_items(done.decisions.replacements)
    html = render_report(document="x.txt", publication_text=done.text, items=items, flags=done.decisions.flags,
                         profile="safeguarding-review", verification=[], warnings=[])
    assert "replaced without strong evidence" in html
    section = html[html.index('id="residue"'):html.index('id="low"')]
    assert "Brannock Quelley" in section
    shown = [int(p) for p in re.findall(r'class="score"[^>]*>(\d+)%<', section)]
    assert shown and all(p < low_confidence_line() * 100 for p in shown)  # no strong evidence: low confidence
    assert html.index('id="residue"') < html.index('id="doc-text"')
    assert 'id="export-keep"' in html
