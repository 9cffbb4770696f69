"""'her maternal grandparents, Brian and Lesley O'Donnell, in' -> 'her maternal grandparents in': where a
plural noun for a group of relatives (models/vocabulary/group_roles.txt) stands before a pair of names
its members' roles fit, the names go with their commas, as one name after its own role does."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary

_GROUPS = {g.lower(): frozenset(r.lower() for r in roles) for g, roles in vocabulary.labelled("group_roles").items()}
_GROUP = vocabulary.alternation(_GROUPS)
_NAME = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}"
# The first of the pair: the group noun and its comma before it, 'and' after it.
_FIRST_BEFORE = re.compile(rf"\b(?P<group>{_GROUP})[ \t]*,[ \t]*$", re.I)
_FIRST_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+(?=[A-Z])")
# The second: the group noun, its comma, the first name and 'and' before it; its closing comma after it,
# unless a clause or the next item of a list goes on from it.
_SECOND_BEFORE = re.compile(rf"\b(?P<group>{_GROUP})[ \t]*,[ \t]*{_NAME}[ \t]+(?:and|&)[ \t]+$", re.I)
# A bracket after the pair ('Mr and Mrs Calloway (Walter and Edith)') is left to the bracket's own rule.
_BRACKET = re.compile(r"[ \t]*\(")
_BRACKET_AFTER_NAME = re.compile(rf"{_NAME}[ \t]*\(")
_CLOSE = re.compile(r",(?=[ \t]+[a-z])(?![ \t]+(?:who|whom|whose|which|where|and|or)\b)")


def group_echo(text: str, start: int, end: int, role_word: str) -> tuple[int, int] | None:
    """The (start, end) to remove for a name of such a pair whose role ends in `role_word`, or None."""
    window = text[max(0, start - 80):start]
    first = _FIRST_BEFORE.search(window)
    if first and role_word.lower() in _GROUPS[first.group("group").lower()] and (after := _FIRST_AFTER.match(text, end)) \
            and not _BRACKET_AFTER_NAME.match(text, after.end()):
        return start - (len(window) - window.rindex(",", first.start())), after.end()
    second = _SECOND_BEFORE.search(window)
    if second and role_word.lower() in _GROUPS[second.group("group").lower()] and not _BRACKET.match(text, end):
        return start, end + (1 if _CLOSE.match(text, end) else 0)
    return None
