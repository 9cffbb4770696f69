"""Decide rules for precision (issue 12): what names nobody is not replaced, by general mechanisms.
All text here is invented; the detectors' side is in tests/detect/recognizers/test_precision_shapes.py."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.config.lexicon import phrase_index
from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.brackets import cut_at_unbalanced, is_citation, unbalanced
from anonymiser.decide.expansions import expansions
from anonymiser.decide.keep import Keeper
from anonymiser.decide.legislation import legislation_names
from anonymiser.decide.overlaps import resolve
from anonymiser.decide.phrases import PhraseLayer
from anonymiser.decide.propagation import person_tokens
from anonymiser.decide.residue import find_residue
from anonymiser.decide.residue_scan import explaining_index

NO_ALLOW = phrase_index("allowlist", ())


def _det(text: str, phrase: str, entity: str, detector: str = "SpacyRecognizer", nth: int = 0,
         score: float = 0.85, **meta: object) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Detection(start, start + len(phrase), entity, score, (detector,), meta=DetectionMeta(**meta))  # type: ignore[arg-type]


def _kept(profile: str, text: str, dets: list[Detection]) -> list[str]:
    return [text[d.start:d.end] for d in Keeper(load_profile(profile), text).filter(dets)]


# --------------------------------------------------------------------------- brackets and citations


def test_unbalanced_brackets_are_found_and_balanced_pairs_are_not() -> None:
    assert unbalanced("Tribunal (Rule 14") == [9]
    assert unbalanced("Hallam Consulting (Leeds) Ltd") == []
    assert unbalanced("Sąd Okręgowy)") == [12]


def test_a_span_is_cut_at_a_bracket_it_does_not_close() -> None:
    text = "As Vice-President of the Tribunal (Rule 14 § 2 (c)), Mr Arkwright chose the members."
    d = _det(text, "Tribunal (Rule 14", E.ORGANISATION)
    assert [text[p.start:p.end] for p in cut_at_unbalanced(text, d)] == ["Tribunal", "Rule 14"]
    whole = _det(text, "Vice-President", E.ORGANISATION)
    assert cut_at_unbalanced(text, whole) == [whole]


def test_citations_are_recognised() -> None:
    for citation in ("Rule 14 § 2", "Article 6 § 1", "Rules 12", "paragraphs 12-14", "art. 32-1", "section 47"):
        assert is_citation(citation), citation
    for name in ("Rule Britannia Ltd", "Oakdene House", "14 Elm Road"):
        assert not is_citation(name), name


def test_an_organisation_widened_into_a_rule_citation_keeps_nothing_of_the_citation() -> None:
    text = "As President of the Tribunal (Rule 14 § 2), Mrs Pellow drew the names by lot."
    assert _kept("strict", text, [_det(text, "the Tribunal (Rule 14 § 2", E.ORGANISATION)]) == []
    text = "The claim went to Hallam Consulting (Leeds Office, as agreed."
    assert _kept("strict", text, [_det(text, "Hallam Consulting (Leeds Office", E.ORGANISATION)]) == [
        "Hallam Consulting", "Leeds Office"]


def test_a_balanced_bracket_stays_in_the_name() -> None:
    text = "She worked for Hallam Consulting (Leeds) Ltd until 2019."
    assert _kept("strict", text, [_det(text, "Hallam Consulting (Leeds) Ltd", E.ORGANISATION)]) == [
        "Hallam Consulting (Leeds) Ltd"]


def test_a_number_after_art_is_a_citation_not_a_quantity() -> None:
    text = "It relied on Article 13 (art. 13-1) of the Convention and paid 400 euros."
    dets = [_det(text, "13-1", E.QUANTITY), _det(text, "400 euros", E.QUANTITY, "QuantityRecognizer")]
    assert _kept("strict", text, dets) == ["400 euros"]


# --------------------------------------------------------------------------- durations and fractions


def test_a_duration_written_as_an_adjective_dates_nothing() -> None:
    text = "The appeal was lodged within the two-month period; she was away for two months in 2019."
    dets = [_det(text, "two-month", E.DATE), _det(text, "two months", E.DATE)]
    assert _kept("strict", text, dets) == ["two months"]
    text = "After a ten-minute call and a thirty-second pause, the six-week-long assessment began."
    dets = [_det(text, w, E.DATE) for w in ("ten-minute", "thirty-second", "six-week-long")]
    assert _kept("strict", text, dets) == []


def test_a_bare_fraction_counts_nothing() -> None:
    text = "His aunt gave him half of the flat and one-half of the garage; the flat measured 48 sq. m."
    dets = [_det(text, "half", E.QUANTITY), _det(text, "one-half", E.QUANTITY),
            _det(text, "48 sq. m", E.QUANTITY, "QuantityRecognizer")]
    assert _kept("strict", text, dets) == ["48 sq. m"]


# --------------------------------------------------------------------------- nationalities of a state


def test_a_nationality_before_a_states_body_is_the_states() -> None:
    text = ("The application was lodged by a Latvian national, Mr Ozols. The Latvian Government replied, "
            "and the Latvian Criminal Code was cited; the Latvian army had left.")
    dets = [_det(text, "Latvian", E.DEMOGRAPHIC, nth=n) for n in range(4)]
    assert _kept("strict", text, dets) == ["Latvian"]
    assert dets[0].start == text.index("Latvian national")


# --------------------------------------------------------------------------- cut pieces


def test_function_words_left_at_the_edge_of_a_cut_piece_are_dropped() -> None:
    text = "The Agent of the Government of the Republic of Estonia wrote."
    org = _det(text, "Government of the Republic of Estonia", E.ORGANISATION)
    place = _det(text, "Republic of Estonia", E.LOCATION)
    got = sorted((text[d.start:d.end], d.entity) for d in resolve([org, place], text))
    assert got == [("Government", E.ORGANISATION), ("Republic of Estonia", E.LOCATION)]


def test_a_common_word_left_of_a_person_is_no_name() -> None:
    text = "SISTER: MARTA KOWALCZYK TEL 07700 900111\n"
    ner = _det(text, "MARTA KOWALCZYK TEL", E.PERSON)
    register = Detection(ner.start, ner.start + len("MARTA KOWALCZYK"), E.PERSON, 1.0, ("CaseRegister",),
                         person="p1", meta=DetectionMeta(register_person="p1", match="exact"))
    assert [text[d.start:d.end] for d in resolve([ner, register], text)] == ["MARTA KOWALCZYK"]


def test_a_surname_that_is_a_word_left_of_a_person_stays() -> None:
    text = "Her friend Jack Swan visited."
    ner = _det(text, "Jack Swan", E.PERSON)
    register = Detection(ner.start, ner.start + 4, E.PERSON, 1.0, ("CaseRegister",), person="p1",
                         meta=DetectionMeta(register_person="p1", match="exact"))
    assert sorted(text[d.start:d.end] for d in resolve([ner, register], text)) == ["Jack", "Swan"]


def test_a_common_word_read_into_a_name_is_not_spread() -> None:
    assert person_tokens("MARTA KOWALCZYK TEL", NO_ALLOW) == ["MARTA", "KOWALCZYK"]
    assert person_tokens("Jack Swan", NO_ALLOW) == ["Jack", "Swan"]


# --------------------------------------------------------------------------- statutes by their shape


def test_statutes_are_found_by_their_shape() -> None:
    text = ("Under section 9 of the Public Order Act 1936 and the Land Drainage Act, and later the Road "
            "Traffic Act 1988 (Northern Ireland), the Jones Act was not cited. Priya Shah Children Act 1989.")
    found = [text[s:e] for s, e in legislation_names(text)]
    assert found == ["Public Order Act 1936", "Land Drainage Act",
                     "Road Traffic Act 1988 (Northern Ireland)", "Children Act 1989"]


def test_a_statute_and_its_year_are_kept_whole() -> None:
    text = "The order was made under the Public Order Act 1936 on 3 March 2011."
    p = load_profile("strict")
    layer = PhraseLayer(text, Keeper(p, text), phrase_index("allowlist", p.allowlists))
    dets = [_det(text, "the Public Order Act 1936", E.ORGANISATION), _det(text, "1936", E.DATE, "UkDateRecognizer"),
            _det(text, "3 March 2011", E.DATE, "UkDateRecognizer")]
    assert [text[d.start:d.end] for d in layer.filter(dets)] == ["3 March 2011"]


# --------------------------------------------------------------------------- acronyms spelt out


def test_an_acronym_spelt_out_as_a_bodys_name_is_found() -> None:
    text = "She was seen at Ashcombe Royal Infirmary NHS Trust. ARI staff noted bruising."
    assert "ARI" in expansions(text)
    # a person's name holds no body's word, so initials are never explained by it
    assert "JKW" not in expansions("Jane Kerry Whitlow said so. JKW left.")


def test_an_acronym_is_kept_with_its_kept_expansion_and_goes_with_a_replaced_one() -> None:
    profile = load_profile("safeguarding-review")
    # an allowlisted trust, written out once and then by its initials, with no '(BTH)' between
    text = ("Tyrone was taken to Bradford Teaching Hospitals NHS Foundation Trust on Monday.\n\nBTH\n\n"
            "He was discharged.\n")
    explain = explaining_index(profile)
    assert [text[r.start:r.end] for r in find_residue(text, explain)] == []
    # the expansion replaced: nothing explains the acronym any more
    s = text.index("Bradford")
    covered = [(s, s + len("Bradford Teaching Hospitals"))]
    assert [text[r.start:r.end] for r in find_residue(text, explain, covered)] == ["BTH"]
    # a name no list explains explains no acronym: both go, the hospital whole with its kind
    text = "Tyrone was taken to Ashcombe Royal Infirmary on Monday.\n\nARI\n\nHe was discharged.\n"
    assert [text[r.start:r.end] for r in find_residue(text, explain)] == ["Ashcombe Royal Infirmary", "ARI"]


def test_a_word_of_public_bodies_names_no_one() -> None:
    profile = load_profile("strict")
    text = "The applicant appealed to the Court of Cassation, which upheld the judgment.\n"
    assert find_residue(text, explaining_index(profile)) == []
    assert "Cassation" in anonymise(text, profile).text


def test_a_language_read_as_a_place_is_no_place() -> None:
    text = "Her first language is Twi and she moved to Kumasi in 2015."
    dets = [_det(text, "Twi", E.LOCATION), _det(text, "Kumasi", E.LOCATION)]
    assert _kept("safeguarding-review", text, dets) == ["Kumasi"]


# --------------------------------------------------------------------------- end to end (strict)


def test_a_judgment_keeps_its_citations_statutes_and_state_bodies() -> None:
    text = ("As President of the Tribunal (Rule 21 § 4), Mrs Pellow wrote to the Latvian Government. "
            "Mr Ozols was sentenced under the Public Order Act 1936 to eighteen months’ imprisonment, "
            "within the three-month period, on several occasions.")
    out = anonymise(text, "strict").text
    for kept in ("(Rule 21 § 4)", "Latvian Government", "Public Order Act 1936", "imprisonment",
                 "three-month period", "several occasions"):
        assert kept in out, kept
    assert "Pellow" not in out and "Ozols" not in out and "eighteen months" not in out
