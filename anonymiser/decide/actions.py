"""The profile's actions, by the names profiles use: what one detection becomes under each.

Each action takes the state, the detection, its entity policy and the rule said so far, and gives
the Replacement or Flag to record, or None when the span is left as written."""

from __future__ import annotations

import re
from collections.abc import Callable

from anonymiser.config import vocabulary
from anonymiser.config.places import is_place
from anonymiser.config.profile import ACTIONS as ACTION_NAMES
from anonymiser.config.profile import EntityPolicy
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person
from anonymiser.core.results import Flag, Replacement
from anonymiser.decide import alias_names, aliases, dates, roles, wording
from anonymiser.decide.addresses import address_closing_comma, address_text, label_in_place, with_number_word
from anonymiser.decide.institutions import institution_text
from anonymiser.decide.state import DecideState
from anonymiser.decide.surname_forms import plural_household, plural_surname, surname_initial
from anonymiser.detect.date_parsing import month_year

Action = Callable[[DecideState, Detection, EntityPolicy, str], Replacement | Flag | None]
# What 'as Kez' becomes where the alias is what a sentence says ('is known to his friends as Kez').
ANOTHER_NAME = "by another name"

# Something that can only be read as a point in the calendar: a month, a weekday or a numeric date.
_CALENDAR_WORDS = (vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS
                   + vocabulary.WEEKDAYS + vocabulary.WEEKDAY_ABBREVIATIONS)
_CALENDAR = re.compile(
    rf"\b(?:{vocabulary.alternation(_CALENDAR_WORDS)})\b\.?"
    r"|\d{1,4}\s*[/.\-]\s*\d{1,2}|\b(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b", re.I)
# What makes a date exact to the day: a numeric date, an ordinal or a number beside a month. A weekday
# alone ('on Friday nights') names no one day.
_MONTH_WORDS = vocabulary.alternation(vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS)
# A school or financial year ('2020/21', '2019-2020'): two years, no day.
_YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*[/\-–]\s*(?:(?:19|20)\d\d|\d\d)\b(?![/\-–.]\d)")
_DAY_LEVEL = re.compile(
    r"\d{1,4}\s*[/.\-]\s*\d{1,2}|\b\d{1,2}(?:st|nd|rd|th)\b"
    rf"|\b\d{{1,2}}\s+(?:of\s+)?(?:{_MONTH_WORDS})\b|\b(?:{_MONTH_WORDS})\.?\s+\d{{1,2}}(?!\d)", re.I)


def _replacement(state: DecideState, d: Detection, start: int, end: int, new: str, rule: str,
                 core_start: int | None = None, cased: bool = False) -> Replacement:
    """The change of text[start:end] to `new`, in the capitals of what it replaces (unless `cased`:
    already in them)."""
    original = state.text[start:end]
    new = wording.match_case(original, new, state.text, start) if new and not cased else new
    core = (min(d.start, d.start if core_start is None else core_start), d.end)
    return Replacement(start, end, original, new, d.entity, d.detectors, round(d.score, 3), rule, d.person, core)


def _added(d: Detection) -> bool:
    return bool(d.meta.reviewer)


def _quoted(text: str, start: int, end: int) -> bool:
    """"will be called 'Sam'": the span stands in quotation marks, as a chosen pseudonym is written."""
    return start > 0 and text[start - 1] in "'\"‘“" and text[end:end + 1] in ("'", '"', "’", "”")


def _end_of_last_mention(done: list[Replacement], person: str | None) -> int | None:
    """Where the replacement just made ends, if it was of `person`."""
    return done[-1].end if done and person and done[-1].person == person else None


def flag(state: DecideState, d: Detection, policy: EntityPolicy, rule: str) -> Flag:
    """Kept as written, and listed for the reviewer."""
    why = "kept; check it is needed"
    return Flag(d.start, d.end, state.text[d.start:d.end], d.entity, why, state.rule(d, why))


