"""A professional's role read from the sentence round a mention, where no role stands right beside it.

- The predicate: 'Jane Smith became Megan's social worker', 'Owen Clarke was the allocated social
  worker'. The role is the person's; and since the sentence says it, a label of that role alone
  ('the social worker') would restate it ('the social worker became Megan's social worker'), so such a
  person is numbered ('Social Worker 1') at every mention of the document (decide.roles).
- The service they come from: 'Tara Quinn from the Youth Offending Service', 'Amy Lowe (Early Help)',
  'Ben Ross of the Police'. The service's worker noun (models/vocabulary/agency_workers.txt) is the
  role ('the youth offending worker'); a service or agency with no worker noun listed ('Jo Bell from
  Cumbria Constabulary': a name ending in an agency's head word, agency_words.txt) still says the
  person is a professional, who takes a letter ('Professional A'), never 'Adult A'.

The words of a role are only ever the vocabulary's, so no name can enter a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anonymiser.config import vocabulary
from anonymiser.decide.role_words import DET, PHRASE, SERVICE_WORKERS, normalise

# A verb that says what someone is or became, with the words that may stand before it.
_COPULA = (r"(?:(?:had|has|then|later|subsequently|also|still|briefly|temporarily)[ \t]+)*"
           r"(?:became|become|becomes|remained|was|is|were|had[ \t]+been|has[ \t]+been"
           r"|(?:was[ \t]+)?(?:allocated|appointed|assigned|employed|working|worked|started|continued|acted|took[ \t]+over)"
           r"[ \t]+as)")
# Any possessive may own the role after the verb ('became Megan's social worker'): the name stays the
# pseudonymised mention it is, and the role is this person's.
_OWNER = r"(?:[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)?(?:['’]s|s['’]))"
_PREDICATE = re.compile(rf"[ \t]*,?[ \t]+{_COPULA}[ \t]+(?:(?:{DET}|{_OWNER})[ \t]+)?{PHRASE}", re.I)

# Family, friends and the like (models/vocabulary/family_words.txt, child_roles.txt, person_cues.txt 'noun').
_KIN = vocabulary.alternation(vocabulary.entries("family_words", "child_roles") + vocabulary.having("person_cues", "noun"))
_KIN_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_KIN})s?['’]?[ \t]*,?[ \t]*$", re.I)
_KIN_AFTER = re.compile(rf"[ \t]*[,(][ \t]*(?:{DET}[ \t]+)?(?:[\w'’-]+[ \t]+)?(?:{_KIN})(?![\w'’-])", re.I)

_SERVICE = rf"(?:{vocabulary.alternation(vocabulary.entries('agency_workers'))})"
_HEADS = vocabulary.alternation(vocabulary.having("agency_words", "head"))
# 'from the Youth Offending Service', 'of Cumbria Early Help', '(Early Help)': a service or an agency
# named by its head word ('from Cumbria Constabulary'), a few capitalised words (a place) perhaps before.
_PLACE_WORDS = r"(?:(?-i:[A-Z][\w'’&-]*)[ \t]+){0,3}"
_JOINT = r"(?P<joint>[ \t]+(?:from|of|for)[ \t]+|[ \t]*\([ \t]*)(?:the[ \t]+)?"
_SERVICE_AFTER = re.compile(
    rf"{_JOINT}{_PLACE_WORDS}(?P<service>{_SERVICE})(?:[ \t]+(?:team|service|services|hub|unit))?(?![\w'’-])", re.I)
_AGENCY_AFTER = re.compile(rf"{_JOINT}(?-i:(?:[A-Z][\w'’&-]*[ \t]+){{0,4}}(?:{_HEADS}))(?![\w'’-])", re.I)
_BRACKET_CLOSES = re.compile(r"[ \t]*\)")
PROFESSIONAL = ""  # the role of a professional whose service names no worker noun


@dataclass(frozen=True)
class ServiceRole:
    """The service written beside a mention, and the role it gives."""

    role: str  # the service's worker noun ('youth offending worker'); PROFESSIONAL when it lists none
    start: int  # where the service's words begin, with what joins them to the name (' from the', ' (')
    close: int | None  # where the name and the service read as one mention end; None: they stay apart


def predicate_role(text: str, start: int, end: int) -> str | None:
    """The role the sentence gives the person mentioned at text[start:end] ('became Megan's social worker');
    None for one the draft calls family or a friend ('her uncle, Gary Fenn, was a police officer'), whose
    job is not the capacity the review meets them in."""
    m = _PREDICATE.match(text, end)
    if m is None or m.group("plural") or _KIN_BEFORE.search(text, max(0, start - 30), start) or _KIN_AFTER.match(text, end):
        return None
    return normalise(m.group("mods"), m.group("role"))


def service_role(text: str, end: int) -> ServiceRole | None:
    """The service written right after the mention ending at `end`, if any."""
    m = _SERVICE_AFTER.match(text, end)
    if m is None:
        agency = _AGENCY_AFTER.match(text, end)
        return ServiceRole(PROFESSIONAL, agency.start(), None) if agency else None
    role = SERVICE_WORKERS.get(" ".join(m.group("service").lower().split()), PROFESSIONAL)
    if "(" not in m.group("joint"):
        return ServiceRole(role, m.start(), m.end())
    closes = _BRACKET_CLOSES.match(text, m.end())  # '(Early Help)' goes with the name; '(Early Help, Carlisle)' not
    return ServiceRole(role, m.start(), closes.end() if closes else None)
