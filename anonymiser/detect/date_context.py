"""Whether a month word that is also a name ('June', 'April', 'May') stands as the month where it is written."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary

# On the same line: a number ending the line before or starting the next is a paragraph's, not a day's
# ('with April\n2 Background', '2.4\nApril said').
# After a comma only a year: 'Summer, 15, said' gives her age. Before the word only a day, never a section's
# number ('3.3 Summer was born', '1.2 April said'), and before a season nothing: '14 Summer' is no date.
_DIGIT_AFTER = re.compile(r"[ \t]*(?:\d|,[ \t]*(?:1[89]|20)\d\d(?!\d))")
_DIGIT_BEFORE = re.compile(r"(?<![\d.])\d{1,2}(?:st|nd|rd|th)?[ \t]*(?:of[ \t]+)?\Z", re.I)
# A month word after these is the month: 'in June', 'since March', 'by early May', 'the week of June'.
# A bare 'of' is not one of them: 'the daughter of June' is the woman.
_MONTH_BEFORE = re.compile(
    r"\b(?:in|during|since|until|till|throughout|early|late|mid|last|next|this|every|each"
    rf"|(?:end|beginning|start|middle|rest|course|{vocabulary.alternation(vocabulary.TIME_UNITS + vocabulary.OCCASIONS)})"
    r"\s+of)\s*-?\s*$", re.I)
_MONTHS = vocabulary.lower(vocabulary.MONTHS)
_SEASONS = vocabulary.lower(vocabulary.SEASONS)


def is_month(word: str) -> bool:
    return word.lower() in _MONTHS


def is_calendar_word(word: str) -> bool:
    """A month or a season ('Summer 2022'): a time where a year or day stands beside it."""
    return word.lower() in _MONTHS or word.lower() in _SEASONS


def date_context(text: str, s: int, e: int, month: bool) -> bool:
    """A day or year beside the word, or (for a month word) 'in' / 'since' before it: the month, not the name."""
    if _DIGIT_AFTER.match(text, e) or (month and _DIGIT_BEFORE.search(text, max(0, s - 12), s)):
        return True
    return month and bool(_MONTH_BEFORE.search(text, max(0, s - 20), s))
