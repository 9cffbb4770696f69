"""Capitalised words their own sentence says are no person: a shop after 'a' ('a Greggs', 'an Aldi's
meal deal') and a term its bracket spells out ('sent OT (out of town)').

- After 'a' or 'an', a capitalised word in the possessive ('a McDonald's', 'a Nando's') is a shop or
  a chain's meal, a thing: a person's possessive takes no 'a'. So is one ending in 's' that no name
  list knows ('a Greggs'); 'a Jones' may be one of the family, so a listed surname stays a name.
- Capitalised words that are an ethnicity the gazetteer lists, but for common words beside it, as
  the NER may cut it ('Mixed White' of 'mixed White British'), are no person's name.
- A medicine its phrase names ('prescribed Parvolex', 'Oramorph liquid': decide/medicines.py).
- A token whose letters are the initials of the words in the bracket right after it ('OT (out of
  town)', 'CIN (child in need)') is a term the draft explains, never someone's initials.
"""

from __future__ import annotations

import re

from anonymiser.config.data import lowered
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import phrase_index
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.decide.medicines import is_medicine

_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:a|an)[ \t]+$", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_BRACKET_AFTER = re.compile(r"[ \t]*\(([^()\n]{2,60})\)")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "to", "on", "at", "a", "an", "&", "with", "by"})
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_PEOPLES = lowered("gazetteer", ("ethnicities", "nationalities", "faiths_languages_festivals"))


def a_peoples_thing(span: str) -> bool:
    """'the Polish shop': capitalised words all of a people, a faith or a language, the rest lower-case common words."""
    words = _NAME_TOKEN.findall(span)
    caps = [w for w in words if w[0].isupper()]
    return bool(caps) and len(caps) < len(words) and all(w.lower() in _PEOPLES for w in caps) and all(
        word_class(w) is WordClass.COMMON for w in words if not w[0].isupper())


def shop_after_article(text: str, start: int, end: int) -> bool:
    """'a Greggs', "an Aldi's": a capitalised possessive or plural after an indefinite article, no surname."""
    word = text[start:end]
    if not word[:1].isupper() or not _ARTICLE_BEFORE.search(text, max(0, start - 4), start):
        return False
    if end < len(text) and text[end:end + 2] in ("'s", "’s"):
        word += "'s"
    stem = _POSSESSIVE.sub("", word)
    if stem != word:
        return True  # 'a McDonald's': no person's possessive takes 'a', though the name is a surname too
    return word.endswith("s") and not (is_surname(word) or is_first_name(word))


def spelt_in_brackets(text: str, start: int, end: int) -> bool:
    """'OT (out of town)': the bracket just after the token spells its letters out, function words aside."""
    letters = [c for c in text[start:end] if c.isalpha()]
    m = _BRACKET_AFTER.match(text, end)
    if m is None or not 2 <= len(letters) <= 6 or not all(c.isupper() for c in letters):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*|&", m.group(1))
    # a term's words, not a name's: 'JS (Jo Smith)' are her initials, and a kept 'JS' would name her
    if any(w[0].isupper() and (word_class(w) is not WordClass.COMMON or is_first_name(w)) for w in words):
        return False
    return _spells(letters, words)


def _spells(letters: list[str], words: list[str]) -> bool:
    """Whether the words' initials give the letters in order, each word used, function words optional."""
    if not letters:
        return all(w.lower() in _FUNCTION_WORDS for w in words)
    if not words:
        return False
    first, rest = words[0], words[1:]
    if first[0].upper() == letters[0] and _spells(letters[1:], rest):
        return True
    return first.lower() in _FUNCTION_WORDS and _spells(letters, rest)


def not_a_person(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] is a shop after 'a', a term its bracket spells out or a medicine."""
    return shop_after_article(text, start, end) or spelt_in_brackets(text, start, end) or is_medicine(text, start, end)


def in_ethnicity(text: str, start: int, end: int) -> bool:
    """text[start:end] is words of an ethnicity written round it ('White British'), common words aside."""
    window = max(0, start - 40)
    terms = [(s + window, e + window) for s, e in phrase_index("gazetteer", ("ethnicities",)).find(text[window:end + 40])]
    inside = [(max(s, start), min(e, end)) for s, e in terms if s < end and start < e]
    if not inside:
        return False
    rest = text[start:end]
    for s, e in sorted(inside, reverse=True):
        rest = rest[:s - start] + " " + rest[e - start:]
    return all(word_class(w) is WordClass.COMMON for w in re.findall(r"[^\W\d_]+", rest))
