"""Two professionals who share a name are two people; one person whose role is written twice is one
(decide.namesakes), on invented review text."""

from __future__ import annotations

from anonymiser import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person, Register
from anonymiser.decide.namesakes import part_namesakes

REGISTER = Register("CSPR 2033-01", (
    Person("Nia Hartwell", "subject child", "female"),
    Person("Delyth Hartwell", "mother", "female"),
))


def _mentions(text: str, span: str, key: str) -> list[Detection]:
    out, pos = [], 0
    while (start := text.find(span, pos)) >= 0:
        out.append(Detection(start, start + len(span), E.PERSON, 0.85, ("SpacyRecognizer",), person=key))
        pos = start + len(span)
    return out


def test_a_namesake_introduced_with_a_new_role_is_a_new_person() -> None:
    text = ("Delyth told the practice nurse, Ms Rhian Tegid, about the bruise. Ms Rhian Tegid wrote it down. "
            "Later another social worker, Ms Rhian Tegid, visited. Ms Rhian Tegid saw Nia.")
    keys = [d.person for d in part_namesakes(text, _mentions(text, "Ms Rhian Tegid", "other:rhian tegid"))]
    assert keys[0] == keys[1] != keys[2] == keys[3]  # the later mentions go with the latest introduction


def test_a_role_written_twice_the_same_way_is_one_person() -> None:
    text = ("The social worker, Ms Rhian Tegid, visited. In March a social worker, Ms Rhian Tegid, "
            "saw Nia alone. Ms Rhian Tegid closed the case.")
    keys = {d.person for d in part_namesakes(text, _mentions(text, "Ms Rhian Tegid", "other:rhian tegid"))}
    assert keys == {"other:rhian tegid"}


def test_a_definite_role_that_differs_is_no_introduction() -> None:
    # 'the social worker' points back at someone met before: no new person is brought in
    text = "The practice nurse, Ms Rhian Tegid, visited. The social worker, Ms Rhian Tegid, had asked her to."
    keys = {d.person for d in part_namesakes(text, _mentions(text, "Ms Rhian Tegid", "other:rhian tegid"))}
    assert len(keys) == 1


def test_the_two_namesakes_are_published_under_their_own_roles() -> None:
    text = ("Delyth told the practice nurse, Ms Rhian Tegid, that she was frightened. Ms Tegid made a note. "
            "The health visitor, Mr Idris Moel, left in April.\n\n"
            "In May a second health visitor, Ms Rhian Tegid, visited Nia at home. Ms Tegid weighed Nia.")
    out = anonymise(text, register=REGISTER).text
    assert "Tegid" not in out and "Rhian" not in out
    assert "told the practice nurse that" in out and "the practice nurse made a note" in out.lower()
    assert "practice nurse weighed" not in out.lower()  # the health visitor is not the nurse


def test_an_aside_about_the_name_goes_with_it() -> None:
    text = ("The housing officer, Ms Gwenllian Tudur, rang. A second health visitor, Ms Seren Aeron, "
            "no relation to the housing officer, visited. Ms Aeron wrote.")
    out = anonymise(text).text
    assert "Aeron" not in out and "no relation" not in out
    assert "A second health visitor visited." in out
