"""The decide stage as named steps: their documented order, and each step's name in the audit rule."""

from __future__ import annotations

import datetime as dt
import re

from anonymiser.config import profile as profile_schema
from anonymiser.config.lexicon import PhraseIndex
from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.core.register import Person, Register
from anonymiser.decide import steps as steps_module
from anonymiser.decide.actions import ACTIONS
from anonymiser.decide.keep import Keeper
from anonymiser.decide.policy import decide
from anonymiser.decide.state import DecideState, Step
from anonymiser.decide.steps import STEPS, run_steps
from anonymiser.pseudonymise.case_map import CaseMap

ORDER = ("keep-rules", "local-organisations", "kept-phrases", "dates-of-birth", "listed-people",
         "listed-organisations", "propagation",
         "names-from-evidence", "reviewer-additions", "people-read-as-organisations",
         "overlaps", "adjacent-names", "streets-read-as-people", "other-people", "choose", "residue", "widened-overlaps", "name-variants",
         "mechanics", "flag-lists",
         "confidence")

TEXT = ("Amara Okafer (DOB 14/03/2015) lives with her mother. Sam Hollis, her mother's partner, moved in "
        "during 2021; Hollis works nights. Kia Jones visited on 2 May 2021 and Jones was worried. "
        "The Riverside Trust runs the Hollybush Oakfield Primary School. Amara was seen at the Riverside Café. "
        "The family are of Somali heritage. PC 6187 Dunmore attended. Tomasz Wren Devon County Council wrote. "
        "She sang at St Anne's Church. Hope's brother was told.\n\n"
        "Report by: Nadia Petrova\n\n"
        "Helen Wakeford  Brackwater Housing\nOwen Pryce  Devon County Council\nRuth Okonedo  NHS England\n")
AMARA = "register:amara okafor"
REGISTER = Register(case="t", people=(Person("Amara Okafor", "subject child", "female",
                                             date_of_birth=dt.date(2015, 3, 14)),))


