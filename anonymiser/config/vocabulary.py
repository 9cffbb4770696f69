"""The shared vocabulary, read once from models/vocabulary/: titles, months, weekdays, street types,
role words and the words that open sentences, as sets for look-ups and as regex alternations.

A line of a vocabulary file may carry labels after a colon ('March: verb word', 'Rd: Road'); the
labels say which jobs an entry does, so each word is written once however many detectors use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from anonymiser.config.data import load_list

FOLDER = "vocabulary"


@lru_cache(maxsize=None)
def labelled(name: str) -> dict[str, tuple[str, ...]]:
    """Each entry of models/vocabulary/<name>.txt with the labels written after its colon."""
    out: dict[str, tuple[str, ...]] = {}
    for line in load_list(FOLDER, name):
        entry, _, labels = line.partition(":")
        out[entry.strip()] = tuple(labels.split())
    return out


def entries(*names: str) -> tuple[str, ...]:
    """The entries of one or more lists, as written, without their labels."""
    return tuple(e for n in names for e in labelled(n))


def having(name: str, *labels: str) -> tuple[str, ...]:
    """The entries of a list that carry any of `labels`."""
    return tuple(e for e, own in labelled(name).items() if any(label in own for label in labels))


@lru_cache(maxsize=None)
def words(*names: str) -> frozenset[str]:
    """The entries of one or more lists, lower-cased, for membership tests."""
    return frozenset(e.lower() for e in entries(*names))


def lower(items: Iterable[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


def alternation(items: Iterable[str], gap: str = r"\s+") -> str:
    """'Mrs|Mr|Ms' for a regex: each item escaped, longest first so a phrase is tried before the word
    it starts with; a space in an item matches `gap`, an apostrophe either ' or ’."""
    unique = sorted(dict.fromkeys(items), key=len, reverse=True)
    return "|".join(re.escape(i).replace(r"\ ", gap).replace("'", "['’]") for i in unique)


# --- the calendar -------------------------------------------------------------------------
MONTHS = entries("months")
MONTH_ABBREVIATIONS = entries("month_abbreviations")  # 'Jan', 'Sept'; 'May' is its own
MONTHS_ALSO_WORDS = having("months", "word")  # 'May', 'June': names and words too
MONTHS_ALSO_VERBS = having("months", "verb")  # 'may', 'march'
# Every three-letter short form ('MAY' too) and the longer ones ('Sept'), as record systems write them.
MONTH_SHORT_FORMS = tuple(dict.fromkeys([m[:3] for m in MONTHS] + list(MONTH_ABBREVIATIONS)))
WEEKDAYS = entries("weekdays")
WEEKDAY_ABBREVIATIONS = entries("weekday_abbreviations")
SEASONS = entries("seasons")
TIME_UNITS = having("time_words", "unit")  # 'day', 'week', 'month': what a duration counts
OCCASIONS = having("time_words", "occasion")  # 'morning', 'night': a part of one day


# --- where a place follows ----------------------------------------------------------------
def place_before(reading: str, ignore_case: bool = True) -> re.Pattern[str]:
    """A preposition of `reading` (a label of place_prepositions.txt) ending the text searched: the
    word after it may be a place."""
    return re.compile(rf"\b(?:{alternation(having('place_prepositions', reading))})\s+$", re.I if ignore_case else 0)


# --- titles -------------------------------------------------------------------------------
def titles(*labels: str) -> tuple[str, ...]:
    """The titles that carry any of `labels` (see models/README.md for what each label means)."""
    return having("titles", *labels)


FEMALE_TITLES = lower(titles("female"))
MALE_TITLES = lower(titles("male"))
# What a detected name loses before its words are matched or grouped: 'Mrs', 'DC', 'Sister'.
NAME_TITLES = lower(titles("stripped"))
# Every word of every title, in lower case ("det", "sgt" of "Det Sgt"): what no name or place name opens with.
TITLE_WORDS = frozenset(w.lower() for t in entries("titles") for w in t.split())
# The words of the titles written before a person's name ('WPC', 'Sergeant', 'Det', 'Sgt'), less 'St',
# which opens a saint's or a place's name: a kept word right after one is a surname ('Sergeant English').
PERSON_TITLE_WORDS = frozenset(w.lower() for t, labels in labelled("titles").items()
                               if set(labels) - {"full-stop"} for w in t.split())
