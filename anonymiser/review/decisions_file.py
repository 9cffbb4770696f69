"""Reviewer decisions: what a reviewer changed in the report, as a YAML file. The schema lives here.

The report page's "Export decisions" button writes this file; a re-run with it applies the
decisions. Every field is optional except those marked; matching is case-insensitive and
ignores differences in spacing::

    document: review-a.txt          # the document label it was made for
    reject:                          # replacements to undo: keep the original text
      - original: "Hope"             # (required) the original text of the replacement
        offset: 1234                 # only this occurrence (offset in the ORIGINAL text);
                                     # without it, every occurrence
    pseudonyms:                      # a new pseudonym or label for a person (or replaced thing)
      - person: "register:amara okafor"   # the person key as in the audit, or
        original: "Amara"                 # ... an original mention of them (exactly one of the two)
        pseudonym: "Lily"                 # (required)
    add:                             # missed strings: every whole-word occurrence is replaced
      - text: "Bramble Court"        # (required)
        type: LOCATION               # an entity type name from anonymiser/entities.py, or
      - text: "Jay"
        person: "Sarah Okafor"       # a register person's name, alias or key: replaced like them

The file holds original names, so it is as confidential as the draft.

Review rounds add up: a report made with a decisions file lists those decisions as applied,
and its export holds them again with whatever the reviewer adds or withdraws (`merged`), so
the latest export alone reproduces every round. `dump_decisions` writes the export exactly as
the page's Export button does.
"""

from __future__ import annotations

import re
from pathlib import Path

from anonymiser.config.yamlfile import Node, check_fields, load_yaml
from anonymiser.core import entities as E
from anonymiser.core.errors import DecisionsError
from anonymiser.review.entries import (
    ADD_ORDER,
    FIELD_ORDER,
    PSEUDONYM_ORDER,
    REJECT_ORDER,
    SECTIONS,
    Addition,
    PseudonymChange,
    Reject,
    normalise,
)
from anonymiser.review.reviewer import ReviewerDecisions

TOP_FIELDS = {"document", *SECTIONS}
REJECT_FIELDS = set(REJECT_ORDER)
PSEUDONYM_FIELDS = set(PSEUDONYM_ORDER)
ADD_FIELDS = set(ADD_ORDER)
EXPORT_HEADER = (
    "# Reviewer decisions from the anonymiser report (schema: anonymiser/review/decisions_file.py).",
    "# CONFIDENTIAL: this file holds original names. Keep it private; never publish it.",
)


def _quote(value: str) -> str:
    """A YAML double-quoted scalar: JSON's, with the line breaks YAML adds to JSON's escaped too."""
    import json

    return re.sub("[\u0085\u2028\u2029\ufeff]", lambda m: f"\\u{ord(m.group(0)):04x}",
                  json.dumps(value, ensure_ascii=False))


def dump_decisions(document: str | None, entries: dict[str, list[dict]]) -> str:
    """A decisions file's text, exactly as the report page's Export button writes it."""
    out = list(EXPORT_HEADER)
    if document:
        out.append("document: " + _quote(document))
    for section in SECTIONS:
        if not entries.get(section):
            continue
        out.append(section + ":")
        for entry in entries[section]:
            fields = [(key, entry[key]) for key in FIELD_ORDER[section] if entry.get(key) is not None]
            for n, (key, value) in enumerate(fields):
                shown = str(value) if isinstance(value, int) or key == "type" else _quote(str(value))
                out.append(("  - " if n == 0 else "    ") + f"{key}: {shown}")
    return "\n".join(out) + "\n"


# -- loading ---------------------------------------------------------------------------------

def _text(path: Path, node: Node, where: str) -> str:
    value = node.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise DecisionsError(path, f"line {node.line}: {where} should be text, not a number",
                             f'Put it in quotes, e.g. "{value}".')
    if not isinstance(value, str) or not value.strip():
        raise DecisionsError(path, f"line {node.line}: {where} should be some text", "Fill it in.")
    return " ".join(value.split())


