"""Applying a reviewer's decisions to one document: rejections undone, pseudonyms changed, missed
strings added as detections, and what each decision matched, for the audit and the report."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.core.errors import DecisionsError
from anonymiser.review.entries import Addition, PseudonymChange, Reject, normalise

if TYPE_CHECKING:  # decide may import this module, so its types are for checking only
    from anonymiser.core.register import Person, Register
    from anonymiser.core.results import Decisions, Replacement
    from anonymiser.pseudonymise.case_map import CaseMap

REVIEWER = "reviewer"  # the detector name on reviewer-added detections


def group_key(person: str | None, original: str) -> str:
    """Who or what a replacement stands for: its person key, else its original text.

    The report's people table and `ReviewerDecisions.apply` both group by this, so a renamed
    row in the page renames exactly the replacements a re-run renames.
    """
    return person if person else "text:" + normalise(original)


# What stands just before a sentence's first word: '. ', a new line, a list number, an opening quote.
_SENTENCE_BEFORE = vocabulary.SENTENCE_START_IN_OUTPUT
_TEXT_START = re.compile(r"\s*(?:[-*#>•\d.()]+\s+)?")


def sentence_start(text: str, at: int) -> bool:
    """Whether offset `at` begins a sentence, heading or list item."""
    if _SENTENCE_BEFORE.search(text[max(0, at - 12):at]):
        return True
    return at <= 12 and _TEXT_START.fullmatch(text[:at]) is not None


def fit_case(original: str, new: str, at_sentence_start: bool) -> str:
    """Give a reviewer's pseudonym the capitals its place needs: 'AMARA' -> 'LILY'; 'the GP' opening a sentence -> 'The GP'."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not new.startswith("["):
        return new.upper()
    if at_sentence_start and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def main_label(replacements: Iterable[str]) -> str | None:
    """The replacement most used for one person or thing (case-insensitive), if any is non-empty."""
    counts = Counter(r.casefold() for r in replacements if r)
    return counts.most_common(1)[0][0] if counts else None


