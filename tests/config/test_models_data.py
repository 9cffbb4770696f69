"""Format and content checks for the plain-text data files under models/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

MODELS = Path(__file__).resolve().parents[2] / "models"
TXT_FILES = sorted(MODELS.rglob("*.txt"))


def _ids(paths):
    return [str(p.relative_to(MODELS)) for p in paths]


def entry(line: str, rel: str) -> str:
    """A line's entry: in vocabulary/ the part before the colon that starts its labels."""
    return line.partition(":")[0].strip() if rel.startswith("vocabulary/") else line


def load(rel: str) -> list[str]:
    """Entries of a models/ file: non-blank, non-comment lines, labels left off."""
    text = (MODELS / rel).read_text(encoding="utf-8")
    return [entry(ln, rel) for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def test_models_dir_has_files():
    expected = {
        "names/pseudonyms_female.txt",
        "names/pseudonyms_male.txt",
        "names/pseudonyms_neutral.txt",
        "allowlist/agencies.txt",
        "allowlist/roles.txt",
        "allowlist/legislation.txt",
        "allowlist/medical_terms.txt",
        "gazetteer/countries.txt",
        "gazetteer/nationalities.txt",
        "gazetteer/ethnicities.txt",
        "gazetteer/local_authorities.txt",
    }
    assert expected <= set(_ids(TXT_FILES))
    assert (MODELS / "README.md").is_file()


@pytest.mark.parametrize("path", TXT_FILES, ids=_ids(TXT_FILES))
def test_file_format(path: Path):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert b"\r" not in raw, "use \\n line endings"
    text = raw.decode("utf-8")
    assert text.endswith("\n"), "file must end with a newline"
    lines = text.splitlines()

    header = []
    for ln in lines:
        if not ln.startswith("#"):
            break
        header.append(ln)
    assert len(header) >= 2, "file must start with a 2-3 line '#' header"
    assert all(len(h.lstrip("# ").strip()) > 0 for h in header), "header lines must say something"

    entries = []
    for n, ln in enumerate(lines, 1):
        assert ln == ln.rstrip(), f"line {n}: trailing whitespace"
        if not ln.strip() or ln.startswith("#"):
            continue
        assert ln == ln.strip(), f"line {n}: leading whitespace"
        assert "\t" not in ln, f"line {n}: tab"
        assert "\u2019" not in ln and "\u2018" not in ln, f"line {n}: use ASCII apostrophe"
        entries.append(entry(ln, str(path.relative_to(MODELS))))

    assert entries, "file has no entries"
    assert entries == sorted(entries, key=str.casefold), "entries must be sorted case-insensitively"
    folded = [e.casefold() for e in entries]
    dups = sorted({e for e in folded if folded.count(e) > 1})
    assert not dups, f"duplicate entries: {dups}"


# --- pseudonym pools --------------------------------------------------------

FEMALE = load("names/pseudonyms_female.txt")
MALE = load("names/pseudonyms_male.txt")
NEUTRAL = load("names/pseudonyms_neutral.txt")


def test_pool_sizes():
    assert len(FEMALE) >= 100
    assert len(MALE) >= 100
    assert len(NEUTRAL) >= 30


def test_pools_disjoint():
    f, m, n = ({x.casefold() for x in pool} for pool in (FEMALE, MALE, NEUTRAL))
    assert not f & m, f"in both female and male pools: {sorted(f & m)}"
    assert not f & n, f"in both female and neutral pools: {sorted(f & n)}"
    assert not m & n, f"in both male and neutral pools: {sorted(m & n)}"


def test_pool_entries_look_like_first_names():
    pattern = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
    bad = [x for x in FEMALE + MALE + NEUTRAL if not pattern.match(x)]
    assert not bad, f"not a plain capitalised first name: {bad}"


NAME_LISTS = {"names/first_names.txt", "names/surnames.txt"}


def test_pseudonyms_do_not_collide_with_other_lists():
    others = set()
    for path in TXT_FILES:
        rel = str(path.relative_to(MODELS))
        if rel.startswith("names/pseudonyms_") or rel in NAME_LISTS:
            continue  # a pseudonym is meant to be a name; the name lists hold it too
        others |= {e.casefold() for e in load(rel)}
    clash = sorted(x for x in FEMALE + MALE + NEUTRAL if x.casefold() in others)
    assert not clash, f"pseudonyms that are also place/role/term/word entries: {clash}"


@pytest.mark.parametrize("name", ["Emily", "Olivia", "Aisha", "Niamh", "Seren", "Zofia"])
def test_female_spot(name):
    assert name in FEMALE


@pytest.mark.parametrize("name", ["Jack", "Oliver", "Muhammad", "Rhys", "Kwame", "Jakub"])
def test_male_spot(name):
    assert name in MALE


# --- spot checks that catch a wrong or truncated file -------------------------

SPOT = {
    "gazetteer/local_authorities.txt": [
        "Croydon", "City of London", "Royal Borough of Kensington and Chelsea", "Kent", "Leeds",
        "Greater London", "Greater Manchester", "West Midlands", "Merseyside", "Surrey",
        "Cardiff", "Glasgow City", "Belfast", "London", "North West", "South East", "Midlands",
    ],
    "allowlist/legislation.txt": [
        "Section 47", "Section 47 enquiry", "Children Act 1989", "Working Together to Safeguard Children 2023",
        "Child Protection Plan", "Public Law Outline", "Rapid Review", "Serious Incident Notification",
    ],
    "allowlist/agencies.txt": [
        "Metropolitan Police Service", "Met Police", "Greater Manchester Police", "Police Scotland",
        "PSNI", "British Transport Police", "Children's Social Care", "CAMHS", "NSPCC", "Barnardo's",
        "Dr Barnardo's", "Cafcass", "Ofsted", "MASH", "Multi-Agency Safeguarding Hub", "the Samaritans",
        "Croydon Health Services NHS Trust", "Great Ormond Street Hospital for Children NHS Foundation Trust",
        "South London and Maudsley NHS Foundation Trust", "London Ambulance Service",
    ],
    "allowlist/roles.txt": [
        "Social Worker", "Health Visitor", "GP", "Designated Safeguarding Lead", "Detective Constable",
        "Maternal Grandmother", "Paternal Grandfather", "Subject Child", "Lead Reviewer", "Mother",
    ],
    "allowlist/medical_terms.txt": [
        "Down's syndrome", "Asperger's", "Munchausen syndrome by proxy", "SUDI", "Glasgow Coma Scale",
        "Still's disease", "Wilms' tumour", "Graves' disease", "ADHD", "PTSD",
    ],
    "gazetteer/countries.txt": [
        "Nigeria", "UK", "United Kingdom", "England", "Northern Ireland", "USA", "Ivory Coast",
        "Congo", "DRC", "Democratic Republic of the Congo", "Eritrea", "Poland", "Pakistan",
    ],
    "gazetteer/nationalities.txt": [
        "Nigerian", "British", "Scottish", "Welsh", "Irish", "Polish", "Romanian", "Pakistani",
        "Eritrean", "Somali",
    ],
    "gazetteer/ethnicities.txt": [
        "White British", "Black British", "Black Caribbean", "Black African",
        "Mixed White and Black Caribbean", "Asian British", "Pakistani heritage", "Gypsy", "Roma",
        "Irish Traveller", "Traveller", "Bangladeshi", "Arab",
    ],
}


@pytest.mark.parametrize("rel", sorted(SPOT))
def test_spot_checks(rel):
    entries = set(load(rel))
    missing = [x for x in SPOT[rel] if x not in entries]
    assert not missing, f"{rel} is missing {missing}"


def test_wrong_file_markers_absent():
    # Names of places must not leak into the role/legislation allowlists and vice versa.
    assert "Croydon" not in load("allowlist/roles.txt")
    assert "Nigerian" not in load("gazetteer/countries.txt")
    assert "Nigeria" not in load("gazetteer/nationalities.txt")
    assert "Section 47" not in load("allowlist/agencies.txt")


TERRITORIAL_FORCES = [
    "Avon and Somerset Constabulary", "Bedfordshire Police", "Cambridgeshire Constabulary",
    "Cheshire Constabulary", "City of London Police", "Cleveland Police", "Cumbria Constabulary",
    "Derbyshire Constabulary", "Devon and Cornwall Police", "Dorset Police", "Durham Constabulary",
    "Dyfed-Powys Police", "Essex Police", "Gloucestershire Constabulary", "Greater Manchester Police",
    "Gwent Police", "Hampshire and Isle of Wight Constabulary", "Hertfordshire Constabulary",
    "Humberside Police", "Kent Police", "Lancashire Constabulary", "Leicestershire Police",
    "Lincolnshire Police", "Merseyside Police", "Metropolitan Police Service", "Norfolk Constabulary",
    "North Wales Police", "North Yorkshire Police", "Northamptonshire Police", "Northumbria Police",
    "Nottinghamshire Police", "South Wales Police", "South Yorkshire Police", "Staffordshire Police",
    "Suffolk Constabulary", "Surrey Police", "Sussex Police", "Thames Valley Police",
    "Warwickshire Police", "West Mercia Police", "West Midlands Police", "West Yorkshire Police",
    "Wiltshire Police",
]


def test_all_43_territorial_police_forces():
    assert len(TERRITORIAL_FORCES) == 43
    entries = set(load("allowlist/agencies.txt"))
    missing = [f for f in TERRITORIAL_FORCES if f not in entries]
    assert not missing, missing


def test_at_least_60_nhs_trusts():
    trusts = [e for e in load("allowlist/agencies.txt") if re.search(r"NHS (Foundation )?Trust$", e)]
    assert len(trusts) >= 60


def test_reasonable_sizes():
    assert len(load("allowlist/agencies.txt")) >= 250
    assert len(load("allowlist/roles.txt")) >= 150
    assert len(load("allowlist/legislation.txt")) >= 100
    assert len(load("allowlist/medical_terms.txt")) >= 120
    assert len(load("gazetteer/countries.txt")) >= 193
    assert len(load("gazetteer/nationalities.txt")) >= 190
    assert len(load("gazetteer/local_authorities.txt")) >= 400


# --- name lists ----------------------------------------------------------------

def test_name_lists_cover_many_communities():
    first = {x.casefold() for x in load("names/first_names.txt")}
    last = {x.casefold() for x in load("names/surnames.txt")}
    assert 5000 <= len(first) <= 40000 and 5000 <= len(last) <= 40000
    for name in ("June", "Helen", "Siobhan", "Imran", "Tunde", "Bartosz", "Niamh", "Mohammed", "Oluwaseun"):
        assert name.casefold() in first, name
    for name in ("Watson", "Okafor", "Kowalski", "Khan", "Begum", "Murphy", "Patel"):
        assert name.casefold() in last, name


def test_name_lists_leave_out_allowlisted_terms():
    first = {x.casefold() for x in load("names/first_names.txt")}
    blocked = {x.casefold() for x in load("gazetteer/countries.txt") + load("allowlist/roles.txt")}
    assert not first & blocked, sorted(first & blocked)[:10]


# --- the UK places gazetteer (a .tsv, so not under the .txt rules) ------------

UK_PLACES = MODELS / "gazetteer" / "uk_places.tsv"


def test_uk_places_format():
    raw = UK_PLACES.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    lines = raw.decode("utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    assert len(header) >= 2 and all(ln.startswith("#") for ln in lines[:len(header)]), "a '#' header first"
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    assert len(rows) > 3000
    for n, row in enumerate(rows, 1):
        assert len(row) == 4, f"row {n}: name, parent, nation, population"
        assert all(c == c.strip() and c for c in row[:3]), f"row {n}: blank or padded cell"
        assert row[2] in {"England", "Scotland", "Wales", "Northern Ireland"}, f"row {n}: nation"
        assert row[3].isdigit(), f"row {n}: population is a whole number"
    keys = [(r[0].casefold(), r[1]) for r in rows]
    assert keys == sorted(keys), "sorted by name, then parent"
    assert len(set(keys)) == len(keys), "a place is listed once under each parent"


def test_uk_places_parents_are_areas_the_gazetteer_knows():
    """Every English, Welsh and Scottish parent is a local authority or county the area rule can name."""
    areas = {e.casefold() for e in load("gazetteer/local_authorities.txt")}
    rows = [ln.split("\t") for ln in UK_PLACES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    unknown = sorted({r[1] for r in rows if r[2] != "Northern Ireland" and r[1].casefold() not in areas})
    assert not unknown, unknown


@pytest.mark.parametrize("place, parent", [("Exeter", "Devon"), ("Torquay", "Torbay"), ("Boston", "Lincolnshire"),
                                           ("March", "Cambridgeshire")])
def test_uk_places_spot_checks(place, parent):
    rows = {tuple(ln.split("\t")[:2]) for ln in UK_PLACES.read_text(encoding="utf-8").splitlines()}
    assert (place, parent) in rows


def test_every_company_legal_form_is_an_organisation_word_that_reads_as_the_company() -> None:
    # company_suffixes.txt is the one list of legal forms; organisation_words must name each as 'company'
    from anonymiser.config import vocabulary
    forms = {w.lower() for w in vocabulary.entries("company_suffixes")}
    labelled = {w.lower() for w, labels in vocabulary.labelled("organisation_words").items() if "company" in labels}
    assert forms == labelled
