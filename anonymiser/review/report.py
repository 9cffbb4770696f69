"""The reviewer's report: one self-contained HTML page showing every change, for checking before publication.

The page holds original names, so it is as confidential as the draft: it must never be published.
It needs nothing but a browser (no server, no network): the reviewer can reject a replacement,
rename a person and add missed names in it, then export those decisions as a YAML file
(see anonymiser/review/decisions_file.py) for the next run. A page made by a run with a decisions file is
seeded with those decisions, so its export holds every round's.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.decide.confidence import weights
from anonymiser.decide.residue import RESIDUE
from anonymiser.review.entries import FIELD_ORDER, SECTIONS, normalise
from anonymiser.review.reviewer import group_key, main_label, sentence_start

if TYPE_CHECKING:
    from anonymiser.core.register import Register
    from anonymiser.core.results import Flag, Replacement
    from anonymiser.review.reviewer import ReviewerDecisions


def low_confidence_line() -> float:
    """Below this a replacement is listed for the reviewer to check: set with the evidence weights
    (models/evidence/confidence.yaml), since the confidence is combined from them."""
    return weights().low_confidence


# Small words inside one name ('Department for Education'). Not 'and': 'Police and Croydon Social Care'
# is two names, and a reviewer should see each.
_CONNECTORS = frozenset({"of", "for", "the", "&", "on", "upon", "in", "de", "la", "le", "du", "von", "van"})
_TOKEN = re.compile(r"[^\W_]+(?:[.,:/'’\-][^\W_]+)*|&")
# Between two words of one capitalised run: spaces and tabs, or one no-break space among them.
_JOINING_GAP = re.compile(r"[ \t]+|[ \t]*\u00a0[ \t]*")


@dataclass(frozen=True)
class ReportItem:
    """One replacement as the report shows it: where it sits in the publication text, and why."""

    out_start: int  # offsets of the replacement text in the publication text
    out_end: int
    original: str
    replacement: str
    entity_type: str
    detectors: tuple[str, ...]
    score: float
    rule: str
    person: str | None
    in_start: int  # offset of the original in the original text
    rejected: bool = False  # a reviewer's decision kept the original; `replacement` is what it would be
    evidence: tuple[str, ...] = ()  # why the confidence is what it is (decide.confidence)

    @property
    def in_end(self) -> int:
        return self.in_start + len(self.original)

    @property
    def low_confidence(self) -> bool:
        return self.score < low_confidence_line()


@dataclass(frozen=True)
class KeptTerm:
    """A capitalised phrase or a number left unchanged in the publication text."""

    text: str
    count: int


def report_items(replacements: list[Replacement], rejected: Iterable[Replacement] = ()) -> list[ReportItem]:
    """Report items with their offsets in the publication text.

    The publication text is the original with each [start, end) replaced, so every
    replacement shifts the ones after it by the difference in length. A `rejected`
    replacement (undone by a reviewer's decision) stands in the text as its original.
    """
    items: list[ReportItem] = []
    shift = 0
    undone = [(r, True) for r in rejected]
    for r, was_rejected in sorted([(r, False) for r in replacements] + undone, key=lambda p: p[0].start):
        out_start = r.start + shift
        shown = r.original if was_rejected else r.replacement
        items.append(ReportItem(out_start, out_start + len(shown), r.original, r.replacement, r.entity,
                                tuple(r.detectors), float(r.score), r.rule, r.person, r.start, was_rejected,
                                tuple(r.evidence)))
        shift += len(shown) - (r.end - r.start)
    return items


def _kept_pieces(text: str, items: list[ReportItem]) -> Iterable[tuple[int, int]]:
    """(start, end) of the stretches of publication text outside every replacement."""
    pos = 0
    for it in sorted(items, key=lambda i: i.out_start):
        if it.out_start > pos:
            yield pos, it.out_start
        pos = max(pos, it.out_end)
    if pos < len(text):
        yield pos, len(text)


def kept_as_is(publication_text: str, items: list[ReportItem]) -> tuple[list[KeptTerm], list[KeptTerm]]:
    """(capitalised phrases, numbers) left unchanged outside replacements, with counts.

    Misses hide here: agency names, allowlisted terms, a surname nobody recognised. Runs of
    capitalised words ('Metropolitan Police Service', 'Department for Education') are kept
    together; a stopword-ish first word of a sentence ('The', 'After') is left out.
    """
    words: Counter[str] = Counter()
    numbers: Counter[str] = Counter()
    text = publication_text
    for start, end in _kept_pieces(text, items):
        run: list[tuple[int, int]] = []  # (start, end) of the tokens of the current capitalised run

        def close() -> None:
            # a run may not end on a connector: 'Police and' -> 'Police'
            while run and text[run[-1][0]:run[-1][1]].lower() in _CONNECTORS:
                run.pop()
            if run:
                phrase = text[run[0][0]:run[-1][1]]
                phrase = re.sub(r"['’]s$", "", " ".join(phrase.split()))
                words[phrase] += 1
            run.clear()

        for m in _TOKEN.finditer(text, start, end):
            tok, s = m.group(0), m.start()
            joined = bool(run) and _JOINING_GAP.fullmatch(text, run[-1][1], s) is not None
            # a word of letters holds no digit: the test per character is left for the rest
            if not tok.isalpha() and any(c.isdigit() for c in tok):
                close()
                numbers[tok] += 1
                continue
            if tok[0].isupper():
                if joined:
                    run.append((s, m.end()))
                    continue
                close()
                # A word that starts a sentence for grammar's sake names nothing; elsewhere, when unsure, keep.
                if (tok.lower() in vocabulary.SENTENCE_STARTERS and sentence_start(text, s)) or tok == "I":
                    continue
                run.append((s, m.end()))
            elif joined and tok.lower() in _CONNECTORS and text[run[-1][0]:run[-1][1]][:1].isupper():
                # one connector between capitals, kept only if a capital follows it
                run.append((s, m.end()))
            else:
                close()
        close()
    def order(counts: dict[str, int]) -> list[KeptTerm]:
        return sorted((KeptTerm(t, n) for t, n in counts.items()), key=lambda k: (k.text.casefold(), k.text))

    return order(words), order(numbers)


def _offset_mapper(items: list[ReportItem]) -> Callable[[int], int | None]:
    """A function from an original offset to where it lands in the publication text (None: inside a replacement)."""
    ends = [it.in_end for it in items]
    shifts = [0]
    for it in items:
        shifts.append(shifts[-1] + (it.out_end - it.out_start) - len(it.original))

    def out(pos: int) -> int | None:
        k = bisect.bisect_right(ends, pos)  # items wholly before pos
        if k < len(items) and items[k].in_start < pos:
            return None
        return pos + shifts[k]

    return out


def type_colours(present: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """(background, border) per entity type.

    The types in this document share the colour wheel evenly (in entity-list order, starting
    at blue, so people are not shown in alarm red); the rest, used only for names the
    reviewer adds, are spread by the golden angle.
    """
    wanted = set(present)
    shown = [name for name in E.ENTITY_TYPES if name in wanted]
    out = {}
    for i, name in enumerate(E.ENTITY_TYPES):
        if name in shown:
            hue = round(210 + shown.index(name) * 360 / len(shown)) % 360
        else:
            hue = round(i * 137.508) % 360
        out[name] = (f"hsl({hue} 80% 89%)", f"hsl({hue} 60% 34%)")
    return out


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("anonymiser.review", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _pieces(text: str, items: list[ReportItem], flag_spans: list[tuple[int, int, int]]) -> list[dict]:
    """The publication text cut into plain text, replacements ('item') and flagged text ('flag')."""
    spans = [(it.out_start, it.out_end, "item", i) for i, it in enumerate(items)]
    spans += [(s, e, "flag", i) for s, e, i in flag_spans]
    spans.sort(key=lambda s: (s[0], s[2] != "item"))
    pieces: list[dict] = []
    pos = 0
    for s, e, kind, i in spans:
        if s < pos:
            continue  # a flag overlapping a replacement: the replacement is what shows
        if s > pos:
            pieces.append({"kind": "text", "text": text[pos:s]})
        pieces.append({"kind": kind, "text": text[s:e], "i": i})
        pos = e
    if pos < len(text):
        pieces.append({"kind": "text", "text": text[pos:]})
    return pieces


def _document_html(pieces: list[dict], items: list[ReportItem], flags: list[dict]) -> Markup:
    """The publication text as the page shows it, each replacement a <mark> and each flagged span a
    <span>, escaped as the template would escape it.

    Written here rather than in the template: a long draft has tens of thousands of replacements,
    and the template's loop over them cost more than the rest of the page."""
    out: list[str] = []
    for p in pieces:
        text = escape(p["text"])
        if p["kind"] == "text":
            out.append(text)
            continue
        i = p["i"]
        if p["kind"] == "flag":
            out.append(f'<span class="flagged" title="Flagged: {escape(flags[i]["reason"])}">{text}</span>')
            continue
        it = items[i]
        classes = (f"r t-{escape(it.entity_type)}{' low' if it.low_confidence else ''}"
                   f"{' empty' if not it.replacement else ''}{' rejected' if it.rejected else ''}")
        original, detectors, rule = escape(it.original), escape(", ".join(it.detectors)), escape(it.rule)
        evidence = f" ({escape(', '.join(it.evidence))})" if it.evidence else ""
        out.append(f'<mark class="{classes}" id="r{i}" data-i="{i}" data-original="{original}" '
                   f'data-type="{escape(it.entity_type)}" data-detectors="{detectors}" '
                   f'data-score="{escape("%.2f" % it.score)}" data-rule="{rule}" tabindex="0" '
                   f'title="Original: {original} · {escape(E.label(it.entity_type))} · found by {detectors} · '
                   f'confidence {int(round(it.score * 100, 0))}%{evidence} · {rule}">{text}</mark>')
    return Markup("".join(out))


def _groups(items: list[ReportItem]) -> tuple[list[dict], list[int]]:
    """Distinct people and things, in order of first mention, and each item's group index."""
    index: dict[str, int] = {}
    members: list[list[int]] = []
    of_item: list[int] = []
    for i, it in enumerate(items):
        key = group_key(it.person, it.original)
        if key not in index:
            index[key] = len(members)
            members.append([])
        members[index[key]].append(i)
        of_item.append(index[key])
    groups = []
    for key, g in index.items():
        its = [items[i] for i in members[g]]
        written = Counter(" ".join(it.original.split()) for it in its)
        # the commas and colons of an apposition that went with a name are no part of how it is written
        seen = Counter(w.strip(" ,;:–—-") for w in written.elements() if w.strip(" ,;:–—-"))
        shown = Counter(it.original if it.rejected else it.replacement for it in its)
        label = main_label(it.replacement for it in its if not it.rejected)
        types = Counter(it.entity_type for it in its)
        entity = types.most_common(1)[0][0]
        is_person = entity == E.PERSON or bool(its[0].person)
        groups.append({
            "id": g, "key": key, "person": its[0].person, "original": " ".join(its[0].original.split()),
            # the fullest form names the row best: 'Amara Okafor' rather than 'Amara'
            "name": max(written, key=lambda w: (len(w.split()), len(w))),
            "entity": entity, "label": E.label(entity), "count": len(its),
            "written": (seen or written).most_common(), "shown": shown.most_common(),
            # only people are renamed in the page; decisions files may still relabel anything by original
            "renamable": label is not None and is_person,
            "main": label,  # the usual replacement, which a rename changes (see ReviewerDecisions.apply)
        })
    return groups, of_item


def _applied(reviewer: ReviewerDecisions | None, items: list[ReportItem], groups: list[dict]) -> list[dict]:
    """The decisions this run applied, as the page is seeded with them: each file entry, how often
    it matched, and the items (or people-table row) it changed."""
    if reviewer is None:
        return []
    out: list[dict] = []
    by_start = {it.in_start: i for i, it in enumerate(items) if it.rejected}
    for rej in reviewer.reject:
        hit = sorted(by_start[r.start] for r, why in reviewer.rejected if why is rej and r.start in by_start)
        out.append({"section": "reject", "entry": rej.entry(), "items": hit, "group": None})
    group_of = {g["key"]: g["id"] for g in groups}
    for change in reviewer.pseudonyms:
        key = reviewer.renamed.get(change)
        out.append({"section": "pseudonyms", "entry": change.entry(), "items": [],
                    "group": group_of.get(key) if key else None})
    for add in reviewer.add:
        spans = reviewer.added.get(add, [])
        hit = [i for i, it in enumerate(items) if any(it.in_start < e and s < it.in_end for s, e in spans)]
        out.append({"section": "add", "entry": add.entry(), "items": hit, "group": None})
    matches = reviewer.describe()
    for n, (row, record) in enumerate(zip(out, matches)):
        row.update(id=n, matches=record["matches"])
    return out


def render_report(*, document: str, publication_text: str, items: list[ReportItem], flags: list[Flag],
                  profile: str, verification: list[str], warnings: list[str],
                  register: Register | None = None, applied: ReviewerDecisions | None = None) -> str:
    """The whole report page as HTML text.

    `verification` lists the possible leaks the verify step found (empty: it passed).
    `register` (optional) lists the register's people in the "add a missed name" form.
    `applied` (optional) is the decisions file this run applied: the page lists each decision as
    applied, and its export holds them again with the reviewer's new ones.
    """
    items = sorted(items, key=lambda it: it.out_start)
    colours = type_colours(it.entity_type for it in items)
    groups, group_of = _groups(items)
    same_original = Counter(normalise(it.original) for it in items)

    # one row per flagged span, even when two rules flagged it (a DEMOGRAPHIC policy and a gazetteer)
    merged: dict[tuple[int, int], dict] = {}
    for f in sorted(flags, key=lambda f: (f.start, f.end)):
        row = merged.setdefault((f.start, f.end), {"text": f.text, "label": E.label(f.entity), "reasons": []})
        if f.reason not in row["reasons"]:
            row["reasons"].append(f.reason)
    flag_rows, flag_spans = [], []
    out_offset = _offset_mapper(items)
    for n, ((start, end), row) in enumerate(merged.items()):
        out = out_offset(start)
        if out is not None and publication_text[out:out + end - start] == row["text"]:
            flag_spans.append((out, out + end - start, n))
        flag_rows.append({"text": row["text"], "label": row["label"], "reason": "; ".join(row["reasons"])})

    replaced = [it for it in items if not it.rejected]  # a rejected item's original stands in the text
    counts = Counter(it.entity_type for it in replaced)
    top = max(counts.values(), default=1)
    order = [e for e in E.ENTITY_TYPES if counts[e]] + [e for e in counts if e not in E.ENTITY_TYPES]
    chart = [{"entity": e, "label": E.label(e), "count": counts[e], "pct": round(100 * counts[e] / top, 1)}
             for e in order]

    kept_words, kept_numbers = kept_as_is(publication_text, replaced)
    # What the residue rule replaced stands first: nothing but its capital or its shape said to.
    residue = [i for i, it in enumerate(items) if RESIDUE in it.detectors and not it.rejected]
    low = [i for i, it in enumerate(items) if it.low_confidence and not it.rejected and i not in residue]

    people = []
    if register is not None:
        people = [{"name": p.name, "role": p.role} for p in register.people]
    else:  # without the register, offer the register people the report has seen
        seen = dict.fromkeys(it.person for it in items if it.person and it.person.startswith("register:"))
        people = [{"name": k.split(":", 1)[1], "role": ""} for k in seen]

    data = {
        "document": document,
        "file_stem": Path(document).stem or "document",
        "items": [{
            "original": it.original, "replacement": it.replacement, "type": it.entity_type,
            "label": E.label(it.entity_type), "detectors": list(it.detectors), "score": it.score, "rule": it.rule,
            "evidence": list(it.evidence), "person": it.person, "offset": it.in_start, "group": group_of[i],
            "relabel": bool(it.replacement) and it.replacement.casefold() == groups[group_of[i]]["main"],
            "same": same_original[normalise(it.original)], "low": it.low_confidence,
            "initial": sentence_start(publication_text, it.out_start), "rejected": it.rejected,
        } for i, it in enumerate(items)],
        "applied": _applied(applied, items, groups),
        # the order an export writes sections and fields in, as pairs (JSON objects lose their order here)
        "fields": [[section, list(FIELD_ORDER[section])] for section in SECTIONS],
        "applied_from": applied.path.name if applied is not None and applied.path else None,
        "groups": [{"person": g["person"], "original": g["original"], "name": g["name"], "count": g["count"],
                    "renamable": g["renamable"], "label": g["label"]} for g in groups],
    }
    return _environment().get_template("report.html.j2").render(
        document=document, profile=profile, items=items,
        document_html=_document_html(_pieces(publication_text, items, flag_spans), items, flag_rows),
        groups=groups, group_of=group_of, low=low, residue=residue, flags=flag_rows, chart=chart, kept_words=kept_words,
        kept_numbers=kept_numbers, verification=verification, warnings=warnings, colours=colours,
        types=[{"name": t.name, "label": t.label} for t in E.ENTITY_TYPES.values()], people=people,
        label=E.label, data=data, low_threshold=low_confidence_line(),
    )