def at(span: str, entity: str, detectors: tuple[str, ...] = ("SpacyRecognizer",), nth: int = 0, **meta: object) -> Detection:
    """A detection of the nth `span` in TEXT, as a detector would hand it on."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(span, start + 1)
    person = meta.get("register_person")
    return Detection(start, start + len(span), entity, 0.85, detectors, person=person if isinstance(person, str) else None,
                     meta=DetectionMeta(**meta))  # type: ignore[arg-type]


def raw() -> list[Detection]:
    return [
        at("Amara", E.PERSON, ("CaseRegister",), register_person=AMARA, match="exact"),
        at("Okafer", E.PERSON, ("CaseRegister",), register_person=AMARA, match="fuzzy"),  # a typo, matched
        at("14/03/2015", E.DATE, ("UkDateRecognizer",)),
        at("Sam Hollis", E.PERSON),  # 'Hollis' alone is left for propagation
        at("Kia Jones", E.ORGANISATION),  # the NER's misreading
        at("2 May 2021", E.DATE, ("UkDateRecognizer",)),
        at("Jones", E.PERSON, nth=1),
        at("The Riverside Trust", E.ORGANISATION),
        at("Hollybush Oakfield", E.LOCATION),  # overlaps the school's name
        at("Oakfield Primary School", E.SCHOOL, ("SchoolRecognizer",)),
        at("Amara", E.PERSON, ("CaseRegister",), nth=1, register_person=AMARA, match="exact"),
        at("St Anne's Church", E.PERSON),  # the NER's misreading of a named church
        at("6187", E.REFERENCE_NUMBER, ("ReferenceNumberRecognizer",)),
        at("Dunmore", E.PERSON),
        at("Tomasz Wren Devon", E.PERSON),  # straddles a council's name: cut at its edge
    ]


def reviewer_added() -> list[Detection]:
    return [at("Riverside Café", E.LOCATION, ("reviewer",), reviewer=True)]


def test_the_steps_run_in_the_documented_order() -> None:
    assert tuple(s.name for s in STEPS) == ORDER
    documented = re.findall(r"^\s*\d+\. ([a-z-]+):", steps_module.__doc__ or "", re.M)
    assert tuple(documented) == ORDER


def test_each_steps_name_reaches_the_audit_rule() -> None:
    added = reviewer_added()
    decisions = decide(TEXT, raw(), load_profile("safeguarding-review"), REGISTER, CaseMap(None, "t"), added)
    rules = {r.original: r.rule for r in decisions.replacements}
    reasons = {f.text: f.rule for f in decisions.flags}
    assert {f.reason for f in decisions.flags} == {"kept; check it is needed", "ethnicity: kept; check it is needed"}
    p = "safeguarding-review"
    assert rules == {
        "Amara Okafer": f"adjacent-names > choose: {p}: PERSON -> person (register subject child: pseudonym)",
        "14/03/2015": f"dates-of-birth > choose > mechanics: {p}: DATE_OF_BIRTH -> remove",
        "Sam Hollis": f"other-people > choose: {p}: PERSON -> person (not on register)",
        "Hollis": f"propagation > other-people > choose: {p}: PERSON -> person (not on register)",
        "Kia Jones": f"people-read-as-organisations > other-people > choose: {p}: PERSON -> person (not on register)",
        "on 2 May 2021": f"choose: {p}: DATE -> month_year",
        "Jones": f"other-people > choose: {p}: PERSON -> person (not on register)",
        "Hollybush": f"overlaps > choose: {p}: LOCATION -> replace",
        "Oakfield Primary School": f"choose: {p}: SCHOOL -> institution",  # no step changed it
        "Amara": f"choose: {p}: PERSON -> person (register subject child: pseudonym)",
        "Riverside Café": f"reviewer-additions > choose: {p}: LOCATION -> replace",
        # the title and collar number taken in swallowed the number's own replacement
        "PC 6187 Dunmore": f"other-people > choose > widened-overlaps: {p}: PERSON -> person (not on register)"
                           " (professional's role: police officer; label 'the police officer') (role beside the name: one mention)",
        "Hope": f"names-from-evidence > other-people > choose: {p}: PERSON -> person (not on register)",
        "Nadia Petrova": f"listed-people > other-people > choose: {p}: PERSON -> person (not on register)",
        "Helen Wakeford": f"listed-people > other-people > choose: {p}: PERSON -> person (not on register)",
        "Owen Pryce": f"listed-people > other-people > choose: {p}: PERSON -> person (not on register)",
        "Ruth Okonedo": f"listed-people > other-people > choose: {p}: PERSON -> person (not on register)",
        # the body beside a listed person, not a national agency: a local organisation, as its kind
        "Brackwater Housing": f"listed-organisations > choose: {p}: ORGANISATION -> institution",
        "Tomasz Wren": f"kept-phrases > other-people > choose: {p}: PERSON -> person (not on register)",
        "St Anne's Church": f"local-organisations > choose: {p}: ORGANISATION -> institution",
    }
    assert reasons == {"Riverside Trust": "keep-rules > choose: kept; check it is needed",
                       "Somali heritage": "flag-lists: ethnicity: kept; check it is needed"}
    said = " ".join([*rules.values(), *reasons.values()])
    # the residue step names itself in its rules: tests/decide/test_residue.py; the confidence step
    # decides nothing, so it leaves the rules alone and writes each replacement's evidence instead;
    # the mechanics step names itself where it mends one: tests/decide/test_mechanics.py;
    # name-variants needs a quoted list of one person's names: tests/decide/test_people_model.py;
    # streets-read-as-people a street read as a person: tests/decide/test_readability.py
    assert [name for name in ORDER if name not in said and name not in (
        "residue", "mechanics", "confidence", "name-variants", "streets-read-as-people")] == []
    assert all(r.evidence for r in decisions.replacements)
    assert added[0].trail == ()  # the caller's detections are not marked in place


def test_the_published_words_come_from_the_actions() -> None:
    decisions = decide(TEXT, raw(), load_profile("safeguarding-review"), REGISTER, CaseMap(None, "t"), reviewer_added())
    got = {r.original: r.replacement for r in decisions.replacements}
    assert {k: got[k] for k in ("14/03/2015", "on 2 May 2021", "Hollybush", "Oakfield Primary School",
                                "Riverside Café", "Kia Jones", "Jones", "PC 6187 Dunmore")} == {
        "14/03/2015": "removed", "on 2 May 2021": "in May 2021", "Hollybush": "[place]",
        "Oakfield Primary School": "the primary school", "Riverside Café": "[place]",
        "Kia Jones": "Adult B", "Jones": "Adult B", "PC 6187 Dunmore": "The police officer"}
    assert got["Amara Okafer"] == got["Amara"] and got["Amara"] not in ("Amara", "Okafor")


def state_for(text: str, detections: list[Detection]) -> DecideState:
    profile = load_profile("safeguarding-review")
    return DecideState(text, profile, REGISTER, CaseMap(None, "t"), PhraseIndex(()), Keeper(profile, text),
                       detections)


def test_run_steps_marks_only_what_a_step_made_or_changed() -> None:
    text = "Sam Hollis met Kia Jones."
    sam, kia = Detection(0, 10, E.PERSON, 0.9, ("SpacyRecognizer",)), Detection(15, 24, E.PERSON, 0.9, ("SpacyRecognizer",))
    state = state_for(text, [sam, kia])

    def trim_sam(s: DecideState) -> None:
        s.detections = [Detection(4, 10, E.PERSON, 0.9, ("SpacyRecognizer",)), s.detections[1]]

    def nothing(s: DecideState) -> None:
        s.detections = list(s.detections)

    seen: list[str] = []
    run_steps(state, (Step("trim", trim_sam), Step("idle", nothing), Step("look", lambda s: seen.append(s.step))))
    assert [d.trail for d in state.detections] == [("trim",), ()]
    assert state.detections[1] is kia and kia.trail == () and sam.trail == ()
    assert seen == ["look"]


def test_the_action_registry_covers_exactly_the_profile_schemas_actions() -> None:
    assert sorted(ACTIONS) == sorted(profile_schema.ACTIONS)
    assert ACTIONS["remove"] is ACTIONS["replace"]
    assert {ACTIONS[n].__name__ for n in ("person", "month_year", "institution", "flag")} == {
        "person", "month_and_year", "institution", "flag"}