def person(state: DecideState, d: Detection, policy: EntityPolicy, rule: str) -> Replacement | Flag:
    """A register person by pseudonym or role; anyone else by a letter label ('Professional A')."""
    text, start, end = state.text, d.start, d.end
    if text[start:end] in state.chosen and (aliases.introduces_pseudonym(text, start)
                                            or (d.person not in state.people and _quoted(text, start, end))):
        # 'Tyler will be called "Sam"', 'Tobi is referred to as Jack': the register's chosen pseudonym is safe.
        why = "the register's chosen pseudonym: kept"
        return Flag(start, end, text[start:end], d.entity, why, state.rule(d, why))
    if d.person in state.people:
        if d.meta.register_family:
            return _family_surname(state, d, rule)
        return _register_person(state, d, state.people[d.person], rule)
    alias = aliases.alias_after_mention(text, start, end, state.decisions.replacements, d.person)
    if alias is not None:
        # 'Gary Fenn, known as "Gaz"': one person, so the alias would only repeat the label
        written = roles.written_role(text, start, end) if d.person in state.roles else None
        if written is not None and written.side == "after" and written.close is not None:
            # 'Amina Begum, known as Mina, the health visitor,': the role goes with the alias
            alias = (alias[0], max(alias[1], written.close))
        return _replacement(state, d, alias[0], alias[1], "", rule + " (not on register) (alias beside the name)")
    if d.person in state.roles:
        return _by_role(state, d, rule)
    told = aliases.predicate_alias(text, start, end, state.decisions.replacements, d.person)
    if told is None and alias_names.ALIAS_PHRASE in d.detectors:
        told = alias_names.said_alias(text, start, end)  # 'the boys called him "Spud"'
    if told is not None:
        return _replacement(state, d, told[0], told[1], ANOTHER_NAME, rule + " (not on register) (alias beside the name)")
    pet = wording.pet_echo(text, start, end)
    if pet is not None:  # 'his dog, Tyson': a pet's name identifies the family, and is no adult
        state.pets.setdefault(d.person or "", wording.pet_noun(text, start) or "pet")
        return _replacement(state, d, pet[0], pet[1], "", rule + " (not on register) (a pet's name)")
    if d.meta.pet:  # 'Biscuit is the family's dog': the pet here, whoever else shares its word ('Jo Biscuit')
        start = wording.absorb_article(text, start)
        new = wording.match_case(text[start:end], f"the {d.meta.pet}", text, start)
        return _replacement(state, d, start, end, new, rule + " (not on register) (a pet's name, by its noun)")
    if d.person in state.pets:  # 'playing with Tyson' after 'his dog, Tyson': the pet, by its noun
        start = wording.absorb_article(text, start)
        new = wording.match_case(text[start:end], f"the {state.pets[d.person or '']}", text, start)
        return _replacement(state, d, start, end, new, rule + " (not on register) (a pet's name, by its noun)")
    start, core_start = wording.with_title(text, start)
    stem = (state.profile.others_professional if d.person in state.professionals
            else state.profile.others_child if d.person in state.children else state.profile.others)
    new = state.case_map.other_label(d.person or text[start:end].lower(), stem, state.written_labels.__contains__)
    return _replacement(state, d, start, end, new, rule + " (not on register)", core_start)


# An article, then capitalised words naming a service or a place, right before a role ('The Bolton').
_NAMED_SERVICE_BEFORE = re.compile(r"\b(?i:the|a|an)[ \t]+(?:[A-Z][\w'’&-]*[ \t]+)+$")


