"""The English lexicon: whether a word is a common word, a proper noun, both, or unknown.

The word list is SCOWL's British English list (models/lexicon/, Kevin Atkinson's permissive
licence beside it). It keeps capitals: 'June' is listed only capitalised (a proper noun),
'guidance' only in lower case (a common word), 'Will' and 'will' both ways.
"""

from __future__ import annotations

import enum
from functools import lru_cache

from anonymiser.config.data import MODELS_DIR

LEXICON_FILE = MODELS_DIR / "lexicon" / "british-english.words"
_APOSTROPHES = "'’"


class WordClass(enum.Enum):
    COMMON = "common"  # listed only in lower case: 'guidance', 'bruising'
    PROPER = "proper"  # listed only with a capital: 'June', 'London', 'Sarah'
    BOTH = "both"  # listed both ways: 'Will'/'will', 'Rose'/'rose', 'Bath'/'bath'
    UNKNOWN = "unknown"  # not listed: rare names ('Quillfeather'), acronyms, typing errors


@lru_cache(maxsize=1)
def _entries() -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case words, proper nouns lowered) of the lexicon."""
    common: set[str] = set()
    proper: set[str] = set()
    for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        (common if line.islower() else proper).add(line.lower())
    return frozenset(common), frozenset(proper)


def _stem(word: str) -> str:
    """The word without a possessive ending ('Sarah's' -> 'Sarah')."""
    for a in _APOSTROPHES:
        if word.endswith(a + "s") or word.endswith(a + "S"):
            return word[:-2]
        if word.endswith(a):
            return word[:-1]
    return word


@lru_cache(maxsize=65536)
def word_class(word: str) -> WordClass:
    """How the lexicon lists `word`, whatever case it is written in here."""
    low = _stem(word).lower()
    common, proper = _entries()
    in_common, in_proper = low in common, low in proper
    if not (in_common or in_proper) and len(low) > 3 and low.endswith("s"):
        # a plural the list does not spell out ('Recordings', 'Reviews')
        in_common = low[:-1] in common
        in_proper = low[:-1] in proper
    if in_common and in_proper:
        return WordClass.BOTH
    if in_common:
        return WordClass.COMMON
    if in_proper:
        return WordClass.PROPER
    return WordClass.UNKNOWN


def is_common_word(word: str) -> bool:
    """A word English writes in lower case, and never only as a name: 'guidance', 'review'."""
    return word_class(word) is WordClass.COMMON
