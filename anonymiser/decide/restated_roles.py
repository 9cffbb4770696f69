"""A role label followed by an apposition that only restates it: 'Mother, mother of Megan,' -> 'Mother';
a bracket that only gives the name of the role its line has just written: 'Mother – mother of Child T
(Roxanne Pemberton)' -> 'Mother – mother of Child T'; and a copula whose subject is the label's role:
"Megan's mother is Mother" -> "Mother is Megan's mother"."""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.names import is_first_name
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement
from anonymiser.decide.aliases import NAMING
from anonymiser.decide.roles import ROLE_QUALIFIER
from anonymiser.decide.wording import LIST_GOES_ON

# What opens the apposition right after the label, and what may stand before its role.
_OPEN = re.compile(r"[ \t]*(?P<mark>[,(])[ \t]*")
_DET = re.compile(r"(?:the|her|his|their)[ \t]+", re.I)
_POSSESSIVE = re.compile(r"['’]s?[ \t]+")
_OF = re.compile(r"[ \t]+of[ \t]+", re.I)
# Where an apposition opened by a comma ends: its own comma before the sentence goes on, or the
# clause's end (kept); one opened by a bracket ends at the bracket.
_CLOSE_COMMA = re.compile(r"[ \t]*,|[ \t]*(?=[.;:!?\n]|$)")
_CLOSE_BRACKET = re.compile(r"[ \t]*\)")
# The rest of a bracket after the role and a comma: '(housing officer, Shire Council)'.
_BRACKET_REST = re.compile(r"[ \t]*,[ \t]*()(?=[^()\n]{1,80}\))")
# The mention opens a line of a list or table of fields ('- Dean Price, paternal uncle, DOB ...').
_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·–]|\d+[.)])[ \t]+$")


@lru_cache(maxsize=4096)
def role_pattern(label: str) -> re.Pattern[str] | None:
    """The label as a role written in running text ('Mother' -> 'mother'); None for a name or a
    numbered label, which no apposition restates."""
    words = label.split()
    words = words[1:] if words[:1] in (["the"], ["The"]) else words
    if not words or any(len(w) < 2 or not re.sub(r"['’]s$", "", w).isalpha() for w in words) \
            or (len(words) == 1 and is_first_name(words[0])):
        return None  # 'Adult A', 'Foster Carer 1'; a pseudonym ('Megan'); "Father's Partner" is a role
    escaped = (re.sub(r"['’]", "['’]", re.escape(w)) for w in words)  # either apostrophe
    return re.compile(r"[ \t]+".join(escaped) + r"(?![\w'’-])", re.I)


def _same_kind(role: re.Pattern[str]) -> re.Pattern[str]:
    """A role ending in the same noun as `role`, one or two words before it: 'triage nurse' for 'staff nurse'."""
    head = role.pattern.split(r"[ \t]+")[-1]
    return re.compile(rf"(?-i:[a-z][\w-]*[ \t]+){{1,2}}?(?i:{head})")


def _person_at(reps: list[Replacement], i: int, pos: int) -> int | None:
    """The index of a register person's replacement after reps[i] that starts at `pos`, if any: the
    family the label's role is of ('mother of Megan'), not someone the draft names in passing."""
    return next((j for j in range(i + 1, min(i + 4, len(reps))) if reps[j].start == pos
                 and reps[j].entity == E.PERSON and not (reps[j].person or "other:").startswith("other:")), None)


def _qualified(text: str, reps: list[Replacement], i: int, pos: int,
               mark: str) -> tuple[int, list[int], str] | None:
    """After the restated role at `pos`, what the apposition says of it besides, the replacements inside
    it, and where the span that goes then ends: ' from the Trust,' (kept, with what is replaced in it,
    and the closing comma goes: 'The health visitor from the Trust carried out'), or ', Shire Council)'
    of a bracket (kept: 'The housing officer (Shire Council)'). None where it is no qualifier."""
    if mark == "(":
        m = _BRACKET_REST.match(text, pos)
        return (m.end(1), [], " (") if m and not any(pos <= q.start < m.end(1) for q in reps[i + 1:i + 3]) else None
    m = ROLE_QUALIFIER.match(text, pos)
    if m is None:
        return None
    inside = [j for j in range(i + 1, min(i + 8, len(reps))) if pos <= reps[j].start < m.end()]
    if any(reps[j].end > m.end(1) for j in inside):
        return None
    tail, at = "", pos
    for j in inside:
        tail += text[at:reps[j].start] + reps[j].replacement
        at = reps[j].end
    return m.end(), inside, tail + text[at:m.end(1)]


