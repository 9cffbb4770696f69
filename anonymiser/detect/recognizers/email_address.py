"""Email addresses, validated against the bundled public suffix list (no network)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from anonymiser.core.entities import EMAIL_ADDRESS
from anonymiser.detect.recognizers._tld import offline_extractor

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts


class EmailAddressRecognizer(EmailRecognizer):
    """Email addresses such as jo.bloggs@example.gov.uk; the domain must have a real suffix."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_language=supported_language,
            supported_entity=EMAIL_ADDRESS,
            name=type(self).__name__,
        )
        self.global_regex_flags = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        # No "@", no address: most drafts are spared the pattern.
        return super().analyze(text, entities, nlp_artifacts, regex_flags) if "@" in text else []

    def validate_result(self, pattern_text: str) -> bool:
        return offline_extractor()(pattern_text).fqdn != ""
