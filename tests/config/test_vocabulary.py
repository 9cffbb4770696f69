"""The shared vocabulary: every list loads cleanly, and the detectors honour what the files say."""

from __future__ import annotations

import calendar
import re
from pathlib import Path

import pytest

from anonymiser.config import vocabulary
from anonymiser.config.data import MODELS_DIR
from anonymiser.config.profile import load_profile
from anonymiser.core.errors import ProfileError
from anonymiser.core.register import Person

NAMES = sorted(p.stem for p in (MODELS_DIR / "vocabulary").glob("*.txt"))

# The labels each labelled list may carry; a typo in a label would silently drop a word from a job.
LABELS = {
    "titles": {"female", "male", "neutral", "honour", "clergy", "professional", "rank", "police", "role", "judge", "judge-post",
               "collar", "reference-collar", "capitals", "stripped", "absorbed", "not-place", "common",
               "full-stop"},
    "months": {"word", "verb"},
    "time_words": {"occasion", "unit"},
    "place_prepositions": {"town", "street", "unexplained", "lone-word"},
    "child_roles": {"subject", "age"},
    "street_types": {"after-number"},
    "street_abbreviations": set(vocabulary.entries("street_types")),
    # a month and day that exists, or days from Easter Sunday
    "named_days": {f"{m:02}-{d:02}" for m in range(1, 13) for d in range(1, calendar.monthrange(2000, m)[1] + 1)}
                  | {f"easter{n:+}" for n in range(-63, 64)} | {"with-year"},
    "court_kinds": {"street", "named"},
    "measure_units": {"run_on", "amount", "dose"},
    "medicine_cues": {"before", "after"},
    "partner_roles": {"mother", "grandma", "grandmother", "wife", "stepmother", "aunt"},
    "facility_words": {"body"},
    "family_words": {"parent"},
    "system_words": {"after", "before"},
    "institution_stop_words": {"any", "school", "nursery", "gp", "ward", "hospital"},
    "place_words": {"area", "settlement", "unnamed"},
    "organisation_words": {"company", "service", "centre", "care-provider", "housing-provider", "prison", "hospital"},
    "person_cues": {"verb", "weak", "initials", "noun"},
    "club_words": {"name", "cue"},
    "agency_words": {"head"},
    # a role's reading is itself a role of the list, written with underscores for its spaces
    "professional_roles": {"modifier", "generic"} | {"reads=" + e.replace(" ", "_")
                                                     for e in vocabulary.entries("professional_roles")},
    "role_modifiers": {"qualifier"},
    "local_organisation_words": {"name-after", "inn", "church", "club", "youth-club", "youth-centre", "youth-project", "gurdwara", "mosque", "synagogue", "temple", "care-provider",
                                 "care-home", "worship", "business", "barbers", "cafe", "car-wash", "garage",
                                 "guest-house", "hostel", "hotel", "nail-bar", "pub", "restaurant", "salon", "shop",
                                 "takeaway", "police-site", "police-station", "police-investigation-centre",
                                 "custody-suite", "custody-centre", "hospital", "hospice", "institution",
                                 "football-club", "rugby-club"},
    # a service's worker noun ends in a role of the list ('youth_offending_worker', 'health_visitor')
    "agency_workers": {label for labels in vocabulary.labelled("agency_workers").values() for label in labels
                       if any(label.lower().endswith(role.lower().replace(" ", "_"))
                              for role in vocabulary.entries("professional_roles"))},
}


