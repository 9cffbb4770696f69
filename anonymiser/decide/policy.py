"""Turn detections into decisions: what each span becomes, and which rule said so."""

from __future__ import annotations

from anonymiser.config.profile import Profile
from anonymiser.core.detection import Detection
from anonymiser.core.register import Register
from anonymiser.core.results import Decisions
from anonymiser.decide.keep import Keeper, allow_index
from anonymiser.decide.state import DecideState
from anonymiser.decide.steps import run_steps
from anonymiser.pseudonymise.case_map import CaseMap


def decide(text: str, raw: list[Detection], profile: Profile, register: Register, case_map: CaseMap,
           reviewer_added: list[Detection] | tuple[Detection, ...] = (),
           rows: tuple[tuple[tuple[int, int], ...], ...] = ()) -> Decisions:
    """Apply the profile's policy, allowlists and propagation to raw detections: decide.steps.STEPS in
    order; `rows` are a Word or PDF table's rows, each cell's span of `text`."""
    state = DecideState(text, profile, register, case_map, allow=allow_index(profile),
                        keeper=Keeper(profile, text, register.area), detections=list(raw),
                        reviewer_added=tuple(reviewer_added), rows=rows)
    run_steps(state)
    return state.decisions
