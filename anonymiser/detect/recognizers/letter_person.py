"""People known by a single letter, as judgments and quoted records write them: 'sued by “K”',
'the complainant (M.)', '[M.] was complaining'. Propagation then finds the letter elsewhere."""

from __future__ import annotations

from anonymiser.config import vocabulary
from anonymiser.core.entities import PERSON
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

# Words after which a bracketed letter labels a part of something, not a person.
_LABEL_WORDS = vocabulary.alternation(vocabulary.entries("document_parts", "label_words"))
# The letter stands alone between quotes or brackets, in the middle of a sentence (after a
# lower-case word or a comma), so an enumerator at the start of a line ("(B) The council ...")
# is not taken. "A" and "I" are left out: they are words.
_LETTER = r"[B-HJ-Z]\.?"
_OPEN = r"[“\"‘'\[(]"
_CLOSE = r"[”\"’'\])]"


class LetterPersonRecognizer(UkPatternRecognizer):
    """PERSON for a one-letter pseudonym in quotes or brackets."""

    ENTITY = PERSON
    PATTERNS = [
        UkPattern(
            "Letter in quotes or brackets",
            rf"(?<=(?:\p{{Ll}}|,)\s{{1,3}}{_OPEN})(?<!\b(?i:{_LABEL_WORDS})\s{{1,3}}{_OPEN}){_LETTER}(?={_CLOSE})",
            0.6,
        ),
        # "[M.] was complaining": an editor's bracketed letter for a name, before a verb.
        UkPattern(
            "Bracketed letter before a verb",
            rf"(?<=\[){_LETTER}(?=\]\s+(?:was|were|is|had|has|said|told|did|would|could|gave|made|went)\b)",
            0.6,
        ),
        # A case named after a party known by initials: "M.S. v. Sweden" -> "M.S. v." (the state
        # is a place, found as one).
        UkPattern("Initials of a party to a case", r"(?<![\w.])(?:\p{Lu}\.){1,3}\s+v\.?(?=\s+(?:the\s+)?\p{Lu})", 0.6),
    ]

