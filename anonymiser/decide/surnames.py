"""A kept word that is someone's surname: 'Kelly Nurse', 'Ms Nurse', 'PC English', 'Sarah Kent'."""

from __future__ import annotations

import re
from collections.abc import Callable

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.names import is_first_name, is_surname

# The word right before a kept word, with only spaces between: 'Kelly Nurse', never 'Kelly, nurse'.
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*\.?)[ \t]+$")
_WORDS = re.compile(r"[^\W_][\w'’-]*")
# The one capitalised word after a title, to the span's end: ' English' of 'PC English', "'s" aside.
_ONE_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]*?)(?:['’]s)?")


_TITLE_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)\.?[ \t]+$")


def is_kept_surname(text: str, start: int, end: int, word_start: int, word_end: int) -> bool:
    """Whether the kept word at word_start:word_end (a role, a place, a nationality) is the surname of
    the person span start:end: it ends the span right after a first name, a title or a capitalised
    name English does not know ('Kelly Nurse', 'Ms Nurse', 'PC English', 'Siân Powys'), or opens a
    two-word span before a surname, after a title or none ('Devon Ashworth', 'Mr Jordan Pearson'). Cut out, it would be published beside the
    label ('Adult A Nurse')."""
    word = text[word_start:word_end]
    if not word[:1].isupper():
        return False
    if not text[word_end:end].strip(" \t'’s"):
        m = _WORD_BEFORE.search(text, start, word_start)
        if m is None:
            return False
        before = m.group(1)
        return (before.lower().rstrip(".") in vocabulary.PERSON_TITLE_WORDS or is_first_name(before)
                or (not before.isupper() and word_class(before) is WordClass.UNKNOWN))
    after = _WORDS.findall(text[word_end:end])
    # what stands before it in the span is nothing or a title: 'Devon Ashworth', 'Mr Jordan Pearson'
    lead = text[start:word_start].lower().replace(".", " ").split()
    if not lead:  # the title may stand just before the span ('PC' of 'PC Mali Tudur', where the span is the name)
        title = _TITLE_BEFORE.search(text, max(0, start - 12), start)
        lead = [title.group(1).lower()] if title and title.group(1).lower() in vocabulary.PERSON_TITLE_WORDS else []
    # after a title the word before a capitalised one is a name whatever the lists know of the surname
    return (all(w in vocabulary.PERSON_TITLE_WORDS for w in lead) and not word.isupper()
            and word.lower().rstrip(".") not in vocabulary.NAME_TITLES and len(after) == 1
            and (is_surname(after[0]) or bool(lead) and after[0][:1].isupper()))


def is_title_of_kept_surname(text: str, start: int, end: int, title_start: int, title_end: int,
                             kept: Callable[[str], bool]) -> bool:
    """Whether the kept phrase at title_start:title_end ('PC', 'DC': an allowlisted rank's letters)
    is the title that opens the person span start:end before one word `kept` keeps alone ('PC
    English', 'DC Cornwall'). Cut off, the word would stand alone and be kept as a language or a
    place; after the title it is the surname, so the title stays in the span as the evidence."""
    title = text[title_start:title_end].lower().replace(".", " ").split()
    if title_start != start or not title or any(w not in vocabulary.PERSON_TITLE_WORDS for w in title):
        return False
    m = _ONE_WORD_AFTER.fullmatch(text, title_end, end)
    return m is not None and kept(m.group(1)) and is_kept_surname(text, start, end, m.start(1), m.end(1))
