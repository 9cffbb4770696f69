"""What the UK pattern recognizers share: each declares its entity, patterns, context words and flags."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer


class UkPatternRecognizer(PatternRecognizer):
    """A Presidio PatternRecognizer set up from class attributes, named after its class."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    # Case-sensitive unless a recognizer says otherwise: a capital letter is evidence of a name.
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language=supported_language,
            patterns=self.PATTERNS,
            context=self.CONTEXT or None,
            global_regex_flags=self.FLAGS,
        )
