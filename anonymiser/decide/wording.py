"""How a replacement fits the sentence around it: capitals, titles, 'the', 'on' before a date, and a
name that goes altogether because its role or label is already written beside it."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary

_SENTENCE_START = vocabulary.SENTENCE_START_FOR_CAPITALS


def match_case(original: str, new: str, text: str, start: int) -> str:
    """Keep capitals readable: 'AMARA' -> 'EMILY'; a sentence-initial 'the school' -> 'The school'.

    A label such as 'Adult A' follows the original into capitals; a phrase such as 'the family
    home' does so only on a line all in capitals, since an address typed in capitals in running
    text ('an incident at 41 MARLOWE CRESCENT') reads better as 'the family home'."""
    letters = [c for c in original if c.isalpha()]
    # Initials ('SB', 'I.H.') are capitals by their shape, not shouting: 'Father', not 'FATHER'.
    initials = len(letters) <= 3 or "." in original
    if len(letters) > 1 and all(c.isupper() for c in letters) and not new.startswith("["):
        if (not new[:1].islower() and not initials) or line_in_capitals(text, start):
            return new.upper()
    if new[:1].islower() and _starts_sentence(text, start):
        return new[:1].upper() + new[1:]
    return new


def _starts_sentence(text: str, start: int) -> bool:
    """After a sentence's end, a colon or a bullet; at a line's start only where a sentence starts
    there too: 'returned to the ward' / 'on 21/03/2023' goes on with the sentence ('in March 2023')."""
    if not _SENTENCE_START.search(text[max(0, start - 6):start]):
        return False
    return starts_line_sentence(text, start) if line_content_start(text, start) else True


def line_in_capitals(text: str, pos: int, least: int = 0) -> bool:
    """The line holding `pos` is typed in capitals, with more than `least` letters."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    letters = [c for c in text[line_start:line_end if line_end >= 0 else len(text)] if c.isalpha()]
    return len(letters) > least and all(c.isupper() for c in letters)


def after_indefinite(text: str, start: int, new: str) -> tuple[int, str]:
    """'a Carewell Homecare worker' -> 'a care provider worker', not 'a the care provider worker':
    after 'a' or 'an' the kind drops its 'the' and takes the article that fits it."""
    m = re.search(r"\b([Aa]n?)\s+$", text[max(0, start - 4):start])
    if m is None or not new.lower().startswith("the "):
        return start, new
    kind = new[4:]
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    if m.group(1)[0] == "A":
        article = article.capitalize()
    return start - len(m.group(0)), f"{article} {kind}"


def absorb_article(text: str, start: int) -> int:
    """'the Oakfield Primary School' -> include 'the', so it does not become 'the the primary school'."""
    m = re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start])
    return start - len(m.group(0)) if m else start


_TITLE_BEFORE = re.compile(rf"\b({vocabulary.alternation(vocabulary.titles('absorbed'))})\.?\s+(\d{{2,5}}\s+)?$")


def with_title(text: str, start: int) -> tuple[int, int]:
    """Take a title just before a name into the span: 'Dr Anika Rao' -> 'Professional A', not 'Dr Professional A'.

    Returns the new start and where the identifying part begins: a collar number ('PC 6187 Marsh')
    identifies the officer, the rank does not.
    """
    m = _TITLE_BEFORE.search(text[max(0, start - 16):start])
    if not m:
        return start, start
    new = start - len(m.group(0))
    return new, (start - len(m.group(0)) + m.start(2) - m.start(0)) if m.group(2) else start


# The comma closing an apposition, unless what follows starts a list's next item, a clause or an
# alias phrase ('her mother, Sarah Okafor, known as Sal, said': the alias goes with its own commas).
# A former name in brackets after a name ('(née Horváthová)': models/vocabulary/former_name_cues.txt).
_BRACKET_AFTER = re.compile(rf"[ \t]*\((?i:{vocabulary.alternation(vocabulary.entries('former_name_cues'))})[ \t][^()\n]{{1,60}}\)")
_APPOSITION_CLOSE = re.compile(
    r",(?!\s*(?:(?:who|whom|whose|which|where|her|his|their|the|a|an|known|called|nicknamed|also)\b|[A-Z]))")