def _restatement(text: str, reps: list[Replacement], i: int,
                 role: re.Pattern[str]) -> tuple[int, list[int], str] | None:
    """Where the apposition after reps[i] that says only its role ends ('mother of Megan', "Megan's
    mother", 'the mother'), with the people replaced inside it and what of it reads on after the label
    (a qualifier: ' from the Trust'); None if it says more."""
    at, gone = reps[i].end, list[int]()
    while i + 1 + len(gone) < len(reps) and reps[i + 1 + len(gone)].start == at \
            and not reps[i + 1 + len(gone)].replacement.strip():
        at = reps[i + 1 + len(gone)].end  # ' (known as Deano)' gone already: the apposition follows it
        gone.append(i + 1 + len(gone))
    opened = _OPEN.match(text, at)
    if opened is None:
        return None
    pos, inner = opened.end(), []
    det = _DET.match(text, pos)
    pos = det.end() if det else pos
    owner = _person_at(reps, i, pos)  # "Megan's mother"
    if owner is not None:
        own = _POSSESSIVE.match(text, reps[owner].end)
        if own is None:
            return None
        pos, inner = own.end(), [owner]
    said = role.match(text, pos)
    if said is None and not inner and (reps[i].person or "").startswith("other:"):
        # 'Staff Nurse Jo Bell, the triage nurse in the Emergency Department,': a professional's other
        # role of the same kind, which the one label stands for
        said = _same_kind(role).match(text, pos)
    if said is None:
        return None
    pos = said.end()
    of = _OF.match(text, pos) if not inner else None  # 'mother of Megan'
    if of is not None:
        child = _person_at(reps, i, of.end())
        if child is None:
            return None
        pos, inner = reps[child].end, [child]
        if LIST_GOES_ON.match(text, pos):
            return None  # 'mother of Kai, Summer and Hope': a list of her children, not one
    close = (_CLOSE_BRACKET if opened.group("mark") == "(" else _CLOSE_COMMA).match(text, pos)
    if close is None:
        qualified = _qualified(text, reps, i, pos, opened.group("mark")) if not inner else None
        return None if qualified is None else (qualified[0], qualified[1] + gone, qualified[2])
    if opened.group("mark") == "," and close.group(0).strip() == "," and _ITEM_START.search(
            text, max(0, reps[i].start - 8), reps[i].start):
        return pos, inner + gone, ""  # '- Dean Price, paternal uncle, date of birth ...': the comma parts the item's fields
    return close.end(), inner + gone, ""


def drop_restated_roles(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """A person's role label with an apposition after it that says the same role of the same family
    ('Dawn Ames, mother of Kayla,' would read 'Mother, mother of Megan,'): the apposition goes with the
    name, as an alias phrase does ('Mother attended'), noted in the rule. In order of place."""
    reps = sorted(replacements, key=lambda r: (r.start, r.end))
    gone: set[int] = set()
    for i, r in enumerate(reps):
        role = role_pattern(r.replacement.strip()) if r.entity == E.PERSON and i not in gone else None
        found = _restatement(text, reps, i, role) if role else None
        if found is None:
            continue
        end, inner, tail = found
        for j in inner:
            gone.add(j)
            r.core = (min(r.core[0], reps[j].core[0]), max(r.core[1], reps[j].core[1]))
        r.end, r.replacement = end, r.replacement + tail
        r.original = text[r.start:r.end]
        trail, _, rest = r.rule.partition(": ")
        r.rule = f"{trail} > {says}: the apposition after the label '{r.replacement.strip()}' restates it ({rest})"
    kept = drop_restated_namings(text, [r for j, r in enumerate(reps) if j not in gone], says)
    drop_names_after_kinship(text, kept, says)
    mark_restated_cells(text, kept, says)
    return swap_restated_copulas(text, drop_restated_brackets(text, kept, says), says)


# 'which is referred to in this report as ': what stands before a name a clause gives the thing just named.
_NAMING_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:(?:which|who|that)[ \t]+)?(?:is|are|was|will[ \t]+be)[ \t]+"
                           + NAMING + r"[ \t]+as[ \t]+[\"'‘“]?", re.I)
_NAMED_CLOSE = re.compile(r"[\"'’”]?(?![\w'’-])")
_LINE_UNDER = re.compile(r"[ \t]*\n[ \t]*(?=(?P<line>[^\n]*))")


def _names_itself(text: str, end: int, label: str) -> int | None:
    """Where a clause right after `end` that names the thing by `label` ends, or None."""
    m = _NAMING_AFTER.match(text, end)
    if m is None or text[m.end():m.end() + len(label)].lower() != label.lower():
        return None
    close = _NAMED_CLOSE.match(text, m.end() + len(label))
    return close.end() if close else None


