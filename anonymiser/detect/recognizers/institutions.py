"""Named schools, nurseries, GP practices and hospital wards; generic mentions are left alone.

A match needs a proper name before the kind of place ("Oakfield Primary School"), so "the
school", "her GP" or "primary school" never match. Spans are the name only: a leading "the"
is the caller's to handle.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex as re
from presidio_analyzer import RecognizerResult

from anonymiser.config import vocabulary
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.core.entities import GP_PRACTICE, HOSPITAL_WARD, NURSERY, ORGANISATION, SCHOOL
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

_FLAGS = re.DOTALL | re.MULTILINE  # case-sensitive: capitals are what make a proper name

# Words that open a sentence or a noun phrase but never a place's name; the regex then
# starts again at the next word, so "When Oakfield Primary School" yields the school alone.
_FUNCTION_WORDS = vocabulary.alternation(
    vocabulary.DETERMINERS + vocabulary.CLAUSE_OPENERS + vocabulary.COMMON_TITLES + vocabulary.PARENT_WORDS
    + vocabulary.having("institution_stop_words", "any")
)
# A name word: "Oakfield", "Mary's", "St", "St.", "O'Neill", "McAllister", "Bishop-Hill".
_WORD = (
    r"(?:St\.?|Ss\.?|[A-Z][a-z]+(?:['’]s)?(?:-[A-Z][a-z]+)*"
    r"|[A-Z]['’][A-Z][a-z]+|Ma?c[A-Z][a-z]+|CE|RC|C\.?\s?of\s?E\.?|CofE)"
)
_JOIN = r"(?:of|the|and|&|upon|on|in|de|la)"
_NAME = rf"{_WORD}(?:\s+(?:{_JOIN}\s+)?{_WORD}){{0,4}}"
# The name ends at a word's end; a possessive may follow ("Oakfield Primary's head"), outside the span.
_END = r"(?:(?=['’]s(?![\w'’-]))|(?![\w'’-]))"


# Words before 'of' that are a person, not a name of the place: 'Dr Nikhil Varma of Werneth Medical Practice'.
_BEFORE_OF = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3})of\s+(?=[A-Z])")
_TITLE_WORDS = vocabulary.TITLE_WORDS - {"st", "saint", "ss"}  # a saint's name may open a school's


# An institution's own kind word, then 'and': the name before it is a second institution, in a list
# ('Bumblebee Day Nursery and Meadowcroft Primary School'), never part of this one's name.
_LISTED_BEFORE = re.compile(
    rf".*\b(?:{vocabulary.alternation([w.title() for w in vocabulary.entries('organisation_words') if len(w) > 3])})"
    r"(?P<joint>\s+(?:and|&)\s+)(?=[A-Z])", re.DOTALL)


def _each(results: list[RecognizerResult], more: list[RecognizerResult]) -> Iterator[RecognizerResult]:
    """`results`, then each result put in `more` while they are gone through."""
    yield from results
    i = 0
    while i < len(more):
        yield more[i]
        i += 1


class _NotAPersonOf(UkPatternRecognizer):
    """An institution's name does not begin with a person 'of' it, nor with another institution listed
    before it: the span starts after the 'of' or the 'and'."""

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        firsts: list[RecognizerResult] = []
        for r in _each(results, firsts):  # a first one found is looked at in turn: 'A School and B School and C Academy'
            listed = _LISTED_BEFORE.match(text, r.start, r.end)
            if listed is not None:
                first = text[r.start:listed.start("joint")]
                # 'Oakfield Primary School and Larkmoor Academy': the first is one of this kind too, so it
                # stays; another kind's ('Bumblebee Day Nursery and ...') is its own recognizer's to find
                if any(re.fullmatch(p.regex, first, flags=self.FLAGS) for p in self.patterns):
                    firsts.append(RecognizerResult(r.entity_type, r.start, listed.start("joint"), r.score,
                                                   r.analysis_explanation, r.recognition_metadata))
                r.start = listed.end()
        for r in results + firsts:
            m = _BEFORE_OF.match(text, r.start, r.end)
            if m is None:
                continue
            before = re.findall(r"[\w.]+", text[max(0, r.start - 12):r.start])[-1:]
            words = before + m.group(1).split()
            if any(w.lower().rstrip(".") in _TITLE_WORDS for w in words) or (
                    len(words) >= 2 and is_first_name(words[0]) and is_surname(words[-1])):
                r.start = m.end()
        return results + firsts


def _named(kind: str, not_first: str = "", after: str = "") -> str:
    """A proper name, then `kind`; the name may not open with a function word or `not_first`."""
    stop = _FUNCTION_WORDS + (f"|{not_first}" if not_first else "")
    # The look-ahead is a cheap necessary condition (a capital, then name-like characters up
    # to the kind of place), so the engine gives up at once at most capitals instead of trying
    # every split of the words that follow.
    reach = rf"(?=[A-Z][\w'’\s.&-]{{0,120}}?\s(?:{kind}){_END})"
    return rf"(?<![\w'’-]){reach}(?!(?:{stop})\b){_NAME}\s+(?:{kind}){_END}{after}"


_SCHOOL_STOP = vocabulary.alternation(vocabulary.having("institution_stop_words", "school"))
_SCHOOL_TYPE = (
    r"(?:(?:Primary|Junior|Juniors|Infant|Infants|Secondary|High|Grammar|Middle|First|Prep"
    r"|Preparatory|Upper|Lower|Special|Community|Comprehensive|Sixth\s+Form|Free"
    r"|(?:Infant|Junior|Primary)\s+and\s+(?:Nursery|Junior|Infant))\s+)?"
    # A nursery school belongs to NurseryRecognizer.
    r"(?:(?<!(?<!and\s)Nursery\s)School|Academy|College(?!\s+of\b))"
    r"|Primary(?:\s+Academy)?|Juniors|Infants|Pupil\s+Referral\s+Unit|PRU"
)


class SchoolRecognizer(_NotAPersonOf):
    """Schools, academies and colleges with a proper name: "St Mary's C of E Primary School"."""

    ENTITY = SCHOOL
    REQUIRES = ("School", "Academy", "College", "Primary", "Juniors", "Infants", "PRU", "Pupil")
    PATTERNS = [UkPattern("Named school", _named(_SCHOOL_TYPE, _SCHOOL_STOP), 0.85)]
    CONTEXT = ["school", "pupil", "teacher", "headteacher", "attended", "dsl", "class"]


_NURSERY_STOP = vocabulary.alternation(vocabulary.having("institution_stop_words", "nursery"))
_NURSERY_TYPE = (
    r"(?:(?:Day\s+)?Nursery(?:\s+School)?|Pre-?[Ss]chool|Playgroup|Play\s+Group|Kindergarten"
    r"|Montessori(?:\s+(?:School|Nursery))?|Cr[eè]che|Children['’]s\s+Centre|Early\s+Years\s+(?:Centre|Center|Unit))"
)


class NurseryRecognizer(_NotAPersonOf):
    """Nurseries, pre-schools and children's centres with a proper name: "Little Acorns Nursery"."""

    ENTITY = NURSERY
    REQUIRES = ("Nursery", "chool", "Playgroup", "Play", "Kindergarten", "Montessori", "Creche", "Crèche",
                "Centre")
    PATTERNS = [UkPattern("Named nursery", _named(_NURSERY_TYPE, _NURSERY_STOP), 0.85)]
    CONTEXT = ["nursery", "childcare", "early years", "key worker", "setting"]


