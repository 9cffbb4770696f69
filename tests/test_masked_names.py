"""File and folder names on the console and in the index: register names and references masked,
read through invisible and look-alike characters; output names never keep a lower-case surname."""

from __future__ import annotations

import pytest

from anonymiser.core.register import Person, Register
from anonymiser.write.naming import mask_names, safe_stem

REGISTER = Register(case="CSPR 2026-03", people=(Person("Jayden Price", "subject child", "male"),
                                                  Person("Kerry Price", "mother", "female")),
                    references=("LS/77/4410",))


@pytest.mark.parametrize("name, shown", [
    ("Jayden Price notes.txt", "[name] notes.txt"),
    ("Ja\u200byden_Price.docx", "[name].docx"),  # a zero-width space inside the name
    ("J\u0430yden chronology.md", "[name] chronology.md"),  # a Cyrillic 'а'
    ("Ker\u00adry letter.doc", "[name] letter.doc"),  # a soft hyphen
    ("jayden-price-notes.txt", "[name]-notes.txt"),
    ("CSPR 2026-03 minutes.txt", "[reference] minutes.txt"),
    ("ls-77-4410 police.pdf", "[reference] police.pdf"),
    ("the price list.txt", "the price list.txt"),
    # Words run together, as file names often have them.
    ("JaydenPrice_chronology.docx", "[name]_chronology.docx"),
    ("jaydenprice notes.txt", "[name] notes.txt"),
    ("notesKerry.txt", "notes[name].txt"),
    ("pricelist.txt", "pricelist.txt"),
    ("LS774410minutes.txt", "[reference]minutes.txt"),
])
def test_console_names_mask_register_names_and_references(name: str, shown: str) -> None:
    assert mask_names(name, REGISTER) == shown


@pytest.mark.parametrize("stem", ["jayden-price-chronology", "kerry_price_notes", "JAYDEN PRICE chronology",
                                  "JaydenPriceChronology", "kerryprice_notes", "chronology_JAYDENPRICE"])
def test_an_output_name_keeps_no_lower_case_surname(stem: str) -> None:
    safe = safe_stem(stem, [], REGISTER).lower()
    assert "price" not in safe and "jayden" not in safe and "kerry" not in safe


def test_a_decisions_mistake_names_no_person(tmp_path) -> None:
    from anonymiser.core.errors import DecisionsError
    from anonymiser.review.decisions_file import load_decisions

    path = tmp_path / "review.decisions.yaml"
    path.write_text('document: review.txt\nadd:\n  - text: "Jay Pryce"\n    person: "Jay Pryce"\n', encoding="utf-8")
    with pytest.raises(DecisionsError) as err:
        load_decisions(path).extra_detections("Jay Pryce was seen.", REGISTER)
    message = err.value.line()
    assert "line 3:" in message and str(path) in message
    assert not any(word in message for word in ("Jay", "Pryce", "Jayden", "Kerry", "Price"))


def test_verify_reads_a_name_with_invisible_characters_in_a_binary_part(tmp_path) -> None:
    import zipfile

    from anonymiser.verify.leaks import verify_files

    path = tmp_path / "clean.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document xmlns:w='urn:x'><w:p><w:t>The child was seen.</w:t></w:p></w:document>")
        zf.writestr("word/media/a.bin", b"\x00\xfe" + "Ja\u200byden Pr\u00adice".encode() + b"\x00")
        zf.writestr("word/media/b.bin", b"\x00\x01" + "\U0001d409ayden".encode("utf-16-le") + b"\xff\xff")
    found = {(f.where.split(":")[1], f.why) for f in verify_files([path], REGISTER, [], ())}
    assert ("word/media/a.bin", "register name") in found
    assert ("word/media/b.bin", "register name") in found


def test_a_failed_draft_is_listed_in_the_index_with_its_name_masked(tmp_path) -> None:
    from click.testing import CliRunner

    from anonymiser.cli import main

    case = tmp_path / "case"
    case.mkdir()
    (case / "register.yaml").write_text("case: CSPR 2026-03\npeople:\n  - name: Jayden Price\n    role: subject child\n"
                                        "    gender: male\n", encoding="utf-8")
    (case / "review.txt").write_text("Jayden Price was seen by the school nurse.\n", encoding="utf-8")
    (case / "Jayden Price notes.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(case), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 2
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "[name] notes.txt" in page and "not anonymised: is empty" in page
    assert "Jayden" not in page and "Price" not in page


def test_an_output_name_loses_a_name_the_draft_writes_with_an_invisible_character() -> None:
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.core.results import Replacement

    # Dr Bell is no one on the register: only the draft's own text shows that 'Bell' is a name.
    found = [Replacement(0, 9, "Dr Be\u200bll", "Professional A", "PERSON", ("SpacyRecognizer",), 0.9, "other person",
                         "other:bell", (3, 9))]
    assert safe_stem("Bell notes", found, EMPTY_REGISTER) == "Professional-A-notes"


def test_an_output_name_loses_a_reference_run_into_a_word() -> None:
    assert safe_stem("LS774410minutes", [], REGISTER) == "minutes"
    assert safe_stem("notesLS77-4410", [], REGISTER) == "notes"


def test_verify_shows_a_file_named_after_the_child_masked(tmp_path) -> None:
    from click.testing import CliRunner

    from anonymiser.cli import main

    register = tmp_path / "case.register.yaml"
    register.write_text("people:\n  - name: Jayden Price\n    role: subject child\n    gender: male\n", encoding="utf-8")
    published = tmp_path / "Jayden_Price.anonymised.txt"
    published.write_text("Jayden was seen at school.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(published), "--register", str(register)])
    assert result.exit_code == 1
    assert "[name].anonymised.txt:1: register name" in result.output
    assert "jayden" not in result.output.lower()


def test_a_single_letter_in_a_file_name_is_the_reviews_letter_not_a_name() -> None:
    """'child-m.md', where the draft's '"M"' is the child's chosen letter: the output keeps 'child-m'."""
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.core.results import Replacement

    found = [Replacement(10, 11, "M", "Alfie", "PERSON", ("alias-phrase",), 0.9, "register alias", "register:milo", (10, 11))]
    assert safe_stem("child-m", found, EMPTY_REGISTER).lower() == "child-m"