def _already_named(text: str, start: int, end: int, words: tuple[str, ...], joint: str) -> tuple[int, int] | None:
    """The (start, end) to remove when one of `words` stands just before the span, joined to it by
    `joint` (a space, ' at '...), a comma or a bracket; None when it does not."""
    m = None
    for word in words:
        m = re.search(r"\b" + re.escape(word) + rf"({joint}|,\s*|\s*\(\s*)$", text[max(0, start - len(word) - 8):start], re.I)
        if m:
            break
    if not m:
        return None
    joined = m.group(1)
    if "(" in joined:
        close = re.match(r"\s*\)", text[end:end + 4])
        # '(Sarah Okafor and ...' is not a bracketed name alone
        return (start - len(joined), end + close.end()) if close else None
    if "," in joined:
        # An apposition closes with a comma, or with the sentence; keep what ends the sentence,
        # and a comma that goes on to a list's next item or a relative clause ("her mother, Jade
        # Hollis, her partner, ..."; "her grandmother, Pauline Brennan, who now cares for her").
        # 'The mother, Ms Lakatošová (née Horváthová), was 28': a former name after the name goes with it
        after = aside.end() if (aside := _BRACKET_AFTER.match(text, end)) and re.match(
            _APPOSITION_CLOSE, text[aside.end():aside.end() + 12]) else end
        closing = re.match(_APPOSITION_CLOSE, text[after:after + 12])
        return start - len(joined), after + (1 if closing else 0)
    return start - len(joined), end


