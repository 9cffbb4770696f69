"""QUANTITY: sums of money and counted things ('GBP 6,000', 'eight counts').

Only profiles that replace quantities (strict) ask for this entity.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

# Numbers written as words. 'Several' is not one: it says only that there were a few, which counts nothing.
_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 r"hundred|thousand|dozens?)(?:[-‑ ](?:one|two|three|four|five|six|seven|eight|nine))?")
_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY_CODE = r"(?:GBP|GPB|EUR|USD|DKK|SEK|NOK|CHF|TRY|PLN|RON|BGN|HUF|CZK|RUB|UAH)"
_CURRENCY_WORDS = (r"(?:pounds(?:\s+sterling)?|euros?|dollars?|kroner|kronor|krone|francs?|lira|liras|zlot(?:y|ys)|"
                   r"roubles?|rubles?|hryvnias?|lei|levs?|forints?|korunas?)")
# A counted noun: the plural after a number ('eight counts'), optionally 'other' between. It ends the
# quantity: in 'six months’ imprisonment' the noun after the possessive is what the count measures (a
# sentence, leave, notice), no part of the amount, and 'six months' is a duration the dates find.
_COUNTED = r"(?:other\s+)?(?:[a-z]{3,}s|children|people|men|women)\b"
# Units of measure: a floor area or a distance can single out a property. The unit ends at the word's end,
# so '3 milestones' is no distance.
_UNIT = rf"(?:{vocabulary.alternation(vocabulary.having('measure_units', 'amount'))})(?![^\W_])"


class QuantityRecognizer(UkPatternRecognizer):
    """Money with its currency, and a number with the thing it counts."""

    ENTITY = E.QUANTITY
    PATTERNS = [
        UkPattern("currency code before", rf"\b{_CURRENCY_CODE}\s?(?:{_NUMERAL})\b", 0.8),
        UkPattern("currency sign", rf"[£€$]\s?(?:{_NUMERAL})(?:\s?(?:million|billion|m|bn)\b)?", 0.8),
        UkPattern("amount in words",
                rf"\b(?:{_NUMERAL})\s+(?:million\s+|billion\s+)?(?:[A-Z][a-z]+\s+)?{_CURRENCY_WORDS}"
                rf"(?:\s*\({_CURRENCY_CODE}\))?", 0.8),
        UkPattern("measure", rf"\b(?:{_NUMERAL})\s?{_UNIT}", 0.6),
        UkPattern("counted things", rf"\b(?:{_NUMERAL}|(?i:{_NUMBER_WORDS}))\s+{_COUNTED}", 0.45),
        UkPattern("one thing", r"\b(?i:one)\s+(?:offence|count|charge|occasion|child|person|hearing)\b", 0.45),
    ]

    FLAGS = re.MULTILINE
