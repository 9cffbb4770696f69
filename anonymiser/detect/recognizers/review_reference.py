"""A review's own number: 'Serious Case Review case 12', 'Safeguarding Adults Review no. 3', 'SCR 4 2019'.

A published review is numbered within its partnership's series. Beside the review's kind (the
vocabulary list review_types) the number after 'case', 'no.' or 'number' identifies the review,
hence the family, however small it is: the reference recognizer leaves a small count after
'case' as prose ('case number 2'), which is right for a case file but not for a review's title.

A series code in capitals followed by a number and a year ('DHR 7 2021', 'SCR 12 2018') is one
reference, the code with it: the letters name the series, the numbers this review. A month, a
weekday or a part of a document in capitals ('JUNE 4 2019', 'ARTICLE 8 2019') is no series code.
"""

from __future__ import annotations

import regex as re

from anonymiser.config import vocabulary
from anonymiser.core.entities import REFERENCE_NUMBER
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

_REVIEW_TYPES = vocabulary.alternation(vocabulary.entries("review_types"), gap=r"[\s-]+")
_REVIEW = rf"(?i:{_REVIEW_TYPES})s?"
_NUMBER_WORD = r"(?i:case|no\.?|nos\.?|number|ref(?:erence)?\.?)"
_REVIEW_NUMBER = r"\d{1,6}[A-Za-z]?(?:[/.-]\d{1,6})*"
_END = r"(?![\w/-]|\.\w)"
_NOT_A_SERIES = vocabulary.alternation(
    [w.upper() for w in vocabulary.MONTHS + vocabulary.MONTH_SHORT_FORMS + vocabulary.WEEKDAYS
     + vocabulary.WEEKDAY_ABBREVIATIONS + vocabulary.entries("document_parts")])
_YEAR = r"(?:19|20)\d\d"


class ReviewReferenceRecognizer(UkPatternRecognizer):
    """'Domestic Homicide Review case 14' (the number and its word), 'CPR 7 2030' (the whole code)."""

    ENTITY = REFERENCE_NUMBER
    PATTERNS = [
        # The number word goes with the number ('Review [reference removed]'): left alone, a NER reads
        # 'Case' as a name.
        UkPattern("Review number", rf"\b{_REVIEW}\s+\K{_NUMBER_WORD}\s{{0,3}}[:#]?\s{{0,3}}{_REVIEW_NUMBER}{_END}", 0.85),
        UkPattern("Series code, number and year",
                rf"(?<![\w/-])(?!(?:{_NOT_A_SERIES})\s)[A-Z][A-Z]{{1,7}}\s+\d{{1,4}}\s+{_YEAR}(?![\w/-]|\.\d)", 0.7),
    ]
    REQUIRES_MATCH = r"\d"
    FLAGS = re.DOTALL | re.MULTILINE
