"""Profiles: both shipped profiles load, and a bad profile is refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.config.profile import available_profiles, load_profile
from anonymiser.core.errors import ProfileError


def test_shipped_profiles_load() -> None:
    assert {"safeguarding-review", "strict"} <= set(available_profiles())
    default = load_profile()
    assert default.policy("DATE").action == "month_year"
    assert default.policy("DATE_OF_BIRTH").action == "remove"
    assert default.policy("ORGANISATION").action == "flag"
    assert default.policy("DEMOGRAPHIC").action == "flag"
    assert default.register_adults == "role" and default.register_children == "pseudonym"
    strict = load_profile("strict")
    assert strict.detects("ORGANISATION") and strict.detects("QUANTITY")
    assert len(default.sha256) == 64


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(ProfileError, match="safeguarding-review"):
        load_profile("nonesuch")


@pytest.mark.parametrize("body, words", [
    ("name: x\nentities:\n  PERSONS: {action: person}\n", "unknown entity type 'PERSONS'"),
    ("name: x\nentities:\n  DATE: {action: blur}\n", "unknown action 'blur'"),
    ("name: x\nentities:\n  POSTCODE: {action: remove}\n", "needs 'text'"),
    ("name: x\nentities:\n  DATE: {action: person}\n", "only for PERSON"),
    ("name: x\nentities: {}\nkeep:\n  allowlists: [nonesuch]\n", "models/allowlist/nonesuch.txt"),
    ("name: x\nentities: {}\nkeep:\n  unnamed_areas: sometimes\n", "line 4: keep.unnamed_areas should be true or false"),
    ("name: x\nentities: {}\nkeep:\n  area: Narnia\n", "line 4: keep.area: unknown area 'Narnia'"),
])
def test_bad_profiles_are_refused(tmp_path: Path, body: str, words: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    assert words in err.value.line()
    assert "line " in err.value.line()


def test_the_default_profile_keeps_an_unnamed_area_and_strict_masks_it() -> None:
    from anonymiser.api import anonymise

    text = "The family came to the UK from the north of the country in 2015."
    assert load_profile().keep_unnamed_areas and not load_profile("strict").keep_unnamed_areas
    assert anonymise(text).text == text
    assert "north of the country" not in anonymise(text, profile="strict").text


def test_a_profile_names_the_partnership_area_as_the_gazetteer_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("name: x\nentities: {}\nkeep:\n  area: devon\n", encoding="utf-8")
    assert load_profile(path).area == "Devon"
    assert load_profile("safeguarding-review").area is None
