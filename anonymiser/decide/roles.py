"""A professional's label from the role the draft writes beside their name (issue 13).

'the health visitor, Amina Begum', 'Amina Begum, the allocated health visitor,', 'Amina Begum (IRO)',
'Dr Rao, the consultant paediatrician': a role written right beside a mention, in the same tight
adjacency decide.people reads professionals from, is that person's role. The role is read only from
the vocabulary (models/vocabulary/professional_roles.txt and role_modifiers.txt), so no word of a
name can ever be taken into a label; it is normalised to the singular, in lower case (an initialism
kept in capitals or spelled out where the vocabulary says how it reads).

Where no role stands beside a mention, the service written after it may give one ('Tara Quinn from the
Youth Offending Service': 'the youth offending worker', name and service one mention), and the
sentence's predicate may ('Jane Smith became Megan's social worker'; decide.role_evidence). A person
a predicate gives the role their label would have is numbered at every mention ('Social Worker 1'),
so no sentence reads 'the social worker became Megan's social worker'.

A person's role is the one their mentions carry most often (the first on a tie); the others are
noted in the audit. The label is 'the health visitor' when one person in the case has the role,
'Health Visitor 1', 'Health Visitor 2' in order of first mention when several do (the case map keeps
them across documents). Where the role already stands beside the name, the two are one mention:
'the health visitor, Amina Begum, visited' reads 'the health visitor visited', never 'the health
visitor, the health visitor, visited'.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.role_evidence import predicate_role, service_role
from anonymiser.decide.role_words import DET, PHRASE, ROLES, SERVICE_WORKERS, normalise
from anonymiser.decide.wording import with_title

# The role right before the mention, joined by spaces, a comma, a colon or a bracket on one line.
# A role spelled out may carry its initialism in brackets before the joint: 'an Independent Domestic
# Violence Advisor (IDVA), Ms Carol Whitby,'.
_INITIALISM = r"(?:[ \t]*\((?-i:[A-Z][A-Za-z]{1,7})\))?"
_BEFORE = re.compile(rf"(?<![\w'’-])(?:(?P<det>{DET})\s+)?{PHRASE}{_INITIALISM}(?P<joint>[ \t]*[,:(][ \t]*|[ \t]+)$", re.I)
# The role in an apposition or brackets right after it ('Amina Begum, who was the health visitor,').
_AFTER = re.compile(rf"(?P<joint>[ \t]*[,(][ \t]*)(?:who\s+(?:is|was)\s+|as\s+)?(?:(?P<det>{DET})\s+"
                    rf"|(?P<owner>(?-i:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)['’]s\s+))?{PHRASE}{_INITIALISM}", re.I)
# The comma that closes an apposition before the sentence goes on ('the health visitor, Amina Begum,
# visited'), not one that opens a list's next item, a clause or a date ('Amina Begum, the health
# visitor, the GP and ...'; 'the health visitor, Amina Begum, who ...'; 'Jo Bell, Reviewer, 14 March').
# What follows such a comma is a word of the sentence going on: lower case, and no e-mail or web address
# ('Jo Bell, independent reviewer, jo.bell@example.org': the comma is the list's).
_GOES_ON = r"(?=\s*[a-z][a-z'’-]*(?![\w@]|\.\w))"
_CLOSING_COMMA = re.compile(
    rf"[ \t]*,{_GOES_ON}(?!\s*(?:who|whom|whose|which|where|her|his|their|the|a|an|and|or|known|called|nicknamed|also)\b)")
# A name set off by commas after its role closes with its comma before 'and' or 'or' too: both commas
# go with it ('chaired by the team manager, Jo Bell, and attended by' -> 'the team manager and attended
# by'). After a role written after a name ('Jo Bell, the GP, and the nurse') the comma is the list's.
_APPOSED_CLOSE = re.compile(
    rf"[ \t]*,{_GOES_ON}(?!\s*(?:who|whom|whose|which|where|her|his|their|the|a|an|known|called|nicknamed|also)\b)")
# What an apposition after a name may say of its role besides, up to its closing comma and the sentence
# going on, or the clause's end: 'Jo Bell, the health visitor from the Trust, carried out'.
ROLE_QUALIFIER = re.compile(r"([ \t]+(?:from|at|in|with|for|of|on)[ \t]+[^,;:.!?()\n\"“]{1,80}?)"
                            r"(?:[ \t]*,(?=[ \t]+[a-z])|(?=[ \t]*(?:[.;:!?\n]|$)))")
# The role, with its article, then what it is at or who it is, set off by a comma before the name: 'her
# class teacher at Fernlea Primary School, Mrs Hartley'; 'the MASH social worker who screened it, Priya
# Sandhu', 'the social worker who took over the case, Marcus Fielding'. The place ends in an organisation's
# word or a local body's ('FC'), which no person is; the clause holds no noun for a person after an article
# or a possessive, which the name could be apposed to ('who visited the mother, Jo').
_POST_DETS = r"(?:the|an?|her|his|their|its|this|that|these|those|my|our|your|[a-z]+['’]s)"
# A noun for a person, which the name after the clause may be apposed to ('who visited the mother, Jo').
_PEOPLE = vocabulary.alternation(sorted({*vocabulary.entries("family_words", "child_roles"),
                                         *vocabulary.having("person_cues", "noun"),
                                         *(e.split()[-1] for e in ROLES)}, key=len, reverse=True))
_BEFORE_POST = re.compile(
    rf"(?<![\w'’-])(?P<det>{DET}|(?-i:[A-Z][a-z]+)['’]s)\s+{PHRASE}"
    rf"(?P<post>[ \t]+(?-i:at|from|in|of|with)[ \t]+(?:the[ \t]+)?(?:[\w'’&-]+[ \t]+){{0,5}}?"
    rf"(?:{vocabulary.alternation(vocabulary.entries('organisation_words') + vocabulary.entries('local_organisation_words'))})"
    # or whom or what it serves, in lower case ('the named midwife for safeguarding, Carol Ashworth')
    rf"|[ \t]+(?-i:for)[ \t]+(?:the[ \t]+)?(?-i:[a-z][\w'’-]*)(?:[ \t]+(?-i:[a-z][\w'’-]*)){{0,3}}"
    rf"|[ \t]+(?-i:who|that)(?:[ \t]+(?!{_POST_DETS}[ \t]+(?:[a-z-]+[ \t]+)?(?:{_PEOPLE})s?(?![\w'’-]))(?-i:[a-z]+)){{1,5}}"
    # or a place's name alone, of capitalised words, where it works ('the support worker at Oakfield
    # House, Ben Platt'): no possessive in it, so no name in it owns the role ('at Jo Bell's, ...')
    # A saint's possessive is a body's name, never a person's ('the lead at St Wilfrid's, Joan Pell').
    rf"|[ \t]+(?-i:at|from|in)[ \t]+(?:the[ \t]+)?(?-i:(?:St\.?|Saint)[ \t]+[A-Z][\w-]*['’]s|[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){{0,4}}))"
    rf"(?P<joint>[ \t]*,[ \t]*)$", re.I)
_POST_WINDOW = 160
_ENDS_CLAUSE = re.compile(r"[ \t]*(?=[.;:!?\n]|$)")
_POSSESSIVE = re.compile(r"['’]s?\b")
# 'Amina Begum, the health visitor, Jo Bell, the GP': a role in an apposition after another name is
# that name's, not the next one's.
_AFTER_A_NAME = re.compile(r"(?P<before>\S?)[ \t]*(?P<word>[A-Z][\w'’-]*)[ \t]*,[ \t]*$")
_NOT_NAMES = vocabulary.SENTENCE_STARTERS | vocabulary.lower(vocabulary.MONTHS + vocabulary.WEEKDAYS)
_WINDOW = 90  # how far before a mention its role's words may begin
_OWNED = re.compile(r"['’]s?[ \t]+$")
# 'with a Somali interpreter, Mr Yusuf Abdi': an article and words the role lists do not know open
# the role's noun phrase, so the role as written reads on its own once the name goes.
_QUALIFIED = re.compile(r"(?<![\w'’-])(?:a|an|the|her|his|their|our|its|this|that|another)[ \t]+(?:[\w'’-]+[ \t]+){1,3}$", re.I)  # "Dr Brynmor's practice manager, Ceri Vale": the role has its owner
# The last word of every role, for a quick look before the full search ('visitor', 'GP', 'midwives').
_LAST_WORDS = frozenset(e.split()[-1].lower() for e in ROLES)
# A title in the mention's span that is a role's last word: 'Nurse' of 'Nurse Polly Hanlon'.
_ROLE_TITLE = re.compile(r"([A-Z][a-z]+)[ \t]+(?=[A-Z])")
_LAST_WORD = re.compile(r"([\w-]+)(?:[ \t]*\([A-Z][A-Za-z]{1,7}\))?[ \t]*[,:(]?[ \t]*$")
# A police officer's title or rank opening the mention ('PC Jo Bell', 'Det Sgt Bell'; titles.txt 'police'):
# with no other role beside the name it is the role, so several officers are numbered alike.
_POLICE_TITLE = re.compile(rf"(?:{vocabulary.alternation(vocabulary.titles('police'))})\.?[ \t]+(?:\d{{2,6}}[ \t]+)?(?=[A-Z])")
POLICE_OFFICER = "police officer"
# A title that is its holder's role ('Imam Yusuf Patel', 'Pastor Eli Taylor'; titles.txt 'role').
_OWN_ROLE_TITLE = re.compile(rf"(?P<title>{vocabulary.alternation(vocabulary.titles('role'))})\.?[ \t]+(?=[A-Z])")
# An aside after an apposed name that speaks only of the name (name_asides.txt), to its closing comma.
_ASIDES = vocabulary.alternation(vocabulary.entries('name_asides'))
_NAME_ASIDE = re.compile(rf"[ \t]*(?:{_ASIDES})(?![\w'’-])[^,.;:\n()]{{0,80}},", re.I)
# The same aside in brackets right after the name, then the apposition's comma: '(no relation to ...),'.
_BRACKET_ASIDE = re.compile(rf"[ \t]*\([ \t]*(?:{_ASIDES})(?![\w'’-])[^()\n]{{0,80}}\)(?=[ \t]*,)", re.I)


def _after_a_name(text: str, pos: int) -> bool:
    """A capitalised word and a comma stand before `pos`, and the word is no sentence's first word
    ('However, the health visitor, ...'), month or weekday: most likely a name with its apposition."""
    m = _AFTER_A_NAME.search(text, max(0, pos - 40), pos)
    return bool(m and m.group("word").lower() not in _NOT_NAMES and m.group("before") not in (".", "!", "?", ""))


@dataclass(frozen=True)
class WrittenRole:
    """A role written beside one mention, and how the mention and the role may read as one."""

    role: str  # normalised: 'health visitor', 'GP', 'independent reviewing officer'
    side: str  # 'before' or 'after' the mention
    phrase_start: int  # where the role's words begin, with their article ('the health visitor')
    phrase_end: int  # where they end
    close: int | None  # where the one mention of role and name would end; None: they stay apart (a plural)
    plural: bool = False  # 'the health visitors, Amina Begum and Jo Bell': others share the role
    # the role reads on its own once the name goes: it has its article ('the health visitor, Amina
    # Begum') or heads a field ('Health Visitor: Amina Begum'), not a bare title ('Midwife Jo Bell')
    stands: bool = False


@dataclass(frozen=True)
class PersonRole:
    """The role of one person not on the register, from all their mentions."""

    role: str
    also: tuple[str, ...] = ()  # other roles written beside them, noted in the audit
    alone: bool = True  # the only person of the document with this role, never written in the plural
    # a sentence gives them the role ('Jane Smith became Megan's social worker'), which 'the social
    # worker' would restate there: they are numbered ('Social Worker 1') at every mention
    restated: bool = False


def _closing(text: str, pos: int, bracket: bool) -> int | None:
    """Where an apposition or a bracket opened before `pos` closes, if it closes at `pos`."""
    if bracket:
        m = re.match(r"[ \t]*\)", text[pos:pos + 4])
        return pos + m.end() if m else None
    comma = _CLOSING_COMMA.match(text, pos)
    if comma:
        return comma.end()
    if re.match(r"[ \t]*(?:,|[–—][ \t]|-[ \t])", text[pos:pos + 3]) or _ENDS_CLAUSE.match(text, pos):
        return pos  # the comma goes on to the next item, or a dash to the next part of a line: keep it
    return None


def written_role(text: str, start: int, end: int) -> WrittenRole | None:
    """The role written right beside the mention text[start:end], if any."""
    possessive = _POSSESSIVE.match(text, end) is not None  # 'the health visitor, Amina Begum's manager'
    lead, _ = with_title(text, start)
    window = max(0, lead - _WINDOW)
    last = _LAST_WORD.search(text, max(0, lead - 40), lead)
    word = last.group(1).lower() if last else ""
    m = _BEFORE.search(text[window:lead]) if word in _LAST_WORDS or word[:-1] in _LAST_WORDS else None
    if m is None and text[max(0, lead - 3):lead].rstrip().endswith(","):
        window = max(0, lead - _POST_WINDOW)
        m = _BEFORE_POST.search(text[window:lead])
        if m and m.group("plural"):
            m = None
    head = _ROLE_TITLE.match(text, start, end)
    if head and head.group(1).lower() in _LAST_WORDS and head.group(1).lower() in vocabulary.NAME_TITLES \
            and (m is None or normalise(m.group("mods"), m.group("role")) is None):
        m = _BEFORE.search(text[window:head.end()]) or m  # 'Staff Nurse Polly Hanlon': the title ends the role
    if m and m.group("joint").strip() and _after_a_name(text, window + m.start()):
        m = None  # 'Jo Bell, the health visitor, Amina Begum': whose role it is is unclear; 'the GP Amina Begum' is hers
    if m and possessive and m.group("joint").strip():
        return None  # 'the health visitor, Amina Begum's manager': the role is someone else's
    if m:
        role = normalise(m.group("mods"), m.group("role"))
        joint = m.group("joint")
        if role:
            close = None
            if "(" in joint:
                close = _closing(text, end, True)  # '(Amina Begum' and more is no name alone
            elif not m.group("plural"):
                bracket = _BRACKET_ASIDE.match(text, end) if "," in joint else None
                comma = _APPOSED_CLOSE.match(text, bracket.end() if bracket else end) if "," in joint else None
                service = service_role(text, end) if "," in joint and comma is None else None
                if service is not None and service.close is not None:
                    # 'the youth offending worker, Leon Platt of the Youth Justice Service, began': the
                    # service is said by the role already, and no comma is left before the verb
                    comma = _APPOSED_CLOSE.match(text, service.close)
                close = comma.end() if comma else end
                aside = _NAME_ASIDE.match(text, close) if comma else None
                close = aside.end() if aside else close  # 'Jo Bell, no relation to the GP of that name,': of the name only
            if "(" not in joint or close is not None:
                stands = bool(m.group("det") or ":" in joint or _OWNED.search(text, window, window + m.start())
                              or _QUALIFIED.search(text, window, window + m.start()))
                return WrittenRole(role, "before", window + m.start(), window + m.start("joint"),
                                   None if m.group("plural") else close, bool(m.group("plural")), bool(stands))
    m = None if possessive else _AFTER.match(text, end)  # 'Staff Nurse Rook's action' had only its title beside it
    if m:
        role = normalise(m.group("mods"), m.group("role"))
        close = _closing(text, m.end(), "(" in m.group("joint"))
        if role and close is not None:
            return WrittenRole(role, "after", m.start(), m.end(), None if m.group("plural") else close,
                               bool(m.group("plural")))
        if role and "(" not in m.group("joint") and ROLE_QUALIFIER.match(text, m.end()):
            # 'Jo Bell, the health visitor from the Trust, carried out': hers, the qualifier kept with it
            # (decide/restated_roles.py), so no one mention of role and name
            return WrittenRole(role, "after", m.start(), m.end(), None, bool(m.group("plural")))
    if possessive:
        return None
    police = _POLICE_TITLE.match(text, lead)
    if police is not None and police.end() <= end:
        return WrittenRole(POLICE_OFFICER, "before", lead, police.end(), end)  # 'PC Jo Bell' -> 'Police Officer 2'
    titled = _OWN_ROLE_TITLE.match(text, lead)
    if titled is not None and titled.end() <= end:
        return WrittenRole(titled.group("title").lower(), "before", lead, titled.end(), end)  # 'the imam'
    service = service_role(text, end)  # 'Tara Quinn from the Youth Offending Service': its worker
    if service is not None and service.role:
        return WrittenRole(service.role, "after", service.start, service.close or service.start, service.close)
    return None


_NEXT_ITEM = re.compile(r"[ \t]*,[ \t]*")


def next_name_in_list(text: str, end: int, detections: list[Detection]) -> int | None:
    """Where the comma ends that parts the name ending at `end` from another person's name in a list
    ('the team manager, Jo Bell, DS Amy Lowe of ..., and ...'), if one does: once role and name read as
    one mention, that comma would set the next name in apposition to the role, as if one person."""
    comma = _NEXT_ITEM.match(text, end)
    if comma is None:
        return None
    nxt = next((d for d in detections if d.entity == E.PERSON and comma.end() <= d.start <= comma.end() + 30
                and with_title(text, d.start)[0] == comma.end()), None)  # 'DS Amy Lowe': the title may lie outside the span
    if nxt is None or _POSSESSIVE.match(text, nxt.end):
        return None  # 'Jo Bell, Amy Lowe's manager': an apposition about Jo Bell
    return comma.end()


def apposed_role(text: str, end: int) -> tuple[int, int | None] | None:
    """A role in an apposition with a comma right after a mention: where its words begin and where the
    apposition closes, if it does (', independent reviewer' of 'Reviewer: Helen Ashdown, independent reviewer')."""
    m = _AFTER.match(text, end)
    if m is None or "(" in m.group("joint") or normalise(m.group("mods"), m.group("role")) is None:
        return None
    return m.end("joint"), _closing(text, m.end(), False)


_LIST_JOINT = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)")


def _lists(text: str, people: list[Detection]) -> list[list[int]]:
    """Runs of mentions (indexes into `people`, in order of place) written as one list: 'A, B and C'."""
    runs: list[list[int]] = []
    for i, d in enumerate(people):
        if runs and _LIST_JOINT.fullmatch(text, people[runs[-1][-1]].end, d.start):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) > 1]


# The words of a role that name the team or service it sits in ('the MASH social worker'), not which role
# it is: an agency's name (agency_workers.txt) that role_modifiers.txt does not list.
_KINDS = vocabulary.lower(vocabulary.entries("role_modifiers"))
_SERVICE_WORDS = frozenset(w for w in SERVICE_WORKERS if w not in _KINDS)


def _bare(role: str) -> str:
    """The role less the services named before it: 'MASH social worker' -> 'social worker'; the role as
    it is where what is left is no role alone ('housing officer', never 'officer')."""
    words = role.split()
    while len(words) > 1 and words[0].lower() in _SERVICE_WORDS:
        words = words[1:]
    bare = " ".join(words)
    return bare if normalise("", bare) == bare else role


def _one_kind(chosen: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """People whose roles differ only by the service named before one ('the MASH social worker', 'the
    social worker') hold one role, so they are numbered alike ('Social Worker 1', 'Social Worker 2')."""
    kinds: dict[str, set[str]] = {}
    for role, _ in chosen.values():
        kinds.setdefault(_bare(role), set()).add(role)
    return {key: ((_bare(role), (*also, role)) if len(kinds[_bare(role)]) > 1 else (role, also))
            for key, (role, also) in chosen.items()}


def people_roles(text: str, detections: list[Detection]) -> dict[str, PersonRole]:
    """Each person not on the register whose mentions carry a role, by key, in order of first mention."""
    seen: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    shared: set[str] = set()  # roles the draft writes in the plural beside a name
    people = [d for d in sorted(detections, key=lambda d: d.start)
              if d.entity == E.PERSON and d.person and d.person.startswith("other:")]
    found = [written_role(text, d.start, d.end) for d in people]
    for run in _lists(text, people):
        # 'the social workers, Eira Blaen and Huw Tregaron': every name of the list has the plural role
        plural = next((r for r in (found[i] for i in run) if r is not None and r.plural), None)
        for i in run if plural else ():
            found[i] = found[i] or plural
    said: dict[str, set[str]] = {}  # the roles a sentence's predicate gives each person
    for d, role in zip(people, found):
        first.setdefault(d.person or "", d.start)
        if role:
            seen.setdefault(d.person or "", []).append(role.role)
            if role.plural:
                shared.add(role.role)
        told = predicate_role(text, d.start, role.close if role and role.side == "after" and role.close else d.end)
        if told:
            said.setdefault(d.person or "", set()).add(told)
            if not role:
                seen.setdefault(d.person or "", []).append(told)
    chosen: dict[str, tuple[str, tuple[str, ...]]] = {}
    for key in sorted(seen, key=first.__getitem__):
        roles = seen[key]
        counts = Counter(roles)
        best = max(counts, key=lambda r: (counts[r], -roles.index(r)))  # the most frequent; the first on a tie
        chosen[key] = best, tuple(r for r in counts if r != best)
    chosen = _one_kind(chosen)
    holders = Counter(role for role, _ in chosen.values())
    return {key: PersonRole(role, also, holders[role] == 1 and role not in shared, role in said.get(key, ()))
            for key, (role, also) in chosen.items()}
