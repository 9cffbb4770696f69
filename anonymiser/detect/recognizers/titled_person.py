"""People named after a title: "Dr Anika Rao", "DC Evans", "PC 4532 Evans", "Mrs J Okafor"."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from anonymiser.config import vocabulary
from anonymiser.core.entities import PERSON
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

# Titles a professional or officer holds; the person is "Professional A", not family.
PROFESSIONAL_TITLES = vocabulary.titles("professional")
PERSONAL_TITLES = vocabulary.titles("female", "male", "neutral", "honour", "clergy")
# Titles that may be followed by a collar or shoulder number: "PC 4532 Evans".
_NUMBERED_TITLES = vocabulary.titles("collar")

_POLICE_RANK_PHRASE = rf"(?:{vocabulary.alternation(vocabulary.titles('rank'))})"
_TITLE = (
    rf"(?:{_POLICE_RANK_PHRASE}|"
    + vocabulary.alternation(PROFESSIONAL_TITLES + PERSONAL_TITLES, gap=" ")
    + r")\.?"
)
# Words that follow a title without being a name: "Mr Speaker", "Dr Barnardo's" (a charity).
_NOT_A_NAME = rf"(?:{vocabulary.alternation(vocabulary.entries('not_names_after_titles'))})\b"
_KIN = rf"(?i:{vocabulary.alternation(vocabulary.FAMILY_WORDS)})\b"
# Words that stop a name, so "Dr Rao Consultant Paediatrician" keeps to "Dr Rao".
_ROLE_WORDS = "(?:" + vocabulary.alternation(
    vocabulary.entries("name_stop_words") + vocabulary.titles("common", "judge")) + r")\b"
# "S.", "J Okafor", "A.N.", and the French compound initials "L.-E.", "J.-P.".
_INITIALS = r"(?:\p{Lu}(?:\.-?\s*|\s+)){1,3}"
_HYPHEN = r"[-‐‑]"
# Any alphabet's capitals: "Thór Vilhjálmsson", "Lōhmus", "Rıza Türmen", "Holst‑Christensen".
_NAME_WORD = (
    rf"(?:(?!{_ROLE_WORDS})(?:Ma?c|O['’]|D['’])?\p{{Lu}}\p{{Ll}}+(?:{_HYPHEN}\p{{Lu}}\p{{Ll}}+)*"
    # A surname in capitals after initials, as court lists write it: "Mr R. LINHAM", "Ms K. McCLEERY".
    rf"|(?<=\b\p{{Lu}}\.?\s+)(?:Ma?c)?\p{{Lu}}{{2,}}(?:{_HYPHEN}\p{{Lu}}{{2,}})*(?![\p{{Ll}}]))"
)
_JUDGES_SUFFIX = vocabulary.alternation(vocabulary.entries("judges_suffixes"))
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space, or one line break: a blank line ends the name
_SURNAME_PARTICLE = rf"(?:(?:{vocabulary.alternation(vocabulary.entries('surname_particles'))})\s+){{1,2}}"
_NAME = (
    rf"(?:{_INITIALS})?(?:{_SURNAME_PARTICLE})?{_NAME_WORD}"
    rf"(?:{_GAP}(?:{_SURNAME_PARTICLE})?{_NAME_WORD}){{0,2}}"
)
_CAPS_TITLE = vocabulary.alternation(t.upper() for t in vocabulary.titles("capitals"))
_COLLAR = rf"(?:(?<=\b(?:{vocabulary.alternation(_NUMBERED_TITLES)})\.?\s+)\d{{2,6}}\s+)?"
# The name ends at a word's end; a possessive "'s" is left outside the span.
_NAME_END = r"(?=['’]s\b|(?![\w'’-]))"
# "the PC Kayla used" is a computer.
_NOT_A_COMPUTER = r"(?<!\b(?i:the|a|an|his|her|their|my|our|school|home|family|laptop)\s+(?=PC\b))"


class TitledPersonRecognizer(UkPatternRecognizer):
    """PERSON spans from a title through the surname; professional titles are flagged in metadata."""

    ENTITY = PERSON
    PROFESSIONAL_KEY = "professional"

    PATTERNS = [
        UkPattern(
            "Title and name",
            rf"(?<![\w'’-]){_NOT_A_COMPUTER}(?:{_TITLE})\s+{_COLLAR}"
            rf"(?!{_NOT_A_NAME}){_NAME}{_NAME_END}",
            0.85,
        ),
        # Capitals throughout, as in a copied record; only with initials, so a heading
        # ("MR SMITH STATED") is left to the register: "REFERRER: DR H ASHCROFT".
        UkPattern(
            "Title and name in capitals",
            rf"(?<![\w'’-])(?:{_CAPS_TITLE})\.?\s+(?:\p{{Lu}}\.?\s+){{1,3}}(?:MA?C)?\p{{Lu}}{{2,}}"
            rf"(?:{_HYPHEN}\p{{Lu}}{{2,}})*(?![\w'’-])",
            0.85,
        ),
        # English judges by surname and post: "Tugendhat J", "Thorpe LJ", "Sir Mark Potter P" is left out.
        UkPattern(
            "Judge's surname and post",
            # not a kinship word: 'Uncle J' is a name a phone was saved under, not a judge
            rf"(?<![\w'’.-])(?!{_ROLE_WORDS}|{_KIN}){_NAME_WORD}\s+(?:{_JUDGES_SUFFIX})(?![\w'’-]|\.\w)",
            0.85,
        ),
    ]
    CONTEXT = ["officer", "doctor", "police", "nurse", "social worker", "health visitor"]

    # Case-sensitive: a name is capitalised, and "dr" or "pc" in lower case is not a title.
    FLAGS = re.DOTALL | re.MULTILINE

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        for result in results:
            result.recognition_metadata[self.PROFESSIONAL_KEY] = is_professional(
                text[result.start : result.end]
            )
        return results


_PROFESSIONAL = re.compile(rf"^(?:{_POLICE_RANK_PHRASE}|{vocabulary.alternation(PROFESSIONAL_TITLES, gap=' ')})\b")


def is_professional(span: str) -> bool:
    """Whether a titled name ("DC Evans", "Dr Rao") carries a professional or police title."""
    return bool(_PROFESSIONAL.match(span) or _PROFESSIONAL_CAPS.match(span) or _JUDGE_SUFFIX.search(span))


_PROFESSIONAL_CAPS = re.compile(
    "^(?:" + vocabulary.alternation(t.upper() for t in vocabulary.titles("capitals") if t in PROFESSIONAL_TITLES)
    + r")\b")
_JUDGE_SUFFIX = re.compile(rf"\s(?:{_JUDGES_SUFFIX})$")
