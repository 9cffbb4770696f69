"""What the decide steps share: one document's inputs, its detections so far and the decisions made."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from anonymiser.config.lexicon import PhraseIndex
from anonymiser.config.profile import Profile
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person, Register
from anonymiser.core.results import Decisions, Replacement
from anonymiser.decide.keep import Keeper
from anonymiser.decide.phrases import PhraseLayer
from anonymiser.decide.roles import PersonRole
from anonymiser.decide.written import WrittenLabels
from anonymiser.pseudonymise.case_map import CaseMap


@dataclass
class DecideState:
    """One document on its way through the decide steps."""

    text: str
    profile: Profile
    register: Register
    case_map: CaseMap
    allow: PhraseIndex
    keeper: Keeper
    detections: list[Detection]
    reviewer_added: tuple[Detection, ...] = ()
    rows: tuple[tuple[tuple[int, int], ...], ...] = ()  # a Word or PDF table's rows: each cell's span
    professionals: set[str] = field(default_factory=set)  # keys of other people met in a professional capacity
    children: set[str] = field(default_factory=set)  # keys of other people the draft says are children
    # other people labelled by the role written beside them (decide.roles), with the label each has
    roles: dict[str, tuple[PersonRole, str]] = field(default_factory=dict)
    pets: dict[str, str] = field(default_factory=dict)  # key of a name given to a pet -> its pet noun ('dog')
    decisions: Decisions = field(default_factory=Decisions)
    # the detection each replacement was made from, by the replacement's id, with the replacement
    # itself (so an id is never another's): choose writes it, and the confidence step reads the
    # detection's notes (register match, reviewer, propagation) as evidence
    sources: dict[int, tuple[Replacement, Detection]] = field(default_factory=dict)
    step: str = ""  # the name of the step running, for the rules it writes

    @cached_property
    def phrases(self) -> PhraseLayer:
        """What is kept whole: allowlisted and kept-place phrases, agencies' names, labels, section numbers."""
        return PhraseLayer(self.text, self.keeper, self.allow)

    @cached_property
    def people(self) -> dict[str, Person]:
        """The register's people by key."""
        return {p.key: p for p in self.register.people}

    @cached_property
    def chosen(self) -> frozenset[str]:
        """The pseudonyms the register chose itself."""
        return frozenset(p.pseudonym for p in self.register.people if p.pseudonym)

    @cached_property
    def written_labels(self) -> frozenset[str]:
        """Labels the draft itself writes ('Child B', 'Adult AB'): a word, a space and one or two capitals."""
        return frozenset(re.findall(r"(?<![\w-])[A-Z][a-z]+ [A-Z]{1,2}(?![\w-])", self.text))

    @cached_property
    def writes(self) -> WrittenLabels:
        """Whether the draft itself writes a label ('Health Visitor 1' is then someone else's)."""
        return WrittenLabels(self.text)

    def rule(self, d: Detection, says: str) -> str:
        """The audit rule for a decision on `d`: the steps that made or changed it, this one, what it says."""
        return " > ".join((*d.trail, self.step)) + ": " + says


@dataclass(frozen=True)
class Step:
    """One named step of the decide stage."""

    name: str
    run: Callable[[DecideState], None]
