"""Web addresses."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import URL
from anonymiser.detect.recognizers.url import UrlRecognizer
from tests.detect.recognizers._support import found, score_of, spans


@pytest.fixture(scope="module")
def rec() -> UrlRecognizer:
    return UrlRecognizer()


def test_urls_in_a_paragraph(rec: UrlRecognizer) -> None:
    text = (
        "Kayla posted a link to https://www.example.org/profile/kayla. The school's page, "
        "www.oakfield-primary.example.sch.uk, and the fundraiser at gofundme.com/f/kayla, were shared."
    )
    assert spans(rec, text) == [
        "https://www.example.org/profile/kayla",
        "www.oakfield-primary.example.sch.uk",
        "gofundme.com/f/kayla",
    ]
    assert {r.entity_type for r in found(rec, text)} == {URL}


def test_scheme_and_www_score_higher_than_a_bare_domain(rec: UrlRecognizer) -> None:
    text = "See https://www.example.org and example.co.uk/path today."
    assert score_of(rec, text, "https://www.example.org") >= 0.85
    assert 0.5 <= score_of(rec, text, "example.co.uk/path") < 0.85


@pytest.mark.parametrize(
    "text",
    [
        "The GP replied from dr.ahmed@nhs.net.",  # the domain of an email is not a URL
        "Concerns about the school.Inspection followed.",  # a missing space, not school.in
        "Staff at St.Mary's were told.",
        "The report was saved as final.docx on the shared drive.",
        "See the table, e.g. the one on page 4.",
    ],
)
def test_not_urls(rec: UrlRecognizer, text: str) -> None:
    assert spans(rec, text) == []
