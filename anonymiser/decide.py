"""Turn detections into decisions: what each span becomes, and which rule said so."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import entities as E
from .birthdates import find_register_births, mark_dates_of_birth
from .dates import month_year
from .detection import Detection
from .filters import Keeper
from .lexicon import phrase_index
from .people import cluster_others, professional_people
from .profile import Profile
from .propagation import propagate
from .pseudonyms import CaseMap
from .register import Register
from .spans import merge_adjacent_people, resolve

if TYPE_CHECKING:
    from .decisions import ReviewerDecisions

INSTITUTION_TEXT = {E.NURSERY: "the nursery", E.GP_PRACTICE: "the GP practice", E.HOSPITAL_WARD: "the ward"}
# Something that can only be read as a point in the calendar: a month, a weekday or a numeric date.
_CALENDAR = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?"
    r"|\d{1,4}\s*[/.\-]\s*\d{1,2}|\b(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b", re.I)
_SENTENCE_START = re.compile(r"(^|[.!?:]\s+|\n\s*|^\s*[-*#]+\s*)$")


@dataclass
class Replacement:
    """One decided change, in document coordinates."""

    start: int
    end: int
    original: str
    replacement: str
    entity: str
    detectors: tuple[str, ...]
    score: float
    rule: str
    person: str | None = None
    core: tuple[int, int] = (0, 0)  # the identifier itself, before 'the', 'on' or a title was taken in


@dataclass
class Flag:
    """Something kept as written but shown to the reviewer (ethnicity, a low-confidence guess)."""

    start: int
    end: int
    text: str
    entity: str
    reason: str


@dataclass
class Decisions:
    replacements: list[Replacement] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def institution_text(entity: str, name: str) -> str:
    if entity == E.SCHOOL:
        low = name.lower()
        if re.search(r"\b(primary|infant|junior|first)\b", low):
            return "the primary school"
        if re.search(r"\b(high|secondary|academy|college|grammar|upper)\b", low):
            return "the secondary school"
        return "the school"
    return INSTITUTION_TEXT.get(entity, "the setting")


def _match_case(original: str, new: str, text: str, start: int) -> str:
    """Keep capitals readable: 'AMARA' -> 'EMILY'; a sentence-initial 'the school' -> 'The school'.

    A phrase such as 'the family home' goes into capitals only on a line all in capitals: an
    address typed in capitals in running text ('an incident at 41 MARLOWE CRESCENT') reads
    better as 'the family home'."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not new.startswith("["):
        if " " not in new or _line_in_capitals(text, start):
            return new.upper()
    if new[:1].islower() and _SENTENCE_START.search(text[max(0, start - 6):start]):
        return new[:1].upper() + new[1:]
    return new


def _line_in_capitals(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    letters = [c for c in text[line_start:line_end if line_end >= 0 else len(text)] if c.isalpha()]
    return all(c.isupper() for c in letters)


def _absorb_article(text: str, start: int) -> int:
    """'the Oakfield Primary School' -> include 'the', so it does not become 'the the primary school'."""
    m = re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start])
    return start - len(m.group(0)) if m else start


_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|DC|DS|DI|DCI|PC|PCSO|Sgt|Insp|Cllr|Nurse)\.?\s+(\d{2,5}\s+)?$")


def _with_title(text: str, start: int) -> tuple[int, int]:
    """Take a title just before a name into the span: 'Dr Anika Rao' -> 'Professional A', not 'Dr Professional A'.

    Returns the new start and where the identifying part begins: a collar number ('PC 6187 Marsh')
    identifies the officer, the rank does not.
    """
    m = _TITLE_BEFORE.search(text[max(0, start - 16):start])
    if not m:
        return start, start
    new = start - len(m.group(0))
    return new, (start - len(m.group(0)) + m.start(2) - m.start(0)) if m.group(2) else start


# The comma closing an apposition, unless what follows starts a list's next item or a clause.
_APPOSITION_CLOSE = re.compile(
    r",(?!\s*(?:(?:who|whom|whose|which|where|her|his|their|the|a|an)\b|[A-Z]))")


