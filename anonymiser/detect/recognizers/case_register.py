"""Find every mention of the case register's people and addresses, however it is written."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from rapidfuzz.distance import OSA

from anonymiser.config import vocabulary
from anonymiser.config.data import load_list, lowered
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.core import entities as E
from anonymiser.core.register import Person, Register
from anonymiser.core.textview import view_of
from anonymiser.detect.date_context import date_context, is_calendar_word, is_month
from anonymiser.detect.recognizers import register_titles
from anonymiser.detect.recognizers.register_address_forms import address_pattern, sub_addresses
from anonymiser.detect.recognizers.register_misspellings import WORD_BEFORE, misspellings_again, misspelt_first_name
from anonymiser.detect.recognizers.register_units import another_unit_before, unit_of
from anonymiser.detect.recognizers.register_words import an_office, as_written

NAME = "CaseRegister"
# The title may end one line and the surname start the next ("knew of Mr\nWhitfield").
_REGISTER_TITLES = vocabulary.alternation(vocabulary.COMMON_TITLES + vocabulary.titles("male"))
TITLE_RE = re.compile(rf"(?:\b({_REGISTER_TITLES})\.?(?:[ \t]+|[ \t]*\n[ \t]*))$", re.IGNORECASE)
# A title and a first name's initial before a surname: 'Mrs G. Hetherington'.
_TITLE_INITIAL_RE = re.compile(rf"\b({_REGISTER_TITLES})\.?[ \t]+(?P<initial>[A-Z])\.?[ \t]+$", re.IGNORECASE)
# Combining marks belong to their word: 'T\u0308amsin' or a struck-through 'T\u0336o\u0336m\u0336' is one word.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD_RE = re.compile(rf"[^\W\d_][\w'’\-{_MARKS}]*")
_PART_RE = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}])*(?:['’][^\W\d_]+)*")  # a piece of a hyphenated, underscored or numbered word
_JOINED_RE = re.compile(r"[-_\d]|[^\W\d_](?<=[a-z])[A-Z]")
_LINE_BREAK_RE = re.compile(r"[ \t]*\r?\n[ \t]*")  # between a word hyphenated at a line's end and its rest
_NEXT_WORD_RE = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
GAP_RE = re.compile(r"[ \t]*\n?[ \t]*|[ \t]+")  # a space, or a line break with its indentation
FUZZY_MIN_LEN = 5  # misspellings are only matched for names this long: shorter ones collide too often
LOGIN_MIN_LEN = 6  # an initial and a surname of five letters or more: 'hwhitfield', never 'shall'


@lru_cache(maxsize=1)
def word_collisions() -> frozenset[str]:
    return frozenset(w.lower() for w in load_list("names", "word_collisions"))


@lru_cache(maxsize=1)
def _named_things() -> frozenset[str]:
    """Words the gazetteers know as a people, a language, a faith or a country ('Roma', 'Romani'): never a
    misspelt register name ('Roman'), which would put a child's pseudonym on a whole community."""
    return lowered("gazetteer", ("ethnicities", "faiths_languages_festivals", "nationalities", "countries"))


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Collision names that in lower case are everyday words ('will', 'hope'), unlike 'lily'."""
    return frozenset(w.lower() for w in load_list("names", "everyday_words"))


def _camel_pieces(word: str) -> list[tuple[int, int]]:
    """(start, end) of each piece of a word whose words run together in capitals: 'AmaraOkafor'."""
    cuts = [0] + [j for j in range(1, len(word)) if word[j - 1].islower() and word[j].isupper()] + [len(word)]
    return list(zip(cuts, cuts[1:]))


def _unaccented(word: str) -> str:
    """The word without its accents: 'zoë' -> 'zoe', 'siobhán' -> 'siobhan'."""
    return word if word.isascii() else "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.lower().endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


# An alias written as dotted initials: 'I.H.', 'K. J.'.
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.\s?){2,4}|(?:[^\W\d_]\.\s?)+[^\W\d_]")


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z][\w'’-]*)")


def _first_name_of_another(text: str, item: tuple) -> bool:
    """A register surname written first, before a surname the register does not hold, that the name
    lists know as a first name: another person's first name ('Joyce Hammond', the Joyce family's nurse)."""
    start, end, entries, how = item
    if how != "exact" or any(part != "surname" for _, part in entries):
        return False
    word = text[start:end]
    nxt = _NEXT_WORD.match(text, end)
    return (nxt is not None and word[:1].isupper() and not word.isupper() and is_first_name(word)
            and is_surname(nxt.group(1)))


_PREVIOUS_WORD = re.compile(r"([A-Z][a-z][\w'’-]*)[ \t]+$")


def _given_name_as_surname(text: str, start: int, entries: tuple, title: str | None,
                           people: tuple[Person, ...], known: Callable[[str], bool]) -> bool:
    """A register first name or alias written as someone else's surname: after a first name the register
    does not hold ('the interpreter, Yusuf Abdi', where Abdi is a boy's nickname), or after a courtesy
    title when only a child could be meant ('Mr Abdi interpreting'): a title is never a child's."""
    if any(part not in ("first", "alias") for _, part in entries):
        return False
    if title is not None and title.lower() in _COURTESY \
            and all(vocabulary.is_child_role(people[p].role) for p, _ in entries):
        return True
    prev = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if prev is not None and is_calendar_word(prev.group(1)) and date_context(text, prev.start(1), prev.end(1), True):
        return False  # 'On Tuesday 9 May Faith told': the month of a date, no first name
    return prev is not None and is_first_name(prev.group(1)) and not known(prev.group(1))


_COURTESY = vocabulary.lower(vocabulary.titles("female", "male", "neutral"))


class CaseRegisterRecognizer(EntityRecognizer):
    """Register people by full name, first name, surname with or without a title, alias and one-edit
    misspelling, in any case and across line breaks; register addresses in any spacing."""

    def __init__(self, register: Register) -> None:
        self.register = register
        # name token (lower) -> [(person index, part)], part in first/middle/surname/alias
        self.index: dict[str, list[tuple[int, str]]] = {}
        self.phrases: list[tuple[re.Pattern[str], int]] = []
        # Register entries are matched as the view of the text writes them (see textview.py).
        for i, person in enumerate(register.people):
            parts = view_of(person.name).split()
            for j, tok in enumerate(parts):
                part = "first" if j == 0 else "surname" if j == len(parts) - 1 else "middle"
                self._add(tok, i, part)
            for alias in map(view_of, person.aliases):
                letters = _DOTTED_INITIALS.fullmatch(alias)
                if letters:
                    # 'I.H.' is written 'I.H.', 'I. H.' or 'I.H': the dots are the alias's shape, not words.
                    initials = re.findall(r"[^\W\d_]", alias)
                    pattern = r"(?<![\w.])" + r"\.\s?".join(map(re.escape, initials)) + r"\.?(?!\w|\.\w)"
                    self.phrases.append((re.compile(pattern, re.IGNORECASE), i))
                elif len(alias.split()) == 1 and re.fullmatch(r"[\w'’-]+", alias):
                    self._add(alias, i, "alias")
                elif len(alias.split()) == 1:
                    self.phrases.append((re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", re.IGNORECASE), i))
                else:
                    # Not the start of a longer, hyphenated name: the alias 'Chloe Brennan' is not
                    # all of 'Chloe Brennan-Lowe'.
                    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, alias.split())) + r"(?!\w|-\w)"
                    self.phrases.append((re.compile(pattern, re.IGNORECASE), i))
        addresses = [view_of(a) for a in register.addresses]
        # each pattern with the register address it is of (its index in register.addresses)
        self.addresses = [(address_pattern(a), i) for i, a in enumerate(addresses)]
        self.address_parts = [(address_pattern(part), i) for i, a in enumerate(addresses) for part in sub_addresses(a)]
        self.units = [unit_of(a) for a in addresses]  # 'Flat 1, <the street of Flat 2>' is another flat
        super().__init__(supported_entities=[E.PERSON, E.ADDRESS], name=NAME, supported_language="en")

    def _add(self, token: str, person: int, part: str) -> None:
        token = _strip_possessive(token.strip(".,"))
        if len(token) > 1:
            keys = {token.lower(), _unaccented(token.lower())}  # 'Zoë' is written 'Zoe' as often
            # Each half of a double-barrelled name names the person alone ('the Nkemelu family', 'Mae' of
            # 'Lily-Mae'): recall first, though 'Ann' of 'Kerry-Ann' may be someone else.
            keys |= {piece.lower() for piece in token.split("-") if len(piece) > 2 and "-" in token}
            keys |= {_unaccented(k) for k in list(keys)}
            for key in keys:
                self.index.setdefault(key, []).append((person, part))

    def load(self) -> None:
        """Nothing to load: the patterns are built from the register."""

    @lru_cache(maxsize=4096)
    def _lookup(self, word: str) -> tuple[tuple[tuple[int, str], ...], str]:
        """Register entries a word may be, and how it matched ('exact' or 'fuzzy')."""
        lw = word.lower()
        if lw not in self.index:
            lw = _unaccented(lw)
        if lw in self.index:
            if word.islower() and lw in everyday_words():
                return (), ""
            entries = as_written(word, tuple(self.index[lw]))
            return (entries, "exact") if entries else ((), "")
        if word[0].isupper() and len(lw) >= FUZZY_MIN_LEN - 1 and lw not in word_collisions() \
                and lw not in _named_things():
            first = lw[:1] if word.isupper() else ""  # a code in capitals ('EEECE1', a theme colour) is no misspelt 'Reece'
            hits = [entry for tok, entries in self.index.items() if len(tok) >= FUZZY_MIN_LEN and tok.startswith(first)
                    and abs(len(tok) - len(lw)) <= 1 and OSA.distance(tok, lw, score_cutoff=1) <= 1
                    for entry in entries]
            if hits:
                return tuple(hits), "fuzzy"
        return (), ""

    def _login_surname(self, word: str) -> str | None:
        """The register surname in a login made of an initial and that surname ('hwhitfield'), or None.

        Only in lower case, for a surname of five letters or more, and never for an English word
        ('shall' is not S. Hall)."""
        if len(word) < LOGIN_MIN_LEN or not (word.isascii() and word.isalpha() and word.islower()):
            return None
        entries = self.index.get(word[1:])
        if not entries or not any(part == "surname" for _, part in entries) or word in self.index:
            return None
        return word[1:] if word_class(word) is WordClass.UNKNOWN else None

    def _other_name_after(self, text: str, end: int) -> bool:
        """A capitalised word the register does not hold follows on the line ('Hollin Brook Primary',
        'Harding Way'): a word one letter from a register name there starts another name, a
        street's or a school's, not a misspelling of the family's."""
        m = _NEXT_WORD_RE.match(text, end)
        # in capitals ('MARGRET HOLIS DOB') the next word may be a field's label
        # a register word next, even misspelt ('Rafel Oduyah'), goes on with the name
        return m is not None and not m.group(1).isupper() and not self._lookup(m.group(1))[0]

    def _continuation(self, word: str, before: tuple[tuple[int, str], ...]) -> tuple[tuple[tuple[int, str], ...], str]:
        """A lower-case everyday word right after a register first name is that person's next name
        when the register says so: 'jayden price' is Jayden Price, though 'price' alone is a word."""
        people = {p for p, part in before if part in ("first", "middle")}
        hits = tuple((p, part) for p, part in self.index.get(word.lower(), ())
                     if p in people and part in ("middle", "surname"))
        return (hits, "exact") if hits else ((), "")

    def _person_for(self, candidates: set[int], title: str | None) -> tuple[int, bool]:
        """Pick the register person a mention means; (index, ambiguous)."""
        if len(candidates) == 1:
            return next(iter(candidates)), False
        people = self.register.people
        if title:
            gender = register_titles.title_gender(title)
            fits = [i for i in sorted(candidates) if gender is None or people[i].gender == gender]
            adults = [i for i in fits if not vocabulary.is_child_role(people[i].role)]
            if adults or fits:
                return (adults or fits)[0], len(adults or fits) > 1
        return min(candidates), True

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        if E.PERSON in entities:
            results += self._people(text)
        if E.ADDRESS in entities:
            found: dict[tuple[int, int], list[int]] = {}
            for pattern, i in self.addresses + self.address_parts:
                for m in (m for m in pattern.finditer(text) if not another_unit_before(text, m.start(), self.units[i])):
                    found.setdefault((m.start(), m.end()), []).append(i)
            for (start, end), which in found.items():
                # a street two register addresses share ('41 Marlowe Crescent' of two flats) is either
                results.append(self._result(E.ADDRESS, start, end, {"register_address": True,
                                                                   "register_address_of": tuple(dict.fromkeys(which))}))
        return results

    def _result(self, entity: str, start: int, end: int, meta: dict) -> RecognizerResult:
        meta = {"recognizer_name": NAME, "recognizer_identifier": self.id, **meta}
        return RecognizerResult(entity, start, end, 1.0, recognition_metadata=meta)

    def _people(self, text: str) -> list[RecognizerResult]:
        self._as_of = register_titles.as_of(text)
        results: list[RecognizerResult] = []
        misspelt: dict[str, int] = {}  # a first name as this text misspells it -> the register person
        taken: list[tuple[int, int]] = []
        for pattern, i in self.phrases:
            for m in pattern.finditer(text):
                results.append(self._person_result(m.start(), m.end(), i, False, "alias"))
                taken.append((m.start(), m.end()))

        group: list[tuple[int, int, tuple[tuple[int, str], ...], str]] = []
        titled: list[register_titles.Titled] = []

        def flush() -> None:
            if group:
                results.extend(self._group_results(text, group, titled, misspelt))
                group.clear()

        for start, end, word in self._words(text):
            if any(s <= start < e for s, e in taken):
                continue
            entries, how = self._lookup(word)
            if how == "fuzzy" and self._other_name_after(text, end):
                entries, how = (), ""  # 'Hollin Brook', 'Hollin Road': a near miss that names a place
            joined = bool(group) and GAP_RE.fullmatch(text[group[-1][1]:start]) is not None
            if not entries and joined:
                entries, how = self._continuation(word, group[-1][2])
            if not entries:
                flush()
                continue
            if group and not joined:
                flush()
            group.append((start, end, entries, how))
        flush()
        results += misspellings_again(text, results, misspelt,
                                      lambda a, b, i: self._person_result(a, b, i, False, "fuzzy"))
        return self._titles_bound(text, results, titled) if any(t.ambiguous for t in titled) else results

    def _titles_bound(self, text: str, results: list[RecognizerResult],
                      titled: list[register_titles.Titled]) -> list[RecognizerResult]:
        """The family-surname mentions the draft's own use of a title gives to one person."""
        at = register_titles.decided(text, results, titled, self.register.people)
        return [self._person_result(r.start, r.end, at[(r.start, r.end)], False, "title")
                if (r.start, r.end) in at and (r.recognition_metadata or {}).get("register_family") else r
                for r in results]

    def _words(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) of each word. A word hyphenated at a line's end is read whole ('Oka-' then
        'for' on the next line); a compound the register does not list whole ('Okafor-Price',
        'amara_okafor', a URL's 'amara-okafor', a login's 'Amara2015', 'AmaraOkafor') is looked at part by part, so a name inside it is found."""
        matches = list(WORD_RE.finditer(text))
        skip = False
        for i, m in enumerate(matches):
            if skip:
                skip = False
                continue
            word = _strip_possessive(m.group(0))
            if word.endswith("-") and i + 1 < len(matches) and _LINE_BREAK_RE.fullmatch(text, m.end(), matches[i + 1].start()):
                nxt = _strip_possessive(matches[i + 1].group(0))
                if self._lookup(word[:-1] + nxt)[0]:
                    yield m.start(), matches[i + 1].start() + len(nxt), word[:-1] + nxt
                    skip = True
                    continue
            if not _JOINED_RE.search(word) or self._lookup(word)[0]:
                # A login of an initial and a surname ('hwhitfield' in 'C:/Users/hwhitfield'): the whole word goes.
                yield m.start(), m.start() + len(word), self._login_surname(word) or word
                continue
            parts = [(part.start() + a, part.start() + b) for part in _PART_RE.finditer(word)
                     for a, b in _camel_pieces(part.group(0))]
            if len(parts) == 1 and not re.search(r"[-_]", word):
                # A name with a number run into it ('Amara2015'): the whole word goes, number and all.
                yield m.start(), m.start() + len(word), word[parts[0][0]:parts[0][1]]
                continue
            for a, b in parts:
                piece = _strip_possessive(word[a:b])
                if len(piece) > 1:
                    yield m.start() + a, m.start() + a + len(piece), piece

    def _group_results(self, text: str, group: list, titled: list[register_titles.Titled],
                       misspelt: dict[str, int]) -> list[RecognizerResult]:
        """Consecutive name words become one mention when one person fits them all."""
        if len(group) == 1 and is_calendar_word(text[group[0][0]:group[0][1]]) \
                and date_context(text, group[0][0], group[0][1], month=is_month(text[group[0][0]:group[0][1]])):
            return []  # 'in April 2024', 'Summer 2022' are the time, though April Lawson is on the register
        if len(group) == 1 and (_first_name_of_another(text, group[0]) or an_office(text, *group[0][:3])):
            return []  # 'Joyce Hammond' on the panel, where Joyce is the family's surname; 'the Bishop of Ely'
        common = set.intersection(*({p for p, _ in entries} for _, _, entries, _ in group))
        if not common and len(group) > 1:
            # 'MOTHER AGNIESZKA NOWAK', where 'MOTHER' is one letter from a register 'Mather': the longest
            # run from the start that one person fits is one mention, and the rest is looked at again.
            cut = next(i for i in range(len(group) - 1, 0, -1)
                       if set.intersection(*({p for p, _ in entries} for _, _, entries, _ in group[:i])))
            return (self._group_results(text, group[:cut], titled, misspelt)
                    + self._group_results(text, group[cut:], titled, misspelt))
        start, end = group[0][0], group[-1][1]
        title_m = TITLE_RE.search(text[max(0, start - 12):start]) or _TITLE_INITIAL_RE.search(text[max(0, start - 16):start])
        title = title_m.group(1) if title_m else None
        if title_m:
            start -= len(title_m.group(0))
            initial = title_m.groupdict().get("initial")
            if initial:  # 'Mrs G. Hetherington': the initial says which of the family
                fits = {i for i in common if self.register.people[i].first_name[:1].upper() == initial.upper()}
                if not fits and len(group) == 1 and all(part == "surname" for _, _, entries, _ in group
                                                         for _, part in entries):
                    # 'Mr S Gallacher', where the one Gallacher a title fits is Callum: another of the family
                    return [self._result(E.PERSON, start, end, {})]
                common = fits or common
        if len(group) == 1 and _given_name_as_surname(text, group[0][0], group[0][2], title, self.register.people,
                                                      lambda w: bool(self._lookup(w)[0])):
            return []
        before = None if title or len(group) > 1 else WORD_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and all(part == "surname" for _, _, entries, _ in group for _, part in entries) \
                and not self._lookup(before.group(1))[0]:
            person_of = misspelt_first_name(before.group(1), common, self.register.people)
            if person_of is not None:  # 'Kyro Quadri', the baby's name as the ambulance record spelled it
                misspelt[before.group(1).lower()] = person_of
                return [self._person_result(before.start(1), end, person_of, False, "fuzzy")]
        person, ambiguous = self._person_for(common, title)
        only_surname = all(part == "surname" for _, _, entries, _ in group for p, part in entries if p == person)
        if only_surname and register_titles.title_fits_no_adult(title, sorted(common), self.register.people,
                                                                        self._as_of):
            # 'Ms Carter' where the only Carters are a baby and a man: another of that name (the social
            # worker the draft introduced as 'Karen Carter', or a letter label), never one of them.
            return [self._result(E.PERSON, start, end, {})]
        if only_surname and len(common) == 1 and register_titles.other_gender(title, self.register.people[person].gender):
            # 'Mr Kowalczyk' where the one Kowalczyk on the register is a woman: another of her family, the
            # 'Tomasz Kowalczyk' the draft names, or a letter label; never her.
            return [self._result(E.PERSON, start, end, {})]
        if title:
            titled.append(register_titles.Titled(start, end, title, _strip_possessive(text[group[-1][0]:group[-1][1]]),
                                                 frozenset(common), person, ambiguous and only_surname))
        how = "fuzzy" if any(h == "fuzzy" for *_, h in group) else "exact"
        return [self._person_result(start, end, person, ambiguous and only_surname, how, only_surname and not title)]

    def _person_result(self, start: int, end: int, i: int, family: bool, how: str,
                       surname_alone: bool = False) -> RecognizerResult:
        p: Person = self.register.people[i]
        meta: dict[str, str | bool] = {"register_person": p.key, "match": how}
        if family:
            meta["register_family"] = True
        if surname_alone:
            meta["surname_alone"] = True
        return self._result(E.PERSON, start, end, meta)