def role_echo(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Where the role already stands before the name, the name goes with what joins it: 'her mother Sarah
    Okafor said', 'her mother, Sarah Okafor, said', 'her mother (Sarah Okafor) said' -> 'her mother said'.

    The role's last word is enough: 'her grandmother, Pauline Brennan,' for 'Maternal Grandmother';
    so is the family word made from it ('Aunty Monika' for 'Paternal Aunt'). The (start, end) to remove."""
    last = label.split()[-1] if label.split() else label
    kin = tuple(w for w in vocabulary.FAMILY_WORDS if len(last) >= 4 and w.lower().startswith(last.lower()))
    words = tuple(dict.fromkeys((label, last, *kin)))
    found = _already_named(text, start, end, words, r"\s+")
    if found is None and len(last) >= 4:
        # 'The neighbour at number 24, Mrs Pauline Fenwick, and ...': where the role is held, then the name
        post = re.search(rf"\b{re.escape(last)}[ \t]+(?:at|from|in|on|of)[ \t]+[^,.;:()\n]{{1,40}}?(,[ \t]*)$",
                         text[max(0, start - len(last) - 50):start], re.I)
        if post:
            closing = re.match(_APPOSITION_CLOSE, text[end:end + 12])
            found = start - len(post.group(1)), end + (1 if closing else 0)
    return found


# 'his mother Donna', "Chelsea's aunt, Gwen Lloyd,": a relation written with whose it is, right before a name.
_KIN = vocabulary.alternation(sorted({*vocabulary.FAMILY_WORDS, *vocabulary.entries("child_roles")}, key=len, reverse=True))
# One lower-case word may qualify the relation: "Chelsea's maternal aunt", 'her older sister'.
_OWNED_KIN = re.compile(rf"\b(?:his|her|their|[A-Z][\w'’-]*['’]s?)\s+(?:(?-i:[a-z][\w-]*)\s+)?(?:{_KIN})$", re.I)


# More names after a name, to an 'and': ', Summer and Hope', ' and Will'.
LIST_GOES_ON = re.compile(r"(?:[ \t]*,[ \t]*[A-Z][\w'’-]*)*[ \t]+(?:and|&)[ \t]+[A-Z]")


def kin_echo(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'His mother Donna told the reviewers' -> 'His mother told the reviewers': where a relation stands
    before a register name with whose it is, the relation already names the person (the register's
    role may be said from someone else's side: Donna is the paternal grandmother). The span to remove."""
    m = re.search(r"(\s+|,\s*|\s*\(\s*)$", text[max(0, start - 6):start])
    if m is None or not _OWNED_KIN.search(text, max(0, start - len(m.group(1)) - 40), start - len(m.group(1))):
        return None
    if "," in m.group(1) and LIST_GOES_ON.match(text, end):
        return None  # 'lives with her father, Chloe and Will': a list of three, Chloe no apposition
    kin_end = start - len(m.group(1))
    return _already_named(text, start, end, (text[text.rfind(" ", 0, kin_end) + 1:kin_end],), r"\s+")


# 'his dog', 'the family's two cats', 'a puppy called': a pet noun with whose it is, before its name.
PET = vocabulary.alternation(vocabulary.entries("pet_words"))  # decide/pet_names.py reads it too
_OWNED_PET = re.compile(rf"\b(?:(?i:his|her|their|the|a|an|its|our|my)|[A-Z][\w'’-]*['’]s?)\s+(?:[\w-]+\s+){{0,2}}?"
                        rf"(?P<pet>{PET})s?(?P<joint>\s+(?:called|named)\s+|,\s*|\s+|\s*\(\s*)$")


def pet_noun(text: str, start: int) -> str | None:
    """The pet noun before a pet's name ('dog' of 'his dog, Tyson'), if one stands there."""
    m = _OWNED_PET.search(text, max(0, start - 50), start)
    return m.group("pet").lower() if m else None


def pet_echo(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'his dog, Tyson.' -> 'his dog.': a name after a pet noun with whose it is names the pet, which
    identifies the family and is no person to label. The span to remove, its joint and apposition with it."""
    m = _OWNED_PET.search(text, max(0, start - 50), start)
    if m is None:
        return None
    joint = m.group("joint")
    if "(" in joint:
        close = re.match(r"\s*\)", text[end:end + 4])
        return (start - len(joint), end + close.end()) if close else None
    if "," in joint:  # the apposition's closing comma goes with it, unless a list or clause goes on
        return start - len(joint), end + (1 if re.match(_APPOSITION_CLOSE, text[end:end + 12]) else 0)
    if joint.strip() or re.match(r"\s*(?:[,.;:!?)\n]|$)", text[end:end + 2]):
        return start - len(joint), end  # 'a puppy called Bruno'; 'the family dog Tyson.'
    return None  # 'the dog Sarah had bought': the name opens a clause of its own


def role_after(text: str, end: int, label: str) -> tuple[int, str] | None:
    """'Mrs Grace Adebayo, the maternal grandmother, provided' -> 'the maternal grandmother provided': where the
    role follows the name as an apposition, the role as written replaces both. The new end and text, or None."""
    role = re.escape(label).replace(r"\ ", r"\s+")
    m = re.match(r",\s*((?:the|her|his|their)\s+" + role + r")\s*(?:,|(?=[.;:!?]))", text[end:end + len(label) + 24], re.I)
    if m is None and len(last := (label.split() or [""])[-1]) >= 4:  # 'Renée Marsh, his partner,': the last word
        m = re.match(rf",\s*((?:her|his|their)\s+(?:[a-z]+\s+)?{re.escape(last)})\s*(?:,|(?=[.;:!?]))", text[end:end + 40], re.I)
    if m:
        return end + m.end(), " ".join(m.group(1).split())
    # 'Donna Armstrong, mother - met twice' in a list of people met: the bare role ends its entry
    # ('Foster Carer 1, foster carer': the role without the label's number)
    bare = re.escape(re.sub(r"\s+\d+$", "", label)).replace(r"\ ", r"\s+")
    m = re.match(r",[ \t]*" + bare + r"(?=[ \t]*(?:[-–—(]|\n|$))", text[end:end + len(label) + 24], re.I)
    return (end + m.end(), label) if m else None


def kind_echo(text: str, start: int, end: int, kind: str) -> tuple[int, int] | None:
    """'the nursery (the Easton Early Years Centre) noticed' -> 'the nursery noticed', 'a hotel, the
    Seaview Hotel, in 2021' -> 'a hotel in 2021': where an institution's kind stands just before its name
    in brackets or in an apposition the comma or the sentence closes, the name goes with its joint. A comma
    that goes on to the next item of a list ('the nursery, Little Acorns and the GP') keeps the name."""
    word = kind.split()[-1] if kind.split() else ""
    found = _already_named(text, start, end, (word,), r"(?!)") if word else None
    if found is None or "(" in text[found[0]:start]:
        return found
    return found if _KIND_APPOSITION_CLOSE.match(text, end) else None


def kind_echo_after(text: str, start: int, end: int, kind: str) -> tuple[int, str] | None:
    """'admitted to Kingfisher Ward, the children's ward, under' -> 'admitted to the children's ward, under':
    where an apposition right after the name says its kind, the name goes with its comma. At a sentence's
    start the apposition's own comma goes too: 'Kingfisher Ward, the children's ward, was' -> 'The
    children's ward was'. Where the replacement ends, and what it reads."""
    word = kind.split()[-1] if kind.split() else ""
    # only modifiers between the article and the kind, and the apposition closes there: 'Heron Ward, the
    # nurse on the ward said' is a new clause
    m = re.match(rf",[ \t]*(?P<kind>(?:the|an?)[ \t]+(?:(?!(?:of|on|in|at|to|the|an?)\b)[\w'’-]+[ \t]+){{0,3}}?"
                 rf"{re.escape(word)}(?![\w'’-]))(?P<close>,|(?=[ \t]*(?:[.;:!?\n]|$)))",
                 text[end:end + 80], re.I) if word else None
    if m is None:
        return None
    if m.group("close") and starts_sentence(text, start):
        said = m.group("kind")
        return end + m.end(), said[:1].upper() + said[1:]
    return end + m.start("kind"), ""


_KIND_APPOSITION_CLOSE = re.compile(r",(?![ \t]*(?:and|or|&)\b)|[ \t]*(?:[.;:!?\n]|$)")


_DWELLING_AT = re.compile(
    rf"(?<![\w'’-])(?:the|an?|her|his|their|its|our|this|that|[\w-]+['’]s?)[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}?"
    rf"(?:{vocabulary.alternation(vocabulary.entries('dwelling_words'))})(?P<at>[ \t]+at[ \t]+|[ \t]*,[ \t]*)$", re.I)


_APPOSED_ADDRESS_ENDS = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$)")
_ADDRESS_ENDS = re.compile(r"[ \t]*(?:[.;:!?)\n]|,?[ \t]+[a-z]|$)")


def dwelling_echo(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'moved to her grandmother's house at 16 Ashdown Close' -> 'moved to her grandmother's house':
    where a noun for a home stands before the address with 'at' or a comma, the address goes with it."""
    m = _DWELLING_AT.search(text, max(0, start - 60), start)
    # only an address that ends there: a town or a postcode after it is still the address's
    if m is None or not _ADDRESS_ENDS.match(text, end):
        return None
    apposed = "," in m.group("at")
    if apposed and not _APPOSED_ADDRESS_ENDS.match(text, end):
        return None  # 'They left the hostel, 14 Elm Road became their home': the address begins a clause
    closing = apposed and text[end:end + 1] == ","  # 'her house, 14 Elm Road, with': both commas go
    return m.start("at"), end + (1 if closing else 0)


def place_echo(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """'moved into the family home at 14 Elm Road in 2021' -> 'moved into the family home in 2021':
    where the label already stands before the address, the address goes with what joins it."""
    return _already_named(text, start, end, (label,), r"\s+at\s+")


_TO_WHOM = re.compile(r"[ \t]+to[ \t]+(?:the|her|his|their)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+)?(?=[ \t]*,)", re.I)
_KNOWN_AS = re.compile(r",\s*(?:also\s+)?(?:known|called)\s+(?:to\s+[^,.;\n]{1,40}?\s+)?as\s+[\"'‘“]?$", re.I)
MORE_ALIASES = re.compile(  # another name the apposition gives, where: ' and at nursery as Annie'
    r"[ \t]+and[ \t]+(?:at|in|to|with|among|amongst)[ \t]+(?:[a-z][\w'’-]*[ \t]+){0,3}?as[ \t]+[\"'‘“]?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[\"'’”]?")


def alias_beside(text: str, start: int, end: int, same_person_just_before: int | None,
                 mention_start: int | None = None) -> tuple[int, int] | None:
    """'Kerry Brennan, known as Kez, is 33' -> 'Mother is 33', not 'Mother, known as Mother, is 33':
    the nickname goes with its apposition when the same person's mention ends just before it
    (`same_person_just_before` is where that mention ends, or None; `mention_start` where it begins)."""
    known = _KNOWN_AS.search(text[max(0, start - 70):start])
    to_whom = _TO_WHOM.match(text, end) if known is None else None
    lead = re.search(r",[ \t]*$", text[max(0, start - 4):start])
    if to_whom is not None and lead is not None and same_person_just_before == start - len(lead.group(0)):
        # 'Grace Okoye, Nana Grace to the children, said': the name the children use, in apposition
        comma = re.match(_APPOSITION_CLOSE, text[to_whom.end():to_whom.end() + 12])
        return same_person_just_before, to_whom.end() + (1 if comma else 0)
    if not known or same_person_just_before != start - len(known.group(0)):
        return None
    quote = 1 if text[end:end + 1] in ("\"", "'", "’", "”") else 0
    more = MORE_ALIASES.match(text, end + quote)
    if more:  # 'known at home as Anička and at nursery as Annie': the second name is hers too
        end, quote = more.end(), 0
    comma = re.match(_APPOSITION_CLOSE, text[end + quote:end + quote + 12])
    if comma and mention_start is not None and text[max(0, mention_start - 40):mention_start].rstrip().endswith(","):
        comma = None  # 'her sister, Kerry Brennan, known as Kez, wrote': the comma closes the first apposition too
    closing_end = quote + (1 if comma else 0)
    return start - len(known.group(0)), end + closing_end


def on_date(text: str, start: int) -> int | None:
    """'on 14 March 2019' becomes 'in March 2019': the start of 'on ' if it stands before the date."""
    m = re.search(r"\b([Oo]n)\s+(?:the\s+)?$", text[max(0, start - 8):start])  # 'on the 9th of June 2023' too
    return start - len(m.group(0)) if m else None


# 'an' before a vowel's sound: a vowel that is not read as 'you' or 'wun' ('a unit', 'a one-off'),
# a silent 'h' ('an hour'), or a capital read by its letter's name ('an MP', 'an NHS trust').
_VOWEL_SOUND = re.compile(r"(?!u(?:ni|s[eu]|r[aeiou]|ti)|eu|one\b|once\b)[aeiou]|h(?:our|onest|onou?r|eir)", re.I)
_LETTER_SOUNDS_VOWEL = frozenset("AEFHILMNORSX")


def article_for(new: str) -> str | None:
    """'a' or 'an', as the first word of `new` is read: 'an Adult A', 'a Child B', 'an [address]'
    (a marker is read by its words); None when there is nothing to read."""
    word = re.match(r"[\"'‘“(\[]?([A-Za-z][\w'’-]*)", new)
    if not word:
        return None
    w = word.group(1)
    if len(w) > 1 and w.isupper() and w.isalpha() and len(w) <= 5:
        return "an" if w[0] in _LETTER_SOUNDS_VOWEL else "a"  # an acronym is read letter by letter
    if len(w) == 1:
        return "an" if w.upper() in _LETTER_SOUNDS_VOWEL else "a"
    return "an" if _VOWEL_SOUND.match(w) else "a"


# What may stand before a line's first word: spaces, a section or list number (a letter in it too:
# '5A.2'), a bullet, a heading's marks, bold.
_LINE_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:(?:\d{1,3}[A-Z]?(?:\.\d{1,3}[A-Z]?)*\.?|\(?[a-z]\)|\(?[ivx]{1,4}\)|[-*•#>]+)[ \t]+)?"
                        r"(?:\*\*|__)?[ \t]*$")


def line_content_start(text: str, pos: int) -> bool:
    """Whether `pos` is where a line's words begin: '5.2 |The practice', '- |Mother said'."""
    return _LINE_LEAD.search(text, max(0, text.rfind("\n", 0, pos)), pos) is not None


_NUMBERED_LEAD = re.compile(r"[ \t]*(?:\d{1,3}[A-Z]?(?:\.\d{1,3}[A-Z]?)*\.?|\(?[a-z]\)|\(?[ivx]{1,4}\)|[-*•#>]+)[ \t]")


def starts_line_sentence(text: str, pos: int) -> bool:
    """Whether `pos` begins a line's words where a sentence starts: after a number, a bullet or a
    heading's marks; or on a line after a blank one, a sentence's end or a heading. A line
    of hard-wrapped text ('was born in' / 'Lagos, Nigeria') goes on with the sentence."""
    if not line_content_start(text, pos):
        return False
    line = text.rfind("\n", 0, pos) + 1
    if line == 0 or _NUMBERED_LEAD.match(text, line, pos + 1):
        return True
    before = text[text.rfind("\n", 0, line - 1) + 1:line - 1].strip()
    if not before or re.search(r"[.!?:;][\"'’”)*]*$", before):
        return True
    # a heading: a line of a few words (a line of hard-wrapped text is short only where its paragraph
    # ends, with the sentence), not running on with a comma or a joining word
    return len(before.split()) <= 8 and not re.search(
        r"(?:[,\-–]|\b(?:and|or|of|the|a|an|to|in|on|at|with|by|for|from|into|than|that|her|his|their))$",
        before, re.I)


# A table row written as text ('Agency | Service'): where a cell's words begin, its line's start or a bar.
_CELL_LEAD = re.compile(r"(?:^|\n|\|)[ \t]*$")


def starts_cell(text: str, pos: int) -> bool:
    """Whether `pos` begins a table cell's words: on a line that holds a cell bar ('|'), at its
    start or right after a bar ('Oakfield Surgery | General practice')."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return "|" in line and _CELL_LEAD.search(text, line_start - 1 if line_start else 0, pos) is not None


# A sentence's end just before: its mark, any closing quote, bracket or emphasis ('.** ', '." '), a space.
# A title's or an initial's full stop ('Dr. ', 'J. ') ends no sentence.
_SENTENCE_END_BEFORE = re.compile(r"(?P<word>[\w'’-]*)[.!?][\"'’”)*_]*[ \t]+$")


def starts_sentence(text: str, pos: int) -> bool:
    """Whether `pos` begins a sentence: at a line's start as `starts_line_sentence` reads it, or
    inside a line after a sentence's end ('... the record.** Variants of')."""
    if starts_line_sentence(text, pos):
        return True
    m = _SENTENCE_END_BEFORE.search(text, max(0, pos - 30), pos)
    if m is None:
        return False
    word = m.group("word")
    return not (word.lower() in vocabulary.NAME_TITLES or (len(word) == 1 and word.isupper()))


_GROUP_AFTER = re.compile(rf"[ \t]+(?:{vocabulary.alternation(vocabulary.entries('group_words'))})\b", re.I)


def family_group_surname(text: str, start: int, end: int, surname: str | None) -> int | None:
    """'the Tregothnan family': a register surname between 'the' and a group word names the household,
    not one of them; where the words to drop end (the space after the surname), else None."""
    if not surname or text[start:end].lower() != surname.lower():
        return None
    if re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.I) is None:
        return None
    m = _GROUP_AFTER.match(text, end)
    return end + len(m.group(0)) - len(m.group(0).lstrip()) if m else None

