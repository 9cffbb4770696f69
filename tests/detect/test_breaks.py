"""No detection crosses a blank line (detect/breaks.py): each block is read again on its own."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import EMPTY_REGISTER
from anonymiser.detect.analyse import analyse
from anonymiser.detect.breaks import blocks, crosses_break, split_at_breaks


def test_blocks_are_the_pieces_between_blank_lines_without_their_edges() -> None:
    text = "Jo Bell,\n\n  Hospital ward\n \n| 4 |"
    assert [text[s:e] for s, e in blocks(text, 0, len(text))] == ["Jo Bell", "Hospital ward", "4"]
    assert crosses_break(text, 0, 12) and not crosses_break(text, 0, 7)


def test_a_span_over_a_blank_line_is_read_again_a_block_at_a_time() -> None:
    text = "Seen by Dr Amara Kelly\n\nHospital staff were told on 3 May 2021."
    wrong = Detection(8, text.index(" staff"), E.ORGANISATION, 0.85, ("SpacyRecognizer",))
    kept, again = split_at_breaks(text, [wrong], lambda block: [])
    assert kept == [] and again == []  # nothing the NER saw there survives as one span
    case = Detection(8, text.index(" staff"), E.PERSON, 1.0, ("CaseRegister",))
    kept, _ = split_at_breaks(text, [case], lambda block: [])
    assert [text[d.start:d.end] for d in kept] == ["Dr Amara Kelly", "Hospital"]  # the case's own: cut, not lost


def test_no_detection_of_a_whole_draft_crosses_a_blank_line() -> None:
    text = ("Date of this draft: 9 January 2024\n\n\n1. INTRODUCTION\n\n1.1 The review was written by "
            "Dr Amara Kelly\n\nHospital staff spoke to her on 3 May 2021.")
    found = analyse(text, EMPTY_REGISTER, list(E.ENTITY_TYPES))
    assert found and not any(crosses_break(text, d.start, d.end) for d in found)


def test_a_date_before_a_numbered_heading_leaves_the_heading_whole() -> None:
    out = anonymise("Date of this draft: 9 January 2024\n\n\n1. INTRODUCTION\n\n1.1 The review began.\n").text
    assert "\n1. INTRODUCTION\n" in out
    assert "9 January" not in out
