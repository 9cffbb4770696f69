"""What a register address becomes: only what the register says of it, so no label states a fact
the draft does not.

- the register's own `label:` for it ('the father's flat');
- the profile's `register_text` ('the family home') for the subject child's home: an address whose
  `residents:` hold the subject child (a role labelled 'subject' in child_roles.txt); where two
  unlabelled addresses do, neither is ('moved from the family home to the family home'): each is
  the plain text until the register labels them;
- for any other, the profile's `register_other_text` ('another address') where the register says
  which is the child's home, so 'another' has something to be other than; else the profile's
  `text` ('[address]'). 'Father moved to the family home', said of his own new flat, is what a
  single label for every address wrote.

A street two register addresses share ('41 Marlowe Crescent' of flats 3 and 5) takes their label
if they agree, and the plain text if they do not."""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.config.profile import EntityPolicy
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Register
from anonymiser.detect.recognizers.house_numbers import CUE

_SUBJECT_ROLES = vocabulary.lower(vocabulary.having("child_roles", "subject"))


def _subject_keys(register: Register) -> frozenset[str]:
    return frozenset(p.key for p in register.people if p.role.lower() in _SUBJECT_ROLES)


def _childs(register: Register, index: int) -> bool:
    return bool(_subject_keys(register) & set(register.address_note(index).residents))


def _is_home(register: Register, index: int) -> bool:
    """The one address the subject child lives at that has no label of its own: two such would both
    read 'the family home' ('moved from the family home to the family home')."""
    homes = [i for i in range(len(register.addresses)) if _childs(register, i) and not register.address_note(i).label]
    return homes == [index]


def _plain(policy: EntityPolicy) -> str:
    return policy.text or f"[{E.ENTITY_TYPES[E.ADDRESS].label}]"


def _one(register: Register, index: int, policy: EntityPolicy) -> tuple[str, str]:
    note = register.address_note(index)
    if note.label:
        return note.label, "register label"
    if _is_home(register, index) and policy.register_text:
        return policy.register_text, "the subject child's home"
    if _childs(register, index):
        return _plain(policy), "one of the subject child's homes, with no label to tell them apart"
    if policy.register_other_text and any(_childs(register, i) for i in range(len(register.addresses))):
        return policy.register_other_text, "not the subject child's home"
    return _plain(policy), "whose home the register does not say"


def address_text(register: Register, which: tuple[int, ...], policy: EntityPolicy) -> tuple[str, str]:
    """The text for a register address that may be any of `which` (indices in register.addresses),
    and why, for the audit's rule."""
    said = {_one(register, i, policy) for i in which if i < len(register.addresses)}
    if len({text for text, _ in said}) == 1:
        return said.pop()
    return _plain(policy), "two register addresses" if said else "whose home the register does not say"


# What a comma after an address keeps: a relative clause or a clause joined on ('the family home, which
# ...', ', and then'), what the address is, in apposition (', the home of his new partner'), or a list's
# next item (a capital, a digit, a quote).
_COMMA_GOES_ON = re.compile(r",[ \t]*(?:(?:who|whom|whose|which|where|when|and|but|or|so|yet|while|whilst|although|"
                            r"though|the|a|an|his|her|their|its)(?![\w'’-])|[^a-z \t])")


def address_closing_comma(text: str, start: int, end: int, address: str) -> int:
    """Where a replaced address ends, its closing comma with it: 'lived at 15 Elm Road, Leigh, until
    May' -> 'lived at the family home until May'. The comma goes only when it closed an address of
    parts (a comma inside it), no comma opened it, and what follows it is no clause of its own."""
    if text[end:end + 1] != "," or "," not in address or text[:start].rstrip().endswith(",") \
            or _COMMA_GOES_ON.match(text, end):
        return end
    return end + 1


def label_in_place(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """The span a definite label ('the refuge') replaces, with the article and the kind the draft wrote
    round the name: 'the Ashgrove House refuge' -> 'the refuge', never 'the the refuge refuge'."""
    words = label.split()
    if len(words) < 2 or words[0].lower() != "the":
        return start, end
    before = re.search(r"\b[Tt]he[ \t]+$", text[max(0, start - 5):start])
    if before:
        start -= len(before.group(0))
    after = re.match(rf"[ \t]+{re.escape(words[-1])}(?![\w'’-])", text[end:], re.I)
    return start, end + (after.end() if after else 0)


_NUMBER_WORD = re.compile(rf"\b(?i:{CUE})\.?[ \t]+$")


def with_number_word(text: str, start: int) -> int:
    """Where a replaced address starts, the word for its house number with it: 'a neighbour at number 19
    Cotswold Close' -> 'a neighbour at [address]', not 'at number [address]'."""
    m = _NUMBER_WORD.search(text, max(0, start - 10), start) if text[start:start + 1].isdigit() else None
    return m.start() if m else start


_TO_POSTCODE = re.compile(r"[ \t]*,?[ \t]*")


def postcodes_into_addresses(text: str, detections: list[Detection]) -> list[Detection]:
    """'27 Ashton View, Harehills, LS8 5BX': a postcode right after an address is the address's end, so it
    reads 'the family home', never 'the family home, [postcode removed]' (the draft may leave out a part
    the register wrote, such as the town, between them)."""
    postcodes = {d.start: d for d in detections if d.entity == E.POSTCODE and not d.meta.reviewer}
    if not postcodes:
        return detections
    joined: dict[int, Detection] = {}
    for d in detections:
        if d.entity != E.ADDRESS or d.meta.reviewer:
            continue
        gap = _TO_POSTCODE.match(text, d.end)
        code = postcodes.get(gap.end()) if gap else None
        if code is not None:
            joined[id(d)] = replace(d, end=code.end)
            postcodes.pop(code.start)
    if not joined:
        return detections
    gone = {id(d) for d in detections if d.entity == E.POSTCODE and d.start not in postcodes and not d.meta.reviewer}
    return [joined.get(id(d), d) for d in detections if id(d) not in gone]
