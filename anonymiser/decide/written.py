"""Whether a draft itself writes a label ('Health Visitor 2'), without a scan of the whole draft per label."""

from __future__ import annotations

import re
import string
from functools import lru_cache

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@lru_cache(maxsize=None)
def _ascii_fold(ch: str) -> str:
    """The ASCII letter a character matches in a case-insensitive pattern (the long s is an 's', the
    kelvin sign a 'k'), else the character itself."""
    return next((letter for letter in string.ascii_lowercase if re.fullmatch(letter, ch, re.I)), ch)


@lru_cache(maxsize=4096)
def _label_pattern(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])", re.I)


class WrittenLabels:
    """`writes(label)`: the draft holds `label`, in any case, as a whole word or phrase.

    A long draft gives hundreds of people a numbered role label, and searching the whole draft for
    each made the decide stage grow with the square of the draft. The text is folded once, letter for
    letter, so that an ASCII label can match only where its lower-case form stands in the folded copy;
    the label's own pattern then decides at those places alone, so the answer is the pattern's."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None

    def _fold(self) -> str:
        if self._folded is None:
            text = self.text
            if not text.isascii():  # one for one: the folded copy keeps every offset
                table = {ord(ch): _ascii_fold(ch) for ch in set(text) if not ch.isascii()}
                text = text.translate({k: v for k, v in table.items() if v != chr(k)})
            self._folded = text.translate(_ASCII_LOWER)
        return self._folded

    def __call__(self, label: str) -> bool:
        pattern = _label_pattern(label)
        if not label.isascii():
            return pattern.search(self.text) is not None
        folded, needle = self._fold(), label.translate(_ASCII_LOWER)
        pos = folded.find(needle)
        while pos >= 0:
            if pattern.match(self.text, pos):
                return True
            pos = folded.find(needle, pos + 1)
        return False