def _role_echo(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Where the role already stands before the name, the name goes with what joins it:
    'her mother Sarah Okafor said' -> 'her mother said'; 'her mother, Sarah Okafor, said' and
    'her mother (Sarah Okafor) said' -> 'her mother said'. The (start, end) to remove, or None."""
    m = None
    # The whole label, or its last word: 'her grandmother, Pauline Brennan,' for 'Maternal Grandmother'.
    for role in dict.fromkeys((label, label.split()[-1] if label.split() else label)):
        m = re.search(r"\b" + re.escape(role) + r"(\s+|,\s*|\s*\(\s*)$", text[max(0, start - len(role) - 6):start], re.I)
        if m:
            break
    if not m:
        return None
    joint = m.group(1)
    if "(" in joint:
        close = re.match(r"\s*\)", text[end:end + 4])
        if not close:
            return None  # '(Sarah Okafor and ...' is not a bracketed name alone
        return start - len(joint), end + close.end()
    if "," in joint:
        # An apposition closes with a comma, or with the sentence; keep what ends the sentence,
        # and a comma that goes on to a list's next item or a relative clause ("her mother, Jade
        # Hollis, her partner, ..."; "her grandmother, Pauline Brennan, who now cares for her").
        closing = re.match(_APPOSITION_CLOSE, text[end:end + 12])
        return start - len(joint), end + (1 if closing else 0)
    return start - len(joint), end


def _role_after(text: str, end: int, label: str) -> tuple[int, str] | None:
    """'Mrs Grace Adebayo, the maternal grandmother, provided' -> 'the maternal grandmother provided':
    where the role follows the name as an apposition, the role as written replaces both.
    The new end of the replacement and its text, or None."""
    m = re.match(r",\s*((?:the|her|his|their)\s+" + re.escape(label).replace(r"\ ", r"\s+") + r")\s*(?:,|(?=[.;:!?]))",
                 text[end:end + len(label) + 24], re.I)
    if not m:
        return None
    return end + m.end(), " ".join(m.group(1).split())


def _place_echo(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """'moved into the family home at 14 Elm Road in 2021' -> 'moved into the family home in 2021':
    where the label already stands before the address, the address goes with what joins it."""
    m = re.search(r"\b" + re.escape(label) + r"(\s+at\s+|,\s*|\s*\(\s*)$", text[max(0, start - len(label) - 8):start], re.I)
    if not m:
        return None
    joint = m.group(1)
    if "(" in joint:
        close = re.match(r"\s*\)", text[end:end + 4])
        return (start - len(joint), end + close.end()) if close else None
    if "," in joint:
        closing = re.match(_APPOSITION_CLOSE, text[end:end + 12])
        return start - len(joint), end + (1 if closing else 0)
    return start - len(joint), end


_KNOWN_AS = re.compile(r",\s*(?:also\s+)?(?:known|called)\s+(?:to\s+[^,.;\n]{1,40}?\s+)?as\s+[\"'‘“]?$", re.I)


def _alias_beside(text: str, start: int, end: int, person: str | None,
                  done: list[Replacement]) -> tuple[int, int] | None:
    """'Kerry Brennan, known as Kez, is 33' -> 'Mother is 33', not 'Mother, known as Mother, is 33':
    the nickname goes with its apposition when the same person was just replaced before it."""
    known = _KNOWN_AS.search(text[max(0, start - 70):start])
    if not known or not done or done[-1].person != person or done[-1].end != start - len(known.group(0)):
        return None
    quote = re.match(r"[\"'’”]?", text[end:end + 1])
    comma = re.match(_APPOSITION_CLOSE, text[end + quote.end():end + quote.end() + 12])
    closing_end = quote.end() + (1 if comma else 0)
    return start - len(known.group(0)), end + closing_end


def _on_date(text: str, start: int) -> int | None:
    """'on 14 March 2019' becomes 'in March 2019': the start of 'on ' if it stands before the date."""
    m = re.search(r"\b([Oo]n)\s+$", text[max(0, start - 4):start])
    return start - len(m.group(0)) if m else None


def _without_overlaps(text: str, replacements: list[Replacement]) -> list[Replacement]:
    """Taking in a title or 'the' can reach into the replacement before; the wider one wins."""
    out: list[Replacement] = []
    for r in sorted(replacements, key=lambda r: (r.start, -r.end)):
        while out and out[-1].end > r.start:
            prev = out[-1]
            if r.start <= prev.start:
                # the previous replacement lies inside this one; its identifier is still covered
                r.core = (min(r.core[0], prev.core[0]), max(r.core[1], prev.core[1]))
                out.pop()
                continue
            r.start = prev.end
            r.original = text[r.start:r.end]
            break
        if r.end > r.start:
            out.append(r)
    return out


def decide(text: str, raw: list[Detection], profile: Profile, register: Register, case_map: CaseMap,
           reviewer: "ReviewerDecisions | None" = None) -> Decisions:
    """Apply the profile's policy, allowlists and propagation to raw detections."""
    keeper = Keeper(profile, text)
    allow = phrase_index("allowlist", profile.allowlists)
    dets = keeper.filter(raw)
    if profile.detects(E.DATE_OF_BIRTH):
        dets = mark_dates_of_birth(text, dets, register) + find_register_births(text, register)
    dets += keeper.filter(propagate(text, dets, allow))
    if reviewer is not None:  # after the keep rules: a reviewer's addition beats the allowlists
        dets += reviewer.extra_detections(text, register)
    dets = resolve(dets, text)
    dets = merge_adjacent_people(dets, text)
    dets = cluster_others(text, dets, allow)
    professionals = professional_people(text, dets)
    people = {p.key: p for p in register.people}
    chosen = {p.pseudonym for p in register.people if p.pseudonym}

    decisions = Decisions()
    for d in dets:
        policy = profile.policy(d.entity)
        start, end = d.start, d.end
        core_start = d.start
        original = text[start:end]
        rule = f"{profile.name}: {d.entity} -> {policy.action}"
        if policy.action == "flag":
            decisions.flags.append(Flag(start, end, original, d.entity, "kept; check it is needed"))
            continue
        if policy.action == "person":
            if d.person not in people and original in chosen:
                # 'Tyler will be called "Sam"': the register's chosen pseudonym is already safe.
                decisions.flags.append(Flag(start, end, original, d.entity, "the register's chosen pseudonym: kept"))
                continue
            if d.person in people:
                person = people[d.person]
                mode = profile.register_children if person.is_child else profile.register_adults
                if d.meta.get("register_family"):
                    fam = re.match(r"\s+(family|household|children|parents|home)\b", text[end:end + 12], re.I)
                    if fam:
                        start = _absorb_article(text, start)
                        end += len(fam.group(0))
                        original = text[start:end]
                    new = "the " + fam.group(1).lower() if fam else "[family name]"
                    rule += " (family surname)"
                else:
                    new = case_map.register_label(person, register, mode, text)
                    rule += f" (register {person.role}: {mode})"
                    echo = _role_echo(text, start, end, new) if mode == "role" else None
                    after = _role_after(text, end, new) if mode == "role" and echo is None else None
                    alias = _alias_beside(text, start, end, d.person, decisions.replacements)
                    if alias is not None:
                        (start, end), new = alias, ""
                        original = text[start:end]
                        rule += " (alias beside the name)"
                    elif echo is not None:
                        (start, end), new = echo, ""
                        original = text[start:end]
                        rule += " (role already named)"
                    elif after is not None:
                        end, new = after
                        original = text[start:end]
                        rule += " (role already named)"
            else:
                start, core_start = _with_title(text, start)
                original = text[start:end]
                stem = profile.others_professional if d.person in professionals else profile.others
                new = case_map.other_label(d.person or original.lower(), stem)
                rule += " (not on register)"
        elif policy.action == "month_year":
            new = month_year(original)
            if new is None:
                if not _CALENDAR.search(original):
                    continue  # 'six months', 'aged 7 weeks': a duration or an age, not a date
                new = "[date]"
            if new.split() == original.split():
                continue  # already only a month and year: nothing to change
            on = _on_date(text, start)
            if on is not None and not new.startswith("["):
                new = ("In " if text[on] == "O" else "in ") + new
                start = on
                original = text[start:end]
        elif policy.action == "institution":
            start = _absorb_article(text, start)
            original = text[start:end]
            new = institution_text(d.entity, original)
        elif d.entity == E.ADDRESS and d.meta.get("register_address") and policy.register_text:
            new = policy.register_text
            rule += " (register address)"
            echo = _place_echo(text, start, end, new)
            if echo is not None:
                (start, end), new = echo, ""
                original = text[start:end]
                rule += " (already named)"
        else:
            new = policy.text or f"[{E.ENTITY_TYPES[d.entity].label}]"
        new = _match_case(original, new, text, start) if new else new
        decisions.replacements.append(Replacement(start, end, original, new, d.entity, d.detectors,
                                                  round(d.score, 3), rule, d.person, (min(d.start, core_start), d.end)))
    decisions.replacements = _without_overlaps(text, decisions.replacements)
    if profile.flag_lists:
        for s, e in phrase_index("gazetteer", profile.flag_lists).find(text):
            if not any(r.start <= s < r.end for r in decisions.replacements):
                decisions.flags.append(Flag(s, e, text[s:e], E.DEMOGRAPHIC, "ethnicity: kept; check it is needed"))
    decisions.flags.sort(key=lambda f: f.start)
    if reviewer is not None:
        decisions = reviewer.apply(text, decisions, case_map)
    return decisions
