"""Where a home was is a place, not a person or a body. On invented text."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person, Register
from anonymiser.decide.places_by_context import places_by_context

REGISTER = Register("CSPR 2033-06", (Person("Tamsin Vellacott", "subject child", "female"),))


def _det(text: str, span: str, entity: str) -> Detection:
    start = text.index(span)
    return Detection(start, start + len(span), entity, 0.85, ("SpacyRecognizer",))


def test_a_village_after_address_in_and_before_address_is_a_place() -> None:
    text = ("Police attended the family's earlier address in Holmcroft twice, "
            "and the records kept the Holmcroft address.")
    out = anonymise(text, register=REGISTER).text
    assert out == ("Police attended the family's earlier address in [place] twice, "
                   "and the records kept the [place] address.")


def test_the_ners_body_after_a_dwelling_and_in_is_a_place() -> None:
    text = "Their flat in Holmcroft was damp; Mr Ashdown in Holmcroft was not."
    dets = [_det(text, "Holmcroft", E.ORGANISATION)]
    assert [d.entity for d in places_by_context(text, dets)] == [E.LOCATION]
    # no dwelling before 'in': the NER's reading stands
    second = text.index("Holmcroft", text.index("Ashdown"))
    other = [Detection(second, second + 9, E.ORGANISATION, 0.85, ("SpacyRecognizer",))]
    assert [d.entity for d in places_by_context(text, other)] == [E.ORGANISATION]
