"""A register address by its house number alone ('at number 17'), where the draft names its street."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import Register
from anonymiser.detect.recognizers.register_house_numbers import house_number_results

HOME = "17 Foxglove Terrace, Brinsworth, S60 5AB"
OTHER = "3 Pinfold Lane, Brinsworth"


def _found(text: str, addresses: tuple[str, ...] = (HOME,)) -> list[tuple[str, tuple[int, ...]]]:
    register = Register(case=None, people=(), addresses=addresses)
    return [(text[r.start:r.end], tuple(r.recognition_metadata["register_address_of"]))
            for r in house_number_results(text, register)]


@pytest.mark.parametrize("mention", ["number 17", "Number 17", "No. 17", "no 17", "No.17"])
def test_a_house_number_after_a_place_preposition_is_the_register_address(mention: str) -> None:
    text = f"The family moved to Foxglove Terrace in 2019. Police were called to {mention} twice."
    assert _found(text) == [(mention, (0,))]


@pytest.mark.parametrize("text", [
    "Police were called to number 17 twice.",  # the street is nowhere in the draft
    "The family lived on Foxglove Terrace. She caught bus number 17.",  # no preposition of place before it
    "The family lived on Foxglove Terrace. Police went to number 170.",  # another number
    "The family lived on Foxglove Terrace. Police went to number 17 Mill Road.",  # another street's house
    "The family lived on Foxglove Terrace. See Recommendation No. 17 below.",
])
def test_other_numbers_are_left(text: str) -> None:
    assert _found(text) == []


def test_a_number_two_named_register_streets_share_may_be_either() -> None:
    text = "They moved from Foxglove Terrace to Pinfold Lane; a neighbour heard shouting at number 3."
    assert _found(text, (HOME, OTHER)) == [("number 3", (1,))]
    text = "They moved from Foxglove Terrace to Pinfold Lane; a neighbour heard shouting at number 17."
    assert _found(text, (HOME, "17 Pinfold Lane")) == [("number 17", (0, 1))]


def test_the_house_number_reads_as_the_addresses_label(tmp_path: Path) -> None:
    register = tmp_path / "case.register.yaml"
    register.write_text(f"""\
people:
  - name: Tamsin Greaves
    role: subject child
    gender: female
    pseudonym: Ruby
addresses:
  - address: {HOME}
    residents: [subject child]
""", encoding="utf-8")
    draft = ("Tamsin lived with her mother on Foxglove Terrace. A neighbour from across the road called the "
             "police after hearing a child crying at number 17.")
    out = anonymise(draft, register=register).text
    assert "17" not in out
    assert out.endswith("hearing a child crying at the family home.")
