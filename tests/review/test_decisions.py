"""Reviewer decisions files: the documented shape loads, mistakes name the line, decisions apply."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from anonymiser.core import entities as E
from anonymiser.core.detection import DetectionMeta
from anonymiser.core.errors import DecisionsError
from anonymiser.core.register import Person, Register
from anonymiser.core.results import Decisions, Replacement
from anonymiser.pseudonymise.case_map import CaseMap
from anonymiser.review.decisions_file import dump_decisions, load_decisions
from anonymiser.review.entries import Addition, PseudonymChange, Reject
from anonymiser.review.reviewer import ReviewerDecisions, sentence_start

GOOD = """\
document: review-a.txt
reject:
  - original: "Hope"
    offset: 1234
  - original: Croydon
pseudonyms:
  - person: "register:amara okafor"
    pseudonym: "Lily"
  - original: "Dr Rao"
    pseudonym: "Professional Z"
add:
  - text: "Bramble Court"
    type: LOCATION
  - text: "Jay"
    person: "Sarah Okafor"
"""

REGISTER = Register(case="test", people=(
    Person("Amara Okafor", "subject child", "female"),
    Person("Sarah Okafor", "mother", "female", aliases=("Sal", "Mrs O")),
))


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "review-a.decisions.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_documented_shape_loads(tmp_path: Path) -> None:
    d = load_decisions(write(tmp_path, GOOD))
    assert d.document == "review-a.txt"
    assert [(r.original, r.offset, r.line) for r in d.reject] == [("Hope", 1234, 3), ("Croydon", None, 5)]
    assert [(c.person, c.original, c.pseudonym) for c in d.pseudonyms] == [
        ("register:amara okafor", None, "Lily"), (None, "Dr Rao", "Professional Z")]
    assert [(a.text, a.entity, a.person) for a in d.add] == [
        ("Bramble Court", "LOCATION", None), ("Jay", None, "Sarah Okafor")]
    assert d.applies_to("review-a.txt") and d.applies_to("review-a.docx") and not d.applies_to("review-b.txt")


def test_empty_sections_are_allowed(tmp_path: Path) -> None:
    d = load_decisions(write(tmp_path, "document: x.txt\nreject:\nadd: []\n"))
    assert d.reject == () and d.add == () and d.pseudonyms == ()


@pytest.mark.parametrize("bad, line, words", [
    (GOOD.replace("    offset: 1234\n", "    ofset: 1234\n"), 4, "unknown field 'ofset'"),
    (GOOD.replace('  - original: "Hope"\n    offset: 1234\n', "  - offset: 1234\n"), 3, "missing the field 'original'"),
    (GOOD.replace("offset: 1234", "offset: -3"), 4, "whole number"),
    (GOOD.replace("offset: 1234", "offset: here"), 4, "whole number"),
    (GOOD.replace('    pseudonym: "Lily"\n', '    original: "Amara"\n    pseudonym: "Lily"\n'), 7, "exactly one of"),
    (GOOD.replace("    type: LOCATION\n", "    type: PLACE\n"), 13, "unknown entity type 'PLACE'"),
    (GOOD.replace("    type: LOCATION\n", ""), 12, "exactly one of 'type' or 'person'"),
    (GOOD.replace('text: "Bramble Court"', "text: 12345"), 12, "not a number"),
    (GOOD.replace('text: "Bramble Court"', 'text: "J"'), 12, "too short"),
    (GOOD.replace("pseudonyms:", "pseudonym:"), 6, "unknown field 'pseudonym'"),
    ("document: x\nreject: Hope\n", 2, "'reject' should be a list"),
    (GOOD.replace("    type: LOCATION", "\ttype: LOCATION"), 13, "not valid YAML"),
    (GOOD.replace("  - original: Croydon", "  - original: Croydon: x"), 5, "not valid YAML"),
    (GOOD.replace('  - original: "Dr Rao"\n    pseudonym: "Professional Z"\n',
                  '  - person: "register:amara okafor"\n    pseudonym: "Maya"\n'), 9,
     "already has the pseudonym 'Lily' (line 7)"),
])
def test_mistakes_name_file_and_line(tmp_path: Path, bad: str, line: int, words: str) -> None:
    path = write(tmp_path, bad)
    with pytest.raises(DecisionsError) as err:
        load_decisions(path)
    message = str(err.value)
    assert str(path) in message
    assert f"line {line}:" in message
    assert words in message


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(DecisionsError, match="not found"):
        load_decisions(tmp_path / "nope.yaml")
    with pytest.raises(DecisionsError, match="empty"):
        load_decisions(write(tmp_path, "\n"))


TEXT = ("Jay moved into Bramble Court. JAY's friend Jayden did not.\n"
        "Bramble\n Court residents said jay was there.")


def test_extra_detections_find_every_whole_word_occurrence(tmp_path: Path) -> None:
    d = load_decisions(write(tmp_path, GOOD))
    found = d.extra_detections(TEXT, REGISTER)
    places = [TEXT[x.start:x.end] for x in found if x.entity == "LOCATION"]
    jays = [x for x in found if x.entity == "PERSON"]
    assert places == ["Bramble Court", "Bramble\n Court"]  # across a line break too
    assert [TEXT[x.start:x.end] for x in jays] == ["Jay", "JAY", "jay"]  # not 'Jayden'
    assert all(x.person == "register:sarah okafor" and x.meta.reviewer for x in jays)
    assert all(x.score == 1.0 and x.detectors == ("reviewer",) for x in found)
    assert all(x.person is None and x.meta == DetectionMeta(reviewer=True) for x in found if x.entity == "LOCATION")


@pytest.mark.parametrize("who", ["Sarah Okafor", "sarah  OKAFOR", "Mrs O", "register:sarah okafor"])
def test_add_person_by_name_alias_or_key(who: str) -> None:
    d = ReviewerDecisions(add=(Addition("Jay", person=who, line=3),))
    assert {x.person for x in d.extra_detections(TEXT, REGISTER)} == {"register:sarah okafor"}


def test_add_unknown_person_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'add:\n  - text: "Jay"\n    person: "Uncle Bob"\n')
    d = load_decisions(path)
    with pytest.raises(DecisionsError) as err:
        d.extra_detections(TEXT, REGISTER)
    assert str(path) in str(err.value) and "line 2:" in str(err.value) and "not in the case register" in str(err.value)
    assert "Uncle Bob" not in str(err.value)  # consoles are logged: the line names the entry


@pytest.mark.parametrize("pseudonym", ["Sarah", "amara okafor", "Mrs O", "S\u0430rah", "Sal Jones"])
def test_a_pseudonym_that_is_a_register_name_is_refused(tmp_path: Path, pseudonym: str) -> None:
    path = write(tmp_path, f'pseudonyms:\n  - person: "register:amara okafor"\n    pseudonym: "{pseudonym}"\n')
    with pytest.raises(DecisionsError) as err:
        load_decisions(path).check_pseudonyms(REGISTER)
    assert str(path) in str(err.value) and "line 2:" in str(err.value) and "register" in str(err.value)
    assert pseudonym.lower() not in str(err.value).lower()
    safe = write(tmp_path, 'pseudonyms:\n  - person: "register:amara okafor"\n    pseudonym: "Lily"\n')
    load_decisions(safe).check_pseudonyms(REGISTER)  # an ordinary pseudonym passes


def test_rejects_by_offset_and_everywhere() -> None:
    d = ReviewerDecisions(reject=(Reject("Hope", 1234), Reject("Croydon")))
    assert d.rejects("Hope", 1234)
    assert not d.rejects("Hope", 99)  # only that occurrence
    assert d.rejects("Croydon", 5) and d.rejects("croydon", 700)  # every occurrence, any case
    assert not d.rejects("Hopeful", 1234)


def test_fresh_copies_count_from_zero() -> None:
    d = ReviewerDecisions(reject=(Reject("Croydon"),))
    assert d.rejects("Croydon", 1)
    again = d.fresh()
    assert again.reject == d.reject
    assert [r["matches"] for r in again.describe()] == [0] and [r["matches"] for r in d.describe()] == [1]


def test_pseudonym_for(tmp_path: Path) -> None:
    d = load_decisions(write(tmp_path, GOOD))
    assert d.pseudonym_for("register:amara okafor", "Amara") == "Lily"
    assert d.pseudonym_for("register:amara okafor", "anything") == "Lily"
    assert d.pseudonym_for("other:anika rao", "Dr  Rao") == "Professional Z"
    assert d.pseudonym_for("other:anika rao", "Anika Rao") is None
    assert d.pseudonym_for(None, "Croydon") is None


def _rep(text: str, s: str, new: str, person: str | None, n: int = 1, entity: str = "PERSON") -> Replacement:
    i = -1
    for _ in range(n):
        i = text.index(s, i + 1)
    return Replacement(i, i + len(s), s, new, entity, ("test",), 0.9, "test", person, (i, i + len(s)))


def test_apply_rejects_and_renames_whole_person(tmp_path: Path) -> None:
    text = "Amara Okafor met Dr Anika Rao. AMARA said her mother Sarah Okafor agreed. Hope came. Hope left."
    a, s = "register:amara okafor", "register:sarah okafor"
    reps = [
        _rep(text, "Amara Okafor", "Emily", a),
        _rep(text, "Dr Anika Rao", "Professional A", "other:anika rao"),
        _rep(text, "AMARA", "EMILY", a),
        _rep(text, " Sarah Okafor", "", s),  # role already named: 'her mother'
        _rep(text, "Hope", "Adult B", "other:hope", 1),
        _rep(text, "Hope", "Adult B", "other:hope", 2),
    ]
    cmap = CaseMap(None, "test")
    cmap.people = {f"{a}|pseudonym": "Emily", f"{s}|role": "Mother"}
    # her letter and her role label, from profiles with and without professionals_by_role
    cmap.others = {"other:anika rao": "Professional A", "other:anika rao|role": "the paediatrician",
                   "other:hope": "Adult B"}
    d = ReviewerDecisions(
        reject=(Reject("Hope", reps[4].start),),
        pseudonyms=(PseudonymChange("lily", original="Amara Okafor"), PseudonymChange("Mum", person=s),
                    PseudonymChange("the GP", person="other:anika rao")))
    out = d.apply(text, Decisions(replacements=reps), cmap)
    got = [(r.original, r.replacement) for r in out.replacements]
    # capitals follow the place: sentence start, all capitals, or as the reviewer wrote it
    assert got == [("Amara Okafor", "Lily"), ("Dr Anika Rao", "the GP"), ("AMARA", "LILY"),
                   (" Sarah Okafor", ""), ("Hope", "Adult B")]
    assert out.replacements[-1].start == reps[5].start  # only the first 'Hope' was kept
    assert "reviewer pseudonym" in out.replacements[0].rule
    assert cmap.people == {f"{a}|pseudonym": "lily", f"{s}|role": "Mum"}
    assert cmap.others == {"other:anika rao": "the GP", "other:anika rao|role": "the GP", "other:hope": "Adult B"}
    records = d.describe()
    assert [(r["kind"], r["decision"], r["matches"]) for r in records] == [
        ("decision", "reject", 1), ("decision", "pseudonym", 2), ("decision", "pseudonym", 0),
        ("decision", "pseudonym", 1)]


@pytest.mark.parametrize("text, at, expected", [
    ("Amara went", 0, True), ("1.1 Amara went", 4, True), ("  - Amara", 4, True), ("He left. Amara went", 9, True),
    ("Then she said \u201cAmara", 15, True), ("intro\n\n2. Amara", 10, True), ("and then Amara went", 9, False),
    ("Dr Amara", 3, False),
])
def test_sentence_start(text: str, at: int, expected: bool) -> None:
    assert text[at:].startswith("Amara") and sentence_start(text, at) is expected



def test_decisions_work_through_detection_and_decide(tmp_path: Path) -> None:
    """The reviewer's detections and changes go through the real decide() as the pipeline will use them."""
    from anonymiser.config.profile import load_profile
    from anonymiser.core import entities as E
    from anonymiser.decide.policy import decide
    from anonymiser.detect.analyse import analyse
    from anonymiser.write.replace import anonymise_text

    text = ("Amara Okafor lives with her brother at Bramble Court in Croydon. Jay visits Amara.\n\n"
            "Jay told the school that Amara was happy.")
    register = Register(case="t", people=(Person("Amara Okafor", "subject child", "female"),
                                          Person("Sarah Okafor", "mother", "female")))
    d = load_decisions(write(tmp_path, 'pseudonyms:\n  - original: "Amara"\n    pseudonym: "Lily"\n'
                                       'add:\n  - text: "bramble court"\n    type: ADDRESS\n'
                                       '  - text: "Jay"\n    person: "Sarah Okafor"\n'))
    profile = load_profile("safeguarding-review")
    raw = analyse(text, register, [e for e in E.ENTITY_TYPES if profile.detects(e)])
    decided = decide(text, raw + d.extra_detections(text, register), profile, register, CaseMap(None, "t"))
    out = anonymise_text(text, d.apply(text, decided).replacements)
    assert "Bramble Court" not in out and "Jay" not in out and "Amara" not in out
    assert out.count("Lily") == 3
    records = d.describe("review.txt")
    assert [(r["decision"], r["original"], r["matches"]) for r in records] == [
        ("pseudonym", "Amara", 3), ("add", "bramble court", 1), ("add", "Jay", 2)]
    assert {r["document"] for r in records} == {"review.txt"}


