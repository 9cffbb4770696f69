"""A Word or PDF table's name cell that would restate its row's role cell reads '[name removed]'
(decide/row_cells.py, with the rows from core.document.Document.table_rows). On invented text."""

from __future__ import annotations

from pathlib import Path

from anonymiser.config.profile import load_profile
from anonymiser.core.document import Document, Segment
from anonymiser.core.register import Person, Register
from anonymiser.pseudonymise.case_map import CaseMap
from anonymiser.run.pipeline import detect_document

REGISTER = Register("CSPR 2033-09", (Person("Dawn Ames", "mother", "female"),
                                     Person("Liam Reed", "subject child", "male"),
                                     Person("Rita Ames", "maternal grandmother", "female")))


def _table(*rows: tuple[str, ...]) -> Document:
    segments = [Segment("Family members", "body paragraph 1")]
    for r, row in enumerate(rows, start=1):
        segments += [Segment(cell, f"table 1, row {r}, cell {c}") for c, cell in enumerate(row, start=1)]
    return Document(Path("draft.docx"), "docx", segments)


def _published(doc: Document) -> dict[str, str]:
    decisions = detect_document(doc, load_profile(), REGISTER, CaseMap(None, REGISTER.case_key))
    return {r.original: r.replacement for r in decisions.replacements}


def test_table_rows_are_read_from_the_cells_origins() -> None:
    doc = _table(("Name", "Relationship"), ("Dawn Ames", "Mother"))
    assert [[doc.text[s:e] for s, e in row] for row in doc.table_rows()] == [["Name", "Relationship"],
                                                                               ["Dawn Ames", "Mother"]]


def test_a_name_cell_beside_its_role_cell_reads_name_removed() -> None:
    got = _published(_table(("Name", "Relationship to Liam", "Age"), ("Dawn Ames", "Mother", "34"),
                            ("Rita Ames", "Maternal grandmother (carer)", "61"), ("Liam Reed", "Subject child", "6")))
    assert got["Dawn Ames"] == "[name removed]"
    assert got["Rita Ames"] == "[name removed]"
    assert got["Liam Reed"] not in ("[name removed]", "")  # a child's pseudonym restates no cell


def test_a_role_cell_in_another_row_is_not_this_rows() -> None:
    got = _published(_table(("Dawn Ames", "Parent"), ("Mother", "Rita Ames")))
    assert got["Dawn Ames"] == "Mother" and got["Rita Ames"] == "Maternal Grandmother"
