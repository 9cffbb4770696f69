"""The report and the audit log show the confidence combined from the evidence, and say why."""

from __future__ import annotations

import html as html_lib
import json
import os
import re
from pathlib import Path

from anonymiser.api import anonymise
from anonymiser.core.document import Document, Segment
from anonymiser.review.report import low_confidence_line, render_report, report_items
from anonymiser.write.audit import audit_records

TEXT = ("Mrs Delia Marsh, the child's aunt, told the school. Later Brannock Quelley rang the health visitor "
        "about the move.\n")


def _page() -> tuple[str, list]:
    done = anonymise(TEXT)
    items = report_items(done.decisions.replacements)
    page = render_report(document="x.txt", publication_text=done.text, items=items, flags=done.decisions.flags,
                         profile="safeguarding-review", verification=[], warnings=[])
    return page, items


def test_the_tooltip_says_why() -> None:
    page, items = _page()
    titled = next(it for it in items if "Marsh" in it.original)
    assert "first-name list" in titled.evidence and "title 'Mrs'" in titled.evidence
    shown = html_lib.unescape(page)
    assert f"confidence {round(titled.score * 100)}% ({', '.join(titled.evidence)})" in shown
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S).group(1))
    assert any(d["evidence"] == list(titled.evidence) for d in data["items"])


def test_the_low_list_holds_only_what_the_evidence_leaves_unsure() -> None:
    page, items = _page()
    sure = next(it for it in items if "Marsh" in it.original)
    assert sure.score >= low_confidence_line() and not sure.low_confidence
    low = page[page.index('id="low"'):]
    low = low[:low.index("</section>")]
    assert "Delia Marsh" not in low


def test_the_audit_log_records_the_confidence_and_its_evidence(tmp_path: Path) -> None:
    done = anonymise(TEXT)
    doc = Document(path=tmp_path / "x.txt", kind="txt", segments=[Segment(TEXT, "line 1", "")])
    records = [r for r in audit_records(doc, done.decisions, "x.txt", key=os.urandom(32)) if r["kind"] == "replacement"]
    assert records
    for rec, r in zip(records, sorted(done.decisions.replacements, key=lambda r: r.start)):
        assert rec["score"] == r.score and rec["evidence"] == list(r.evidence) and rec["evidence"]
