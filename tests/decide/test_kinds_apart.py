"""Two places of one kind are told apart (decide/kinds_apart.py). On invented text."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.core.register import Register

DEVON = Register(case="t", people=(), area="Devon")


def test_a_second_hospital_is_another_hospital_then_the_other() -> None:
    out = anonymise("Kai was taken to the Torbridge General Hospital. His aunt is a nurse at Westmoor Royal Hospital. "
                    "At the Torbridge General Hospital he was seen twice. Westmoor Royal Hospital said nothing. "
                    "The Torbridge General was busy.", register=DEVON).text
    assert out == ("Adult A was taken to the hospital. His aunt is a nurse at another hospital. "
                   "At the hospital he was seen twice. The other hospital said nothing. The hospital was busy.")


def test_a_move_between_two_prisons_says_another_prison() -> None:
    out = anonymise("He was held at HMP Forest Bank and moved to HMP Garth in May.", register=DEVON).text
    assert out == "He was held at the prison and moved to another prison in May."


def test_one_place_written_in_two_ways_is_one_place() -> None:
    out = anonymise("She went to St Anne's Church on Sundays. St Anne's was near the flat.", register=DEVON).text
    assert "another" not in out and "other" not in out


def test_an_nhs_trust_named_after_a_hospital_is_kept_whole() -> None:
    out = anonymise("Kai was admitted to Elmtree Children's Hospital. Reports came from Elmtree Children's Hospital "
                    "NHS Foundation Trust and from Dr Amy Lowe, Leeds Teaching Hospitals NHS Trust.", register=DEVON).text
    assert out == ("Adult A was admitted to the hospital. Reports came from Elmtree Children's Hospital "
                   "NHS Foundation Trust and from Professional B, Leeds Teaching Hospitals NHS Trust.")


def test_a_place_the_ner_saw_after_a_kind_in_capitals_is_that_organisation() -> None:
    from anonymiser.core import entities as E
    from anonymiser.core.detection import Detection
    from anonymiser.decide.place_spans import whole_place

    text = "He was serving a custodial sentence at HMP Forest Bank throughout the period."
    s = text.index("Forest")
    got = whole_place(text, Detection(s, s + len("Forest Bank"), E.LOCATION, 0.85, ("SpacyRecognizer",)))
    assert (text[got.start:got.end], got.entity) == ("HMP Forest Bank", E.ORGANISATION)
    other = "The report from CCTV Forest Bank was read."  # capitals that are no organisation's kind
    s = other.index("Forest")
    assert whole_place(other, Detection(s, s + 11, E.LOCATION, 0.85, ("SpacyRecognizer",))).start == s


def test_an_nhs_trusts_name_never_runs_back_over_a_sentence_a_field_or_a_person() -> None:
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.verify.leaks import find_leaks

    out = anonymise("The case was allocated to Jo Platt. Leeds Teaching Hospitals NHS Trust said nothing. He was "
                    "discharged on 14 March 2022. Torbridge NHS Trust closed the case.\n\nJane Smith\tNamed Nurse\t"
                    "Bolton NHS Foundation Trust\n\nKai told Amy Platt Torbridge NHS Trust was slow.",
                    register=DEVON).text
    for original in ("Jo Platt", "Jane Smith", "Amy Platt", "14 March"):
        assert original not in out
    assert "Leeds Teaching Hospitals NHS Trust said nothing" in out
    leaks = find_leaks("Seen: Dawn Ames Royal Bolton Hospital NHS Foundation Trust", "x", EMPTY_REGISTER,
                       [("Dawn Ames", "PERSON")], set(), ())
    assert [leak.text for leak in leaks] == ["Dawn Ames"]