def _by_role(state: DecideState, d: Detection, rule: str) -> Replacement:
    """A professional by the role written beside their name ('the health visitor', 'Health Visitor 2');
    where the role stands beside this mention, role and name read as one mention: 'the health
    visitor, Amina Begum, visited' -> 'the health visitor visited'; 'Amina Begum (IRO)' -> 'the
    independent reviewing officer'; 'a health visitor, Jo Bell,' -> 'Health Visitor 2'; 'Midwife Jo
    Bell came' -> 'The midwife came'."""
    text = state.text
    role, label = state.roles[d.person or ""]
    start, core_start = wording.with_title(text, d.start)
    end, new = d.end, label
    also = f"; also written: {', '.join(role.also)}" if role.also else ""
    said = f"professional's role: {role.role}{also}" if role.role else "professional's role, from the case map"
    rule += f" (not on register) ({said}; label '{label}')"
    written = roles.written_role(text, d.start, d.end)
    if written is not None and written.close is not None:
        if written.side == "after":
            end = written.close
        elif label.startswith("the ") and written.stands:
            lead, apposed = start, roles.apposed_role(text, d.end)  # 'Reviewer: Helen Ashdown, independent reviewer'
            start, end, new = written.phrase_end, written.close, ""  # the role as written stays
            listed = roles.next_name_in_list(text, d.end, state.detections) if end == d.end else None
            if listed is not None:
                end, new = listed, " and "  # 'the manager, Jo Bell, DS Amy Lowe' -> 'the manager and Police Officer 1'
            if apposed is not None and ":" in text[start:lead]:
                start, end = lead, apposed[0]  # the field reads the role apposed: 'Reviewer: independent reviewer'
            elif apposed is not None and apposed[1] is not None:
                end = apposed[1]  # 'the reviewer, Jo Bell, an independent reviewer, met' -> 'the reviewer met'
            elif ":" in text[start:lead] and (comma := re.match(r",[ \t]*", text[end:])):
                start, end = lead, end + comma.end()  # 'Lead reviewer: Jo Bell, safeguarding consultant': the field goes on
        elif _NAMED_SERVICE_BEFORE.search(text, max(0, written.phrase_start - 60), written.phrase_start):
            # 'The Integrated Front Door social worker, Ms Ahmed, screened': the numbered label in the
            # apposition, the service's words kept ('... social worker, Social Worker 1, screened')
            start = core_start
        elif "," in text[written.phrase_end:d.start] and _MODIFIER_BEFORE.search(
                text, max(0, written.phrase_start - 40), written.phrase_start):
            # "the Council's Slovak and Romani interpreter, Mr Milan Dzurko": words before the role qualify
            # it, so the role stays as written and the name goes ('... Romani interpreter'), never '... the interpreter'
            start, end, new = written.phrase_end, written.close, ""
        else:
            start, end = written.phrase_start, written.close
            if text[start:start + 1].isupper() and re.search(r"(?:^|[|\t\n])[ \t]*$", text[max(0, start - 8):start]):
                new = new[:1].upper() + new[1:]  # '| School nurse Jo Bell notes' -> '| The school nurse notes'
        rule += " (role beside the name: one mention)"
    return _replacement(state, d, start, end, new, rule, core_start)


# A capitalised word or a possessive just before a role, on its line, qualifies the role ('Romani interpreter').
_MODIFIER_BEFORE = re.compile(r"(?<=[^\s.:;|(])[ \t]+(?:[A-Z][\w-]*|[\w-]+['’]s)[ \t]+$")


def _family_surname(state: DecideState, d: Detection, rule: str) -> Replacement:
    """'the Okafor family' -> 'the family'; the surname alone -> '[family name]'."""
    text, start, end = state.text, d.start, d.end
    fam = re.match(r"\s+(family|household|children|parents|home)\b", text[end:end + 12], re.I)
    if fam:
        start = wording.absorb_article(text, start)
        end += len(fam.group(0))
    new = "the " + fam.group(1).lower() if fam else "[family name]"
    plural = plural_household(state, d)
    if not fam and plural is not None:
        start, new = wording.absorb_article(text, start), plural  # 'she liked the Hewsons' -> 'the foster carers'
    return _replacement(state, d, start, end, new, rule + " (family surname)")


