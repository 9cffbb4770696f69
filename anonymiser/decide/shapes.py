"""Shapes of text the phrase layer keeps (decide/phrases.py), found from the text alone: a label and a
letter ('Child C'), section and paragraph numbers ('2.1', 'Para 14.164, 14.168'), the words an
acronym's capitals spell ('Discharge to Assess (DTA)'), and spans made only of common English words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.decide.keep import FUNCTION_WORDS
from anonymiser.decide.known_names import known_first_names

# A dotted number: '2.1', '14.168', '3.4.2'.
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{1,3}){1,3}\.?")
# A line opening with an outline number: '2.1 The Terms of Reference', '3.4.2.'.
_OUTLINE_LINE = re.compile(r"^[ \t•*-]*\d{1,3}(?:\.\d{1,3})*\.?(?=[ \t]|$)", re.M)
_PARTS = vocabulary.alternation(vocabulary.entries("document_parts") + ("para", "paras", "s", "ss", "§"))
# After these, a list of numbers cites parts ('Para 14.164, 14.168 and 14.169', 'sections 2.1-2.3').
_CITED = re.compile(rf"(?:\b(?:{_PARTS})s?\.?|§)[ \t]*(?:\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?[ \t]*(?:,|and|or|to|-|–)?[ \t]*)*\Z",
                    re.I)


@lru_cache(maxsize=1)
def _labels() -> re.Pattern[str]:
    words = vocabulary.alternation(vocabulary.entries("anonymous_labels"))
    return re.compile(rf"\b(?:{words})[ \t]+(?:[A-Z]|\d{{1,2}})(?:['’]s)?(?![\w'’/-])")


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return vocabulary.words("determiners", "pronouns", "sentence_starters", "clause_openers")


def labels(text: str) -> list[tuple[int, int]]:
    """'Child C', 'Mr X', 'Adult 2': a label word and one capital letter or digit. A letter followed by
    '.' and more of a name is an initial ('Mr J. Turner', 'Ms A.B. Coyle', 'Mr L.-E. Petit'); followed
    by '.' and a new sentence ('Mr K. The ...', 'Child C. Subject ...') it is the label."""
    out = []
    for m in _labels().finditer(text):
        rest = text[m.end():m.end() + 40]
        if rest.startswith("."):
            after = re.match(r"\.(\s*)([^\W\d_][\w'’-]*)?", rest)
            joined = len(rest) > 1 and not after.group(1) if after else False  # 'A.B.', 'L.-E.'
            name_next = bool(after and after.group(1) and after.group(2) and after.group(2).lower() not in _starters()
                             and word_class(after.group(2)) is not WordClass.COMMON)
            if joined or name_next:
                continue
        elif _name_after(rest):
            continue  # 'Mr J Turner', 'Ms A Coyle': an initial and a surname, not a label
        out.append(m.span())
    return out


def _name_after(rest: str) -> bool:
    """The letter is followed on its line by a capitalised word that is no common word nor a sentence's
    opening: a surname after an initial ('J Turner'), never 'Child C Police' or 'Mr X The'."""
    after = re.match(r"[ \t]+([^\W\d_][\w'’-]*)", rest)
    if after is None:
        return False
    word = after.group(1)
    return word[0].isupper() and not word.isupper() and word.lower() not in _starters() \
        and word_class(word) is not WordClass.COMMON


# Compiled once: asked of most capitalised words of a text.
_POSSESSIVE_END = re.compile(r"['’]s?$")


def plain(word: str) -> str:
    return _POSSESSIVE_END.sub("", word)


def _is_common(word: str) -> bool:
    """A common English word, its hyphen parts ('Multi-agency') or plural ('Reviews') included."""
    word = plain(word)
    if not word or word.lower() in known_first_names():
        return False
    if word.isupper() and len(word) > 1:
        return False  # an acronym or a name in capitals: no evidence either way
    parts = [p for p in re.split(r"[-‐–]", word) if p]
    return bool(parts) and all(word_class(p) is WordClass.COMMON or p.lower() in FUNCTION_WORDS for p in parts)


def common_words_only(text: str) -> bool:
    """Every word of `text` is a common English word or a function word, and one is not a function word."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", text)
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    return bool(content) and all(_is_common(w) for w in content)


def heading_words_common(text: str, start: int, end: int) -> bool:
    """A span in a heading written all in capitals ('BACKGROUND PRIOR TO THE PERIOD') whose every
    word the draft also writes out of capitals ('Background Prior to the Period', 'prior') is
    judged as written there: capitals in such a heading are its style, not a name's. A word the
    draft writes only in capitals is still no evidence either way."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not re.search(r"[A-Z]{2}", line) or re.search(r"[a-z]", line):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text[start:end]) if w.lower() not in FUNCTION_WORDS]
    return bool(words) and all(_written_out_of_capitals(text, w) for w in words) \
        and common_words_only(text[start:end].title())


def _written_out_of_capitals(text: str, word: str) -> bool:
    return any(not m.group(0).isupper() for m in
               re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text, re.IGNORECASE))


def expansion_start(text: str, paren: int, acronym: str) -> int | None:
    """Where the words before '(ACR)' spell its capitals in order, function words skipped; None if they do not."""
    letters = [c for c in acronym if c.isupper()]
    words = list(re.finditer(r"[^\W\d_][\w'’\-]*|&", text[max(0, paren - 200):paren]))
    base = max(0, paren - 200)
    k = len(letters) - 1
    start = None
    for w in reversed(words):
        word = w.group(0)
        if k < 0:
            break
        if word[0].upper() == letters[k]:
            k -= 1
            start = base + w.start()
        elif word.lower() in FUNCTION_WORDS or word == "&":
            continue
        else:
            return None
    if k >= 0 or start is None:
        return None
    gap = text[start:paren]
    if "\n" in gap.strip():
        return None
    return start


def _reads_as_date(number: str) -> bool:
    """'18.1.22': day, month and a two-digit year; '3.4.2' is a section's number."""
    parts = number.rstrip(".").split(".")
    return len(parts) == 3 and 1 <= int(parts[0]) <= 31 and 1 <= int(parts[1]) <= 12 and len(parts[2]) == 2



def section_numbers(text: str) -> list[tuple[int, int]]:
    """Dotted numbers that open a line, sit in a line of outline numbers, or follow 'para'/'section'."""
    out: list[tuple[int, int]] = []
    outline_lines = {m.start() for m in _OUTLINE_LINE.finditer(text)}
    for m in _DOTTED.finditer(text):
        s, e = m.span()
        if (s and (text[s - 1].isalnum() or text[s - 1] in "./:-")) or \
                (e < len(text) and (text[e].isalnum() or text[e] in "/-")):
            continue
        if _reads_as_date(m.group(0)) and not _CITED.search(text, max(0, s - 80), s):
            continue  # '18.1.22' opening a chronology's line is a date
        line = text.rfind("\n", 0, s) + 1
        lead = text[line:s]
        if not lead.strip(" \t•*-") or line in outline_lines and m.group(0).count(".") <= 2 \
                and _DOTTED.match(lead.strip(" \t•*-")) or _CITED.search(text, max(0, s - 80), s):
            out.append((s, e))
    return out