def test_the_vocabulary_folder_holds_the_shared_lists() -> None:
    assert {"titles", "months", "month_abbreviations", "weekdays", "street_types", "street_abbreviations",
            "family_words", "child_roles", "sentence_starters"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_list_loads_without_blanks_or_duplicates(name: str) -> None:
    entries = vocabulary.entries(name)
    assert entries, "no entries"
    assert all(e and e == e.strip() for e in entries), "a blank or padded entry"
    folded = [e.casefold() for e in entries]
    assert len(folded) == len(set(folded)), f"duplicates: {sorted({e for e in folded if folded.count(e) > 1})}"
    raw = [ln for ln in (MODELS_DIR / "vocabulary" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
           if ln.strip() and not ln.startswith("#")]
    assert len(raw) == len(entries), "two lines with the same entry"


@pytest.mark.parametrize("name", NAMES)
def test_labels_are_known(name: str) -> None:
    used = {label for labels in vocabulary.labelled(name).values() for label in labels}
    assert used <= LABELS.get(name, set()), f"unknown labels: {sorted(used - LABELS.get(name, set()))}"


def test_every_title_does_some_job_and_genders_do_not_overlap() -> None:
    assert all(vocabulary.labelled("titles").values())
    assert not vocabulary.FEMALE_TITLES & vocabulary.MALE_TITLES
    assert {"mrs", "ms", "miss"} == vocabulary.FEMALE_TITLES


def test_a_word_is_written_once_across_the_title_and_month_lists() -> None:
    months = vocabulary.words("months", "month_abbreviations")
    assert not months & vocabulary.lower(vocabulary.entries("titles"))
    assert "may" in months and "sept" in months
    assert len(vocabulary.MONTHS) == 12 and len(vocabulary.WEEKDAYS) == 7


def test_alternation_tries_a_phrase_before_the_word_it_starts_with() -> None:
    pattern = re.compile(vocabulary.alternation(["Mr", "Mr Justice", "Children's"]))
    assert pattern.match("Mr Justice Potts").group(0) == "Mr Justice"
    assert pattern.match("Children’s Centre").group(0) == "Children’s"
    assert re.fullmatch(vocabulary.alternation(["call handler"]), "call\n handler")


# --- the detectors follow the files ---------------------------------------------------------

def _found(recognizer, text: str) -> list[tuple[str, str]]:
    """(entity type, text) of what one recognizer finds, run as the analyzer engine would."""
    return [(r.entity_type, text[r.start:r.end]) for r in recognizer.analyze(text, recognizer.supported_entities, None)]


def _titled_names() -> list[tuple[str, bool]]:
    labelled = vocabulary.labelled("titles")
    out = []
    for title, labels in labelled.items():
        if {"professional", "rank"} & set(labels) or {"female", "male", "neutral", "honour", "clergy"} & set(labels):
            out.append((title, bool({"professional", "rank"} & set(labels))))
    return out


@pytest.mark.parametrize(("title", "professional"), _titled_names())
def test_each_title_in_the_file_is_honoured_by_the_titled_person_detector(title: str, professional: bool) -> None:
    from anonymiser.detect.recognizers.titled_person import TitledPersonRecognizer, is_professional

    text = f"The chronology says that {title} Anika Rao visited the family twice."
    assert f"{title} Anika Rao" in [t for _, t in _found(TitledPersonRecognizer(), text)]
    assert is_professional(f"{title} Anika Rao") == professional


@pytest.mark.parametrize("street_type", vocabulary.STREET_TYPES + vocabulary.STREET_TYPES_AFTER_NUMBER)
def test_each_street_type_ends_a_numbered_address(street_type: str) -> None:
    from anonymiser.detect.recognizers.street_address import StreetAddressRecognizer

    text = f"The family moved to 14 Quillon {street_type}, Marsden, in the spring."
    assert ("ADDRESS", f"14 Quillon {street_type}, Marsden") in _found(StreetAddressRecognizer(), text)


@pytest.mark.parametrize("month", vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS)
def test_each_month_is_a_date_beside_a_day_and_year(month: str) -> None:
    from anonymiser.detect.recognizers.dates import UkDateRecognizer

    text = f"The strategy meeting was held on 14 {month} 2019."
    assert ("DATE", f"14 {month} 2019") in _found(UkDateRecognizer(), text)


# --- the profile names the lists its people policy uses -------------------------------------

def test_profiles_name_their_child_roles_and_pseudonym_pools() -> None:
    for name in ("safeguarding-review", "strict"):
        profile = load_profile(name)
        assert profile.child_roles == ("child_roles",)
        assert profile.pseudonym_pools == {"female": "pseudonyms_female", "male": "pseudonyms_male",
                                           "neutral": "pseudonyms_neutral"}
        assert profile.is_child(Person("Tamsin Vale", "Subject Child"))
        assert not profile.is_child(Person("Dora Vale", "maternal grandmother"))


@pytest.mark.parametrize(("people", "words"), [
    ("  child_roles: [nonesuch]\n", "line 4: no list models/vocabulary/nonesuch.txt"),
    ("  pseudonyms: {female: nonesuch}\n", "line 4: no list models/names/nonesuch.txt"),
    ("  pseudonyms: {girls: pseudonyms_female}\n", "unknown field 'girls' in people.pseudonyms"),
])
def test_an_unknown_list_in_a_profile_is_one_line_naming_the_file(tmp_path: Path, people: str, words: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(f"name: mine\nentities: {{}}\npeople:\n{people}", encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    line = err.value.line()
    assert words in line and str(path) in line and "\n" not in line


@pytest.mark.parametrize(("reading", "before", "follows"), [
    ("town", "She had lived in ", True),
    ("town", "He was seen near ", True),
    ("town", "She spoke to ", False),  # 'spoke to Chester': Chester is someone
    ("street", "incidents at ", True),
    ("street", "a flat off ", True),
    ("street", "who told ", False),
    ("unexplained", "moved to ", True),
    ("unexplained", "moved To ", False),  # only a lower-case preposition, so a heading's words prove nothing
])
def test_place_before_reads_each_labelled_preposition(reading: str, before: str, follows: bool) -> None:
    assert (vocabulary.place_before(reading, ignore_case=reading != "unexplained").search(before) is not None) \
        is follows
