"""A recognizer's REQUIRES strings are a true precondition: every match holds one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from presidio_analyzer import PatternRecognizer

from anonymiser.detect.recognizers import uk_recognizers
from anonymiser.detect.recognizers._pattern import UkPatternRecognizer
from anonymiser.detect.recognizers.email_address import EmailAddressRecognizer

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("review-*.txt")) + sorted(SAMPLES.glob("review-*.md"))]
TEXTS.append(
    "Kayden attended Oakfield Primary School, then St Mary's C of E Junior Academy and Hillside College; "
    "his sister went to Little Acorns Day Nursery, Busy Bees Pre-school, Rainbow Playgroup, Sunshine "
    "Children's Centre and Tiny Steps Crèche. The family were registered at Birchwood Surgery, then at "
    "The Limes Medical Practice, Parkside Health Centre and Elm Tree Practice. He was on Rainbow Ward, "
    "then Ward 7 and the puffin ward, and the consultant saw him at the Wren Unit, and at Ashcombe General Hospital and the Fellbeck Infirmary. His Snapchat was kayla.b2010, TikTok account 'lilmiss_k', "
    "username: jaydenx_99, X account @jay_x, gamer tag dragon_77 and he emailed jo.bloggs@example.org. "
    "The page www.example.co.uk/help and https://example.org/a?b=1 were shared. "
    "They drove along the A361 and off the M5, and the Pemberton children were in the car. "
    "Serious Case Review case 14 was published in the series as SCRP 3 2020."
)

WITH_REQUIREMENTS = [r for r in uk_recognizers() if isinstance(r, UkPatternRecognizer)
                     and (r.REQUIRES or r.REQUIRES_ANY_CASE or r.REQUIRES_MATCH)]


def test_some_recognizers_declare_requirements() -> None:
    assert {r.name for r in WITH_REQUIREMENTS} >= {
        "SchoolRecognizer", "NurseryRecognizer", "GpPracticeRecognizer", "HospitalWardRecognizer",
        "SocialHandleRecognizer", "UrlRecognizer"}


@pytest.mark.parametrize("rec", WITH_REQUIREMENTS, ids=lambda r: r.name)
def test_every_match_holds_a_required_string(rec: UkPatternRecognizer) -> None:
    found = 0
    for text in TEXTS:
        # The patterns alone, without the shortcut that relies on the requirement.
        for r in PatternRecognizer.analyze(rec, text, rec.supported_entities):
            span = text[r.start:r.end]
            # A match's required word may stand just before its span (a platform before a handle)
            # or just after it (a group word after a family's surname).
            context = text[max(0, r.start - 40):r.end + 20]
            assert any(w in context for w in rec.REQUIRES) or any(
                w in context.lower() for w in rec.REQUIRES_ANY_CASE) or (
                rec.REQUIRES_MATCH and re.search(rec.REQUIRES_MATCH, span)), (rec.name, span)
            found += 1
    assert found, f"{rec.name} found nothing to check"


def test_a_text_without_the_required_strings_is_skipped_with_the_same_result() -> None:
    text = "Nobody here went to a named place; the family moved twice in 2021."
    for rec in WITH_REQUIREMENTS:
        assert rec.analyze(text, rec.supported_entities) == []
        assert PatternRecognizer.analyze(rec, text, rec.supported_entities) == []


def test_email_addresses_need_an_at_sign() -> None:
    rec = EmailAddressRecognizer()
    assert [r.entity_type for r in rec.analyze("Write to jo.bloggs@example.org today.", ["EMAIL_ADDRESS"])] == [
        "EMAIL_ADDRESS"]
    assert rec.analyze("Write to jo.bloggs at example.org today.", ["EMAIL_ADDRESS"]) == []


ADDRESSES = (
    "Mother moved to Flat 3, Marlowe House, 12 Station Road, Hexham NE46 1AB, and later to Unit 4, "
    "Greenbank Industrial Estate, Tiverton EX16 6AB. Piccadilly House, London Road, Bath BA1 6PL was "
    "the office. Father stayed at Hillside Farm, Tiverton EX16 7XY, then at 27 Birchwood Road."
)
WITH_PATTERN_REQUIREMENTS = [r for r in uk_recognizers() if isinstance(r, UkPatternRecognizer) and r.PATTERN_REQUIRES]


def test_some_slow_patterns_declare_what_they_need() -> None:
    assert "StreetAddressRecognizer" in {r.name for r in WITH_PATTERN_REQUIREMENTS}


@pytest.mark.parametrize("rec", WITH_PATTERN_REQUIREMENTS, ids=lambda r: r.name)
def test_a_pattern_matches_only_where_what_it_needs_is_found(rec: UkPatternRecognizer) -> None:
    import regex

    found = 0
    for text in [*TEXTS, ADDRESSES]:
        for pattern in rec.patterns:
            needed = rec.PATTERN_REQUIRES.get(pattern.name)
            if needed is None:
                continue
            for m in regex.finditer(pattern.regex, text, rec.FLAGS):
                # what it needs is in the match or in what its look-ahead reads after it
                assert regex.search(needed, text[m.start():m.end() + 200], rec.FLAGS), (rec.name, pattern.name)
                found += 1
    assert found, f"{rec.name}: no match of a pattern with a requirement to check"


@pytest.mark.parametrize("rec", WITH_PATTERN_REQUIREMENTS, ids=lambda r: r.name)
def test_skipping_a_pattern_changes_no_result(rec: UkPatternRecognizer) -> None:
    for text in [*TEXTS, ADDRESSES, "Piccadilly House and Greenbank Industrial Estate, but no postcode."]:
        got = sorted((r.start, r.end, r.entity_type, r.score) for r in rec.analyze(text, rec.supported_entities))
        every = rec.refine(text, PatternRecognizer.analyze(rec, text, rec.supported_entities), rec.supported_entities)
        assert got == sorted((r.start, r.end, r.entity_type, r.score) for r in every)
