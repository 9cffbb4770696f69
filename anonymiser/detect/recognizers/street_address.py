"""Street addresses: house-numbered ones are ADDRESS, a bare street name is LOCATION."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from anonymiser.config import vocabulary
from anonymiser.config.names import is_first_name
from anonymiser.config.places import is_place
from anonymiser.core.entities import ADDRESS, LOCATION
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer, compile_patterns
from anonymiser.detect.recognizers.postcode import POSTCODE_REGEX

# Words that end a street name. A house number in front makes even the looser ones
# (Hill, Park, Green, View) safe; without one, only the unmistakable ones are used, since
# Hill, Green, Park and Croft are common surnames ("Sarah Green").
_NUMBERLESS_SUFFIXES = vocabulary.alternation(vocabulary.STREET_TYPES)
_NUMBERED_SUFFIXES = vocabulary.alternation(vocabulary.STREET_TYPES + vocabulary.STREET_TYPES_AFTER_NUMBER)
# Abbreviations, only after a house number: "St" and "Dr" alone are Saint and Doctor.
_ABBREVIATED_SUFFIXES = vocabulary.alternation(vocabulary.STREET_ABBREVIATIONS)
_NUMBERED_SUFFIX = (
    rf"(?:(?:{_NUMBERED_SUFFIXES})(?![\w'’-])|(?:{_ABBREVIATED_SUFFIXES})\.?(?![\w'’-]))"
)
# Courts of law and everyday phrases shaped like streets ("Family Court", "Car Park").
_NOT_A_STREET = (
    rf"(?:(?:{vocabulary.alternation(vocabulary.having('court_kinds', 'street'))})\s+Courts?"
    rf"|{vocabulary.alternation(vocabulary.entries('street_lookalikes'))})\b"
)
# Words that start a sentence or a noun phrase, never a street name; without this,
# "When Birchwood Road ..." would take "When" into the name.
_NOT_A_FIRST_WORD = "(?:" + vocabulary.alternation(
    vocabulary.DETERMINERS + vocabulary.CLAUSE_OPENERS + vocabulary.COMMON_TITLES
    + vocabulary.entries("street_stop_words")
) + r")\b"
_WORD = r"(?:St\.?|[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Za-z][a-z]+)*|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)"
_CONNECTOR = r"(?:upon|on|in|under|le|de|la|of)"
_NAME = rf"{_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_WORD}){{0,3}}"
_STREET_NAME = rf"(?!{_NOT_A_STREET})(?!{_NOT_A_FIRST_WORD}){_NAME}"

_UNIT_WORD = rf"(?:{vocabulary.alternation(vocabulary.entries('unit_words'))})"
_UNIT = rf"{_UNIT_WORD}\s+[0-9A-Z]{{1,4}}[a-z]?\b"
# A house number is not a year ("2019 Family Court ...") and may be a range or carry a letter.
_HOUSE_NUMBER = (
    rf"(?<![\w/.,:-])(?<!\b{_UNIT_WORD}\s{{1,3}})(?!(?:19|20)\d\d\b)"
    r"\d{1,4}[A-Za-z]?(?:\s?[-–]\s?\d{1,4}[A-Za-z]?)?"
)
_BUILDING_WORD = rf"(?:{vocabulary.alternation(vocabulary.entries('building_words'))})"
# The look-aheads below are cheap necessary conditions: they let the regex engine give up at
# a capital letter with no building word or street suffix in reach, instead of trying every
# way of splitting the words before it (that cost a fifth of all detection time).
_BUILDING = (
    rf"\b(?=[A-Z][\w'’\s.-]{{0,100}}?\s{_BUILDING_WORD}\b)"
    rf"(?!{_NOT_A_FIRST_WORD}){_NAME}\s+{_BUILDING_WORD}\b"
)
# Unambiguous on purpose: "\s*\n\s*" backtracks without end over long runs of blank lines.
_SEP = r"(?:,[ \t]*\n?[ \t]*|[ \t]*\n[ \t]*)"
# A town is taken only when a comma, line end or postcode follows it, so the capitalised
# word that starts the next clause ("27 Birchwood Road, Mother said") is left out.
_TOWN = (
    r"[A-Z][a-z]+(?:['’]s)?(?:[ -](?:(?:upon|on|under|le)[ -])?[A-Z][a-z]+){0,2}"
    rf"(?=\s*(?:[,.;:)\n]|$)|\s+{POSTCODE_REGEX}\b)"
)
_TAIL = (
    rf"(?:{_SEP}(?!{_NOT_A_FIRST_WORD}){_TOWN}){{0,2}}"
    rf"(?:(?:{_SEP}|\s+){POSTCODE_REGEX}(?![\w-]))?"
)
# After a house number a street may start with "The" ("3 The Green").
_STREET = rf"(?:The\s+(?:{_NAME}\s+)?|{_STREET_NAME}\s+){_NUMBERED_SUFFIX}"

_NUMBERED_ADDRESS = rf"{_HOUSE_NUMBER},?\s+{_STREET}{_TAIL}"
# A street right after a number: what makes 'No. 7 Larch Crescent' a house, not a reference number 7.
STREET_AFTER_NUMBER = re.compile(rf",?[ \t]+{_STREET}")
# The same with a flat or a named building in front. Kept apart from the plain form, which
# starts with a digit and so is tried quickly; the plain match inside one of these is dropped
# as a duplicate.
_UNIT_OR_BUILDING_ADDRESS = rf"(?:{_UNIT}{_SEP}(?:{_BUILDING}{_SEP})?|{_BUILDING}{_SEP}){_NUMBERED_ADDRESS}"
_FLAT_IN_BUILDING = rf"{_UNIT}{_SEP}{_BUILDING}{_TAIL}"

# A site written without a house number ('Unit 4, Greenbank Industrial Estate', 'Hillside Farm, Tiverton
# EX16 6AB'): an address when a unit goes before it or a postcode closes it.
_SITE = rf"(?!{_NOT_A_FIRST_WORD}){_NAME}\s+(?:{vocabulary.alternation(vocabulary.entries('site_words'))})(?![\w'’-])"
_TO_POSTCODE = rf"(?:{_SEP}(?!{_NOT_A_FIRST_WORD}){_TOWN}){{0,2}}(?:{_SEP}|\s+){POSTCODE_REGEX}(?![\w-])"
_UNIT_ON_SITE = rf"{_UNIT}{_SEP}{_SITE}{_TAIL}"
# Up to the postcode, not through it: the towns between are left to the place rules, which keep the
# partnership's own area ('Stockwell Close, Bromley, Kent BR1 ...' keeps Bromley and Kent).
_SITE_TO_POSTCODE = rf"\b{_SITE}(?={_TO_POSTCODE})"

# A court's kind just before 'Court' ends a court of law's name, not a street's, wherever the name
# starts: 'the Ankara State Security Court', 'the Kraków Regional Court' (models/vocabulary/court_kinds.txt).
_NOT_A_COURT = rf"(?<!\b(?:{vocabulary.alternation(vocabulary.having('court_kinds', 'street'))})\s+Courts?)"
_NUMBERLESS = (
    rf"\b(?=[A-Z][\w'’\s.-]{{0,100}}?\s(?:{_NUMBERLESS_SUFFIXES})(?![\w'’-]))"
    rf"{_STREET_NAME}\s+(?:{_NUMBERLESS_SUFFIXES})(?![\w'’-]){_NOT_A_COURT}"
)
# A building's name or a street without a number on the line before a postcode ('Piccadilly House,
# London Road, Bath BA1 6PL'): the postcode makes it an address.
_NUMBERLESS_TO_POSTCODE = rf"(?:{_BUILDING}{_SEP})?(?:{_NUMBERLESS}|{_BUILDING})(?={_TO_POSTCODE})"
# The towns between such an address and its postcode: each is a place of the address, which the
# place rules then decide (the partnership's own area and larger areas are kept, others go).
_TOWNS_TO_POSTCODE = re.compile(
    rf"(?:{_SEP}(?!{_NOT_A_FIRST_WORD})({_TOWN})){{1,2}}(?:{_SEP}|\s+){POSTCODE_REGEX}(?![\w-])", re.DOTALL | re.MULTILINE)

# '61 Botchergate, Carlisle', 'at 8 Greenmarket, Kendal': a house number, a street written without its
# type, and a town the gazetteer knows. The number follows no label ('Section 47 Enquiry', 'Child 1
# Megan'): a capitalised word right before it is only a preposition opening the sentence ('At 61 ...').
_LABEL_BEFORE = r"(?<!\b(?!(?:At|To|From|In|On|Of|And|Near|Moved)\b)[A-Z][\w'’-]*[ \t]+)"
_BARE_STREET = rf"(?!{_NOT_A_STREET})(?!{_NOT_A_FIRST_WORD})[A-Z][a-z]+(?:['’][a-z]+)?(?:[ -](?!{_NOT_A_FIRST_WORD})[A-Z][a-z]+){{0,2}}"
_STREETLESS_TOWNS = rf"{_SEP}(?P<town>{_TOWN})(?:{_SEP}(?!{_NOT_A_FIRST_WORD})(?P<county>{_TOWN}))?"
_STREETLESS_ADDRESS = (rf"{_LABEL_BEFORE}{_HOUSE_NUMBER},?[ \t]+(?P<street>{_BARE_STREET}){_STREETLESS_TOWNS}"
                       rf"(?:(?:{_SEP}|\s+){POSTCODE_REGEX}(?![\w-]))?")
_STREETLESS = re.compile(_STREETLESS_ADDRESS, re.DOTALL | re.MULTILINE)
_STREETLESS_NAME = "Numbered address without a street type, to a known town"


def _streetless_ok(text: str, result: RecognizerResult) -> bool:
    """A street without its type is an address only beside a town the gazetteer knows, and only where the
    street is no town and no first name itself ('14 Carlisle, Cumbria', '3 Megan, Carlisle')."""
    m = _STREETLESS.fullmatch(text, result.start, result.end)
    if m is None:
        return False
    street = m.group("street")
    towns = [t for t in (m.group("town"), m.group("county")) if t]
    return any(is_place(t) for t in towns) and not is_place(street) and not is_first_name(street.split()[0])


_PLACE_PREPOSITION = (
    r"(?i:on|in|at|to|from|near|off|along|into|onto|via|towards|down|up|opposite|behind|of)"
)


_NUMBERLESS_PATTERNS = frozenset({"Unit on a named site", "Named site to a postcode",
                                  "Building or street without a number, to a postcode"})


def _pattern_name(result: RecognizerResult) -> str | None:
    explanation = result.analysis_explanation
    return explanation.pattern_name if explanation is not None else None


class StreetAddressRecognizer(UkPatternRecognizer):
    """ADDRESS for "27 Birchwood Road, Thornton Heath, CR7 8QT"; LOCATION for "moved to Birchwood Road"."""

    ENTITY = ADDRESS
    PATTERNS = [
        UkPattern("Numbered address", _NUMBERED_ADDRESS, 0.85),
        UkPattern("Numbered address in a flat or building", _UNIT_OR_BUILDING_ADDRESS, 0.85),
        UkPattern("Flat in a named building", _FLAT_IN_BUILDING, 0.75),
        UkPattern("Unit on a named site", _UNIT_ON_SITE, 0.85),
        UkPattern("Named site to a postcode", _SITE_TO_POSTCODE, 0.85),
        UkPattern("Building or street without a number, to a postcode", _NUMBERLESS_TO_POSTCODE, 0.85),
        UkPattern(_STREETLESS_NAME, _STREETLESS_ADDRESS, 0.8),
    ]
    # The slow patterns: each needs a postcode, or a house-numbered address, somewhere in the text.
    PATTERN_REQUIRES = {
        "Numbered address in a flat or building": _NUMBERED_ADDRESS,
        "Named site to a postcode": POSTCODE_REGEX,
        "Building or street without a number, to a postcode": POSTCODE_REGEX,
    }
    STREET_PATTERNS: list[Pattern] = [
        # After "on", "to", "near"... a street name is almost always a place.
        UkPattern(
            "Street after preposition",
            rf"\b{_PLACE_PREPOSITION}\s{{1,3}}(?:the\s{{1,3}})?\K{_NUMBERLESS}",
            0.65,
        ),
        UkPattern("Street name", _NUMBERLESS, 0.45),
        UkPattern("Site after preposition", rf"\b{_PLACE_PREPOSITION}\s{{1,3}}(?:the\s{{1,3}})?\K{_SITE}", 0.65),
    ]
    CONTEXT = ["address", "lived", "lives", "living", "moved", "home", "property", "resided"]

    # Capitalisation is the evidence here; ignoring case would make prose into streets.
    FLAGS = re.DOTALL | re.MULTILINE

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language)
        self._streets = PatternRecognizer(
            supported_entity=LOCATION,
            name=type(self).__name__,
            supported_language=supported_language,
            patterns=self.STREET_PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=self.FLAGS,
        )
        compile_patterns(self.STREET_PATTERNS, self.FLAGS)
        self.supported_entities = [ADDRESS, LOCATION]

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        results = [r for r in results if _pattern_name(r) != _STREETLESS_NAME or _streetless_ok(text, r)]
        # An address found without a house number inside or across a numbered one is part of it.
        numbered = [r for r in results if _pattern_name(r) not in _NUMBERLESS_PATTERNS]
        addresses = [r for r in results if _pattern_name(r) not in _NUMBERLESS_PATTERNS
                     or not any(r.start < n.end and n.start < r.end for n in numbered)]
        results = addresses if ADDRESS in entities else []
        if LOCATION in entities:
            # The street inside a numbered address is part of that ADDRESS, not a LOCATION too.
            results += [
                street
                for street in self._streets.analyze(text, entities)
                if not any(street.start < a.end and a.start < street.end for a in addresses)
            ]
        if LOCATION in entities:
            results += self._towns_to_postcode(text, [r for r in addresses if _pattern_name(r) in _NUMBERLESS_PATTERNS])
        for result in results:
            result.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] = self.id
        return results

    def _towns_to_postcode(self, text: str, addresses: list[RecognizerResult]) -> list[RecognizerResult]:
        """'Marlowe House, Station Road, Hexham NE46 1AB': Hexham, a place of the address before it."""
        out = []
        for a in addresses:
            m = _TOWNS_TO_POSTCODE.match(text, a.end)
            if m:
                out += [RecognizerResult(LOCATION, s, e, 0.85, recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name})
                        for s, e in m.spans(1)]
        return out
