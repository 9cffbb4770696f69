"""The profile's flag lists: an ethnicity kept and flagged, a colour of a vehicle not; on invented text."""

from __future__ import annotations

from anonymiser.api import anonymise


def test_a_colour_before_a_vehicle_is_no_ethnicity_to_flag() -> None:
    result = anonymise("4.1 A black Skoda Octavia and a white van were seen. He is Black British.")
    assert [(f.text, f.reason) for f in result.decisions.flags] == [
        ("Black", "kept; check it is needed"), ("Black British", "ethnicity: kept; check it is needed")]