# The commonest titles: never the first word of a street's, a school's or a place's name.
COMMON_TITLES = titles("common")
# Lady Justice, Mr Justice ...: the title before the post, and the post.
JUDGES_POSTS = titles("judge-post")
JUDICIAL_TITLES = lower(titles("judge")) | lower(p.split()[-1] for p in JUDGES_POSTS)
BEFORE_JUDGES_POSTS = tuple(dict.fromkeys(p.split()[0] for p in JUDGES_POSTS))


# --- words that open a phrase or a sentence ------------------------------------------------
DETERMINERS = entries("determiners")
CLAUSE_OPENERS = entries("clause_openers")
PRONOUNS = entries("pronouns")
SENTENCE_STARTERS = words("determiners", "clause_openers", "pronouns", "sentence_starters")

# What may stand just before a sentence's first word, matched against the few characters before
# it. One place for the three readings, because each job needs a different one:
# - a capitalised word may be capitalised only as a sentence's first word: also after ';' and
#   list or heading marks, so a name-like word there proves nothing (propagation);
SENTENCE_START_FOR_NAMES = re.compile(r"(?:^|[.!?:;]|\n)[\s\"“‘'(\[*#-]*$")
# - a replacement gets a capital where the draft starts a sentence or a list item (wording), or quoted
#   words after a sentence's end, a colon or a line's start ('said: "Dean lied"' -> '"The youth worker lied"'),
#   not after a comma, which lists quoted forms ('recorded as "x", "y" and "z"');
SENTENCE_START_FOR_CAPITALS = re.compile(r"(^|[.!?:]\s+|\n\s*|^\s*[-*#]+\s*|(?:^|[.!?:]|\n)\s*[\"“‘'])$")
# - in the publication text: also after a numbered or bulleted item or an opening quote (review).
SENTENCE_START_IN_OUTPUT = re.compile(r"(?:[.!?:;]\s+|\n\s*|\n\s*[-*#>•\d.()]+\s+|[\"“‘(]\s*)$")


# --- streets ------------------------------------------------------------------------------
# Street types that end a street's name alone ('Birchwood Road'), and those safe only after a number.
STREET_TYPES = tuple(t for t, labels in labelled("street_types").items() if "after-number" not in labels)
STREET_TYPE_WORDS = frozenset(STREET_TYPES)
STREET_TYPES_AFTER_NUMBER = having("street_types", "after-number")
STREET_ABBREVIATIONS = entries("street_abbreviations")


def street_abbreviations() -> dict[str, tuple[str, ...]]:
    """Each street type with the short forms drafts write for it: 'crescent' -> ('cres', 'cresc')."""
    out: dict[str, list[str]] = {}
    for short, (full, *_) in labelled("street_abbreviations").items():
        out.setdefault(full.lower(), []).append(short.lower())
    return {full: tuple(shorts) for full, shorts in out.items()}


# --- people -------------------------------------------------------------------------------
FAMILY_WORDS = entries("family_words")
SURNAME_PARTICLES = words("surname_particles")  # 'de', 'van', 'bin': lower-case words inside a name
PARENT_WORDS = having("family_words", "parent")
CHILD_ROLES = words("child_roles")


_DESCENDANTS = frozenset({"son", "daughter", "child", "stepson", "stepdaughter"})


def is_child_role(role: str, roles: frozenset[str] = CHILD_ROLES) -> bool:
    """A role `roles` name, or one of them with words before it that only qualify it ('twin brother',
    'older sister') or after it whose it is ('son of father's partner'); not "mother's sister", whose
    last word is someone else's relation to her."""
    role = role.lower()
    head, _, whose = (part.strip() for part in role.partition(" of "))
    if whose:
        if any(w in roles for w in whose.replace("'s", "").split()):
            role = head  # 'sister of the subject child' is a sister, 'mother of the child' a mother
        elif head in _DESCENDANTS and "grand" not in whose:
            return True  # 'son of father's partner': a child of a parent's generation
        else:
            return False  # 'sister of mother': an aunt; 'son of maternal grandmother': an uncle
    parts = role.replace("’", "'").split()
    return role in roles or (len(parts) > 1 and parts[-1] in roles
                             and not any(w.endswith(("'s", "s'")) or w == "adult" for w in parts))
