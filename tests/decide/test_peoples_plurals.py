"""A plural of a peoples' gazetteer word names no one: the residue rule (and verify) explain it as the
singular. On invented text."""

from __future__ import annotations

from anonymiser.config.lexicon import list_entries, phrase_index
from anonymiser.config.profile import load_profile
from anonymiser.decide.residue import unexplained


def test_plurals_of_faith_and_nationality_words_are_listed() -> None:
    faiths = list_entries("gazetteer", "faiths_languages_festivals")
    assert "Catholic" in faiths and "Catholics" in faiths and "Sikhs" in faiths
    assert "Nigerians" in list_entries("gazetteer", "nationalities")
    assert "Welshs" not in list_entries("gazetteer", "nationalities")  # no plural where English has none
    assert "Cumbrias" not in list_entries("gazetteer", "local_authorities")  # places have no plural
    assert "Catholics" in phrase_index("gazetteer", ("faiths_languages_festivals",))


def test_verify_explains_a_plural_faith_word() -> None:
    text = "The family are practising Catholics; her aunts are Sikhs. Tremayne said so."
    found = [text[r.start:r.end] for r in unexplained(text, load_profile("safeguarding-review"))]
    assert found == ["Tremayne"]