# Surgery is also an operation ("Heart Surgery"), Practice also a way of working
# ("Safeguarding Practice Review"); those first words are never a practice's name.
_GP_STOP = vocabulary.alternation(vocabulary.having("institution_stop_words", "gp"))
_GP_TYPE = (
    r"(?:Surgery|Medical\s+(?:Centre|Center|Practice|Group)|Health\s+(?:Centre|Practice)"
    r"|Healthcare\s+Centre|Primary\s+Care\s+Centre|Family\s+Practice|Group\s+Practice"
    r"|Doctors['’]?\s+Surgery)"
)


class GpPracticeRecognizer(_NotAPersonOf):
    """GP practices with a proper name: "Birchwood Surgery", "The Limes Medical Practice"."""

    ENTITY = GP_PRACTICE
    REQUIRES = ("Surgery", "Centre", "Center", "Practice", "Group")
    PATTERNS = [
        UkPattern("Named GP practice", _named(_GP_TYPE, _GP_STOP), 0.85),
        # "Practice" alone only when no capitalised word follows ("Practice Review", "Practice
        # Manager" are something else).
        UkPattern(
            "Named practice",
            _named("Practice", _GP_STOP, after=r"(?!\s+[A-Z])"),
            0.7,
        ),
    ]
    CONTEXT = ["gp", "surgery", "practice", "registered", "doctor", "appointment"]


# Generic wards ("Maternity Ward", "the Children's Ward") are kinds, not names.
_WARD_STOP = vocabulary.alternation(vocabulary.having("institution_stop_words", "ward"))
_WARD_NAME = rf"(?<![\w'’-])(?!(?:{_FUNCTION_WORDS}|{_WARD_STOP})\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_WARD_PLACE_WORDS = r"(?i:on|onto|to|from|in|at|of|the|into|via|between)"


_NAMED_WARD = 0.6  # the score of a named ward after a preposition


