"""A hospital unit's own name goes as 'the unit' in a hospital's sentence; an agency's unit and a kind
of unit are kept. On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.entities import HOSPITAL_WARD
from anonymiser.core.register import Person, Register
from anonymiser.detect.recognizers.institutions import HospitalUnitRecognizer
from tests.detect.recognizers._support import typed_spans

REGISTER = Register("CSPR 2033-02", (Person("Morwenna Tregear", "subject child", "female"),))


@pytest.mark.parametrize("text, found", [
    ("She was examined by the paediatrician at the Bluebell Unit, Tamsworth Hospital.", ["Bluebell Unit"]),
    ("She was admitted to the Kestrel Unit for two nights.", ["Kestrel Unit"]),
    ("The consultant saw her in the Harebell Unit.", ["Harebell Unit"]),
    ("She went to the Kestrel Unit with her aunt.", []),  # no hospital in the sentence
    ("The paediatrician rang the Tamsworth Child Safeguarding Unit.", []),  # an agency's unit
    ("She was admitted to the Neonatal Unit at Tamsworth Hospital.", []),  # a kind of unit
    ("She was admitted to the Assessment Unit at Tamsworth Hospital.", []),
    ("The paediatrician told the Kestrel Unit Manager.", []),  # a longer name or a role goes on
    ("She was admitted to Kestrel Unit at the hospital.", []),  # only after 'the'
])
def test_named_hospital_units(text: str, found: list[str]) -> None:
    assert typed_spans(HospitalUnitRecognizer(), text) == [(HOSPITAL_WARD, f) for f in found]


def test_a_named_unit_reads_as_the_unit() -> None:
    out = anonymise("Morwenna was seen by the consultant paediatrician at the Bluebell Unit, Tamsworth "
                    "General Hospital, in June 2032.", register=REGISTER).text
    assert "Bluebell" not in out and "Tamsworth" not in out
    assert "at the unit, the hospital" in out