def _is_alias(written: str, who: Person, d: Detection) -> bool:
    """The mention is a nickname of `who`, not their name: one of the register's aliases or one the
    draft defines ('known as "Spud"'), which is none of the words of the name itself."""
    low = " ".join(written.lower().split())
    if low in who.name.lower().split() or low == who.name.lower():
        return False
    return alias_names.ALIAS_PHRASE in d.detectors or low in {a.lower() for a in who.aliases}


def _register_person(state: DecideState, d: Detection, who: Person, rule: str) -> Replacement:
    """The register's label for them; nothing where the role or an alias already stands beside the name."""
    text, start, end = state.text, d.start, d.end
    if plural_surname(text, start, end, who):
        # 'The Balogs reported her missing': the household, not one of them
        start = wording.absorb_article(text, start)
        return _replacement(state, d, start, end, "the family", rule + " (family surname, plural)")
    group = wording.family_group_surname(text, start, end, who.surname)
    if group is not None:  # 'the Tregothnan family': the household, and no one person's label
        return _replacement(state, d, start, group, "", rule + " (family surname before a group word)")
    end = surname_initial(text, end, who)  # 'Denisa H.': the initial is the surname's
    mode = state.profile.register_children if state.profile.is_child(who) else state.profile.register_adults
    new = state.case_map.register_label(who, state.register, mode, text)
    rule += f" (register {who.role}: {mode})"
    echo = (wording.role_echo(text, start, end, new) or wording.kin_echo(text, start, end)) if mode == "role" else None
    after = wording.role_after(text, end, new) if mode == "role" and echo is None else None
    done = state.decisions.replacements
    alias = wording.alias_beside(text, start, end, _end_of_last_mention(done, d.person), done[-1].start if done else None)
    if alias is None:  # '(known as Aga)', 'whom Ms Adebayo calls Dan', 'who prefers to be called Ty'
        alias = aliases.alias_after_mention(text, start, end, state.decisions.replacements, d.person)
    review = alias_names.review_letters_before(text, start)  # 'known in this review as "R"': the label
    told = aliases.predicate_alias(text, start, end, state.decisions.replacements, d.person) \
        if alias is None and not review else None
    if told is None and alias is None and _is_alias(text[start:end], who, d):
        told = alias_names.said_alias(text, start, end)  # 'the older boys called him "RJ"'
    if told is not None:  # 'Kieran is known to his friends as Kez'
        return _replacement(state, d, told[0], told[1], ANOTHER_NAME, rule + " (alias beside the name)")
    heading = aliases.role_heading(text, start, new) if mode == "role" and alias is None else None
    if alias is None and heading is None and (aliases.names_its_pseudonym(text, end, new)
                                              or alias_names.review_letters_after(text, end)):
        # 'Hope will be referred to as "Emily"' must not read 'Emily will be referred to as "Emily"'
        new = f"{'The' if aliases.opens_line(text, start) else 'the'} {who.role.lower()}"
        rule += " (the sentence naming the pseudonym)"
    if heading is not None:
        (start, end), new = (heading, end), ""
        rule += " (role heads the name)"
    elif alias is not None:
        # 'Sarah Okafor, known as Sal, the mother, said': the role after the alias goes with it
        role = wording.role_after(text, alias[1], new) if mode == "role" else None
        (start, end), new = (alias[0], role[0] if role else alias[1]), ""
        rule += " (alias beside the name)"
    elif echo is not None:
        (start, end), new = echo, ""
        rule += " (role already named)"
    elif after is not None:
        end, new = after
        rule += " (role already named)"
    return _replacement(state, d, start, end, new, rule)


# An event's noun and 'of' right before a day: 'the referral of 3 October' (its 'of' reads 'in' once the day goes).
_NOUN_OF = re.compile(rf"\b(?i:{vocabulary.alternation(vocabulary.entries('event_nouns'))})s?[ \t]+(of)[ \t]+$")


