"""The register's references: its case label and listed case, crime and hospital numbers are
identifiers, found in any spacing or case in the body, headers, footers, properties and file name,
and checked by verify with and without the register."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from anonymiser import anonymise
from anonymiser.cli import main
from anonymiser.core.errors import RegisterError
from anonymiser.core.register import EMPTY_REGISTER, Person, Register
from anonymiser.detect.recognizers.register_references import RegisterReferenceRecognizer
from anonymiser.run.register import load_register
from anonymiser.verify.leaks import find_leaks
from tests.fixtures_docs import package_text

FAMILY = (Person("Amara Okafor", "subject child", "female"), Person("Sarah Okafor", "mother", "female"))
REGISTER = Register("CSPR 2026-03", FAMILY, references=("Operation Nightjar", "LS/77/4410"))

YAML = """\
case: CSPR 2026-03
people:
  - name: Amara Okafor
    role: subject child
    gender: female
  - name: Sarah Okafor
    role: mother
    gender: female
references:
  - Operation Nightjar        # the police operation
  - "LS/77/4410"              # the hospital number
"""


def found(text: str, register: Register = REGISTER) -> list[str]:
    rec = RegisterReferenceRecognizer(register)
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, ["REFERENCE_NUMBER"]), key=lambda r: r.start)]


@pytest.mark.parametrize("written", [
    "CSPR 2026-03", "cspr2026-03", "CSPR 2026 03", "CSPR-2026-03", "CSPR\n2026-03", "CSPR 2026-\n03",
    "CSPR/2026/03", "Cspr 2026-3", "CSPR 2026-03", "operation  NIGHTJAR", "Operation\nNightjar", "LS 77 4410",
    "ls/77/4410", "LS774410",
])
def test_a_reference_is_found_in_any_spacing_or_case(written: str) -> None:
    text = f"The panel for {written} met twice; the notes are filed."
    assert found(text) == [written]


@pytest.mark.parametrize("text", [
    "The review CSPR 2025-03 was another family's.",   # another number
    "It was written on 2026-03-14.",                    # a date that starts with the same digits
    "The code CSPR 2026-031 belongs to another review.",  # a longer number
    "Operation Nightingale ran that year.",             # a longer word
    "Her records were read in March 2026.",
])
def test_what_only_looks_like_a_reference_is_left(text: str) -> None:
    assert found(text) == []


def test_the_case_label_is_a_reference_only_when_it_holds_a_number() -> None:
    assert REGISTER.known_references == ("CSPR 2026-03", "2026-03", "Operation Nightjar", "LS/77/4410")
    # 'Child H' is the review's own published name; a bare year would take every year out of the text.
    assert Register("CSPR Child H (Croydon)", FAMILY).known_references == ()
    assert Register("2026", FAMILY).known_references == ()
    assert Register("LCSPR/22/004", FAMILY).known_references == ("LCSPR/22/004",)
    # The label's number is a reference on its own; a year or a short number in it is not.
    assert Register("CSPR QX77123 (Croydon)", FAMILY).known_references == ("CSPR QX77123 (Croydon)", "QX77123")
    assert Register("Child H 2021", FAMILY).known_references == ("Child H 2021",)
    # The label still keys the pseudonym map.
    assert REGISTER.case_key == "CSPR 2026-03"


def test_references_load_from_the_register(tmp_path: Path) -> None:
    path = tmp_path / "family.register.yaml"
    path.write_text(YAML, encoding="utf-8")
    reg = load_register(path)
    assert reg.references == ("Operation Nightjar", "LS/77/4410")
    assert reg.known_references == REGISTER.known_references


@pytest.mark.parametrize("bad, line, words", [
    (YAML.replace('  - "LS/77/4410"', "  - 0012345"), 11, "quotes"),
    (YAML.replace('  - "LS/77/4410"', '  - "H1"'), 11, "too short"),
    (YAML.replace("references:\n  - Operation Nightjar        # the police operation\n",
                  "references: Operation Nightjar\n"), 9, "should be a list"),
])
def test_a_bad_reference_names_the_line_never_the_reference(tmp_path: Path, bad: str, line: int, words: str) -> None:
    path = tmp_path / "family.register.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(RegisterError) as err:
        load_register(path)
    message = str(err.value)
    assert str(path) in message and f"line {line}" in message and words in message
    assert "12345" not in message and "Nightjar" not in message


def test_the_case_labels_number_is_found_without_its_prefix() -> None:
    register = Register("CSPR QX77123", FAMILY)
    text = "Minutes for case QX77123 (also qx 77123) were filed; QX771234 is another review."
    assert found(text, register) == ["QX77123", "qx 77123"]


def test_references_are_removed_from_the_text() -> None:
    text = ("Review cspr2026-03 (Operation NIGHTJAR). Amara Okafor was admitted under hospital\n"
            "number LS 77 4410 on 3 May 2025.")
    out = anonymise(text, register=REGISTER).text
    assert out.count("[reference removed]") == 3, out
    assert not re.search(r"(?i)cspr|nightjar|4410|2026", out), out


def test_verify_finds_a_reference_with_and_without_the_register() -> None:
    footer = "Draft for panel: cspr 2026 03 - page 2"
    assert [leak.why for leak in find_leaks(footer, "footer", REGISTER)] == ["register reference"]
    # Without the register, the audit's record of what was replaced in the body is enough.
    leaks = find_leaks(footer, "footer", EMPTY_REGISTER, [("CSPR 2026-03", "REFERENCE_NUMBER")], {"[reference removed]"})
    assert [leak.text for leak in leaks] == ["cspr 2026 03"]
    assert find_leaks("Draft for panel: [reference removed] - page 2", "footer", REGISTER) == []


def test_a_word_draft_loses_its_references_everywhere(tmp_path: Path) -> None:
    draft = tmp_path / "in" / "CSPR_2026-03_Nightjar_draft.docx"
    draft.parent.mkdir()
    document = docx.Document()
    document.add_paragraph("1.1 This review (CSPR 2026-03) concerns Amara Okafor and her mother.")
    document.add_paragraph("1.2 The police investigation, Operation Nightjar, closed in 2025.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "CSPR-2026-03 DRAFT"
    section.footer.paragraphs[0].text = "cspr2026-03 | hospital no LS/77/4410"
    document.core_properties.title = "CSPR 2026 03 draft 0.3"
    document.core_properties.keywords = "Nightjar; cspr 2026-03"
    document.save(draft)
    register = tmp_path / "in" / "family.register.yaml"
    register.write_text(YAML, encoding="utf-8")
    out = tmp_path / "out"
    before = draft.read_bytes()

    result = CliRunner().invoke(main, ["run", str(draft), "--register", str(register), "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert draft.read_bytes() == before
    published = [p for p in out.iterdir() if ".anonymised." in p.name]
    assert published and all(not re.search(r"(?i)cspr|nightjar|2026", p.name) for p in published)
    parts = package_text(next(p for p in published if p.suffix == ".docx"))
    for name, xml in parts.items():
        assert not re.search(r"(?i)cspr|nightjar|4410", xml), name
    text = next(p for p in published if p.suffix == ".txt").read_text(encoding="utf-8")
    assert not re.search(r"(?i)cspr|nightjar|4410", text), text
    # And verify, run by hand on the outputs, with the register and with the audit alone, passes them.
    audit = next(out.glob("*.audit.jsonl"))
    for extra in (["--register", str(register)], ["--audit", str(audit)]):
        check = CliRunner().invoke(main, ["verify", *map(str, published), *extra])
        assert check.exit_code == 0, check.output


def test_many_recorded_references_are_found_as_each_ones_own_pattern_finds_them() -> None:
    """The leak check looks for hundreds of recorded references in a long output: those whose number
    is nowhere are skipped, and what is found is what each reference's own pattern finds."""
    from anonymiser.detect.recognizers.register_references import find_references, reference_pattern

    lines = [f"Entry {i}: police ref PN/{2019 + i % 4}/{40000 + 37 * i:06d} was closed on {i % 28 + 1} May."
             for i in range(60)]
    text = "\n".join(lines) + "\nThe footer reads pn 2022 40111 and CR-007-41 in capitals: CR00741.\n"
    recorded = [f"PN/{2019 + i % 4}/{40000 + 37 * i:06d}" for i in range(0, 120, 3)] + ["CR 7/41", "QX-0000"]
    expected: set[tuple[int, int]] = set()
    for ref in recorded:
        pattern = reference_pattern(ref)
        assert pattern is not None
        expected |= {(m.start(), m.end()) for m in pattern.finditer(text)}
    found = list(find_references(text, recorded))
    assert set(found) <= expected and len(found) >= 20
    assert all(any(s <= a and b <= e for s, e in found) for a, b in expected)  # none left out
    assert text[found[-2][0]:found[-2][1]] == "CR-007-41" and text[found[-1][0]:found[-1][1]] == "CR00741"
    assert "pn 2022 40111" in [text[s:e] for s, e in found]


def test_a_register_reference_goes_whole_though_a_piece_of_it_has_an_ni_numbers_shape() -> None:
    # 'JK-775120' alone has an NI number's shape; the register says the whole code is one reference.
    register = Register("CSPR 2026-03", FAMILY, references=("HBC-JK-775120",))
    out = anonymise("The family's case number is HBC-JK-775120 on the system.", register=register).text
    assert out == "The family's case number is [reference removed] on the system."
