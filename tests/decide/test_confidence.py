"""The confidence shown to the reviewer comes from the evidence (decide/confidence.py), on invented text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.core.register import EMPTY_REGISTER, Person, Register
from anonymiser.core.results import Replacement
from anonymiser.decide.confidence import (
    EVIDENCE,
    WEIGHTS_FILE,
    EvidenceError,
    combine,
    load_weights,
    score_replacements,
    weights,
)
from anonymiser.decide.policy import decide
from anonymiser.decide.residue import RESIDUE
from anonymiser.pseudonymise.case_map import CaseMap

LOW = weights().low_confidence
TEXT = ("Corrin Vantablue was seen by the health visitor. Her NHS number is 943 476 5919. "
        "Mrs Delia Marsh, her aunt, called. The Guidance was discussed with Quarrington. "
        "Later Zephyrine Oddlake said she was worried.\n")
SUBJECT = Person("Corrin Vantablue", "subject child", "female", date_of_birth=dt.date(2016, 5, 2))
REGISTER = Register(case="t", people=(SUBJECT,))


def at(span: str, entity: str, detectors: tuple[str, ...] = ("SpacyRecognizer",), score: float = 0.85,
       text: str = TEXT, **meta: object) -> Detection:
    start = text.index(span)
    person = meta.get("register_person")
    return Detection(start, start + len(span), entity, score, detectors,
                     person=person if isinstance(person, str) else None,
                     meta=DetectionMeta(**meta))  # type: ignore[arg-type]


def decided(raw: list[Detection], text: str = TEXT, register: Register = REGISTER) -> dict[str, Replacement]:
    decisions = decide(text, raw, load_profile("safeguarding-review"), register, CaseMap(None, "t"))
    return {r.original: r for r in decisions.replacements}


def test_a_register_name_is_sure_and_says_so() -> None:
    got = decided([at("Corrin Vantablue", E.PERSON, ("CaseRegister",), 1.0,
                      register_person=SUBJECT.key, match="exact")])
    r = got["Corrin Vantablue"]
    assert r.score >= 0.95
    assert "on the register" in r.evidence


def test_a_checked_nhs_number_is_sure() -> None:
    r = decided([at("943 476 5919", E.NHS_NUMBER, ("NhsNumberRecognizer",), 1.0)])["943 476 5919"]
    assert r.score >= 0.9
    assert any("checked pattern" in e for e in r.evidence)


def test_a_title_and_the_name_lists_raise_a_ner_name() -> None:
    got = decided([at("Delia Marsh", E.PERSON), at("Zephyrine Oddlake", E.PERSON)])
    titled = got["Mrs Delia Marsh"]  # the title is taken into the replacement
    assert "first-name list" in titled.evidence and "title 'Mrs'" in titled.evidence
    assert any(e.startswith("NER person") for e in titled.evidence)
    # an unknown name the NER alone found is middling: above the low line, below the titled one
    alone = got["Zephyrine Oddlake"]
    assert LOW <= alone.score < titled.score
    assert titled.score >= 0.9


def test_a_common_word_the_ner_took_for_a_name_is_low() -> None:
    # (the lexicon veto drops such a span before choose; here its replacement is scored alone)
    d = at("Guidance", E.PERSON)
    r = Replacement(d.start, d.end, "Guidance", "Adult A", E.PERSON, d.detectors, d.score, "r", core=(d.start, d.end))
    score_replacements(TEXT, [r], {id(r): (r, d)})
    assert r.score < LOW
    assert "a common lower-case word 'Guidance'" in r.evidence


def test_what_the_residue_rule_replaced_is_always_low() -> None:
    got = decided([], register=EMPTY_REGISTER)
    residue = [r for r in got.values() if RESIDUE in r.detectors]
    assert residue, "the unknown capitalised words should be taken by the residue rule"
    for r in residue:
        assert r.score < LOW
        assert "no strong evidence (residue rule)" in r.evidence


def test_the_same_string_decided_with_strong_evidence_lends_it() -> None:
    text = "Mrs Fenwright came to the meeting. Later Fenwright rang the school.\n"
    first_at, later_at = text.index("Fenwright"), text.rindex("Fenwright")

    def mention(at_: int, detectors: tuple[str, ...]) -> Replacement:
        return Replacement(at_, at_ + 9, "Fenwright", "Adult A", E.PERSON, detectors, 0.85, "r", core=(at_, at_ + 9))

    spread = Detection(later_at, later_at + 9, E.PERSON, 0.85, ("propagation",),
                       meta=DetectionMeta(propagated_from="fenwright"))
    first, later = mention(first_at, ("SpacyRecognizer", "TitledPersonRecognizer")), mention(later_at, ("propagation",))
    score_replacements(text, [first, later], {id(later): (later, spread)})
    alone = mention(later_at, ("propagation",))
    score_replacements(text, [alone], {id(alone): (alone, spread)})
    assert first.score >= weights().strong
    assert "the same string decided elsewhere with strong evidence" in later.evidence
    assert "the same string decided elsewhere with strong evidence" not in alone.evidence
    assert later.score > alone.score


def test_confidence_changes_no_decision() -> None:
    raw = [at("Delia Marsh", E.PERSON), at("Guidance", E.PERSON), at("943 476 5919", E.NHS_NUMBER,
                                                                          ("NhsNumberRecognizer",), 1.0)]
    got = decided(raw)
    assert {k: (r.start, r.end, r.replacement, r.rule) for k, r in got.items()} == {
        k: (r.start, r.end, r.replacement, r.rule) for k, r in decided(raw).items()}
    assert all("confidence" not in r.rule for r in got.values())


def test_more_evidence_never_lowers_confidence() -> None:
    w = weights()
    bare, _ = combine([("ner-person", "person 0.85")], w, 0.85, E.PERSON)
    more, said = combine([("ner-person", "person 0.85"), ("first-name", ""), ("title", "'Dr'")], w, 0.85, E.PERSON)
    assert more > bare
    assert said == ("NER person 0.85", "first-name list", "title 'Dr'")


def test_the_shipped_weights_name_every_evidence() -> None:
    w = load_weights()
    assert set(w.evidence) == set(EVIDENCE)
    assert 0 < w.low_confidence < w.strong < 1


def _bad(tmp_path: Path, old: str, new: str) -> Path:
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "confidence.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "says"), [
    ("  title:\n", "  titel:\n", "unknown evidence 'titel'"),
    ("    weight: 1.5\n    says: title {}", "    weight: high\n    says: title {}", "should be a number"),
    ("low_confidence: 0.7", "low_confidence: 7", "should lie between"),
    ("  residue:\n    weight:", "  residue:\n    wieght:", "unknown field 'wieght'"),
    ("  PERSON: 0.0", "  PEOPLE: 0.0", "unknown category 'PEOPLE'"),
    ("base: 0.5", "base: [0.5", "not valid YAML"),
])
def test_a_bad_weights_file_gives_one_clear_error(tmp_path: Path, old: str, new: str, says: str) -> None:
    path = _bad(tmp_path, old, new)
    with pytest.raises(EvidenceError) as err:
        load_weights(path)
    line = err.value.line()
    assert says in line and str(path) in line
    assert "\n" not in line


def test_a_weights_file_missing_an_evidence_says_which(tmp_path: Path) -> None:
    path = _bad(tmp_path, "  country:\n    weight: -0.5\n    says: a country or nationality\n", "")
    with pytest.raises(EvidenceError, match="evidence is missing country"):
        load_weights(path)


def test_a_date_to_the_day_is_surer_than_a_span_of_years() -> None:
    text = "She moved on 14 March 2019. Between 2012 and 2019 the family lived abroad.\n"
    day = Detection(text.index("14 March"), text.index("14 March") + 13, E.DATE, 0.85, ("SpacyRecognizer",))
    span = Detection(text.index("Between"), text.index("Between") + 21, E.DATE, 0.85, ("SpacyRecognizer",))
    reps = [Replacement(d.start, d.end, text[d.start:d.end], "[date]", E.DATE, d.detectors, 0.85, "r",
                        core=(d.start, d.end)) for d in (day, span)]
    score_replacements(text, reps, {id(r): (r, d) for r, d in zip(reps, (day, span))})
    assert "a date with no day of the month" in reps[1].evidence
    assert "a date with no day of the month" not in reps[0].evidence
    assert reps[1].score < LOW <= reps[0].score


def test_a_surname_spread_from_a_strong_full_name_is_sure_too() -> None:
    text = "Mrs Orla Fenwright came to the meeting. Later Fenwright rang the school.\n"
    full_at, later_at = text.index("Mrs"), text.rindex("Fenwright")
    full = Replacement(full_at, full_at + 18, "Mrs Orla Fenwright", "Adult A", E.PERSON, ("SpacyRecognizer",), 0.85,
                       "r", core=(full_at + 4, full_at + 18))
    later = Replacement(later_at, later_at + 9, "Fenwright", "Adult A", E.PERSON, ("propagation",), 0.85, "r",
                        core=(later_at, later_at + 9))
    spread = Detection(later_at, later_at + 9, E.PERSON, 0.85, ("propagation",),
                       meta=DetectionMeta(propagated_from="Fenwright"))
    full_d = Detection(full_at + 4, full_at + 18, E.PERSON, 0.85, ("SpacyRecognizer",))
    score_replacements(text, [full, later], {id(full): (full, full_d), id(later): (later, spread)})
    assert full.score >= weights().strong
    assert "the same string decided elsewhere with strong evidence" in later.evidence
    assert later.score >= LOW