def month_and_year(state: DecideState, d: Detection, policy: EntityPolicy, rule: str) -> Replacement | None:
    """'on 14 March 2019' -> 'in March 2019'; a duration or an age is left as written."""
    text, start = state.text, d.start
    original = text[d.start:d.end]
    core = dates.core_start(text, d.start, d.end)
    coarse = month_year(text[core:d.end])
    if coarse is not None and coarse.split() != text[core:d.end].split() and not _added(d):
        # the words before the day change with it: 'On the morning of 14 March' -> 'One morning in March'
        framed = dates.frame(text, d.start, d.end, coarse)
        if framed is not None:
            return _replacement(state, d, framed.start, d.end, framed.new,
                                rule + ("" if framed.plain else " (date wording)"), framed.core, cased=True)
    new = month_year(original)
    if new is None:
        if not _CALENDAR.search(original) and not _added(d):
            return None  # 'six months', 'aged 7 weeks': a duration or an age, not a date
        if not _DAY_LEVEL.search(_YEAR_SPAN.sub(" ", original)) and not _added(d):
            return None  # 'Christmas 2023', 'the summer of 2019': coarser than a day, kept as written
        new = "[date]"
    if new.split() == original.split():
        if not _added(d):
            return None  # already only a month and year: nothing to change
        new = "[date]"  # the reviewer wants even the month and year gone
    on = wording.on_date(text, start)
    of = _NOUN_OF.search(text, max(0, start - 30), start) if on is None and _DAY_LEVEL.search(original) else None
    if of is not None and not new.startswith("["):  # 'the referral of 3 October' -> 'the referral in October'
        on = of.start(1)
    if on is not None and not new.startswith("["):
        return _replacement(state, d, on, d.end, dates.cased(text[on:d.end], "in " + new), rule, cased=True)
    if (not new.startswith("[") and _DAY_LEVEL.search(_YEAR_SPAN.sub(" ", original)) and _bare_date_before(text, start)
            and original.split()[0].lower() not in _DATE_GOVERNORS  # 'between 3 May and 9 June' has its own
            and not _RANGE_TO_DATE.match(text, d.end) and not _RANGE_IN.search(new)):  # 'is 1 May to 30 June': the range is what it is
        new = "in " + new  # 'was interviewed 02/09/2022': a day stood alone there; a month needs its 'in'
    return _replacement(state, d, start, d.end, new, rule)