@dataclass
class ReviewerDecisions:
    """A loaded decisions file. Each decision counts how often it matched, for the audit."""

    document: str | None = None
    reject: tuple[Reject, ...] = ()
    pseudonyms: tuple[PseudonymChange, ...] = ()
    add: tuple[Addition, ...] = ()
    path: Path | None = None
    _matches: Counter = field(default_factory=Counter, repr=False, compare=False)
    # What applying did to this document, for the report: each rejected replacement with the
    # decision that undid it, the group key each pseudonym change renamed, and where each
    # addition was found (original offsets).
    rejected: list[tuple[Replacement, Reject]] = field(default_factory=list, repr=False, compare=False)
    renamed: dict[PseudonymChange, str] = field(default_factory=dict, repr=False, compare=False)
    added: dict[Addition, list[tuple[int, int]]] = field(default_factory=dict, repr=False, compare=False)

    def fresh(self) -> ReviewerDecisions:
        """The same decisions with match counts at zero: one per document, so each audit counts its own."""
        return ReviewerDecisions(self.document, self.reject, self.pseudonyms, self.add, self.path)

    def matches(self, decision: object) -> int:
        """How many times `decision` (one of these decisions) matched in this document."""
        return self._matches[decision]

    def count_matches(self, decision: object, n: int) -> None:
        """Add `n` matches of `decision`, found by a copy of these decisions (on the normalised view)."""
        self._matches[decision] += n

    def applies_to(self, label: str) -> bool:
        """Whether the decisions were made for document `label` (or for no document in particular)."""
        if not self.document:
            return True
        mine, theirs = normalise(self.document), normalise(label)
        if mine == theirs:
            return True
        # The same draft named from two batch roots: one path's folders end the other's
        # ('health/chronology.txt' is 'chronology.txt' when the run starts in health/), so
        # 'a/draft.txt' never takes the decisions of 'b/draft.txt'. The name may differ in its
        # extension (the decisions of 'review.docx' for 'review.pdf').
        *my_folders, my_name = mine.split("/")
        *their_folders, their_name = theirs.split("/")
        shorter, longer = sorted((my_folders, their_folders), key=len)
        return longer[len(longer) - len(shorter):] == shorter and Path(my_name).stem == Path(their_name).stem

    def targets(self, labels: list[str]) -> list[int]:
        """Which of a run's drafts (by label) these decisions are for: the one named exactly if
        there is one, else every draft `applies_to` takes."""
        if not self.document:
            return list(range(len(labels)))
        exact = [i for i, label in enumerate(labels) if normalise(label) == normalise(self.document)]
        return exact or [i for i, label in enumerate(labels) if self.applies_to(label)]

    # -- additions -------------------------------------------------------------------------

    def _person(self, register: Register, add: Addition) -> Person:
        wanted = normalise(add.person or "")
        exact = [p for p in register.people if wanted in (p.key.casefold(), normalise(p.name))]
        by_alias = [p for p in register.people if wanted in {normalise(a) for a in p.aliases}]
        found = exact or by_alias
        # Consoles are logged: the entry is named by its line, never by the name in it or the register's.
        if not found:
            raise DecisionsError(self.path, f"line {add.line}: the person of this add entry is not in the case "
                                 f"register ({len(register.people)} people)",
                                 "Use a name or alias as the register writes it, or give a type instead.")
        if len(found) > 1:
            raise DecisionsError(self.path, f"line {add.line}: the person of this add entry is an alias of more "
                                 "than one register person", "Use the person's full name instead.")
        return found[0]

    def check_pseudonyms(self, register: Register) -> None:
        """Refuse a new pseudonym that is itself a register name or reference: the output would show it
        as a pseudonym, and no check calls a pseudonym a leak."""
        from anonymiser.core.textview import view_of
        from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer
        from anonymiser.detect.recognizers.register_references import find_references

        names = CaseRegisterRecognizer(register) if register.people or register.addresses else None
        for change in self.pseudonyms:
            seen = view_of(change.pseudonym)
            if (names is not None and names.analyze(seen, [E.PERSON, E.ADDRESS])) or any(
                    find_references(seen, register.known_references)):
                # Named by its line only: the pseudonym is a real name.
                raise DecisionsError(self.path, f"line {change.line}: this pseudonym is a name (or reference) "
                                     "from the case register, so the real name would be published",
                                     "Choose a pseudonym that is not anyone's name in the register.")

    def extra_detections(self, text: str, register: Register) -> list[Detection]:
        """Every case-insensitive whole-word occurrence of each added string, as a detection."""
        out: list[Detection] = []
        for add in self.add:
            if add.person is not None:
                key = self._person(register, add).key
                # register_person ranks it with register matches when overlaps are resolved
                entity, person, meta = E.PERSON, key, DetectionMeta(reviewer=True, register_person=key)
            else:
                entity, person, meta = add.entity or E.PERSON, None, DetectionMeta(reviewer=True)
            pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, add.text.split())) + r"(?!\w)"
            for m in re.finditer(pattern, text, re.IGNORECASE):
                out.append(Detection(m.start(), m.end(), entity, 1.0, (REVIEWER,), person=person, meta=meta))
                self._matches[add] += 1
                self.added.setdefault(add, []).append((m.start(), m.end()))
        return sorted(out, key=lambda d: (d.start, -d.end))

    # -- rejections and pseudonyms ---------------------------------------------------------

    def rejects(self, original: str, start: int) -> bool:
        """Whether the reviewer wants the replacement of `original` at `start` undone."""
        return self._rejection(original, start) is not None

    def _rejection(self, original: str, start: int) -> Reject | None:
        """The decision that undoes the replacement of `original` at `start`, counted as a match."""
        wanted = normalise(original)
        for rej in self.reject:
            if normalise(rej.original) == wanted and (rej.offset is None or rej.offset == start):
                self._matches[rej] += 1
                return rej
        return None

    def pseudonym_for(self, person_key: str | None, original: str) -> str | None:
        """The reviewer's pseudonym for this person key, or for this exact original mention."""
        for change in self.pseudonyms:
            if change.person is not None and person_key and _same_person(change.person, person_key):
                return change.pseudonym
            if change.original is not None and normalise(change.original) == normalise(original):
                return change.pseudonym
        return None

    def apply(self, text: str, decisions: Decisions, case_map: CaseMap | None = None) -> Decisions:
        """Decisions with rejected replacements dropped and pseudonym changes made.

        A change renames every replacement of the person (or thing) that reads as its usual
        label, so 'her mother' kept by a role echo or '[family name]' are left alone. Given a
        `case_map`, the new pseudonym is stored there too, so later documents of the case use it.
        """
        kept: list[Replacement] = []
        for r in decisions.replacements:
            core_start, core_end = r.core
            core = text[core_start:core_end] if core_end > core_start else ""
            rej = self._rejection(r.original, r.start)
            if rej is None and core and (core_start, core_end) != (r.start, r.end):
                rej = self._rejection(core, core_start)
            if rej is not None:
                self.rejected.append((r, rej))
                continue
            kept.append(r)
        groups: dict[str, list[int]] = {}
        for i, r in enumerate(kept):
            groups.setdefault(group_key(r.person, r.original), []).append(i)
        for change in self.pseudonyms:
            key = self._target(change, kept, text, groups)
            if key is None:
                continue
            self.renamed[change] = key
            label = main_label(kept[i].replacement for i in groups[key])
            for i in groups[key]:
                r = kept[i]
                if label is not None and r.replacement.casefold() == label:
                    new = fit_case(r.original, change.pseudonym, sentence_start(text, r.start))
                    kept[i] = dataclasses.replace(r, replacement=new,
                                                  rule=r.rule + " (reviewer pseudonym)")
                    self._matches[change] += 1
            if case_map is not None:
                _remember(case_map, key, change.pseudonym)
        return dataclasses.replace(decisions, replacements=kept)

    def _target(self, change: PseudonymChange, kept: list[Replacement], text: str,
                groups: dict[str, list[int]]) -> str | None:
        """The group key a pseudonym change renames, if it matches anything in this document."""
        if change.person is not None:
            return next((k for k in groups if _same_person(change.person, k)), None)
        wanted = normalise(change.original or "")
        for r in kept:
            core = text[r.core[0]:r.core[1]]
            if wanted in (normalise(r.original), normalise(core)):
                return group_key(r.person, r.original)
        return None

    # -- audit -----------------------------------------------------------------------------

    def describe(self, document: str | None = None) -> list[dict]:
        """Audit records (kind 'decision'), one per decision, with how often it matched.

        `document` is the audit's label for the document; by default the file's own `document`.
        """
        source = self.path.name if self.path else "decisions"
        label = document or self.document
        records: list[dict] = []
        for rej in self.reject:
            records.append({"kind": "decision", "decision": "reject", "document": label,
                            "source": f"{source}:{rej.line}", "original": rej.original, "offset": rej.offset,
                            "matches": self._matches[rej]})
        for change in self.pseudonyms:
            records.append({"kind": "decision", "decision": "pseudonym", "document": label,
                            "source": f"{source}:{change.line}", "person": change.person,
                            "original": change.original, "pseudonym": change.pseudonym,
                            "matches": self._matches[change]})
        for add in self.add:
            records.append({"kind": "decision", "decision": "add", "document": label,
                            "source": f"{source}:{add.line}", "original": add.text, "entity_type": add.entity,
                            "person": add.person, "matches": self._matches[add]})
        return records


    # -- the export -----------------------------------------------------------------------

    def entries(self) -> dict[str, list[dict]]:
        """Every decision as file entries, by section, in file order."""
        return {"reject": [r.entry() for r in self.reject], "pseudonyms": [c.entry() for c in self.pseudonyms],
                "add": [a.entry() for a in self.add]}

    def merged(self, new: ReviewerDecisions, withdrawn: Iterable[object] = ()) -> ReviewerDecisions:
        """The decisions in force after a review round: these (the applied ones) less `withdrawn`, then `new`.

        A new decision about the same thing replaces the applied one: a pseudonym for the same
        person or mention, an addition of the same text, a rejection of the same original
        (everywhere, or at the same offset). The report page merges in exactly this way.
        """
        gone = {id(d) for d in withdrawn}
        new_names = {_pseudonym_target(c) for c in new.pseudonyms}
        new_adds = {normalise(a.text) for a in new.add}
        new_everywhere = {normalise(r.original) for r in new.reject if r.offset is None}
        new_rejects = {(normalise(r.original), r.offset) for r in new.reject}
        reject = [r for r in self.reject if id(r) not in gone and normalise(r.original) not in new_everywhere
                  and (normalise(r.original), r.offset) not in new_rejects]
        pseudonyms = [c for c in self.pseudonyms if id(c) not in gone and _pseudonym_target(c) not in new_names]
        add = [a for a in self.add if id(a) not in gone and normalise(a.text) not in new_adds]
        return ReviewerDecisions(new.document or self.document, (*reject, *new.reject),
                                 (*pseudonyms, *new.pseudonyms), (*add, *new.add))


def _pseudonym_target(change: PseudonymChange) -> tuple[str, str]:
    """Who a pseudonym change is about, as the file's duplicate check sees it."""
    if change.person:
        return "person", normalise(change.person).removeprefix("register:")
    return "original", normalise(change.original or "")


def _same_person(given: str, key: str) -> bool:
    """A person key as written in the file ('register:amara okafor'), or a register name without the prefix."""
    given_n, key_n = normalise(given), normalise(key)
    return given_n == key_n or "register:" + given_n == key_n


def _remember(case_map: CaseMap, key: str, pseudonym: str) -> None:
    """Store a reviewer's pseudonym in the case map, under whichever labels the person already has."""
    if key.startswith("register:"):
        for k in [k for k in case_map.people if k.split("|", 1)[0] == key]:
            case_map.people[k] = pseudonym
    else:  # a letter, and a role label (stored as 'key|role'), whichever the person has
        for k in [k for k in case_map.others if k.split("|", 1)[0] == key]:
            case_map.others[k] = pseudonym