class HospitalWardRecognizer(UkPatternRecognizer):
    """Hospital wards: "Rainbow Ward", "Puffin ward", "Ward 7"."""

    ENTITY = HOSPITAL_WARD
    REQUIRES = ("Ward", "ward")
    PATTERNS = [
        UkPattern("Numbered ward", r"\bWard\s+(?:\d{1,3}[A-Z]?|[A-Z]\d{0,2})(?![\w'’-])", 0.85),
        # Nobody's surname is written "ward" in lower case.
        UkPattern("Named ward, lower case", rf"{_WARD_NAME}\s+ward{_END}", 0.8),
        # "Rainbow Ward" is shaped like the person "Sarah Ward"; a preposition or "the"
        # in front makes it a place.
        UkPattern(
            "Named ward after preposition",
            rf"(?<=\b{_WARD_PLACE_WORDS}\s{{1,3}}){_WARD_NAME}\s+Ward{_END}",
            _NAMED_WARD,
        ),
        UkPattern("Named ward", rf"{_WARD_NAME}\s+Ward{_END}", 0.3),
    ]
    # Not "nurse" or "hospital": "Nurse Sarah Ward" would lift a person into a ward.
    CONTEXT = ["ward", "admitted", "discharged"]

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        """'Kingfisher Ward was busy': a name before 'Ward' that holds no first name and no title is a
        ward's, though no preposition stands before it; 'Sarah Ward' and 'Nurse Sarah Ward' stay people."""
        for r in results:
            words = re.findall(r"[^\W\d_]+", text[r.start:r.end])[:-1]
            if r.score < _NAMED_WARD and words and not any(is_first_name(w) or w.lower() in _TITLE_WORDS for w in words):
                r.score = _NAMED_WARD  # as sure as a ward after 'on' or 'to'
        return results



# 'the Acorn Unit' in a sentence about a hospital: a unit's own name points to its hospital, so it goes as
# 'the unit'. Only in a hospital's sentence, and only after 'the': 'Kirklees Child Safeguarding Unit' is a
# police unit, an agency, and 'the Neonatal Unit' or 'the Safeguarding Unit' are kinds (ward stop words,
# agency words and roles never name one).
_UNIT_NAME = rf"(?<=\bthe\s{{1,3}}){_WARD_NAME}\s+Unit{_END}(?![ \t]+[A-Z])"
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


@lru_cache(maxsize=1)
def _hospital_cues() -> frozenset[str]:
    """Words that put a sentence in a hospital: its kinds ('hospital', 'infirmary') and hospital_cues.txt."""
    return frozenset(w.lower() for w in vocabulary.having("local_organisation_words", "institution")) | \
        vocabulary.lower(vocabulary.entries("hospital_cues"))


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """Words that make 'X Unit' a kind or an agency's unit, never a name: 'Assessment', 'Safeguarding'."""
    roles = (w for r in vocabulary.entries("professional_roles") for w in r.split())
    return vocabulary.lower(vocabulary.entries("agency_words")) | vocabulary.lower(roles) | vocabulary.lower(
        vocabulary.having("institution_stop_words", "ward", "any"))


class HospitalUnitRecognizer(UkPatternRecognizer):
    """A hospital unit with a proper name, in a sentence that names a hospital: "the Acorn Unit"."""

    ENTITY = HOSPITAL_WARD
    REQUIRES = ("Unit",)
    PATTERNS = [UkPattern("Named hospital unit", _UNIT_NAME, 0.8)]

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        cues, kinds = _hospital_cues(), _kind_words()
        kept = []
        for r in results:
            if any(w.lower() in kinds for w in text[r.start:r.end].split()[:-1]):
                continue
            starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, r.start)]
            stop = _SENTENCE_END.search(text, r.end)
            sentence = text[starts[-1] if starts else 0:stop.start() if stop else len(text)]
            if cues & {w.lower() for w in re.findall(r"[\w'’-]+", sentence)}:
                kept.append(r)
        return kept



# 'the Cumberland Infirmary', 'Furness General Hospital', 'St Luke's Children's Hospital': a named
# hospital, whole, so a place inside its name never leaves the rest behind ('the [place] Infirmary').
# An NHS trust is not one ('Leeds Teaching Hospitals NHS Trust', 'Great Ormond Street Hospital for
# Children NHS Foundation Trust'): an agency the keep lists decide.
_HOSPITAL_TYPE = rf"(?:{vocabulary.alternation([w.title() for w in vocabulary.having('local_organisation_words', 'institution')])})"
# 'Bristol Royal Hospital for Children': the words after the kind that are still the hospital's name.
_NAME_ENDING = rf"(?:\s+(?:{vocabulary.alternation(vocabulary.entries('hospital_name_endings'))})(?![\w'’-]))?"
_NOT_A_TRUST = r"(?!(?:\s+(?:for|of)(?:\s+[A-Z][\w'’-]*)+)?\s+(?:NHS|Trust|Foundation|University\s+Hospitals?)\b)"
_AFTER_NO_TITLE = rf"(?<!\b(?:{vocabulary.alternation(vocabulary.COMMON_TITLES)})\.?\s+)"
_HOSPITAL_STOP = vocabulary.alternation(vocabulary.having("institution_stop_words", "hospital"))


class HospitalRecognizer(_NotAPersonOf):
    """Hospitals and infirmaries with a proper name, as an organisation its kind replaces: "the hospital"."""

    ENTITY = ORGANISATION
    REQUIRES = tuple(w.title() for w in vocabulary.having("local_organisation_words", "institution"))
    # After a title the words are a person's name ('Dr Jane Hospital'), not a hospital's.
    PATTERNS = [UkPattern("Named hospital", _AFTER_NO_TITLE + _named(_HOSPITAL_TYPE, _HOSPITAL_STOP, after=_NAME_ENDING + _NOT_A_TRUST),
                        0.8)]
    CONTEXT = ["hospital", "admitted", "discharged", "attended", "paediatric", "emergency"]