# A word that takes a day with no preposition but a month only with 'in' ('seen 3 March' / 'seen in
# March'): a lower-case word, or a capitalised one opening the line, that is no word a date follows.
_BARE_DATE_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?P<word>[a-z][a-z'’-]*)|(?:^|[.!?][ \t]+)[ \t]*(?P<opening>[A-Z][a-z]+))[ \t]+$", re.M)
_DATE_GOVERNORS = vocabulary.words("determiners") | frozenset({
    "on", "in", "at", "by", "of", "to", "and", "or", "from", "until", "till", "since", "before", "after", "between",
    "the", "dated", "during", "than", "around", "about", "circa", "c", "approximately", "date"})


# A date's range goes on to another: 'the period is 1 January 2020 to 30 June 2021' needs no 'in'.
_RANGE_TO_DATE = re.compile(rf"[ \t]*(?:to|until|till|[-–—])[ \t]*(?:\d|(?:{_MONTH_WORDS})\b)", re.I)
_RANGE_IN = re.compile(r"\s(?:to|until|till|[-–—])\s", re.I)  # 'May 2021 - June 2021': still a range


def _bare_date_before(text: str, start: int) -> bool:
    m = _BARE_DATE_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and (m.group("word") or m.group("opening") or "").lower() not in _DATE_GOVERNORS


def institution(state: DecideState, d: Detection, policy: EntityPolicy, rule: str) -> Replacement:
    """A named school, practice or organisation becomes its kind: 'the primary school'."""
    start = wording.absorb_article(state.text, d.start)
    new = d.meta.local_kind or institution_text(d.entity, state.text[start:d.end])
    echo = wording.kind_echo(state.text, start, d.end, new)
    if echo is not None:  # 'the nursery (the Easton Early Years Centre)' would read 'the nursery (the nursery)'
        return _replacement(state, d, echo[0], echo[1], "", rule + " (already named)")
    told = wording.kind_echo_after(state.text, start, d.end, new)
    if told is not None:  # 'Kingfisher Ward, the children's ward,' would read 'the ward, the children's ward,'
        return _replacement(state, d, start, told[0], told[1], rule + " (named after)")
    start, new = wording.after_indefinite(state.text, start, new)
    end = d.end
    if new.lower().startswith("the ") and _WORKPLACE_AFTER.match(state.text, end):
        new += "'s"  # 'the Acme Freight depot' -> "the employer's depot"
    place = _PLACE_AFTER.match(state.text, end)
    if place and is_place(place.group(1)):
        end = place.end()  # 'University Hospital Lewisham': the place it is named after is part of its name
        rule += " (its place with it)"
    return _replacement(state, d, start, end, new, rule)


_WORKPLACE_AFTER = re.compile(rf"[ \t]+(?:{vocabulary.alternation(vocabulary.entries('workplace_words'))})(?![\w'’-])", re.I)
# One capitalised word after the name and nothing capitalised after it ('Leeds Road' is a street).
_PLACE_AFTER = re.compile(r"[ \t]+([A-Z][a-z][\w'’-]*)(?![\w'’-]|[ \t]+[A-Z])")


def fixed_text(state: DecideState, d: Detection, policy: EntityPolicy, rule: str) -> Replacement:
    """The profile's text ('[place]'), or the type's label; a register address by what the register
    says of it (decide.addresses)."""
    start, end = d.start, d.end
    if d.entity == E.ADDRESS and d.meta.register_address and d.meta.address_of:
        new, why = address_text(state.register, d.meta.address_of, policy)
        rule += f" (register address: {why})"
        echo = wording.place_echo(state.text, start, end, new)
        if echo is not None:
            (start, end), new = echo, ""
            rule += " (already named)"
        elif re.search(rf"\b{re.escape(new)}[ \t]+(?:was|is|had been|has been|became)[ \t]+$",
                       state.text[max(0, start - 60):start], re.I):
            new = policy.text or "[address]"  # 'The family home was 14 Elm Road': not 'was the family home'
            rule += " (its label is the sentence's subject)"
        else:
            start, end = label_in_place(state.text, start, end, new)
    else:
        new = policy.text or f"[{E.ENTITY_TYPES[d.entity].label}]"
    dwelling = wording.dwelling_echo(state.text, start, end) if d.entity == E.ADDRESS and new else None
    if dwelling is not None:  # 'her grandmother's house at 16 Ashdown Close': the house is named already
        (start, end), new = dwelling, ""
        rule += " (named by its kind before it)"
    if d.entity == E.ADDRESS:  # 'at 15 Elm Road, Leigh, until May': the comma closed the address only
        start, end = with_number_word(state.text, start), address_closing_comma(state.text, start, end, state.text[d.start:d.end])
    return _replacement(state, d, start, end, new, rule)


ACTIONS: dict[str, Action] = {
    "person": person,
    "month_year": month_and_year,
    "remove": fixed_text,
    "replace": fixed_text,
    "institution": institution,
    "flag": flag,
    # The keep rules drop a kept type before anything is chosen; what reaches here none the less
    # (a name another step re-read as a kind the profile keeps) goes as its label, as it always has.
    "keep": fixed_text,
}

# config owns the names (it may not import decide); this registry must cover exactly them.
if set(ACTIONS) != set(ACTION_NAMES):
    raise RuntimeError(f"decide.actions covers {sorted(ACTIONS)}, the profile schema names {sorted(ACTION_NAMES)}")
