"""Email addresses, and proof that email and URL detection need no network."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import EMAIL_ADDRESS, URL
from anonymiser.detect.recognizers import _tld
from anonymiser.detect.recognizers.email_address import EmailAddressRecognizer
from anonymiser.detect.recognizers.url import UrlRecognizer
from tests.detect.recognizers._support import found, spans


@pytest.fixture(scope="module")
def rec() -> EmailAddressRecognizer:
    return EmailAddressRecognizer()


def test_emails(rec: EmailAddressRecognizer) -> None:
    text = "The school emailed jo.bloggs@example.gov.uk and the GP replied from dr.ahmed@nhs.net."
    assert spans(rec, text) == ["jo.bloggs@example.gov.uk", "dr.ahmed@nhs.net"]
    assert {r.entity_type for r in found(rec, text)} == {EMAIL_ADDRESS}
    assert all(r.score >= 0.85 for r in found(rec, text))


@pytest.mark.parametrize(
    "text",
    [
        "Messages from @jaydenx_99 were found.",
        "The address kayla@localhost has no real domain.",
        "She wrote to x@y.notarealsuffix about it.",
        "Meet @ 10am at the school.",
    ],
)
def test_not_emails(rec: EmailAddressRecognizer, text: str) -> None:
    assert spans(rec, text) == []


def test_email_and_url_detection_work_without_network(no_network: None) -> None:
    """tldextract's default would fetch the public suffix list; ours must not touch a socket."""
    _tld.offline_extractor.cache_clear()  # build the extractor again, under the guard
    email, url = EmailAddressRecognizer(), UrlRecognizer()
    text = "Mother emailed jade.hall@example.co.uk and posted https://www.example.org/jade."

    assert [(r.entity_type, text[r.start : r.end]) for r in found(email, text)] == [
        (EMAIL_ADDRESS, "jade.hall@example.co.uk")
    ]
    assert [(r.entity_type, text[r.start : r.end]) for r in found(url, text)] == [
        (URL, "https://www.example.org/jade")
    ]


def test_extractor_is_shared() -> None:
    assert _tld.offline_extractor() is _tld.offline_extractor()
