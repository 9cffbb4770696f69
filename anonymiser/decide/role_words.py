"""The words a professional's role is written in, and the role they read as (decide.roles, decide.role_evidence).

Only the vocabulary's words (models/vocabulary/professional_roles.txt and role_modifiers.txt) are ever
taken into a role, so no word of a name can enter a label.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary

ROLES = vocabulary.labelled("professional_roles")
_BY_LOWER = {entry.lower(): (entry, labels) for entry, labels in ROLES.items()}
_QUALIFIERS = vocabulary.lower(vocabulary.having("role_modifiers", "qualifier"))

ROLE = rf"(?:{vocabulary.alternation(ROLES)})"
# A service's worker noun (models/vocabulary/agency_workers.txt): 'the YOT officer' is its worker.
SERVICE_WORKERS = {e.lower(): labels[0].replace("_", " ")
                   for e, labels in vocabulary.labelled("agency_workers").items() if labels}
# A role's words run on one line or a hard-wrapped one, never across a blank line: a table's cells and
# paragraphs are parted by one, and 'Primary School' / 'Class teacher Jo Bell' is no 'school class teacher'.
_GAP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)(?!\n)"
_MODS = (rf"(?:(?:{vocabulary.alternation(vocabulary.entries('role_modifiers'))}"
         rf"|(?-i:{vocabulary.alternation(vocabulary.entries('agency_workers'))})){_GAP}){{0,3}}")
# What stands before a role: an article, a possessive pronoun, or a lower-case possessive ('the
# family's support worker'); never a capitalised one, which could be a name ('Amara's health visitor').
DET = r"(?:(?:the\s+)?(?-i:[a-z]+)['’]s|the|an?|her|his|their|our|its|another|this|that)"
PHRASE = rf"(?P<mods>{_MODS})(?P<role>{ROLE}(?:\s+{ROLE})*)(?P<plural>s)?(?![\w'’-])"


def normalise(mods: str, chain: str) -> str | None:
    """The role the words read as, or None when they are no role alone ('the worker', 'housing')."""
    written = [w for w in mods.split() if w.lower() not in _QUALIFIERS]
    words = [w.lower() for w in written]
    entries = [m.group(0) for m in re.finditer(ROLE, chain, re.I)]
    if not entries:
        return None
    service = " ".join(words)
    if service in SERVICE_WORKERS and len(entries) == 1 and "generic" in _BY_LOWER.get(entries[0].lower(), ("", ()))[1]:
        return SERVICE_WORKERS[service]  # 'the YOT officer', 'an Early Help worker': the service's worker
    parts = []
    for entry_written in entries:
        entry, labels = _BY_LOWER.get(" ".join(entry_written.lower().split()), (entry_written.lower(), ()))
        reads = next((lb.removeprefix("reads=").replace("_", " ") for lb in labels if lb.startswith("reads=")), None)
        parts.append(reads or entry)
    last = _BY_LOWER.get(" ".join(entries[-1].lower().split()), ("", ()))[1]
    if "modifier" in last or ("generic" in last and not words and len(entries) == 1):
        return None
    # an initialism keeps its capitals ('the MASH social worker'), unless the whole role is in capitals
    # ('THE ALLOCATED SOCIAL WORKER')
    shouting = any(e.isupper() and len(e) > 4 for e in entries)
    return " ".join([w if len(w) > 1 and w.isupper() and not shouting else w.lower() for w in written] + parts)
