"""Turn detections into decisions: what each span becomes, and which rule said so."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.lexicon import phrase_index
from anonymiser.config.profile import Profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Register
from anonymiser.core.results import Decisions, Flag, Replacement
from anonymiser.decide import wording
from anonymiser.decide.keep import Keeper
from anonymiser.decide.overlaps import merge_adjacent_people, resolve
from anonymiser.decide.people import (
    ORGANISATION_WORD,
    cluster_others,
    people_read_as_organisations,
    professional_people,
)
from anonymiser.decide.propagation import propagate
from anonymiser.detect.date_parsing import month_year
from anonymiser.detect.recognizers.register_births import find_register_births, mark_dates_of_birth
from anonymiser.pseudonymise.case_map import CaseMap

INSTITUTION_TEXT = {E.NURSERY: "the nursery", E.GP_PRACTICE: "the GP practice", E.HOSPITAL_WARD: "the ward"}
# Something that can only be read as a point in the calendar: a month, a weekday or a numeric date.
_CALENDAR_WORDS = (vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS
                   + vocabulary.WEEKDAYS + vocabulary.WEEKDAY_ABBREVIATIONS)
_CALENDAR = re.compile(
    rf"\b(?:{vocabulary.alternation(_CALENDAR_WORDS)})\b\.?"
    r"|\d{1,4}\s*[/.\-]\s*\d{1,2}|\b(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b", re.I)


# An organisation's kind word as it reads after 'the' ('Acme Builders Ltd' is 'the company').
_KIND_AS_WRITTEN = {w.lower(): kind[0] for w, kind in vocabulary.labelled("organisation_words").items() if kind}


@lru_cache(maxsize=1)
def _institution_recognizers() -> tuple:
    from anonymiser.detect.recognizers.institutions import (
        GpPracticeRecognizer,
        HospitalWardRecognizer,
        NurseryRecognizer,
        SchoolRecognizer,
    )

    return tuple(cls() for cls in (SchoolRecognizer, NurseryRecognizer, GpPracticeRecognizer, HospitalWardRecognizer))


def organisation_text(name: str) -> str:
    """An organisation as its kind when its words say it ('the church', 'the GP practice'), else 'the organisation'."""
    name = " ".join(name.split())
    bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    for recognizer in _institution_recognizers():
        if any(r.end == len(bare) for r in recognizer.analyze(bare, [recognizer.ENTITY])):
            return institution_text(recognizer.ENTITY, bare)
    kinds = ORGANISATION_WORD.findall(bare)
    if not kinds:
        return "the organisation"
    kind = kinds[-1].lower()  # the head of an English name comes last: 'Church Road Boxing Club'
    return "the " + _KIND_AS_WRITTEN.get(kind, kind)


def institution_text(entity: str, name: str) -> str:
    if entity == E.ORGANISATION:
        return organisation_text(name)
    if entity == E.SCHOOL:
        low = name.lower()
        if re.search(r"\b(primary|infant|junior|first)\b", low):
            return "the primary school"
        if re.search(r"\b(high|secondary|academy|college|grammar|upper)\b", low):
            return "the secondary school"
        return "the school"
    return INSTITUTION_TEXT.get(entity, "the setting")


def _quoted(text: str, start: int, end: int) -> bool:
    """"will be called 'Sam'": the span stands in quotation marks, as a chosen pseudonym is written."""
    return start > 0 and text[start - 1] in "'\"‘“" and text[end:end + 1] in ("'", '"', "’", "”")


def _end_of_last_mention(done: list[Replacement], person: str | None) -> int | None:
    """Where the replacement just made ends, if it was of `person`."""
    return done[-1].end if done and person and done[-1].person == person else None


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
           reviewer_added: list[Detection] | tuple[Detection, ...] = ()) -> Decisions:
    """Apply the profile's policy, allowlists and propagation to raw detections."""
    keeper = Keeper(profile, text)
    allow = phrase_index("allowlist", profile.allowlists)
    dets = keeper.filter(raw)
    if profile.detects(E.DATE_OF_BIRTH):
        dets = mark_dates_of_birth(text, dets, register) + find_register_births(text, register)
    dets += keeper.filter(propagate(text, dets, allow))
    dets += reviewer_added  # after the keep rules: a reviewer's addition beats the allowlists
    dets = resolve(people_read_as_organisations(text, dets), text)
    dets = merge_adjacent_people(dets, text)
    dets = cluster_others(text, dets, allow)
    professionals = professional_people(text, dets)
    people = {p.key: p for p in register.people}
    chosen = {p.pseudonym for p in register.people if p.pseudonym}

    decisions = Decisions()
    for d in dets:
        policy = profile.policy(d.entity)
        added = bool(d.meta.get("reviewer"))
        if added and policy.action in ("flag", "keep"):
            # a reviewer's addition always changes the text, even of a kind the profile keeps
            policy = replace(policy, action="institution" if d.entity == E.ORGANISATION else "replace")
        start, end = d.start, d.end
        core_start = d.start
        original = text[start:end]
        rule = f"{profile.name}: {d.entity} -> {policy.action}"
        if policy.action == "flag":
            decisions.flags.append(Flag(start, end, original, d.entity, "kept; check it is needed"))
            continue
        if policy.action == "person":
            if d.person not in people and original in chosen and _quoted(text, start, end):
                # 'Tyler will be called "Sam"': the register's chosen pseudonym is already safe.
                decisions.flags.append(Flag(start, end, original, d.entity, "the register's chosen pseudonym: kept"))
                continue
            if d.person in people:
                person = people[d.person]
                mode = profile.register_children if profile.is_child(person) else profile.register_adults
                if d.meta.get("register_family"):
                    fam = re.match(r"\s+(family|household|children|parents|home)\b", text[end:end + 12], re.I)
                    if fam:
                        start = wording.absorb_article(text, start)
                        end += len(fam.group(0))
                        original = text[start:end]
                    new = "the " + fam.group(1).lower() if fam else "[family name]"
                    rule += " (family surname)"
                else:
                    new = case_map.register_label(person, register, mode, text)
                    rule += f" (register {person.role}: {mode})"
                    echo = wording.role_echo(text, start, end, new) if mode == "role" else None
                    after = wording.role_after(text, end, new) if mode == "role" and echo is None else None
                    alias = wording.alias_beside(text, start, end, _end_of_last_mention(decisions.replacements, d.person))
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
                start, core_start = wording.with_title(text, start)
                original = text[start:end]
                stem = profile.others_professional if d.person in professionals else profile.others
                new = case_map.other_label(d.person or original.lower(), stem)
                rule += " (not on register)"
        elif policy.action == "month_year":
            new = month_year(original)
            if new is None:
                if not _CALENDAR.search(original) and not added:
                    continue  # 'six months', 'aged 7 weeks': a duration or an age, not a date
                new = "[date]"
            if new.split() == original.split():
                if not added:
                    continue  # already only a month and year: nothing to change
                new = "[date]"  # the reviewer wants even the month and year gone
            on = wording.on_date(text, start)
            if on is not None and not new.startswith("["):
                new = ("In " if text[on] == "O" else "in ") + new
                start = on
                original = text[start:end]
        elif policy.action == "institution":
            start = wording.absorb_article(text, start)
            original = text[start:end]
            new = institution_text(d.entity, original)
        elif d.entity == E.ADDRESS and d.meta.get("register_address") and policy.register_text:
            new = policy.register_text
            rule += " (register address)"
            echo = wording.place_echo(text, start, end, new)
            if echo is not None:
                (start, end), new = echo, ""
                original = text[start:end]
                rule += " (already named)"
        else:
            new = policy.text or f"[{E.ENTITY_TYPES[d.entity].label}]"
        new = wording.match_case(original, new, text, start) if new else new
        decisions.replacements.append(Replacement(start, end, original, new, d.entity, d.detectors,
                                                  round(d.score, 3), rule, d.person, (min(d.start, core_start), d.end)))
    decisions.replacements = _without_overlaps(text, decisions.replacements)
    if profile.flag_lists:
        for s, e in phrase_index("gazetteer", profile.flag_lists).find(text):
            if not any(r.start <= s < r.end for r in decisions.replacements):
                decisions.flags.append(Flag(s, e, text[s:e], E.DEMOGRAPHIC, "ethnicity: kept; check it is needed"))
    decisions.flags.sort(key=lambda f: f.start)
    return decisions
