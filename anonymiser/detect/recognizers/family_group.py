"""Family-group phrases: 'the Pemberton children', 'the Okafor family', 'the Hadley household'.

The capitalised word between 'the' and a group word (models/vocabulary/group_words.txt) is the
family's surname, whether or not the NER found it. It is not taken when the word is a common English
word only ('the Whole family'), a nationality, ethnicity or country ('the Polish family'), a family
or role word ('the Foster children' is written so only when Foster is a name: a common word is not,
unless the name lists know it as a surname: 'the Archer family').
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

from anonymiser.config import vocabulary
from anonymiser.config.data import lowered
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.names import is_surname
from anonymiser.core.entities import PERSON
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

_GROUP = vocabulary.alternation(vocabulary.entries("group_words"))
_SURNAME = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*"


@lru_cache(maxsize=1)
def _not_surnames() -> frozenset[str]:
    return (lowered("gazetteer", ("nationalities", "ethnicities", "countries", "local_authorities"))
            | vocabulary.lower(vocabulary.FAMILY_WORDS) | vocabulary.NAME_TITLES)


class FamilyGroupRecognizer(UkPatternRecognizer):
    """The surname in 'the X children', 'the X family', 'the X household'."""

    ENTITY = PERSON
    REQUIRES_ANY_CASE = tuple(vocabulary.entries("group_words"))
    PATTERNS = [UkPattern("the X family", rf"\b(?i:the)\s+\K{_SURNAME}(?=\s+(?i:{_GROUP})\b)", 0.85)]
    FLAGS = re.DOTALL | re.MULTILINE

    def invalidate_result(self, pattern_text: str) -> bool:
        word = pattern_text.strip()
        # a common word that the name lists know as a surname is the surname: 'the Archer family'
        return word.lower() in _not_surnames() or (word_class(word) == WordClass.COMMON and not is_surname(word))
