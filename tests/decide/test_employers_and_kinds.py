"""Employers named after an employment cue, sites of an employer, and a kind its apposition restates;
all on invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


@pytest.mark.parametrize("draft, published", [
    ("4.2 He worked for Corrigan Freight until 2031.", "4.2 He worked for the employer until 2031."),
    ("4.2 He worked at the Corrigan Freight depot.", "4.2 He worked at the employer's depot."),
    ("4.2 He works nights as a picker for Pryce & Sons.", "4.2 He works nights as a picker for the employer."),
    ("4.2 She worked part time as a cleaner for Pellow Facilities Ltd until 2030.",
     "4.2 She worked part time as a cleaner for the employer until 2030."),
])
def test_an_employer_after_a_cue_is_the_employer(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


def test_a_person_or_an_agency_someone_works_for_is_not_an_employer_label() -> None:
    out = anonymise("4.3 He works for Jane Hale as a cleaner. She works for the NHS.").text
    assert out == "4.3 He works for Adult A as a cleaner. She works for the NHS."


@pytest.mark.parametrize("draft, published", [
    ("4.1 The nursery, Little Wrens Day Nursery, said she was fine.", "4.1 The nursery said she was fine."),
    ("4.1 They were placed in a hotel, the Gullrock Lodge Hotel, in 2031.", "4.1 They were placed in a hotel in 2031."),
])
def test_a_kind_its_apposition_restates_is_said_once(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


def test_a_church_named_with_of_goes_whole() -> None:
    assert anonymise("4.3 She attended the Living Stones Church of God each week.").text == \
        "4.3 She attended the church each week."