def _list(path: Path, node: Node, where: str) -> list[Node]:
    if node.value is None:
        return []
    if not isinstance(node.value, list):
        raise DecisionsError(path, f"line {node.line}: '{where}' should be a list",
                             "Write each entry on its own line starting with '- '.")
    return node.value


def _one_of(path: Path, node: Node, f: dict[str, Node], a: str, b: str, where: str) -> None:
    if (a in f) == (b in f):
        raise DecisionsError(path, f"line {node.line}: {where} needs exactly one of '{a}' or '{b}'",
                             f"Keep '{a}' or '{b}', not both.")


def _reject(path: Path, node: Node) -> Reject:
    f = check_fields(path, node, REJECT_FIELDS, {"original"}, DecisionsError, "a reject entry")
    offset = None
    if "offset" in f and f["offset"].value is not None:
        value = f["offset"].value
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise DecisionsError(path, f"line {f['offset'].line}: a reject offset should be a whole number "
                                 "(0 or more)", "Use the offset from the report, or leave it out to reject everywhere.")
        offset = value
    return Reject(_text(path, f["original"], "the rejected original"), offset, node.line)


def _pseudonym(path: Path, node: Node) -> PseudonymChange:
    f = check_fields(path, node, PSEUDONYM_FIELDS, {"pseudonym"}, DecisionsError, "a pseudonyms entry")
    _one_of(path, node, f, "person", "original", "a pseudonyms entry")
    return PseudonymChange(
        pseudonym=_text(path, f["pseudonym"], "the pseudonym"),
        person=_text(path, f["person"], "the person") if "person" in f else None,
        original=_text(path, f["original"], "the original mention") if "original" in f else None,
        line=node.line,
    )


def _addition(path: Path, node: Node) -> Addition:
    f = check_fields(path, node, ADD_FIELDS, {"text"}, DecisionsError, "an add entry")
    _one_of(path, node, f, "type", "person", "an add entry")
    text = _text(path, f["text"], "the added text")
    if sum(c.isalnum() for c in text) < 2:
        # a one-letter string would be replaced all through the document
        raise DecisionsError(path, f"line {f['text'].line}: the added text '{text}' is too short",
                             "Add at least two letters or digits.")
    entity = None
    if "type" in f:
        entity = _text(path, f["type"], "the type").upper()
        try:
            E.entity_type(entity)
        except KeyError as exc:
            raise DecisionsError(path, f"line {f['type'].line}: {exc.args[0]}", "Use one of those names.") from None
    person = _text(path, f["person"], "the person") if "person" in f else None
    return Addition(text, entity, person, node.line)


def load_decisions(path: Path | str) -> ReviewerDecisions:
    """Read and validate a reviewer's decisions file; every problem names the file and line."""
    path = Path(path)
    root = load_yaml(path, DecisionsError, "decisions file")
    f = check_fields(path, root, TOP_FIELDS, set(), DecisionsError, "the decisions file")
    document = _text(path, f["document"], "the document") if "document" in f and f["document"].value else None
    reject = tuple(_reject(path, n) for n in _list(path, f["reject"], "reject")) if "reject" in f else ()
    pseudonyms = tuple(_pseudonym(path, n) for n in _list(path, f["pseudonyms"], "pseudonyms")) \
        if "pseudonyms" in f else ()
    add = tuple(_addition(path, n) for n in _list(path, f["add"], "add")) if "add" in f else ()
    seen: dict[tuple[str, str], PseudonymChange] = {}
    for change in pseudonyms:
        who = ("person", normalise(change.person)) if change.person else ("original", normalise(change.original or ""))
        old = seen.get(who)
        if old and normalise(old.pseudonym) != normalise(change.pseudonym):
            raise DecisionsError(path, f"line {change.line}: this {who[0]} already has the pseudonym "
                                 f"'{old.pseudonym}' (line {old.line})", "Keep one of the two.")
        seen[who] = change
    return ReviewerDecisions(document, reject, pseudonyms, add, path)
