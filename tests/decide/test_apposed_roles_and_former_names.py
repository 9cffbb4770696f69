"""Roles set off from a name by what they are at or who they are, a title the NER read as a place,
and former surnames beside a mention: invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person, Register
from anonymiser.core.results import Replacement
from anonymiser.decide.former_names import drop_former_names
from anonymiser.decide.people import people_read_as_organisations
from anonymiser.decide.roles import written_role

REGISTER = Register("CSPR 2031-09", (
    Person("Tamsin Garroway", "subject child", "female", pseudonym="Poppy"),
    Person("Leanne Garroway", "mother", "female", aliases=("Leanne Quennell-Hart",)),
    Person("Pauline Quennell-Hart", "maternal grandmother", "female"),
))


@pytest.mark.parametrize("draft, published", [
    ("Her class teacher at Brackenfold Primary School, Mrs Odile Vantreight, said she was tired. "
     "Mrs Vantreight rang the school nurse.",
     "Her class teacher at the primary school said she was tired. The class teacher rang the school nurse."),
    ("The MASH social worker who screened it, Ravinder Sohal, closed the case. Ms Sohal wrote to the GP.",
     "The MASH social worker who screened it closed the case. The MASH social worker wrote to the GP."),
    ("The duty social worker who was on call, Daniel Hughes, rang back.",
     "The duty social worker who was on call rang back."),
])
def test_a_role_before_what_it_is_at_or_who_it_is_and_the_name_read_as_one_mention(draft: str,
                                                                                   published: str) -> None:
    assert anonymise(draft).text == published


@pytest.mark.parametrize("text, name", [
    # the clause's noun phrase could be the person the name is apposed to
    ("the social worker who visited the grandmother, Mrs Odile Vantreight, said", "Mrs Odile Vantreight"),
    # what the role is at is no organisation: the name may be apposed to it
    ("the social worker at the home of her aunt, Odile Vantreight, said", "Odile Vantreight"),
    # the role in the plural is several people's
    ("the teachers at Brackenfold Primary School, Odile Vantreight and others, said", "Odile Vantreight"),
])
def test_no_role_is_read_across_words_that_could_be_another_persons(text: str, name: str) -> None:
    start = text.index(name)
    assert written_role(text, start, start + len(name)) is None


def test_an_initialism_in_a_role_keeps_its_capitals_and_a_role_in_capitals_does_not() -> None:
    text = "the MASH social worker, Ravinder Sohal, rang"
    found = written_role(text, text.index("Ravinder"), text.index(",", text.index("Ravinder")))
    assert found is not None and found.role == "MASH social worker"
    text = "THE MASH SOCIAL WORKER, RAVINDER SOHAL, RANG"
    found = written_role(text, text.index("RAVINDER"), text.index(",", text.index("RAVINDER")))
    assert found is not None and found.role == "mash social worker"


def _ner(text: str, span: str, entity: str) -> list[Detection]:
    start = text.index(span)
    return [Detection(start, start + len(span), entity, 0.85, ("SpacyRecognizer",))]


@pytest.mark.parametrize("text, span, entity, becomes", [
    ("Her teacher, Mrs Odile Vantreight, said so.", "Mrs Odile", E.LOCATION, E.PERSON),
    ("Dr Ashworth Pell examined her.", "Dr Ashworth Pell", E.ORGANISATION, E.PERSON),
    ("They moved to Mrs Odile Road.", "Mrs Odile Road", E.LOCATION, E.LOCATION),  # more than a name
    ("She went to St Austell.", "St Austell", E.LOCATION, E.LOCATION),  # 'St' opens places' names
    ("Dr Pell Hospital was busy.", "Dr Pell Hospital", E.ORGANISATION, E.ORGANISATION),
])
def test_what_the_ner_took_for_a_place_is_a_person_when_a_title_opens_it(text: str, span: str, entity: str,
                                                                       becomes: str) -> None:
    assert people_read_as_organisations(text, _ner(text, span, entity))[0].entity == becomes


@pytest.mark.parametrize("draft, published", [
    ("Tamsin lived with her mother Leanne Garroway (née Quennell-Hart).", "Poppy lived with her mother."),
    ("Leanne Garroway, née Quennell-Hart, moved to the area in 2018.", "Mother moved to the area in 2018."),
    ("Mrs Garroway (formerly Quennell-Hart) was seen.", "Mother was seen."),
    ("Her neighbour Odile Vantreight (née Pell) helped.", "Her neighbour Adult A helped."),
])
def test_a_former_surname_beside_a_mention_goes_with_it(draft: str, published: str) -> None:
    result = anonymise(draft, register=REGISTER)
    assert result.text == published
    assert any("a former name beside the mention goes with it" in r.rule for r in result.decisions.replacements)


def test_a_word_of_a_former_name_that_opens_no_apposition_of_a_name_stays() -> None:
    text = "Leanne, previously Pauline's lodger, left."
    people = [Detection(0, 6, E.PERSON, 0.9, ("CaseRegister",)), Detection(19, 28, E.PERSON, 0.9, ("CaseRegister",))]
    reps = [Replacement(d.start, d.end, text[d.start:d.end], "X", d.entity, d.detectors, 0.9, "r: why") for d in people]
    out = drop_former_names(text, reps, "name-variants")
    assert [(r.start, r.end, r.replacement) for r in out] == [(0, 6, "X"), (19, 28, "X")]
    anonymised = anonymise("Leanne Garroway, previously Pauline Quennell-Hart's lodger, left.", register=REGISTER).text
    assert "lodger" in anonymised and "Quennell" not in anonymised


NAMED = Register("CSPR 2031-11", (
    Person("Abena Dunsford", "mother", "female", aliases=("Abena Quarshie",)),
    Person("Tobiah Dunsford", "subject child", "male", pseudonym="Rory"),
))


@pytest.mark.parametrize("draft, published", [
    ("Abena was registered at the practice under her maiden name, Abena Quarshie, which she never updated.",
     "Mother was registered at the practice under her maiden name, which she never updated."),
    ("Her birth name, Quarshie, was on the file.", "Her birth name was on the file."),
    # the label would say the record held the pseudonym; the second word of the name goes with the first
    ("Tobiah was registered at the nursery under the name Tobiah Mensworth.",
     "Rory was registered at the nursery under another name."),
])
def test_a_name_the_phrase_before_it_says_is_another_goes_or_reads_as_another_name(draft: str,
                                                                                   published: str) -> None:
    assert anonymise(draft, register=NAMED).text == published
