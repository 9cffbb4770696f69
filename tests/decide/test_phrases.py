"""The phrase layer (decide/phrases.py): kept phrases found before a detection is accepted, and the
lexicon veto. All text here is invented."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.config.lexicon import phrase_index
from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.keep import Keeper
from anonymiser.decide.phrases import PhraseLayer

PROFILE = "safeguarding-review"


def _det(text: str, phrase: str, entity: str, detector: str = "SpacyRecognizer", nth: int = 0,
         **meta: object) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Detection(start, start + len(phrase), entity, 0.85, (detector,), meta=DetectionMeta(**meta))  # type: ignore[arg-type]


def _layer(text: str, profile: str = PROFILE) -> PhraseLayer:
    p = load_profile(profile)
    return PhraseLayer(text, Keeper(p, text), phrase_index("allowlist", p.allowlists))


def _left(text: str, dets: list[Detection], profile: str = PROFILE) -> list[str]:
    return [text[d.start:d.end] for d in _layer(text, profile).filter(dets)]


# --------------------------------------------------------------------------- kept phrases


def test_a_piece_of_a_council_area_is_kept_with_the_whole_area() -> None:
    text = "Agencies in Bath and North East Somerset Council met the family."
    assert _left(text, [_det(text, "North East", E.LOCATION)]) == []


def test_a_name_straddling_an_agency_is_cut_at_its_edge() -> None:
    text = "Panel members:\nTerri Quenby Bath and North East Somerset Council\nOthers attended."
    assert _left(text, [_det(text, "Quenby Bath", E.PERSON)]) == ["Quenby"]


def test_an_agency_name_is_kept_whole_by_its_shape() -> None:
    text = ("The East and Mid Devon Community Safety Partnership and the London Borough of Bromley "
            "commissioned the review with the Mid and West Wales Safeguarding Board.")
    dets = [_det(text, "East", E.LOCATION), _det(text, "London Borough", E.LOCATION),
            _det(text, "Mid", E.LOCATION, nth=1)]
    assert _left(text, dets) == []


def test_a_place_joined_to_a_kept_place_in_an_agency_name_is_kept() -> None:
    text = "The South Devon and Exmoor CSP asked Devon County Council to share records."
    assert _left(text, [_det(text, "Exmoor", E.LOCATION)]) == []


def test_a_person_before_an_agency_name_is_not_swallowed_by_it() -> None:
    text = "Attending: Claire Hendry Avon and Wiltshire Partnership Trust, and others."
    assert _left(text, [_det(text, "Claire Hendry", E.PERSON)]) == ["Claire Hendry"]


def test_a_surname_joined_to_an_agency_name_by_and_stays_with_the_name() -> None:
    text = "A meeting between Sarah Kowalczyk and Devon County Council was held in spring."
    assert _left(text, [_det(text, "Sarah Kowalczyk", E.PERSON)]) == ["Sarah Kowalczyk"]


def test_a_surname_before_an_agency_word_stays_with_the_name() -> None:
    text = "Members:\nJohn Pelling NHS England South Central Team\nOthers."
    assert _left(text, [_det(text, "John Pelling", E.PERSON)]) == ["John Pelling"]


def test_an_agency_word_alone_makes_no_agency_name() -> None:
    # no place in the run: 'Kestrel Trust' is a local organisation, left to the detectors
    text = "She was referred to the Kestrel Trust in spring."
    assert _left(text, [_det(text, "Kestrel", E.ORGANISATION)]) == ["Kestrel"]


def test_an_acronym_defined_by_words_is_kept_everywhere() -> None:
    text = ("He was placed under the 'Step Down to Home' (SDH) scheme. SDH lasted six weeks. "
            "Later SDH ended.")
    dets = [_det(text, "SDH", E.PERSON), _det(text, "SDH", E.PERSON, nth=1), _det(text, "SDH", E.PERSON, nth=2)]
    assert _left(text, dets) == []


def test_an_acronym_of_a_person_is_not_kept() -> None:
    text = "Her grandmother, Odessa Finchley-Rake (OFR), cared for her. OFR said little."
    assert _left(text, [_det(text, "OFR", E.PERSON, nth=1)]) == ["OFR"]


def test_a_label_and_a_letter_is_already_anonymous() -> None:
    text = "Child D lived with Mum. Subject B's father and Mr X visited. Baby 2 was born early."
    dets = [_det(text, "Child D", E.PERSON), _det(text, "B", E.PERSON), _det(text, "Mr X", E.PERSON),
            _det(text, "Baby 2", E.PERSON)]
    assert _left(text, dets) == []


def test_an_initial_before_a_surname_is_no_label() -> None:
    text = "She was represented by Mr J. Turnbury and Ms A.B. Coyle. The letter came from Mr K. The end."
    dets = [_det(text, "Mr J. Turnbury", E.PERSON, "TitledPersonRecognizer"),
            _det(text, "Ms A.B. Coyle", E.PERSON, "TitledPersonRecognizer"),
            _det(text, "Mr K", E.PERSON, "TitledPersonRecognizer")]
    assert _left(text, dets) == ["Mr J. Turnbury", "Ms A.B. Coyle"]


def test_the_strict_profile_masks_labels() -> None:
    text = "Child D lived with her aunt."
    assert _left(text, [_det(text, "D", E.PERSON, "LetterPersonRecognizer")], "strict") == ["D"]


def test_section_numbers_are_not_references_or_dates() -> None:
    text = ("2. Terms of Reference\n2.1 The panel met.\nSee Para 14.164, 14.168 and 14.169.\n"
            "Contents\n7.1 Appendix 1 7.2 Appendix 2\n18.1.22 GP visit; on 3.4 the plan changed.")
    dets = [_det(text, "2.1", E.REFERENCE_NUMBER, "ReferenceNumberRecognizer"),
            _det(text, "14.168", E.DATE), _det(text, "7.2", E.REFERENCE_NUMBER, "ReferenceNumberRecognizer"),
            _det(text, "18.1.22", E.DATE, "UkDateRecognizer")]
    assert _left(text, dets) == ["18.1.22"]


def test_a_code_or_address_is_never_cut_by_a_kept_phrase() -> None:
    text = "Write to reviews@devon-safeguarding.org.uk about the Devon Safeguarding Partnership."
    assert _left(text, [_det(text, "reviews@devon-safeguarding.org.uk", E.EMAIL_ADDRESS, "EmailRecognizer")]) \
        == ["reviews@devon-safeguarding.org.uk"]


def test_register_names_pass_untouched() -> None:
    text = "Child D and Devon Safeguarding Partnership."
    d = _det(text, "Devon", E.PERSON, "CaseRegister", register_person="register:devon", match="exact")
    assert _left(text, [d]) == ["Devon"]


def test_post_nominals_alone_name_nobody() -> None:
    text = "Written by Gladys Okoro-Bright OBE, MA and checked.\nAASW, Dip SW\nMr Ma and Mr MA met."
    dets = [_det(text, "Gladys Okoro-Bright OBE", E.PERSON), _det(text, "AASW", E.PERSON),
            _det(text, "Mr Ma", E.PERSON), _det(text, "Mr MA", E.PERSON)]
    assert _left(text, dets) == ["Gladys Okoro-Bright OBE", "Mr Ma", "Mr MA"]


# --------------------------------------------------------------------------- the lexicon veto


def test_a_person_or_place_of_common_words_only_is_dropped() -> None:
    text = "Rapid Reviews were held. Bruising is common. Mum met a new partner. Concerns were raised."
    dets = [_det(text, "Rapid Reviews", E.PERSON), _det(text, "Bruising", E.LOCATION),
            _det(text, "Mum", E.PERSON), _det(text, "Concerns", E.LOCATION)]
    assert _left(text, dets) == []


def test_a_person_cue_keeps_a_common_word_name() -> None:
    text = "Mr Baker visited. Later Walker said she was fine."
    dets = [_det(text, "Baker", E.PERSON), _det(text, "Walker", E.PERSON)]
    left = _left(text, dets)
    assert "Baker" in left or "Walker" in left  # both have a cue: a title, a person verb
    assert len(left) == 2


def test_a_name_the_name_lists_know_is_no_common_word() -> None:
    text = "The social worker visited Liberty Archer at home. The health visitor met Destiny at nursery."
    dets = [_det(text, "Liberty Archer", E.PERSON), _det(text, "Destiny", E.PERSON)]
    assert _left(text, dets) == ["Liberty Archer", "Destiny"]


def test_a_town_of_a_common_word_stays_a_place() -> None:
    text = "The family moved from Barking to Deal in the summer."
    dets = [_det(text, "Barking", E.LOCATION), _det(text, "Deal", E.LOCATION)]
    assert _left(text, dets, "strict") == ["Barking", "Deal"]


def test_a_street_and_a_country_of_common_words_stay_places() -> None:
    text = "They moved to Station Road in the United Kingdom."
    dets = [_det(text, "Station Road", E.LOCATION), _det(text, "United Kingdom", E.LOCATION)]
    assert _left(text, dets, "strict") == ["Station Road", "United Kingdom"]


def test_a_span_across_a_line_break_is_judged_line_by_line() -> None:
    text = "Independent chair: Kerris Vantongeren\nSentencing remarks follow."
    assert _left(text, [_det(text, "Kerris Vantongeren\nSentencing", E.PERSON)]) == ["Kerris Vantongeren"]


def test_only_the_ner_alone_is_vetoed() -> None:
    text = "Rapid Reviews were held."
    assert _left(text, [_det(text, "Rapid Reviews", E.PERSON, "TitledPersonRecognizer")]) == ["Rapid Reviews"]


# --------------------------------------------------------------------------- end to end


def test_nothing_inside_a_kept_phrase_is_spread() -> None:
    text = ("Child C was seen by Dr Oyelaran-Pike. The Bath and North East Somerset Council social worker "
            "visited Child C. Subject A and Subject B were interviewed.\n2.1 The panel agreed.\n")
    out = anonymise(text, profile=PROFILE).text
    assert "Child C" in out and out.count("Child C") == 2
    assert "Bath and North East Somerset Council" in out
    assert "Subject A and Subject B" in out
    assert "2.1 The panel" in out
    assert "Oyelaran-Pike" not in out


def test_a_common_word_of_a_heading_in_capitals_is_judged_as_the_draft_writes_it_elsewhere() -> None:
    text = ("CONTENTS\n3. Background Prior to the Period Under Review\n\n"
            "3. BACKGROUND PRIOR TO THE PERIOD UNDER REVIEW\n3.1 The family lived with Dawn Pike in Leeds.\n")
    out = anonymise(text).text
    assert "3. BACKGROUND PRIOR TO THE PERIOD UNDER REVIEW" in out
    assert "Background Prior to the Period" in out
    assert "Dawn" not in out and "Pike" not in out
    # A surname the draft gives a person stays a name in a heading in capitals.
    out = anonymise("4. THE PRIOR FAMILY\n4.1 The family moved in 2019 and Mrs Prior said so.\n").text
    assert "PRIOR" not in out and "Prior" not in out