# -- review rounds --------------------------------------------------------------------------

ROUNDS_DRAFT = """\
Child Safeguarding Practice Review: Amara

1. Amara Okafor lived with her mother, Sarah Okafor, in Croydon. On 14th March 2019 the
health visitor saw Amara at home. Amara went to riverside boxing club on Saturdays.

2. Ms Okafor told the health visitor on 2nd April 2019 that Amara was happy at the club, and the
coach at riverside boxing club said Amara was doing well.
"""


def _run_cli(*args: str) -> None:
    from click.testing import CliRunner

    from anonymiser.cli import main

    result = CliRunner().invoke(main, ["run", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _round(tmp_path: Path, out: str, decisions: Path | None = None, draft: str = ROUNDS_DRAFT) -> tuple[str, dict]:
    """One run of the CLI on a draft (ROUNDS_DRAFT unless given): its publication text and its report's page data."""
    import json

    from tests.okafor_case import REGISTER as REGISTER_YAML

    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    path, register = folder / "review-c.txt", folder / "family.yaml"
    path.write_text(draft, encoding="utf-8")
    register.write_text(REGISTER_YAML, encoding="utf-8")
    _run_cli(str(path), "--register", str(register), "--out", str(tmp_path / out),
             *(["--decisions", str(decisions)] if decisions else []))
    text = next((tmp_path / out).glob("*.anonymised.txt")).read_text(encoding="utf-8")
    page = next((tmp_path / out).glob("*.report.html")).read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S).group(1)
    return text, json.loads(data)


def page_export(data: dict, new: ReviewerDecisions, withdrawn: tuple[int, ...] = ()) -> str:
    """The file the page exports: its seeded (applied) decisions merged with this round's, as the page merges them."""
    seeded = ReviewerDecisions(document=data["document"], **{
        section: tuple(_from_entry(section, a["entry"]) for a in data["applied"] if a["section"] == section)
        for section in ("reject", "pseudonyms", "add")})
    gone = [d for n, d in enumerate((*seeded.reject, *seeded.pseudonyms, *seeded.add)) if n in withdrawn]
    merged = seeded.merged(new, gone)
    return dump_decisions(merged.document, merged.entries())


def _from_entry(section: str, entry: dict) -> object:
    if section == "reject":
        return Reject(entry["original"], entry.get("offset"))
    if section == "pseudonyms":
        return PseudonymChange(entry["pseudonym"], entry.get("person"), entry.get("original"))
    return Addition(entry["text"], entry.get("type"), entry.get("person"))


def test_three_rounds_reproduce_from_the_last_export_alone(tmp_path: Path) -> None:
    first, data1 = _round(tmp_path, "out")
    assert data1["applied"] == [] and "riverside boxing club" in first and "In March 2019" in first
    march = next(it for it in data1["items"] if it["original"].endswith("14th March 2019"))

    # round 1: the reviewer keeps the first date and adds the club the profile only flagged
    # (a club would be replaced without the reviewer: decide/local_organisations.py)
    r1 = tmp_path / "round1.decisions.yaml"
    r1.write_text(page_export(data1, ReviewerDecisions(
        reject=(Reject(march["original"], march["offset"]),),
        add=(Addition("Riverside Boxing Club", entity="ORGANISATION"),))), encoding="utf-8")
    second, data2 = _round(tmp_path, "out", r1)
    assert "On 14th March 2019" in second and "in April 2019" in second
    assert "boxing club" not in second.lower() and "went to the club on Saturdays" in second
    # the new report lists both decisions as applied, and shows them on the items
    assert [(a["section"], a["matches"]) for a in data2["applied"]] == [("reject", 1), ("add", 2)]
    kept = [data2["items"][i] for i in data2["applied"][0]["items"]]
    assert [(it["original"], it["rejected"]) for it in kept] == [(march["original"], True)]
    added = [data2["items"][i] for i in data2["applied"][1]["items"]]
    assert [it["replacement"] for it in added] == ["the club", "the club"]
    assert all("reviewer" in it["detectors"] and not it["rejected"] for it in added)

    # round 2: the reviewer renames the child; the export holds round 1's decisions too
    r2 = tmp_path / "round2.decisions.yaml"
    r2.write_text(page_export(data2, ReviewerDecisions(
        pseudonyms=(PseudonymChange("Lily", person="register:amara okafor"),))), encoding="utf-8")
    later = load_decisions(r2)
    assert [r.original for r in later.reject] == [march["original"]] and len(later.add) == 1
    third, data3 = _round(tmp_path, "out", r2)
    assert [(a["section"], a["matches"] > 0) for a in data3["applied"]] == [
        ("reject", True), ("pseudonyms", True), ("add", True)]
    renamed = next(a for a in data3["applied"] if a["section"] == "pseudonyms")
    assert renamed["group"] is not None

    # round 3 from only round 2's export, with a fresh pseudonym map: the same text as all
    # decisions written by hand in one file
    alone, _ = _round(tmp_path, "fresh", r2)
    every = tmp_path / "all.decisions.yaml"
    every.write_text(f'reject:\n  - original: "{march["original"]}"\n    offset: {march["offset"]}\n'
                     'pseudonyms:\n  - person: "register:amara okafor"\n    pseudonym: "Lily"\n'
                     'add:\n  - text: "Riverside Boxing Club"\n    type: ORGANISATION\n', encoding="utf-8")
    reference, _ = _round(tmp_path, "reference", every)
    assert alone == third == reference
    assert "Lily" in reference and "Amara" not in reference and "On 14th March 2019" in reference
    assert "the club" in reference and "boxing club" not in reference.lower()


def test_a_withdrawn_decision_leaves_the_export() -> None:
    applied = ReviewerDecisions(reject=(Reject("Croydon"), Reject("Hope", 12)),
                                pseudonyms=(PseudonymChange("Lily", person="register:amara okafor"),),
                                add=(Addition("Bramble Court", entity="LOCATION"),))
    new = ReviewerDecisions(pseudonyms=(PseudonymChange("Maya", person="Amara Okafor"),),
                            add=(Addition("bramble  court", entity="ADDRESS"), Addition("Jay", person="Sal")),
                            reject=(Reject("hope"),))
    merged = applied.merged(new, withdrawn=[applied.reject[0]])
    assert merged.entries() == {
        "reject": [{"original": "hope"}],  # everywhere now, so the one place is not repeated
        "pseudonyms": [{"person": "Amara Okafor", "pseudonym": "Maya"}],  # the new name replaces the old
        "add": [{"text": "bramble  court", "type": "ADDRESS"}, {"text": "Jay", "person": "Sal"}],
    }


def test_dump_loads_back_as_the_same_decisions(tmp_path: Path) -> None:
    d = load_decisions(write(tmp_path, GOOD))
    text = dump_decisions(d.document, d.entries())
    again = load_decisions(write(tmp_path, text))
    assert again.entries() == d.entries() and again.document == d.document
    odd = ReviewerDecisions(add=(Addition('say "hi"\u2028: # no', entity="PERSON"),))
    assert load_decisions(write(tmp_path, dump_decisions("x.txt", odd.entries()))).add[0].text == 'say "hi" : # no'


@pytest.mark.parametrize("name, kind", [
    ("St Peter's Church", "the church"), ("Riverside Boxing Club", "the club"), ("Acme Builders Ltd", "the company"),
    ("Parkside Surgery", "the GP practice"), ("Oakfield Primary School", "the primary school"),
    ("the Beeches Nursery", "the nursery"), ("Rainbow Ward", "the ward"), ("Hope Community Services", "the service"),
    ("Redeemed Christian Church of God", "the church"), ("Tesco", "the organisation"), ("Bright Futures", "the organisation"),
    ("HMP Forest Bank", "the prison"), ("Stonefield Prison", "the prison"), ("CHURCH ROAD BOXING CLUB", "the club"),
])
def test_an_added_organisation_is_named_by_its_kind(name: str, kind: str) -> None:
    from anonymiser.decide.institutions import organisation_text

    assert organisation_text(name) == kind


def test_additions_of_kinds_the_profile_keeps_still_change_the_text() -> None:
    """The default profile flags organisations and ethnicity, keeps quantities and leaves 'March 2019' as it is."""
    from anonymiser.config.profile import load_profile
    from anonymiser.run.pipeline import decide_with_reviewer
    from anonymiser.write.replace import anonymise_text

    text = ("In March 2019 the family joined Bethel Gospel Assembly. They are Yoruba and paid 40 pounds.\n"
            "The family left Bethel Gospel Assembly in May.")
    d = ReviewerDecisions(add=(Addition("Bethel Gospel Assembly", entity="ORGANISATION"),
                               Addition("Yoruba", entity="DEMOGRAPHIC"), Addition("40 pounds", entity="QUANTITY"),
                               Addition("March 2019", entity="DATE")))
    register = Register(case="t", people=())
    decided = decide_with_reviewer(text, [], load_profile("safeguarding-review"), register, CaseMap(None, "t"), d)
    assert anonymise_text(text, decided.replacements) == (
        "In [date] the family joined the assembly. They are [demographic attribute] and paid [quantity].\n"
        "The family left the assembly in May.")
    assert decided.flags == []


def test_an_addition_beats_what_the_machine_found_in_the_same_words() -> None:
    """The NER reads these organisations as places, or finds a person or a place inside them; the reviewer's type wins."""
    from anonymiser.config.profile import load_profile
    from anonymiser.detect.analyse import analyse
    from anonymiser.run.pipeline import decide_with_reviewer
    from anonymiser.write.replace import anonymise_text

    text = ("She was taken to Kingsley Hall by her aunt. Her mother worked at Ruth Davies Hairdressing on Mondays. "
            "The family attended Mount Zion Church in Peckham.")
    d = ReviewerDecisions(add=(Addition("Kingsley Hall", entity="ORGANISATION"),
                               Addition("Ruth Davies Hairdressing", entity="ORGANISATION"),
                               Addition("Mount Zion Church in Peckham", entity="ORGANISATION")))
    register = Register(case="t", people=())
    profile = load_profile("safeguarding-review")
    raw = analyse(text, register, [e for e in E.ENTITY_TYPES if profile.detects(e)])
    out = anonymise_text(text, decide_with_reviewer(text, raw, profile, register, CaseMap(None, "t"), d).replacements)
    assert out == ("She was taken to the organisation by her aunt. Her mother worked at the organisation on Mondays. "
                   "The family attended the church.")


def test_same_named_drafts_in_two_folders_keep_their_own_decisions(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from anonymiser.cli import main

    case = tmp_path / "case"
    for folder in ("health", "police"):
        (case / folder).mkdir(parents=True)
        (case / folder / "chronology.txt").write_text(
            "On 3 May 2022 the family moved to Harrowgate Street in Wexley.\n", encoding="utf-8")
    decisions = tmp_path / "health.decisions.yaml"
    decisions.write_text(dump_decisions("health/chronology.txt", {"reject": [{"original": "3 May 2022"}]}),
                         encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(case), "--out", str(out), "--workers", "1",
                                       "--decisions", str(decisions)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    texts = sorted(p.read_text(encoding="utf-8") for p in out.glob("*.anonymised.txt"))
    assert len(texts) == 2
    # Only the health chronology keeps its date; the police one, named alike, is untouched by it.
    assert sum("3 May 2022" in t for t in texts) == 1
    assert sum("May 2022" in t and "3 May 2022" not in t for t in texts) == 1
