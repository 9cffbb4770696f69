"""Local organisations of issue 12 on invented text: the body beside a listed person, a company's legal
ending, a hospital named by the kept area, and a congregation named with a word of worship."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.listed_organisations import listed_organisations
from anonymiser.decide.local_organisations import read_local_organisations
from anonymiser.decide.residue_step import _named_organisation

PANEL = ("Review Panel\n\n"
         "Helen Wakeford  Brackwater Housing\n"
         "Owen Pryce  Devon and Cornwall Police\n"
         "Ruth Okonedo  Tellimore Care and Health\n"
         "Sean Mulcahy  QTRV Recovery Service\n"
         "Ama Boateng  NHS England South West Team\n"
         "Dev Raman  Independent Chair\n")


def _listed(text: str, name: str) -> Detection:
    s = text.index(name)
    return Detection(s, s + len(name), E.PERSON, 0.8, ("PersonEvidence", "people-list"))


def test_the_body_beside_a_listed_person_is_a_local_organisation_as_its_kind() -> None:
    people = [_listed(PANEL, n) for n in ("Helen Wakeford", "Owen Pryce", "Ruth Okonedo", "Sean Mulcahy",
                                          "Ama Boateng", "Dev Raman")]
    police, nhs = PANEL.index("Devon and Cornwall Police"), PANEL.index("NHS England")
    kept = [(police, police + len("Devon and Cornwall Police")), (nhs, nhs + len("NHS England"))]
    found = {PANEL[d.start:d.end]: d.meta.local_kind for d in listed_organisations(PANEL, people, kept)}
    assert found == {"Brackwater Housing": "the housing provider", "Tellimore Care and Health": "the care provider",
                     "QTRV Recovery Service": "the service"}


def test_a_panel_list_end_to_end_keeps_national_agencies_and_roles() -> None:
    out = anonymise(PANEL).text
    for gone in ("Brackwater", "Tellimore", "QTRV"):
        assert gone not in out, out
    for kept in ("Devon and Cornwall Police", "NHS England", "Independent Chair"):
        assert kept in out, out
    assert "the housing provider" in out.lower()


def test_no_organisation_beside_a_name_that_is_not_in_a_list() -> None:
    text = "Helen Wakeford  Brackwater Housing\n"
    assert listed_organisations(text, [Detection(0, 14, E.PERSON, 0.85, ("SpacyRecognizer",))], []) == []


@pytest.mark.parametrize(("text", "org", "want"), [
    ("Written by Ian Holt, Director, Fenwick Print (Leeds) Ltd\n", "Fenwick Print", "Fenwick Print (Leeds) Ltd"),
    ("She worked for Marlowe Cleaning Limited until May.", "Marlowe Cleaning", "Marlowe Cleaning Limited"),
    ("The Harwood Group LLP. was appointed.", "Harwood Group", "Harwood Group LLP"),
])
def test_a_company_ending_after_an_organisation_is_part_of_its_name(text: str, org: str, want: str) -> None:
    s = text.index(org)
    d = Detection(s, s + len(org), E.ORGANISATION, 0.85, ("SpacyRecognizer",))
    (got,) = read_local_organisations(text, [d])
    assert text[got.start:got.end] == want


def test_a_company_ending_makes_a_named_private_body() -> None:
    assert _named_organisation("Contact Print Ltd") and _named_organisation("Fenwick Print (Leeds) Ltd")
    assert not _named_organisation("Ltd")


def test_a_company_employer_goes_as_its_kind() -> None:
    out = anonymise("Report written by Ian Holt, Managing Director, Fenwick Print (Leeds) Ltd\n").text
    assert "Fenwick" not in out and "Ltd" not in out and "Person" not in out, out


def test_a_hospital_named_by_the_kept_area_is_a_local_organisation() -> None:
    text = ("The Norfolk Safeguarding Children Partnership commissioned this review. The child was taken "
            "to Norfolk General Hospital on the day, and Norfolk County Council was told.")
    out = anonymise(text).text
    assert "Norfolk General Hospital" not in out and "the hospital" in out, out
    assert "Norfolk County Council" in out and "Norfolk Safeguarding Children Partnership" in out


@pytest.mark.parametrize(("name", "kind"), [
    ("Harbour Light Praise Assembly", "the church"),
    ("New Life Gospel Fellowship", "the church"),
    ("General Assembly", None),
    ("Parliamentary Assembly", None),
])
def test_an_assembly_is_a_church_only_with_a_word_of_worship(name: str, kind: str | None) -> None:
    text = f"The family went to the {name} each week."
    s = text.index(name)
    (got,) = read_local_organisations(text, [Detection(s, s + len(name), E.ORGANISATION, 0.85, ("SpacyRecognizer",))])
    assert got.meta.local_kind == kind
