"""A named hospital goes whole as its kind, a place in its name and all; a house number, a street
written without its type and a known town are an address. On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.entities import ADDRESS, ORGANISATION
from anonymiser.core.register import Person, Register
from anonymiser.detect.recognizers.institutions import HospitalRecognizer
from anonymiser.detect.recognizers.street_address import StreetAddressRecognizer
from anonymiser.run.register import load_register
from tests.detect.recognizers._support import typed_spans

REGISTER = Register("CSPR 2032-05", (Person("Isla Penhallow", "subject child", "female"),))


@pytest.mark.parametrize("text, found", [
    ("She was taken to the Westmorland Infirmary at night.", ["Westmorland Infirmary"]),
    ("She was seen at Fellbeck General Hospital and at St Agnes Children's Hospital.",
     ["Fellbeck General Hospital", "St Agnes Children's Hospital"]),
    ("A nurse at Marram Hospice rang.", ["Marram Hospice"]),
    ("The General Hospital was busy.", []),  # a kind, not a name
    ("Dr Lowen Hospital saw her.", []),  # after a title the words are a person's
    ("Fellbeck Teaching Hospitals NHS Trust wrote.", []),  # an NHS trust, for the keep lists
    ("Fellbeck Hospital NHS Foundation Trust wrote.", []),
    ("Marram Hospital for Children NHS Foundation Trust wrote.", []),
])
def test_named_hospitals(text: str, found: list[str]) -> None:
    assert typed_spans(HospitalRecognizer(), text) == [(ORGANISATION, f) for f in found]


def test_a_hospital_named_by_the_kept_area_goes_whole() -> None:
    # Cumberland is a local authority the text names as the partnership's: kept, yet not inside the name
    out = anonymise("Cumberland Council children's social care received a referral. Isla was taken to the "
                    "Cumberland Infirmary in May 2031, and later to Cumberland Infirmary again.",
                    register=REGISTER).text
    assert "Infirmary" not in out and "the [place]" not in out
    assert "Isla's" not in out
    assert "was taken to the hospital in May 2031, and later to the hospital again." in out
    assert out.startswith("Cumberland Council")


@pytest.mark.parametrize("hospital", ["Alder Hey Children's Hospital", "Leeds General Infirmary",
                                      "Southmead Hospital", "Royal Victoria Infirmary"])
def test_a_major_hospital_goes_as_its_kind_and_its_trust_stays(hospital: str) -> None:
    # a regional hospital locates the family as a district one does: no allowlist keeps it
    text = f"Isla was transferred to {hospital}, run by North Bristol NHS Trust."
    out = anonymise(text, register=REGISTER).text
    assert out.endswith("was transferred to the hospital, run by North Bristol NHS Trust.")


@pytest.mark.parametrize("text, found", [
    ("In June 2031 the family moved to 61 Quayside, Carlisle.", ["61 Quayside, Carlisle"]),
    ("At 8 Greenmarket, Kendal, LA9 4TN she stayed.", ["8 Greenmarket, Kendal, LA9 4TN"]),
    ("A Section 47 Enquiry, Carlisle began.", []),  # a label's number, not a house's
    ("She was 3 Megan, Carlisle said.", []),  # a first name is no street
    ("The 2 Children, Carlisle group met.", []),
    ("She moved to 14 Carlisle, Cumbria.", []),  # a town is no street
    ("She moved to 14 Quayside, Mother said.", []),  # no known town after it
])
def test_a_numbered_street_without_its_type_before_a_known_town(text: str, found: list[str]) -> None:
    assert [s for e, s in typed_spans(StreetAddressRecognizer(), text) if e == ADDRESS] == found


def test_a_bare_street_address_is_an_address_and_the_registers_is_the_family_home(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "penhallow.register.yaml"
    path.write_text("case: CSPR 2032-05\npeople:\n  - name: Isla Penhallow\n    role: subject child\n"
                    "    gender: female\naddresses:\n  - address: 61 Quayside, Carlisle\n"
                    "    residents: [subject child]\n", encoding="utf-8")
    out = anonymise("Isla lived at 61 Quayside, Carlisle. In 2031 her uncle moved to 9 Abbeygate, Kendal.",
                    register=load_register(path)).text
    assert "Quayside" not in out and "Abbeygate" not in out and "Adult" not in out
    assert "lived at the family home." in out
    assert "moved to another address" in out or "moved to [address]" in out


@pytest.mark.parametrize("name, kind", [
    ("Cumberland Surgery", "the GP practice"),
    ("Cumberland Medical Centre", "the GP practice"),
    ("Cumberland Health Centre", "the GP practice"),
    ("Cumberland Primary School", "the primary school"),
    ("Cumberland Academy", "the school"),  # an academy may teach any age
    ("Cumberland Ward", "the ward"),
])
def test_an_institution_opened_by_the_kept_area_goes_whole(name: str, kind: str) -> None:
    out = anonymise(f"Cumberland Council children's social care received a referral. Isla was seen at {name} "
                    "in May 2031.", register=REGISTER).text
    assert out.endswith(f"was seen at {kind} in May 2031.")


def test_a_place_written_after_a_hospitals_name_goes_with_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    register = tmp_path / "case.register.yaml"
    register.write_text("area: Derbyshire\npeople:\n  - name: Tamsin Garroway\n    role: subject child\n", "utf-8")
    # the partnership's area is kept alone, but after the hospital's name it is part of the name
    result = anonymise("She was brought to University Hospital Derbyshire early one morning.", register=register)
    assert result.text == "She was brought to the hospital early one morning."
    assert any("(its place with it)" in r.rule for r in result.decisions.replacements)
    # a capitalised word after the place says the place opens something else ('Ashbourne Road'): not taken
    result = anonymise("He was seen at University Hospital Derbyshire Road.", register=register)
    assert not any("(its place with it)" in r.rule for r in result.decisions.replacements)


def test_a_register_first_name_before_a_street_type_is_the_street() -> None:
    reg = Register("CSPR 2033-07", (Person("Hope Wood", "half-sister", "female"),
                                    Person("Liam Reed", "subject child", "male")))
    out = anonymise("Liam was found in a flat on Hope Street with older men. Hope was asleep at home.",
                    register=reg).text
    baby = anonymise("Hope was asleep.", register=reg).text.split()[0]
    assert "Hope" not in out
    assert f"on {baby}" not in out and "a flat on [place] with" in out
    assert out.endswith(f"{baby} was asleep at home.")


def test_a_named_building_the_ner_took_for_a_person_is_no_one() -> None:
    out = anonymise("Practitioner events were held at Wexcombe House in the town. Two social workers came.").text
    assert "Wexcombe" not in out and "Adult" not in out


def test_the_comma_that_closed_a_replaced_address_goes_with_it() -> None:
    out = anonymise("The family lived at 15 Birch Avenue, Failsworth, until 1 September 2021. They then lived at "
                    "8 Elm Road, Leigh, which was damp.").text
    assert out == ("The family lived at [address] until September 2021. They then lived at [address], "
                   "which was damp.")
