"""Invisible and look-alike characters inside names: detection and verify see through them.

Each case of the hostile battery (zero-width characters, soft hyphen, BOM, mathematical bold,
right-to-left controls, NUL, Cyrillic and Greek look-alikes) goes through the real command line;
the output must hold no trace of a register name, even read through the normalised view, and the
replaced span must take in the invisible characters.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from anonymiser.api import anonymise
from anonymiser.cli import main
from anonymiser.config.profile import load_profile
from anonymiser.core.document import Document, Segment
from anonymiser.core.register import EMPTY_REGISTER
from anonymiser.core.textview import invisible, view_of
from anonymiser.pseudonymise.case_map import CaseMap
from anonymiser.review.entries import Reject
from anonymiser.review.reviewer import ReviewerDecisions
from anonymiser.run.pipeline import detect_document
from anonymiser.run.register import load_register
from anonymiser.verify.leaks import find_leaks, verify_files
from anonymiser.write.replace import anonymise_text

REGISTER = """\
case: CSPR unicode
people:
  - name: Sarah Okafor
    role: mother
    gender: female
  - name: Tomasz Wiśniewski
    aliases: [Tom]
    role: father
    gender: male
  - name: Amara Okafor
    role: subject child
    gender: female
"""
NAMES = ("sarah", "okafor", "tomasz", "wiśniewski", "wisniewski", "amara")


def bold(word: str) -> str:
    """A word in MATHEMATICAL BOLD letters, as pasted from some web editors."""
    return "".join(chr(0x1D400 + ord(c) - 65) if c.isupper() else chr(0x1D41A + ord(c) - 97) for c in word)


# (label, how 'Sarah' is written, how 'Okafor' is written)
BATTERY = [
    ("zero-width space", "Sa\u200brah", "Oka\u200bfor"),
    ("zero-width non-joiner", "Sar\u200cah", "Ok\u200cafor"),
    ("zero-width joiner", "S\u200darah", "Okaf\u200dor"),
    ("word joiner", "Sa\u2060rah", "Oka\u2060for"),
    ("soft hyphen", "Sa\u00adrah", "Oka\u00adfor"),
    ("byte order mark", "Sar\ufeffah", "O\ufeffkafor"),
    ("mathematical bold", bold("Sarah"), bold("Okafor")),
    ("right-to-left override beside", "\u202eSarah", "Okafor\u202c"),
    ("right-to-left isolate beside", "\u2067Sarah", "Okafor\u2069"),
    ("first-strong isolate beside", "\u2068Sarah", "Okafor\u2069"),
    ("right-to-left mark inside", "Sa\u200frah", "Oka\u200ffor"),
    ("right-to-left mark beside", "\u200fSarah", "Okafor\u200f"),
    ("Cyrillic look-alikes", "S\u0430r\u0430h", "Ok\u0430f\u043er"),  # а, о
    ("Greek look-alikes", "Sarah", "Okaf\u03bfr"),  # omicron
    # Drawn as nothing though not format characters (Unicode's default-ignorable code points).
    ("variation selector", "Sa\ufe00rah", "Oka\ufe0ffor"),
    ("combining grapheme joiner", "Sa\u034frah", "Oka\u034ffor"),
    ("Mongolian free variation selector", "Sar\u180bah", "Ok\u180bafor"),
    ("Khmer inherent vowel", "Sa\u17b4rah", "Okaf\u17b5or"),
    ("Hangul filler", "Sa\u3164rah", "Oka\uffa0for"),
]


def draft(sarah: str, okafor: str) -> str:
    return (
        "FAMILY BACKGROUND\n\n"
        f"The health visitor first met {sarah} {okafor} at the family home on 3 May 2021. "
        f"{sarah} said that Amara had been unwell for a week.\n\n"
        f"Ms {okafor} told the GP that she had no support from family. Later {sarah} "
        "moved to a flat with Amara.\n"
    )


def no_register_name(text: str) -> None:
    """No register name in the text, nor in its normalised view (nor with its accents stripped)."""
    for seen in (text, view_of(text)):
        plain = unicodedata.normalize("NFKD", seen.casefold())
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        for name in NAMES:
            assert name not in seen.casefold() and name not in plain, (name, seen)


@pytest.fixture
def register_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.register.yaml"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def run(src: Path, register: Path, out: Path):
    return CliRunner().invoke(main, ["run", str(src), "--register", str(register), "--out", str(out)])


def audit(out: Path) -> list[dict]:
    (path,) = out.glob("*.audit.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- the battery through the command line ----------------------------------------------------


@pytest.mark.parametrize(("label", "sarah", "okafor"), BATTERY, ids=[b[0] for b in BATTERY])
def test_battery_leaves_no_trace(tmp_path: Path, register_file: Path, label: str, sarah: str, okafor: str) -> None:
    src = tmp_path / "review.txt"
    text = draft(sarah, okafor)
    src.write_text(text, encoding="utf-8")
    before = src.read_bytes()
    out = tmp_path / "out"
    result = run(src, register_file, out)
    assert result.exit_code == 0, result.output
    assert src.read_bytes() == before
    (publication,) = out.glob("*.anonymised.txt")
    published = publication.read_text(encoding="utf-8")
    no_register_name(published)
    # The whole written name went, its invisible characters with it.
    odd = {c for c in sarah + okafor if invisible(c) or not c.isascii()}
    assert not odd & set(published), label
    records = [r for r in audit(out) if r["kind"] in ("replacement", "flag")]
    for r in records:  # audit locations point at the original, invisible characters and all
        assert text[r["location"]["offset"]:r["location"]["end"]] == r["original"]
    originals = [r["original"] for r in records if r["kind"] == "replacement"]
    assert any(sarah in o for o in originals) and any(okafor in o for o in originals)
    assert "Amara" not in published


def test_nul_inside_a_name_in_a_text_draft(tmp_path: Path, register_file: Path) -> None:
    src = tmp_path / "review.txt"
    src.write_bytes(draft("Sa\x00rah", "Okaf\x00or").encode("utf-8"))
    out = tmp_path / "out"
    result = run(src, register_file, out)
    assert result.exit_code == 0, result.output
    assert "NUL character(s), ignored when looking for names" in result.output
    published = next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8")
    no_register_name(published)
    assert "\x00" not in published
    assert any("Sa\x00rah" in r["original"] for r in audit(out) if r["kind"] == "replacement")


def test_word_draft_with_zero_width_space_and_soft_hyphen(tmp_path: Path, register_file: Path) -> None:
    src = tmp_path / "review.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Review of Sa\u00adrah Oka\u200bfor's family"
    document.add_paragraph("FAMILY BACKGROUND")
    p = document.add_paragraph("The health visitor met ")
    p.add_run("Sa\u200brah").bold = True
    p.add_run(" Oka\u00adfor at home. Tom\u200basz Wi\u00adśniewski was not there.")
    document.add_paragraph("Ms Oka\u00adfor said that A\u200bmara was well.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Mother"
    table.cell(0, 1).text = "Sa\u200brah Oka\u00adfor"
    document.save(src)
    out = tmp_path / "out"
    result = run(src, register_file, out)
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.anonymised.docx")
    with zipfile.ZipFile(written) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                xml = z.read(name).decode("utf-8")
                no_register_name(re.sub(r"<[^>]+>", "", xml))
                no_register_name(xml)
    body = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "\u200b" not in body and "\u00ad" not in body
    assert "health visitor met" in body


# -- offsets stay consistent downstream -----------------------------------------------------


def _doc(text: str) -> Document:
    return Document(path=Path("review.txt"), kind="txt", segments=[Segment(text, "line 1", "")])


@pytest.mark.parametrize("written", ["S\u0336a\u0336r\u0336a\u0336h\u0336",  # struck through, letter by letter
                                     "S\u0308arah", "Sara\u0332h"])  # a diaeresis, an underline: no letter has it
def test_a_name_with_combining_marks_on_its_letters_is_found_and_replaced(register_file: Path, written: str) -> None:
    register = load_register(register_file)
    text = f"The health visitor saw {written} at home.\n"
    assert [leak.where for leak in find_leaks(text, "out.txt", register)] == ["out.txt:1"]
    published = anonymise(text, register=register).text
    assert "Sar" not in published and "S\u0308" not in published and "the health visitor saw" in published.lower()


def test_decisions_are_in_the_original_offsets(register_file: Path) -> None:
    register = load_register(register_file)
    text = "\ufeff" + draft("Sa\u200brah", "Oka\u00adfor") + "Ethnicity: Bla\u200bck British.\n"
    result = anonymise(text, register=register)
    for r in result.decisions.replacements:
        assert text[r.start:r.end] == r.original
        assert r.start <= r.core[0] <= r.core[1] <= r.end
    for f in result.decisions.flags:
        assert text[f.start:f.end] == f.text
    assert result.text == anonymise_text(text, result.decisions.replacements)
    no_register_name(result.text)
    assert result.text.startswith("\ufeffFAMILY BACKGROUND")  # what is not a name is left as it was


def test_unrelated_characters_are_left_untouched(register_file: Path) -> None:
    text = "Sa\u200brah Okafor read Section\u00a04 on nai\u0308ve trust \u2014 \ufb01rst \u2460.\n"
    result = anonymise(text, register=load_register(register_file))
    assert result.text.endswith(" read Section\u00a04 on nai\u0308ve trust \u2014 \ufb01rst \u2460.\n")


def test_a_reviewers_reject_offset_is_in_the_original_text(register_file: Path) -> None:
    register = load_register(register_file)
    text = "Sa\u200brah Okafor called. Later Sa\u200brah called again.\n"
    second = text.index("Sa\u200brah", 5)
    reviewer = ReviewerDecisions(reject=(Reject("Sa\u200brah", second),))
    decisions = detect_document(_doc(text), load_profile("safeguarding-review"), register,
                                CaseMap(None, register.case_key), reviewer)
    starts = [r.start for r in decisions.replacements]
    assert 0 in starts and second not in starts
    (record,) = [d for d in reviewer.describe("review.txt") if d["decision"] == "reject"]
    assert record["matches"] == 1
    # The report learns what the decision undid in the original's offsets, from the original decision.
    ((undone, why),) = reviewer.rejected
    assert why is reviewer.reject[0]
    assert (undone.start, undone.original) == (second, "Sa\u200brah")


def test_a_reviewers_addition_is_reported_in_the_original_offsets(register_file: Path) -> None:
    from anonymiser.review.entries import Addition

    register = load_register(register_file)
    text = "Sa\u200brah Okafor took the children to St\u00ad Brigid's Church on Sundays.\n"
    add = Addition("St Brigid's Church", "ORGANISATION")
    reviewer = ReviewerDecisions(add=(add,))
    detect_document(_doc(text), load_profile("safeguarding-review"), register, CaseMap(None, register.case_key),
                    reviewer)
    ((s, e),) = reviewer.added[add]
    assert text[s:e].replace("\u00ad", "") == "St Brigid's Church"


# -- verify ---------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["Sa\u200brah", "Sa\u00adrah", "S\u0430rah", bold("Sarah"), "Sa\x00rah",
                                     "Sa\ufe0frah", "Sa\u034frah"])
def test_verify_reads_through_invisible_and_look_alike_characters(tmp_path: Path, register_file: Path,
                                                                  written: str) -> None:
    register = load_register(register_file)
    text = f"Mother said that {written} had gone.\nNothing else.\n"
    leaks = find_leaks(text, "out.txt", register)
    assert [leak.where for leak in leaks] == ["out.txt:1"]
    assert leaks[0].text == "Sarah"
    # an audit original written with the invisible character is found written plainly, and back
    leaks = find_leaks("Mother met Sarah.\n", "out.txt", EMPTY_REGISTER, [(written, "PERSON")])
    assert [leak.text for leak in leaks] == ["Sarah"]
    path = tmp_path / "out.anonymised.txt"
    path.write_text(text, encoding="utf-8")
    assert verify_files([path], register, [])
    result = CliRunner().invoke(main, ["verify", str(path), "--register", str(register_file)])
    assert result.exit_code == 1, result.output


def test_verify_keeps_inserted_spans_in_step_with_the_view(register_file: Path) -> None:
    register = load_register(register_file)
    # Text the tool inserted, after invisible characters, is skipped at its own place in the
    # view; a real leak beside it is still found.
    text = "\u200b\u200b\u200bMother met Sarah.\n"
    inserted = [(3, 9)]
    leaks = find_leaks(text, "out.txt", register, inserted=inserted)
    assert [leak.text for leak in leaks] == ["Sarah"]
    assert find_leaks("\u200b\u200bSarah met Mother.\n", "out.txt", register, inserted=[(2, 7)]) == []


def test_a_short_alias_with_a_look_alike_letter_is_found(register_file: Path) -> None:
    # 'Tom' is too short for the one-edit matching: only reading the look-alike as Latin finds it.
    register = load_register(register_file)
    text = "The school phoned T\u03bfm on Monday; T\u043em did not answer.\n"
    result = anonymise(text, register=register)
    assert [r.original for r in result.decisions.replacements if r.person] == ["T\u03bfm", "T\u043em"]
    no_register_name(result.text)
    assert find_leaks(text, "out.txt", register)


def test_a_block_of_nuls_from_damage_is_read_with_a_warning(tmp_path: Path, register_file: Path) -> None:
    # A block of NULs fills odd and even bytes alike; UTF-16 text has them on one side only.
    src = tmp_path / "review.txt"
    src.write_bytes(b"\x00" * 600 + draft("Sarah", "Okafor").encode("utf-8"))
    out = tmp_path / "out"
    result = run(src, register_file, out)
    assert result.exit_code == 0, result.output
    assert "600 NUL" in result.output
    no_register_name(next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8"))
    utf16 = tmp_path / "other.txt"
    utf16.write_bytes(draft("Sarah", "Okafor").encode("utf-16-be"))
    result = run(utf16, register_file, tmp_path / "out16")
    assert result.exit_code == 2 and "UTF-16" in result.output


def test_a_ligature_from_pdf_text_is_read_as_its_letters(tmp_path: Path) -> None:
    # PDF text often keeps the 'ffi' ligature; 'Griﬃths' is one letter short of 'Griffiths'.
    path = tmp_path / "r.register.yaml"
    path.write_text("people:\n  - name: Leah Griffiths\n    role: mother\n    gender: female\n", encoding="utf-8")
    text = "The GP wrote to Ms Gri\ufb03ths and to Leah\u00a0Gri\ufb03ths's sister.\n"
    result = anonymise(text, register=load_register(path))
    originals = [r.original for r in result.decisions.replacements]
    assert "Ms Gri\ufb03ths" in originals and "Leah\u00a0Gri\ufb03ths" in originals
    assert "Gri" not in result.text and "\ufb03" not in result.text


@pytest.mark.parametrize("written", ["Sa\u200brah_Oka\u00adfor_notes", "S\u0430rah-Okafor notes", bold("Sarah") + "_notes"])
def test_output_names_read_through_invisible_and_look_alike_characters(register_file: Path, written: str) -> None:
    from anonymiser.write.naming import safe_stem

    stem = safe_stem(written, [], load_register(register_file))
    # Letters only: a name cut into pieces by a dropped character ('Sa-rah') is still the name.
    letters = "".join(ch for ch in stem.lower() if ch.isalpha())
    assert "rah" not in letters and "okafor" not in letters and "oka" not in letters
    assert stem.endswith("notes")
