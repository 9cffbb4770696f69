"""Decide what is kept: allowlisted terms, the partnership's own area, countries, NER noise."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from anonymiser.config import places, vocabulary
from anonymiser.config.data import load_list, lowered
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import PhraseIndex, normalise, overlapping, phrase_index, subtract
from anonymiser.config.names import is_first_name
from anonymiser.config.profile import Profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.brackets import cut_at_unbalanced, is_citation
from anonymiser.decide.institutions import in_a_hospital_name
from anonymiser.decide.known_names import known_first_names, pool_names
from anonymiser.decide.local_teams import in_agency_name, place_in_agency_name
from anonymiser.decide.medicines import is_medicine
from anonymiser.decide.not_people import a_peoples_thing, not_a_person
from anonymiser.decide.partnership_area import LOCAL_AUTHORITIES, area_spans, own_areas, with_agency_areas
from anonymiser.decide.people import before_next_field
from anonymiser.decide.residue_scan import acronyms
from anonymiser.decide.scores import a_score_not_a_person
from anonymiser.decide.surnames import is_kept_surname, is_title_of_kept_surname
from anonymiser.decide.vehicles import is_model, is_vehicle

_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_WORD = re.compile(r"\w+")
# Words after which a street is a place being gone to or lived in, not a person ('at Harrow Lane').
_PLACE_BEFORE = vocabulary.place_before("street")
# Words that carry no name on their own: a piece of a detection made only of these is dropped.
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "s", "with",
                            "from", "this", "that", "these", "those", "its", "their", "his", "her"})
_SPACED_DASH = re.compile(r"[ \t]+[-–—][ \t]+")
# "'s South East" of "NHS England's South East region": the possessive belongs to the name before.
_LEADING_POSSESSIVE = re.compile(r"['’]s\s+(?=\S)")
_LEADING_ARTICLE = re.compile(r"(?:the|an?)\s+(?=\S)", re.I)
# Generic institutional vocabulary. An organisation named only with these words (plus
# nationalities, countries and function words) is a public body of some state ("the Court",
# "the Supreme Court", "the Turkish Government", "the Ministry of Foreign Affairs"): it
# identifies nobody, unlike "Oakfield Primary School" or "Roseville Medical Practice".
GENERIC_INSTITUTION = vocabulary.words("generic_institution_words")
# Words that turn a country's name into its formal title ("Republic of Turkey", "United Kingdom of
# Great Britain and Northern Ireland"): still the country.
_STATE_TITLE = vocabulary.words("state_title_words")
_BARE_NUMBER = re.compile(r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                          r"|(?:one[-‑ ])?(?:half|third|quarter))", re.I)
# A duration written as an adjective ('the three-month period', 'a two-year order'): it says how long
# a kind of thing lasts, and dates nothing.
_DURATION_ADJECTIVE = re.compile(
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty)"
    rf"[-‑](?:{vocabulary.alternation(vocabulary.TIME_UNITS)})(?:[-‑]long)?", re.I)
# A bare number after these is a citation ("Article 29 § 1", "Rule 59", "paragraph 16"), not an amount.
_CITATION_BEFORE = re.compile(
    r"(?:\b(?:articles?|arts?|rules?|paragraphs?|paras?|sections?|ss?|protocol(?:\s+no\.?)?|chapters?|pages?|pp?"
    r"|annex(?:es)?|schedules?|points?|items?|regulations?|clauses?|parts?)\.?|§§?)"
    r"(?:\s*\d+[a-z]?(?:\s*\(\w+\))*\s*(?:,|and|or|to|-|–|§§?)?)*\s*$", re.I)
_NUMBER_SPAN = re.compile(r"\d+[a-z]?(?:\s*(?:,|and|-|–|§)\s*\d+[a-z]?)*(?:\s+and)?", re.I)
# A time reference made only of these points back into the text ("the same day"); it dates nothing.
_RELATIVE_DATE_WORDS = vocabulary.words("relative_date_words")
_PLATFORMS = lowered("gazetteer", ("online_platforms",))
# What a state has ('Government', 'army', 'Code'): after a nationality, the nationality is the state's.
_STATE_BODY = vocabulary.words("state_body_words")


def allow_index(profile: Profile) -> PhraseIndex:
    """The profile's allowlists and its keep list's terms, as one index of kept phrases."""
    if not profile.keep_terms:
        return phrase_index("allowlist", profile.allowlists)
    return _with_terms(profile.allowlists, profile.keep_terms)


@lru_cache(maxsize=8)
def _with_terms(allowlists: tuple[str, ...], terms: tuple[str, ...]) -> PhraseIndex:
    return PhraseIndex((*(e for n in allowlists for e in load_list("allowlist", n)), *terms))


class Keeper:
    """The profile's keep rules, applied to one document's text."""

    def __init__(self, profile: Profile, text: str, area: str | None = None) -> None:
        self.profile = profile
        self.text = text
        self.allow: PhraseIndex = allow_index(profile)
        self.places: PhraseIndex = phrase_index(
            "gazetteer", tuple(n for n in profile.keep_places if n != LOCAL_AUTHORITIES))
        self.allowed_spans = self.allow.find(text)
        self._lower_counts: dict[str, int] | None = None
        # The partnership's area, from the register or the profile, else guessed from its agencies:
        # it and the areas round it are kept; a place inside it, or anywhere else, is not.
        self.area = area or profile.area
        if self.area:
            self.own_areas = places.larger(with_agency_areas(text, normalise(self.area))) | places.regions()
        elif LOCAL_AUTHORITIES in profile.keep_places:
            self.own_areas = places.larger(own_areas(text)) | places.regions()
        else:
            self.own_areas = frozenset()
        # Where the text writes the area's name ('Brighton & Hove'): no piece of it is a place to go.
        self.own_area_spans = area_spans(text, self.own_areas) if self.own_areas else []

    def council_not_kept(self, start: int, end: int) -> bool:
        """text[start:end] is a council's or county's name the profile keeps only as the partnership's own
        area or a larger one, and it is neither, nor the start of an agency's name. Only where the area is
        given (register or profile): a guessed area is too uncertain to unkeep other councils' names by."""
        key = normalise(self.text[start:end])
        return (bool(self.area) and key in self._local_authorities and key not in self.own_areas
                and not in_agency_name(self.text, end) and not self.kept_place(self.text[start:end]))

    @property
    def _local_authorities(self) -> frozenset[tuple[str, ...]]:
        return frozenset(phrase_index("gazetteer", (LOCAL_AUTHORITIES,)).phrases)

    def inside_allowlisted(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in overlapping(self.allowed_spans, start, end))

    def _inside_longer_allowlisted(self, d: Detection) -> bool:
        span_words = len(_WORD.findall(self.text[d.start:d.end]))
        return any(s <= d.start and d.end <= e and len(_WORD.findall(self.text[s:e])) > span_words
                   for s, e in overlapping(self.allowed_spans, d.start, d.end))

    def trim_allowlisted(self, d: Detection) -> list[Detection]:
        """Cut allowlisted phrases out of a detection; what is left stays detected."""
        holes = [(s, e) for s, e in overlapping(self.allowed_spans, d.start, d.end)
                 if not (d.entity == E.PERSON and (self._judicial_title(d, s, e) or is_kept_surname(
                     self.text, d.start, d.end, s, e) or is_title_of_kept_surname(  # 'Ms Nurse', 'PC English'
                     self.text, d.start, d.end, s, e,  # 'DC Kent': a council's area alone would read as the place
                     lambda w: w in self.allow or self.kept_place(w) or normalise(w) in self._local_authorities)))
                 # "Bluebell Children's Centre": an allowlisted kind ending a named place is its kind
                 and not (d.entity in E.INSTITUTIONS and d.start < s and e == d.end)
                 # 'Children' of 'Leeds Children's Hospital': the hospital's name
                 and not (d.entity == E.ORGANISATION and in_a_hospital_name(self.text[d.start:d.end], s - d.start, e - d.start))]

        pieces = subtract(d.start, d.end, holes)
        out = []
        for s, e in pieces:
            chunk = self.text[s:e]
            lead = len(chunk) - len(chunk.lstrip(" ,.;:'’-\n\t"))
            s, e = s + lead, e - (len(chunk) - len(chunk.rstrip(" ,.;:'’-\n\t(")))
            if e > s and any(ch.isalnum() for ch in self.text[s:e]):
                if not (s == d.start and e == d.end) and not _has_name_token(self.text[s:e]) and d.entity == E.PERSON:
                    continue
                out.append(d if (s, e) == (d.start, d.end) else replace(d, start=s, end=e))
        return out

    def _judicial_title(self, d: Detection, s: int, e: int) -> bool:
        """'Judge Clarke', 'Mr Justice Potts': a judge's title is a form of address, part of the name
        like 'Mr', not a role beside it ('DC Evans' keeps 'DC' outside)."""
        lead = self.text[d.start:s]
        return (not lead.strip() or lead.strip() in vocabulary.BEFORE_JUDGES_POSTS) and \
            self.text[s:e].lower() in vocabulary.JUDICIAL_TITLES and e < d.end

    def kept_place(self, text: str) -> bool:
        t = re.sub(r"^(the)\s+", "", text.strip(), flags=re.I)
        if t in self.places or t in self.allow or normalise(t) in self.own_areas:
            return True
        return self._state_title(t)

    def _agency_place(self, part: str, end: int) -> bool:
        """A known place that begins an agency's name: 'Boston' of 'Boston Borough Council'."""
        return places.is_place(part.strip()) and place_in_agency_name(
            self.text, end - len(part), end, normalise(self.area) if self.area else None)

    def _state_title(self, text: str) -> bool:
        """'Republic of Turkey', 'United Kingdom of Great Britain': a kept country under its formal title."""
        words = [w for w in _WORD.findall(text) if w.lower() not in FUNCTION_WORDS]
        rest = [w for w in words if w.lower() not in _STATE_TITLE]
        if not rest:
            return "United Kingdom" in self.places or "Britain" in self.places if words else False
        return len(rest) < len(words) and " ".join(rest) in self.places

    def filter(self, detections: list[Detection]) -> list[Detection]:
        """Drop what the profile keeps; split place lists so 'Thornton Heath, Croydon' keeps Croydon."""
        out: list[Detection] = []
        for d in detections:
            if not self.profile.detects(d.entity):
                continue
            if d.meta.unnamed_area and self.profile.keep_unnamed_areas:
                continue
            structured = E.ENTITY_TYPES[d.entity].structured
            if not structured and not d.from_register and d.score < self.profile.threshold(d.entity):
                continue
            if d.from_register and d.meta.match != "fuzzy":
                # The register is the case's own word on who the family are: an allowlisted word
                # that is also a family name ('Athena', 'Storm') is still the name. Only a longer
                # allowlisted phrase round it ('Alder Hey Children's Hospital') keeps it. A one-edit
                # guess is no such word: 'Mother' is not a misspelt 'Mather'.
                if self._inside_longer_allowlisted(d):
                    continue
                pieces = [d]
            elif not structured:
                if self.inside_allowlisted(d.start, d.end):
                    continue
                pieces = self.trim_allowlisted(d)
            else:
                pieces = [d]
            if not structured and not d.from_register:
                # 'Court (Rule 21': a name ends at a bracket it does not close; then each piece alone
                pieces = [c for p in pieces for c in cut_at_unbalanced(self.text, p)]
                pieces = [q for q in (self._trim_article(p) for p in pieces) if q and not self._noise(q)]
            for p in pieces:
                if p.entity == E.ORGANISATION and p is not d and places.is_place(self.text[p.start:p.end]):
                    # 'Dewsbury' left of 'Early Help' once the agency is cut out: the town, not a body
                    p = replace(p, entity=E.LOCATION)
                if p.entity == E.LOCATION:
                    out.extend(self._split_places(p))
                elif p.entity == E.PERSON and not p.from_register:
                    q = self._clean_person(p)
                    if q:
                        out.append(q)
                else:
                    out.append(p)
        return out

    def _trim_article(self, d: Detection) -> Detection | None:
        """'the Supreme Court' -> 'Supreme Court': an article identifies nothing. People keep theirs
        (there is none to keep), and a piece that is nothing but function words goes."""
        span = self.text[d.start:d.end]
        words = _WORD.findall(span)
        if not words or all(w.lower() in FUNCTION_WORDS for w in words):
            return None
        if d.entity == E.PERSON:
            return d
        m = _LEADING_ARTICLE.match(span) or _LEADING_POSSESSIVE.match(self.text, max(0, d.start - 1), d.end)
        if m is None:
            return d
        return replace(d, start=max(d.start, m.end()) if m.re is _LEADING_POSSESSIVE else d.start + m.end())

    def _noise(self, d: Detection) -> bool:
        """NER output that names nobody and nothing: generic public bodies, citations, durations."""
        span = self.text[d.start:d.end]
        words = _WORD.findall(span)
        if is_citation(span) or a_score_not_a_person(d, span):
            return True  # 'Rule 21 § 4', 'E2 V2 M4': a citation (cut off a name at its bracket) or a score
        if d.entity == E.DEMOGRAPHIC and self._of_the_state(d):
            return True  # 'the Turkish Government': the state's, no person's origin
        if d.entity == E.LOCATION and span.strip() in phrase_index("gazetteer", ("faiths_languages_festivals",)):
            return True  # 'her first language is Yoruba': a language, faith or festival is no place
        if d.entity == E.LOCATION and a_peoples_thing(span):
            return True  # 'a segregated Roma settlement': a people's word and common nouns name no place
        if d.entity in (E.ORGANISATION, E.LOCATION) and len(words) == 1 and is_medicine(self.text, d.start, d.end):
            return True  # 'prescribed Parvolex' read as a place: a medicine (decide/medicines.py)
        if d.entity in (E.ORGANISATION, E.LOCATION):
            if d.entity == E.ORGANISATION and not any(c.isupper() or c.isdigit() for c in span):
                return True  # 'inter alia'
            content = [w for w in words if w.lower() not in FUNCTION_WORDS]
            if d.entity == E.LOCATION:  # 'Fourth Section of the Court': an institution; 'CSPR': an acronym of the trade
                return bool(content) and (all(w.lower() in GENERIC_INSTITUTION for w in content) or all(w in acronyms() for w in content))
            return all(w.lower() in GENERIC_INSTITUTION or w in self.places_any for w in content)
        if d.entity == E.QUANTITY and d.detectors == ("SpacyRecognizer",) and _BARE_NUMBER.fullmatch(span.strip()):
            return True  # a bare 'two' or '43' counts nothing identifiable on its own
        if d.entity in (E.QUANTITY, E.DATE) and "SpacyRecognizer" in d.detectors and len(d.detectors) == 1:
            if _NUMBER_SPAN.fullmatch(span.strip()) and _CITATION_BEFORE.search(self.text[max(0, d.start - 60):d.start]):
                return True
            if d.entity == E.DATE and (all(w.lower() in _RELATIVE_DATE_WORDS for w in words)
                                       or re.fullmatch(r"\d{1,3}", span.strip())
                                       or _DURATION_ADJECTIVE.fullmatch(span.strip())):
                return True
        return False

    def _of_the_state(self, d: Detection) -> bool:
        """A nationality written before a state's institution ('the Polish Government', 'the Turkish
        Criminal Code', 'the Turkish army'): it qualifies the state, not a person ('a Polish national')."""
        if self.text[d.start:d.end].strip() not in phrase_index("gazetteer", ("nationalities",)):
            return False
        after = re.match(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?", self.text[d.end:d.end + 40])
        if after is None:
            return False
        first, second = after.group(1), after.group(2)
        # the body's word, or one capitalised word before it ('the Latvian Criminal Code')
        return first.lower() in _STATE_BODY or (first[0].isupper() and second is not None
                                                  and second.lower() in _STATE_BODY)

    @property
    def places_any(self) -> PhraseIndex:
        """Countries and nationalities, whatever the profile keeps: 'the Turkish Government'."""
        return phrase_index("gazetteer", ("countries", "nationalities"))

    def _split_places(self, d: Detection) -> list[Detection]:
        out, pos = [], d.start
        for part in re.split(r"(,\s*|\s+and\s+)", self.text[d.start:d.end]):
            s, e = pos, pos + len(part)
            pos = e
            if not part.strip() or re.fullmatch(r",\s*|\s+and\s+", part):
                continue
            if self._agency_place(part, e):
                continue  # 'Boston Borough Council': the place begins an agency's name, which is kept
            if any(a <= s and e <= b for a, b in self.own_area_spans):
                continue  # 'Brighton' of 'Brighton & Hove', the partnership's area
            # A place has a capital, unless its recognizer vouches for it ("the north of the country").
            # ... or a pattern's number vouches for it ('junction 47' after 'the M4'), or it is a capitalised
            # place's name met again in a message's lower case ('im in westover').
            numbered = d.detectors != ("SpacyRecognizer",) and any(ch.isdigit() for ch in part)
            if not self.kept_place(part) and (any(ch.isupper() for ch in part) or d.meta.unnamed_area or numbered
                                              or d.meta.propagated_from is not None):
                out.append(d if (s, e) == (d.start, d.end) else replace(d, start=s, end=e))
        return out

    def _everyday(self, word: str) -> bool:
        """The text itself uses the word in lower case at least twice, and it is no known first name. Typed
        in capitals, a word the lexicon lists only in lower case is that word though a name list knows it:
        'MOTHER SAID', where Said is a name too."""
        if word.lower() in known_first_names() and not (word.isupper() and word_class(word) is WordClass.COMMON):
            return False
        if self._lower_counts is None:
            counts: dict[str, int] = {}
            for m in _NAME_TOKEN.finditer(self.text):
                w = m.group(0)
                if w.islower():
                    counts[w] = counts.get(w, 0) + 1
            self._lower_counts = counts
        return self._lower_counts.get(word.lower(), 0) >= 2

    def _clean_person(self, d: Detection) -> Detection | None:
        """NER noise: a 'person' must hold a capitalised name word that is not a title or role."""
        d = before_next_field(self.text, d)  # 'Dr Sarah Lowther' / 'Date of draft:'
        span = self.text[d.start:d.end]
        if self.kept_place(span):
            return None  # 'Cambridgeshire' tagged as a person is still the partnership's own area
        if normalise(span) in self._local_authorities and span.strip().lower() not in pool_names():
            # 'Exeter' tagged as a person, where the area is Devon: a council's area, not kept, is a place
            return replace(d, entity=E.LOCATION)
        tokens = list(_NAME_TOKEN.finditer(span))
        # a name met again in a message's lower case ('kiz got bagged') is still the name
        names = [t for t in tokens if (t.group(0)[0].isupper() or d.meta.propagated_from is not None) and (  # a title or kept word as surname: 'Ms Nurse'
            (t.group(0).lower() not in vocabulary.NAME_TITLES and t.group(0) not in self.allow)
            or is_kept_surname(self.text, d.start, d.end, d.start + t.start(), d.start + t.end()))]
        if not names or "\n\n" in span or all(t.group(0).lower() in _PLATFORMS for t in names):
            return None  # 'Instagram told police': a platform, never a person; nor a span across a blank line
        if all(t.group(0) in acronyms() for t in names):
            return None  # 'Draft CSPR', 'CALL FROM NWAS': an acronym of the trade, as written, is nobody's name
        if d.detectors == ("SpacyRecognizer",) and len(names) == 1 and not_a_person(
                self.text, d.start + names[0].start(), d.start + names[0].end()):
            return None  # 'a Greggs', 'OT (out of town)': a shop, a term its bracket spells (decide/not_people.py)
        piece = self._beside_dash(d)
        if piece is not d:
            return self._clean_person(piece) if piece is not None else None
        titled = any(t.group(0).lower().rstrip(".") in vocabulary.NAME_TITLES for t in tokens)
        if d.detectors == ("SpacyRecognizer",) and not titled and all(self._everyday(t.group(0)) for t in names):
            return None  # 'Family Background' in a heading: words this very text uses in lower case ('Ms Nurse' is someone)
        lead = next((t for t in tokens if t.group(0)[0].isupper() or t.group(0) in vocabulary.SURNAME_PARTICLES), tokens[0])
        s = d.start + lead.start()  # 'rang Ms Lowe' is Ms Lowe; 'de Souza' keeps its 'de'
        e = d.start + tokens[-1].end()
        word = self.text[s:e]
        for suffix in ("'s", "’s"):
            if word.endswith(suffix):
                e -= len(suffix)
        if d.detectors == ("SpacyRecognizer",) and (is_vehicle(self.text, s, e) or is_model(self.text, s, e)):
            return None  # 'a white Citroën van', 'the Corsa' (a 'grey Vauxhall Corsa') read as a person
        if d.detectors == ("SpacyRecognizer",) and self._street_name(names) and _PLACE_BEFORE.search(
                self.text, max(0, s - 12), s):
            return replace(d, start=s, end=e, entity=E.LOCATION)  # 'incidents at Harrow Lane' read as a person
        if (d.detectors in (("SpacyRecognizer",), ("propagation",)) and places.named_in(self.text, word)
                and names[0].group(0).lower() not in pool_names()
                and _PLACE_BEFORE.search(self.text, max(0, s - 12), s)):
            # 'a flat in Reading' read as a person: a town the gazetteer knows, after a place word, is the town
            return replace(d, start=s, end=e, entity=E.LOCATION)
        return d if (s, e) == (d.start, d.end) else replace(d, start=s, end=e)

    def _beside_dash(self, d: Detection) -> Detection | None:
        """'Hollie Brandon - Assistant Head': a spaced dash parts a name from its role; the name is the
        one piece that holds a word no role or title list knows."""
        span = self.text[d.start:d.end]
        cuts = [(m.start(), m.end()) for m in _SPACED_DASH.finditer(span)]
        if not cuts:
            return d
        pieces = subtract(0, len(span), cuts)
        named = [(a, b) for a, b in pieces
                 if any(w[0].isupper() and w.lower() not in vocabulary.NAME_TITLES and w.lower() not in _role_words()
                        and w not in self.allow and (is_first_name(w) or word_class(w) is not WordClass.COMMON)
                        for w in _NAME_TOKEN.findall(span[a:b]))]
        if len(named) != 1:
            return d if named else None
        a, b = named[0]
        return replace(d, start=d.start + a, end=d.start + b)

    @staticmethod
    def _street_name(names: list[re.Match[str]]) -> bool:
        """A street or building the NER took for a person: 'Harrow Lane', 'Magdalen House', not 'Diane Lane'."""
        words = [t.group(0) for t in names]
        return (len(words) >= 2 and (words[-1] in vocabulary.STREET_TYPE_WORDS or words[-1].lower() in vocabulary.words("building_words"))
                and words[0].lower() not in known_first_names())


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Words of a role written beside a name: 'Assistant Head', 'Named Midwife', 'Team Manager'."""
    return frozenset(w.lower() for entry in vocabulary.entries("professional_roles") for w in entry.split())


def _has_name_token(text: str) -> bool:
    return any(t.group(0)[0].isupper() for t in _NAME_TOKEN.finditer(text))