def drop_restated_namings(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """'14 Quarry Bank Road, which is referred to in this report as the family home' would read 'the
    family home, which is referred to in this report as the family home': a clause that names the
    replacement by its own label goes, noted in the rule."""
    for r in replacements:
        label = r.replacement.strip()
        if len(label) < 3 or label.startswith("["):
            continue
        role = role_pattern(label) if r.entity == E.PERSON else None
        under = _LINE_UNDER.match(text, r.end) if role else None
        if role and under and role.fullmatch(text, under.end(), under.end() + len(under.group("line").rstrip())) \
                and not text[text.rfind("\n", 0, r.start) + 1:r.start].strip():
            # 'Fiona Galbraith' over 'Independent Reviewer' in a signature would read the role twice: the
            # name's line goes, and the role's line says who signed
            r.end, r.replacement = under.end(), ""
            r.original = text[r.start:r.end]
            trail, _, rest = r.rule.partition(": ")
            r.rule = f"{trail} > {says}: the line under the name gives its label ({rest})"
            continue
        named_end = _names_itself(text, r.end, label)
        if named_end is None:
            continue
        r.end = named_end
        r.original = text[r.start:r.end]
        trail, _, rest = r.rule.partition(": ")
        r.rule = f"{trail} > {says}: a clause that names it by its own label goes ({rest})"
    return replacements


_BRACKET_BEFORE = re.compile(r"(?:[ \t]+[–—-])?[ \t]*\([ \t]*[\"“‘']?$")  # a dash that only led to it goes too
_BRACKET_AFTER = re.compile(r"[\"”’']?[ \t]*\)")
_BRACKET_AND_COMMA = re.compile(r"[\"”’']?[ \t]*\),")
_LIST_LEAD = re.compile(r"[ \t]*(?:[-*•–]|\d+(?:\.\d+)*\.?|\(?[a-z]\))?[ \t]*")


def drop_restated_brackets(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """'Father – father of Child T (Callum Gallacher, known as Cal)' would read 'Father – father of Child T
    (Father)': a bracket holding only a person, whose role label its line has already written before the
    bracket, goes whole, noted in the rule. In order of place."""
    reps = sorted(replacements, key=lambda r: (r.start, r.end))
    gone: set[int] = set()
    for i, r in enumerate(reps):
        role = role_pattern(r.replacement.strip()) if r.entity == E.PERSON and i not in gone else None
        line_start = text.rfind("\n", 0, r.start) + 1
        opened = _BRACKET_BEFORE.search(text, line_start, r.start) if role else None
        lead = _LIST_LEAD.match(text, line_start)
        echo = i and reps[i - 1].person == r.person and not reps[i - 1].replacement and opened is not None \
            and reps[i - 1].end == opened.start()
        # "his grandmother, Pauline Dunmore ("Nana Pauline")": the name went for the role before it
        after_role = bool(echo and role and re.search(rf"(?:{role.pattern})[ \t]*$",
                                                      text[max(0, reps[i - 1].start - 60):reps[i - 1].start], re.I))
        if role is None or opened is None or not (after_role or role.match(
                text, lead.end() if lead else line_start, opened.start())):
            continue  # the role opens the line, as in a family list; 'A neighbour (Natalie Hurst)' is no list
        k = i + 1  # the alias phrase inside the bracket, already emptied: 'known as Cal'
        while k < len(reps) and reps[k].start == reps[k - 1].end and reps[k].person == r.person \
                and not reps[k].replacement:
            k += 1
        closed = _BRACKET_AFTER.match(text, reps[k - 1].end)
        if closed is None:
            continue
        if after_role and text[reps[i - 1].start:reps[i - 1].start + 1] == "," and text[closed.end():closed.end() + 1] == ",":
            closed = _BRACKET_AND_COMMA.match(text, reps[k - 1].end) or closed  # the apposition's comma goes too
        gone.update(range(i + 1, k))
        r.core = (r.core[0], max(x.core[1] for x in reps[i:k]))
        r.start, r.end, r.replacement = opened.start(), closed.end(), ""
        r.original = text[r.start:r.end]
        trail, _, rest = r.rule.partition(": ")
        r.rule = f"{trail} > {says}: a bracket that only names the role its line gives: it goes ({rest})"
    return [r for j, r in enumerate(reps) if j not in gone]


# "Megan's mother is ", 'Her father was ': a possessive, the role, and a copula right before the label.
# One lower-case word may qualify the role: "Megan's birth father is".
_COPULA = (r"(?P<subject>(?<![\w'’-])(?:her|his|their)|['’]s?)[ \t]+(?P<role>(?:[a-z]+[ \t]+)?{role})[ \t]+"
           r"(?P<copula>is|was)[ \t]+$")


def _owner(text: str, reps: list[Replacement], i: int, subject_start: int) -> tuple[int, str] | None:
    """Where the possessive subject before reps[i] starts, and how it reads: a person's replacement
    with its "'s" right before it (another person than the label's), or a possessive pronoun."""
    word = text[subject_start:subject_start + 6]
    if word[:1] not in "'’":
        return subject_start, word.split()[0].lower() if word else ""
    q = reps[i - 1] if i else None
    if q is None or q.entity != E.PERSON or q.person == reps[i].person or not q.replacement.strip():
        return None
    if q.end == subject_start:
        return q.start, q.replacement + text[subject_start:subject_start + 2].rstrip()
    if q.end == subject_start + 2 and q.original[-2:-1] in "'’":  # "Kai's" replaced whole
        return q.start, q.replacement
    return None


def swap_restated_copulas(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """"Megan's father is Father": a sentence that gives the label's role as its subject and the
    label after 'is' or 'was' says nothing once replaced; the label and the subject change places
    ('Father is Megan's father'), as a review introduces a label. In order of place."""
    reps = sorted(replacements, key=lambda r: (r.start, r.end))
    gone: set[int] = set()
    for i, r in enumerate(reps):
        label = r.replacement.strip()
        role = role_pattern(label) if r.entity == E.PERSON and label[:1].isupper() else None
        m = re.search(_COPULA.format(role=role.pattern), text[max(0, r.start - 80):r.start], re.I) if role else None
        if m is None:
            continue
        base = max(0, r.start - 80)
        owner = _owner(text, reps, i, base + m.start("subject"))
        if owner is None or (i and reps[i - 1].end > owner[0] and reps[i - 1].start != owner[0]):
            continue
        start, whose = owner
        if i and reps[i - 1].start == start:
            gone.add(i - 1)
            r.core = (reps[i - 1].core[0], r.core[1])
        r.replacement = f"{label} {m.group('copula')} {whose} {m.group('role')}"
        r.start, r.original = start, text[start:r.end]
        trail, _, rest = r.rule.partition(": ")
        r.rule = f"{trail} > {says}: the sentence's subject is the label's role: label first ({rest})"
    return [r for j, r in enumerate(reps) if j not in gone]


_KINSHIP_BEFORE = re.compile(rf"(?<![\w'’-])(?:{vocabulary.alternation(vocabulary.FAMILY_WORDS)})([ \t]+)$", re.I)


def drop_names_after_kinship(text: str, replacements: list[Replacement], says: str) -> None:
    """'"Daddy Cal" had come' would read '"Daddy Father"': a name after a kinship word, whose label is a
    role, goes, and the kinship word says who it is ('"Daddy" had come'). A letter label stays: 'Uncle
    Adult A'. In place, noted in the rule."""
    for r in replacements:
        if r.entity != E.PERSON or not r.replacement.strip() or role_pattern(r.replacement.strip()) is None:
            continue
        m = _KINSHIP_BEFORE.search(text, max(0, r.start - 12), r.start)
        if m is None:
            continue
        r.start, r.replacement = m.start(1), ""
        r.original = text[r.start:r.end]
        trail, _, rest = r.rule.partition(": ")
        r.rule = f"{trail} > {says}: the kinship word before the name says who it is ({rest})"


NAME_REMOVED = "[name removed]"
_CELL_BEFORE = re.compile(r"\|([^|\n]*)\|[ \t]*$")
_CELL_OPENS = re.compile(r"\|[ \t]*$")
_NEXT_CELL = re.compile(r"[ \t]*\|([^|\n]*)(?=\||$)", re.M)


def mark_restated_cells(text: str, replacements: list[Replacement], says: str) -> None:
    """'| Mother | Shannon Reilly | 28 |' would read '| Mother | Mother | 28 |': a name alone in a table cell,
    whose role label the cell before or after it already gives, reads '[name removed]'. In place, noted in the rule."""
    for r in replacements:
        role = role_pattern(r.replacement.strip()) if r.entity == E.PERSON and r.replacement.strip() else None
        line_start = text.rfind("\n", 0, r.start) + 1
        before = _CELL_BEFORE.search(text, line_start, r.start) if role else None
        after = _NEXT_CELL.match(text, r.end) if role else None
        alone = _CELL_OPENS.search(text, line_start, r.start) is not None and after is not None
        # '| Mother | Shannon Reilly |' or '| Shannon Reilly | Mother |': the cell beside gives the label
        if role is None or after is None or not alone or not (
                (before is not None and role.fullmatch(before.group(1).strip()))
                or role.fullmatch(after.group(1).strip())):
            continue
        r.replacement = NAME_REMOVED
        trail, _, rest = r.rule.partition(": ")
        side = "before" if before is not None and role.fullmatch(before.group(1).strip()) else "after"
        r.rule = f"{trail} > {says}: the cell {side} gives the label ({rest})"
