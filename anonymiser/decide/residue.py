"""The residue rule: after the decisions, every kept token that could identify someone is explained.

A token that could identify someone is
- a name-like word: capitalised, and a proper noun or a word the lexicon does not know ('June',
  'Quillfeather'). The look-up is made in lower case, so a capital at a sentence start, in a heading
  ('1.4 Background') or in an all-capitals line is no evidence of a name: a common word there is
  a common word. A word listed both ways ('Will', 'Act', 'President') counts only inside a run
  of capitalised words round an unexplained one ('Will Tanner'); alone, it is a word with a
  capital. A long all-capitals token outside an all-capitals line is an acronym ('CARM');
- an initialism: two or three capitals ('KW', 'S.A.') that are no known acronym;
- an alphanumeric code: letters and digits mixed ('AB12345'), or a long run of digits.

A capitalised word typed into a small word before it ('the death ofMirela') is read as a word of its own.

It is explained by an allowlist, keep-list or gazetteer phrase round it (agencies, legislation,
medical terms, countries, nationalities, local authorities, the partnership's keep list), by
common-word evidence (the lexicon lists it in lower case, or this text writes it in lower case),
by a known word of the trade (months, titles, roles, acronyms, the words of public bodies' names),
by an acronym the text defines ('Discharge to Assess (DTA)') or spells out as a body's name it
keeps ('NUH' beside 'Nottingham University Hospitals NHS Trust', decide.expansions). A reviewer's
decision explains it too: a rejected replacement is undone after the decide stage. Anything else is replaced, because recall comes first, with the
label its context supports: '[place]' after in/at/to/from, the organisation's kind before an
organisation word, '[reference removed]' for a code, and otherwise a person's letter label.

The same scan, with the labels the tool writes explained, counts what an output leaves
unexplained (`unexplained`), for verify and the benchmarks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

from anonymiser.config import vocabulary
from anonymiser.config.data import load_list
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import PhraseIndex
from anonymiser.config.names import is_first_name
from anonymiser.config.places import is_place
from anonymiser.config.profile import Profile
from anonymiser.core import entities as E
from anonymiser.core.span_set import SpanSet
from anonymiser.decide.initialled_bodies import agency_after
from anonymiser.decide.not_people import not_a_person
from anonymiser.decide.origins import before_country
from anonymiser.decide.places_by_context import facility_after
from anonymiser.decide.residue_scan import Scan, acronyms, explaining_index, org_words, place_words, trade_words
from anonymiser.decide.vehicles import is_model, is_vehicle

RESIDUE = "residue"  # the detector name residue replacements carry; the report lists them first
RESIDUE_SCORE = 0.5  # what no strong evidence backs is shown as low confidence

# A word: letters and digits, joined inside by an apostrophe, hyphen, slash or dot ('O'Brien',
# 'Self-Neglect', 'AB/12.3'); or dotted initials ('S.A.').
_TOKEN = re.compile(r"(?:[A-Z]\.){2,3}|[^\W_](?:[\w'’]*[^\W_]|)(?:[\-/.][^\W_](?:[\w'’]*[^\W_])?)*")
_POSSESSIVE = re.compile(r"['’][sS]?$")
_PLACE_BEFORE = vocabulary.place_before("unexplained", ignore_case=False)
_PERSON_VERB_AFTER = re.compile(rf"[ \t]+(?:{vocabulary.alternation(vocabulary.words('person_verbs'))})\b")  # 'Preston shouted'
# 'in Southtown and Cobholm': a list's earlier item, so the place preposition before it is this word's too.
_LIST_ITEM_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)(?:[A-Z][a-z]+[ \t]+)?$")  # '..., Quorndale and Upper| Haxton'
_TITLE_BEFORE = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.titles('stripped'))})\.?\s+$", re.I)
# Digits that are not a code: ordinals, decades, times ('11.40am', '23:10hrs'), measures, a year or a number.
# A measure is a short number, whole or decimal, with its unit run on ('3.1kg', '37.5C'): a longer
# run of digits before a letter is a code.
_MEASURE = rf"\d{{1,4}}(?:[.,]\d{{1,3}})?(?:{vocabulary.alternation(vocabulary.having('measure_units', 'run_on'))})"
_NOT_CODE = re.compile(rf"\d+(?:\.\d+)?(?:st|nd|rd|th|s|am|pm|k|hrs?|mins?|yrs?|x)|{_MEASURE}"  # '0.4th' centile
                       r"|(?:[01]?\d|2[0-3])[.:][0-5]\d(?:am|pm|a\.m\.?|p\.m\.?|hrs?|h)?"
                       r"|\d{1,5}|(?:\d{1,4}[./\-])+\d{1,4}", re.I)
_LONG_DIGITS = re.compile(r"\d{6,}")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’-])(?:a|an)[ \t]+$", re.I)
# Compiled once: the scan asks these of every capitalised token of a text, and a pattern given as a
# string is looked up in the re module's cache at each call.
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_CONTRACTION = re.compile(r"I['’][a-z]+")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_NAME_JOINS = re.compile(r"[\-/]")
# The words public bodies are named with ('Assize', 'Cassation', 'Inspectorate'): not a name on their own.
_INSTITUTION_WORDS = vocabulary.words("generic_institution_words")
# A capitalised word typed into the small word before it, as PDFs and hurried typing leave it
# ('the death ofMirela'): the capitalised part is a word of its own.
_JOINED = re.compile(r"(of|in|to|by|for|from|with|at|on|and|the|into)([A-Z][a-z]{2,}(?:['’-][A-Za-z]+)*)")


@dataclass(frozen=True)
class Residue:
    """One kept run the residue rule could not explain, and the label its evidence supports."""

    start: int
    end: int
    entity: str  # PERSON, LOCATION, ORGANISATION or REFERENCE_NUMBER
    why: str


def _word(token: str) -> str:
    return _POSSESSIVE.sub("", token)


def _code(token: str) -> bool:
    digits = sum(c.isdigit() for c in token)
    if not digits:
        return False
    if _NOT_CODE.fullmatch(token):
        return False
    letters = sum(c.isalpha() for c in token)
    alpha = re.sub(r"[^A-Za-z]", "", token)
    if len(alpha) >= 3 and word_class(alpha) is not WordClass.UNKNOWN:
        return False  # '3.1The': a number run into a word
    if letters:
        # 'COVID-19', 'Year-6': a word and a number joined
        parts = re.split(r"[\-/.]", token)
        if any(p.isalpha() and word_class(p) is not WordClass.UNKNOWN for p in parts):
            return False
        return digits >= 2 and len(token) >= 5
    return bool(_LONG_DIGITS.fullmatch(re.sub(r"[\-/.]", "", token))) and "." not in token


def _initialism(word: str) -> str | None:
    """'KW', 'S.A.' -> the letters; None for anything else."""
    letters = word.replace(".", "")
    if 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper():
        return letters
    return None


def _name_part_unexplained(t: Scan, part: str, start: int) -> bool:
    """Whether one capitalised word (no digits) needs an explanation it does not have."""
    low = part.lower()
    if low in trade_words() or low.rstrip("s") in trade_words() or part in acronyms():
        return False
    if low in _INSTITUTION_WORDS:
        return False  # 'Court of Cassation': a word public bodies are named with, though no dictionary's
    cls = word_class(part)
    if cls is WordClass.COMMON:
        return False
    if low in t.lower or (low.endswith("s") and low[:-1] in t.lower):
        return False  # this text writes it in lower case: a word, not a name
    if cls is WordClass.BOTH:
        # 'Act', 'President': a common word given a capital. It counts only inside a run of
        # unexplained words ('Will Tanner'), which the run round an unexplained word takes in.
        return False
    if cls is WordClass.UNKNOWN and _inflected_common(low):
        # 'Redacted', 'Wellbeing': a common word inflected or compounded; but 'the Dunmeadow shopping
        # centre' names a place, as compounds of common words often do, and 'Dewsbury' is one
        return facility_after(t.text, start, start + len(part)) or is_place(part)
    return True  # a proper noun or a word the lexicon does not know


_ENDINGS = ("ed", "d", "ing", "s", "es", "ly", "er", "ers")


def _inflected_common(low: str) -> bool:
    for end in _ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3 and word_class(low[:-len(end)]) is WordClass.COMMON:
            return True
    for cut in range(3, len(low) - 2):
        if word_class(low[:cut]) is WordClass.COMMON and word_class(low[cut:]) is WordClass.COMMON \
                and len(low) >= 8:
            return True
    return False


class _Expanded:
    """The acronyms explained by an expansion the text keeps: one with an expansion that no covered
    span touches and whose every word is explained. Asked one acronym at a time, as initialisms come."""

    def __init__(self, t: Scan, inside: Callable[[int, int], bool]) -> None:
        self._t = t
        self._inside = inside
        self._got: dict[str, bool] = {}

    def __contains__(self, acronym: object) -> bool:
        if not isinstance(acronym, str):
            return False
        got = self._got.get(acronym)
        if got is None:
            got = self._got[acronym] = any(not self._inside(s, e) for s, e in explained_expansions(self._t, acronym))
        return got


def explained_expansions(t: Scan, acronym: str) -> list[tuple[int, int]]:
    """Where the text spells `acronym` out in words that are each explained (what is covered aside):
    worked out once a text, and only for the acronyms asked about."""
    got = t.explained_expansions.get(acronym)
    if got is None:
        got = t.explained_expansions[acronym] = [
            (s, e) for s, e in t.expansions.get(acronym, ())
            if not any(_token_unexplained(t, m.group(0), m.start()) for m in _TOKEN.finditer(t.text, s, e))]
    return got


def _parts_explained(t: Scan, token: str, start: int, joint: str = "-") -> bool:
    """Each part of a hyphenated word (or one joined by `joint`: 'Polish/British') is explained by a
    phrase or is a common word in lower case."""
    pos = 0
    for part in token.split(joint):
        if not part:
            return False
        at = start + pos
        pos += len(part) + 1
        if t.in_explained(at, at + len(_word(part) or part)):
            continue
        if part[0].islower() and word_class(part) is WordClass.COMMON:
            continue
        if not pos - len(part) - 1 and part[1:].islower() and part.lower() in _PREFIXES:
            continue  # 'Pre-birth' opening a table's cell: a prefix, capitalised where it begins
        return False
    return True


_PREFIXES = vocabulary.words("word_prefixes")


def _token_unexplained(t: Scan, token: str, start: int, expanded: Container[str] = frozenset()) -> str | None:
    """What kind of unexplained token this is ('name', 'initials', 'code'), or None if explained."""
    if t.in_explained(start, start + len(_word(token) or token)):
        return None  # 'NHS England's': the possessive is no part of the explained name
    if "-" in token and not any(c.isdigit() for c in token) and _parts_explained(t, token, start):
        return None  # 'Yoruba-speaking', 'Polish-born': an explained word joined to a common one
    if "/" in token and _parts_explained(t, token, start, "/"):
        return None  # 'Polish/British': two explained words
    if any(c.isdigit() for c in token):
        return "code" if _code(token) else None
    word = _word(token)
    if not word or not word[0].isupper():
        return None
    if _CONTRACTION.fullmatch(word):
        return None  # "I'm", "I'd"
    if _PLURAL_ACRONYM.fullmatch(word):
        return None  # 'SARs', 'LSCBs': a plural acronym names no one
    if "." in word and not _DOTTED_INITIALS.fullmatch(word):
        return None  # 'E.g', 'St.John': an abbreviation
    if not_a_person(t.text, start, start + len(word)):
        return None  # 'OT (out of town)', 'a Nando's', 'prescribed Parvolex': a term its bracket spells, a shop, a medicine
    letters = _initialism(word)
    if letters is not None:
        if word in acronyms() or letters in acronyms() or letters in t.defined or letters in expanded:
            return None
        if letters.endswith("s") or (letters[:-1] in acronyms() and word.endswith("s")):
            return None
        if letters.endswith("S") and (letters[:-1] in acronyms() or letters[:-1] in t.defined):
            return None  # 'SARS' for SARs in a capitals line
        if word_class(letters) in (WordClass.COMMON, WordClass.BOTH):
            return None  # 'IT', 'US', 'OK' in capitals
        if t.beside_acronym(start, start + len(token)):
            return None  # 'the NI SN number': one of a run of acronyms, a code's letters
        if agency_after(t.text, start + len(token)):
            return None  # 'BSW Integrated Care Board': a body's initials (decide/initialled_bodies.py)
        if _INDEFINITE_BEFORE.search(t.text, max(0, start - 4), start):
            return None  # 'it was a TV', 'an MRI': a thing; a person's initials take no 'a'
        return "initials"
    if word.isupper() and len(word) > 1:
        if word in acronyms():
            return None  # 'CALL FROM NWAS' in a capitals line: the ambulance service, as written
        if not t.capitals_line(start):
            return None  # 'CARM', 'ABWOR': an acronym longer than a person's initials
        word = word.capitalize()  # capitals say nothing about a word in a capitals line
    if len(word) == 1:
        return None  # 'Child C', 'Mr B': a letter is already a label
    parts = _NAME_JOINS.split(word)
    pos = start
    for part in parts:
        if len(part) > 1 and part[0].isupper() and _name_part_unexplained(t, part, pos):
            return "name"
        pos += len(part) + 1
    return None


def _place_before(text: str, s: int) -> bool:
    """A place preposition before `s`, or before the list of capitalised items `s` ends ('in Southtown and')."""
    for _ in range(4):
        if _PLACE_BEFORE.search(text, max(0, s - 8), s):
            return True
        item = _LIST_ITEM_BEFORE.search(text, max(0, s - 60), s)
        if item is None:
            return False
        s = item.start()
    return False


def _first_name_before(t: Scan, prev: re.Match[str], start: int, inside: Callable[[int, int], bool]) -> bool:
    """The word just before an unexplained name is a first name the name lists know, kept only because
    it is also a common word ('Patience', 'Grace')."""
    word = prev.group(0)
    return (t.text[prev.end():start] == " " and word[:1].isupper() and not word.isupper() and is_first_name(word)
            and word.lower() not in trade_words() and not inside(prev.start(), prev.end())
            and not t.in_explained(prev.start(), prev.end()))


def find_residue(text: str | Scan, explain: PhraseIndex | None = None,
                 covered: Iterable[tuple[int, int]] | SpanSet = (),
                 explained_words: frozenset[str] = frozenset(),
                 within: tuple[int, int] | None = None) -> list[Residue]:
    """The unexplained kept runs of `text` (within a span of it, if given), outside the `covered`
    spans, each with the kind of label its context supports. A caller that asks span after span of
    one text passes `covered` as a SpanSet it grows, rather than the spans sorted again each time."""
    t = text if isinstance(text, Scan) else Scan(text, explain or PhraseIndex(()))
    text = t.text
    inside = (covered if isinstance(covered, SpanSet) else SpanSet(covered)).overlaps
    # an acronym whose spelt-out name is kept, and explained, somewhere is explained by it; one whose
    # every expansion is replaced is not ('NUH' goes with 'Nottingham University Hospitals')
    expanded = _Expanded(t, inside)
    out: list[Residue] = []
    # A word all in lower-case letters is never unexplained (nor does it join a run of capitalised
    # words, which must be next to each other), so the scan skips the many of them at once.
    tokens = [m for m in _TOKEN.finditer(text, *(within or (0, len(text))))
              if not (m.group(0).islower() and m.group(0).isalpha())]
    i = 0
    while i < len(tokens):
        m = tokens[i]
        s, e = m.start(), m.end()
        token = m.group(0).rstrip(".") if not _DOTTED_INITIALS.fullmatch(m.group(0)) else m.group(0)
        joined = _JOINED.fullmatch(token)
        if joined:
            s, token = s + joined.end(1), joined.group(2)
        e = s + len(token)
        kind = None if inside(s, e) or _word(token) in explained_words else _token_unexplained(t, token, s, expanded)
        if kind == "name" and (is_model(text, s, e) or (is_vehicle(text, s, e) and not _POSSESSIVE.search(token))):
            kind = None  # 'a silver Vauxhall Astra': the make and model of a car; 'Kia's car' is hers
        if kind is None:
            i += 1
            continue
        if kind == "code":
            out.append(Residue(s, e, E.REFERENCE_NUMBER, "an alphanumeric code no list explains"))
            i += 1
            continue
        # A run of capitalised words round it is one name: 'Maya Trelawny', 'Larkstone Housing'.
        j = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1]
            gap = text[tokens[j].end():nxt.start()]
            w = _word(nxt.group(0))
            if gap not in (" ", "-") or not w[:1].isupper() or inside(nxt.start(), nxt.end()) \
                    or t.in_explained(nxt.start(), nxt.start() + len(w or nxt.group(0))) or any(c.isdigit() for c in w):
                break
            if w in acronyms() or w.lower() in trade_words():
                break
            if word_class(w) is WordClass.COMMON and w.lower() not in org_words() and w not in place_words():
                break
            j += 1
        end = tokens[j].end()
        end = s + len(_POSSESSIVE.sub("", text[s:end])) if not text[s:end].endswith(".") else end - 1
        if kind == "name" and i and _first_name_before(t, tokens[i - 1], s, inside):
            s = tokens[i - 1].start()  # 'Patience Osei': a first name that is also a word, before the surname
        elif kind == "name" and i and text[tokens[i - 1].end():s] == " " and not inside(tokens[i - 1].start(), s) \
                and is_place(text[tokens[i - 1].start():end]):
            s = tokens[i - 1].start()  # 'Market Drayton': a place whose first word is a common word
        run_words = [_word(x.group(0)).lower() for x in tokens[i:j + 1]]
        # an organisation word at the end, or just after: 'Larkstone Housing', 'Velora Care'
        head = j + 1 < len(tokens) and text[tokens[j].end():tokens[j + 1].start()] == " " \
            and _word(tokens[j + 1].group(0)).lower() in org_words() and tokens[j + 1].group(0)[0].isupper()
        if head:
            end = tokens[j + 1].end()
            j += 1
        if head or (len(run_words) > 1 and run_words[-1] in org_words()):
            out.append(Residue(s, end, E.ORGANISATION, "a named organisation no list explains"))
        elif kind == "name" and not _TITLE_BEFORE.search(text, max(0, s - 8), s) and is_place(text[s:end]) \
                and not _PERSON_VERB_AFTER.match(text, end):
            out.append(Residue(s, end, E.LOCATION, "a place the gazetteer knows"))
        elif kind == "name" and facility_after(text, s, end):
            out.append(Residue(s, end, E.LOCATION, "a name between 'the' and a facility noun"))  # 'the X estate'
        elif kind == "name" and (before_country(text, end) or (
                _place_before(text, s) and not _TITLE_BEFORE.search(text, max(0, s - 8), s)
                and not text[max(0, s - 4):s].endswith("of ") and text[end:end + 1] not in ("'", "’")
                and not is_first_name(text[s:end]))):  # "in Tilly's room": hers
            out.append(Residue(s, end, E.LOCATION, "a capitalised word after in/at/to/from no list explains"))
        else:
            why = "initials no list or definition explains" if kind == "initials" else \
                "a capitalised word the lexicon does not know as a common word"
            out.append(Residue(s, end, E.PERSON, why))
        i = j + 1
    return out


def unexplained(text: str, profile: Profile,
                written: Iterable[str] = ()) -> list[Residue]:
    """What an OUTPUT text keeps unexplained: the residue scan, with the labels and names the tool
    writes itself (its pseudonyms, `written`) explained."""
    pools = {n for _, pool in profile.pseudonyms for n in load_list("names", pool)}
    pools |= {w for x in written for w in re.findall(r"[^\W\d_]+", x)}
    labelled = [(m.start(), m.end()) for m in re.finditer(r"\[[^\]\n]{1,40}\]", text)]
    return find_residue(text, explaining_index(profile), labelled, frozenset(pools))
