"""Web addresses, with or without a scheme, validated offline."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import UrlRecognizer as PresidioUrlRecognizer

from anonymiser.core.entities import URL
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer
from anonymiser.detect.recognizers._tld import offline_extractor

_BASE = PresidioUrlRecognizer.BASE_URL_REGEX
# Not inside a word, an email (user@host.com) or a longer URL; not running on into a word, so
# "school.Inspection" is not read as the domain "school.in".
_BEFORE = r"(?<![\w@.\-/:])"
_AFTER = r"(?![\w-])"
_TRAILING_PUNCTUATION = ".,;:!?"


class UrlRecognizer(UkPatternRecognizer):
    """URLs: https://www.example.org/page, www.example.org, example.co.uk/path."""

    ENTITY = URL
    # Every web address has a dot before its suffix's letters ("example.org").
    REQUIRES_MATCH = r"\.[A-Za-z]{2}"
    PATTERNS = [
        UkPattern("URL with scheme", rf"(?i){_BEFORE}https?://{_BASE}{_AFTER}", 0.85),
        UkPattern("URL starting www", rf"(?i){_BEFORE}(?=www\d{{0,3}}\.){_BASE}{_AFTER}", 0.85),
        UkPattern("URL, bare domain", rf"(?i){_BEFORE}{_BASE}{_AFTER}", 0.6),
    ]
    CONTEXT = ["url", "website", "web site", "link", "page", "site"]

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        # A URL's path pattern swallows the full stop or comma that ends the sentence.
        for result in results:
            while result.end > result.start and text[result.end - 1] in _TRAILING_PUNCTUATION:
                result.end -= 1
        return self.remove_duplicates(results)

    def validate_result(self, pattern_text: str) -> bool | None:
        host = re.sub(r"(?i)^https?://", "", pattern_text).split("/", 1)[0]
        extracted = offline_extractor()(host)
        if not extracted.suffix or not extracted.domain:
            return False
        # "school.In" with a missing space is prose; real addresses write the suffix in lower
        # case, or the whole host in capitals.
        if extracted.suffix != extracted.suffix.lower() and host != host.upper():
            return False
        return None
