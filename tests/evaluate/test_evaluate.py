"""The accuracy metric on tiny hand-made gold sets whose figures are worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anonymiser.evaluate.gold import GoldDoc, GoldSet, load_gold, load_project_gold, load_tab
from anonymiser.evaluate.metric import Ratio, Scores, f2, score
from anonymiser.evaluate.tables import format_scores, misses_as_json

TEXT = "Mr John Smith met Dr Jones at the Court of Appeal in Leeds on 3 May 2020."


def at(phrase: str, text: str = TEXT) -> tuple[int, int]:
    """Offsets of the only occurrence of `phrase` (tests name spans by their words)."""
    assert text.count(phrase) == 1, phrase
    start = text.index(phrase)
    return start, start + len(phrase)


def pred(*phrases: str) -> list[tuple[int, int, str]]:
    return [(*at(p), "X") for p in phrases]


def gold(mentions: list[tuple[str, str]], pooled: list[str] | None = None) -> GoldSet:
    """A one-document gold set; pooled defaults to the mentions themselves."""
    spans = [(*at(p), kind) for p, kind in mentions]
    pool = [at(p) for p in pooled] if pooled is not None else [(s, e) for s, e, _ in spans]
    return GoldSet({"d": GoldDoc(TEXT, tuple(spans), tuple(pool))})


def test_full_coverage() -> None:
    g = gold([("John Smith", "PERSON"), ("Leeds", "LOC"), ("3 May 2020", "DATETIME")])
    s = score(g, {"d": pred("John Smith", "Leeds", "3 May 2020")})
    assert s.recall_by_type["PERSON"] == Ratio(1, 1)
    assert s.recall_by_type["LOC"] == Ratio(1, 1)
    assert s.recall_by_type["DATETIME"] == Ratio(1, 1)
    assert s.recall == Ratio(3, 3)
    # Predicted tokens: John, Smith, Leeds, 3, May, 2020 -> 6, all inside pooled.
    assert s.precision == Ratio(6, 6)
    assert s.f2 == 1.0
    assert s.misses == []


def test_partial_coverage_is_a_miss() -> None:
    g = gold([("John Smith", "PERSON"), ("Leeds", "LOC")])
    s = score(g, {"d": pred("John", "Leeds")})
    assert s.recall_by_type["PERSON"] == Ratio(0, 1)
    assert s.recall_by_type["LOC"] == Ratio(1, 1)
    assert s.recall == Ratio(1, 2)
    assert s.recall_by_doc == {"d": Ratio(1, 2)}
    assert [(m.doc_id, m.type, m.text, m.uncovered) for m in s.misses] == [
        ("d", "PERSON", "John Smith", ("Smith",))
    ]
    assert misses_as_json(s)[0]["uncovered"] == ["Smith"]


def test_covering_in_pieces_counts() -> None:
    # Two predictions that together cover every token are as good as one.
    g = gold([("John Smith", "PERSON")])
    assert score(g, {"d": pred("John", "Smith")}).recall == Ratio(1, 1)


def test_titles_and_function_words_may_stay_uncovered() -> None:
    g = gold([("Mr John Smith", "PERSON"), ("the Court of Appeal", "ORG")])
    s = score(g, {"d": pred("John Smith", "Court", "Appeal")})
    assert s.recall == Ratio(2, 2)


def test_ordinary_word_left_uncovered_is_a_miss() -> None:
    # "met" is not exempt, so leaving it out of "Smith met Dr Jones" misses the mention.
    g = gold([("Smith met Dr Jones", "MISC")])
    s = score(g, {"d": pred("Smith", "Jones")})
    assert s.recall == Ratio(0, 1)
    assert s.misses[0].uncovered == ("met",)


def test_mention_not_fully_inside_pooled_is_not_counted() -> None:
    g = gold([("John Smith", "PERSON"), ("Leeds", "LOC")], pooled=["Smith", "Leeds"])
    s = score(g, {"d": []})
    assert s.recall_by_type["PERSON"] == Ratio(0, 0)
    assert s.recall_by_type["PERSON"].value is None
    assert s.recall == Ratio(0, 1)
    assert [m.text for m in s.misses] == ["Leeds"]


def test_pooled_spans_combine() -> None:
    # "John" and "Smith" pooled separately still pool every character but the space;
    # the space is not inside pooled, so the mention does not need masking.
    g = gold([("John Smith", "PERSON")], pooled=["John", "Smith"])
    assert score(g, {"d": []}).recall == Ratio(0, 0)
    # Adjacent pooled spans that leave no gap do pool the whole mention.
    g = gold([("John Smith", "PERSON")], pooled=["John ", "Smith"])
    assert score(g, {"d": []}).recall == Ratio(0, 1)


def test_precision_counts_false_positives() -> None:
    g = gold([("Jones", "PERSON")])
    s = score(g, {"d": pred("met Dr Jones")})
    # Predicted tokens met, Dr, Jones; only Jones lies inside pooled.
    assert s.precision == Ratio(1, 3)
    assert s.recall == Ratio(1, 1)
    # F2 = 5 * (1/3) * 1 / (4/3 + 1) = (5/3) / (7/3) = 5/7
    assert s.f2 == pytest.approx(5 / 7)


def test_precision_token_counts_by_first_character() -> None:
    g = gold([("John Smith", "PERSON")], pooled=["John", "Smi"])
    start, end = at("ohn Smith")
    s = score(g, {"d": [(start, end, "X")]})
    # "John" starts outside the prediction so is not a predicted token; "Smith" is
    # predicted but only partly pooled, so it is wrong.
    assert s.precision == Ratio(0, 1)
    # A token whose first character is predicted counts whole, even if the span stops
    # inside it: "John" and "Smith" are both predicted tokens here.
    g = gold([("John Smith", "PERSON")])
    start, end = at("John Sm")
    assert score(g, {"d": [(start, end, "X")]}).precision == Ratio(2, 2)


def test_nothing_predicted() -> None:
    s = score(gold([("Leeds", "LOC")]), {})
    assert s.precision == Ratio(0, 0)
    assert s.precision.value is None
    assert s.recall == Ratio(0, 1)
    assert s.f2 == 0.0


def test_predictions_for_unknown_documents_are_an_error() -> None:
    with pytest.raises(ValueError, match="not in the gold set"):
        score(gold([("Leeds", "LOC")]), {"other": []})


def test_f2_arithmetic() -> None:
    assert f2(0.5, 1.0) == pytest.approx(2.5 / 3)  # 5*.5*1 / (2 + 1)
    assert f2(1.0, 0.5) == pytest.approx(2.5 / 4.5)  # 5*1*.5 / (4 + .5)
    assert f2(0.8, 0.9) == pytest.approx(3.6 / 4.1)  # 5*.72 / (3.2 + .9)
    assert f2(0.0, 0.0) == 0.0
    assert f2(None, 0.0) == 0.0
    assert f2(0.5, None) is None


def test_scores_over_several_documents() -> None:
    g = GoldSet(
        {
            "a": GoldDoc("Ann Lee", ((0, 7, "PERSON"),), ((0, 7),)),
            "b": GoldDoc("in Hull today", ((3, 7, "LOC"),), ((3, 7),)),
        }
    )
    s = score(g, {"a": [(0, 7, "PERSON")], "b": [(8, 13, "DATETIME")]})
    assert s.recall_by_doc == {"a": Ratio(1, 1), "b": Ratio(0, 1)}
    assert s.recall == Ratio(1, 2)
    # Predicted tokens Ann, Lee (right) and today (wrong).
    assert s.precision == Ratio(2, 3)
    # F2 = 5 * (2/3) * (1/2) / (8/3 + 1/2) = (5/3) / (19/6) = 10/19
    assert s.f2 == pytest.approx(10 / 19)


def test_format_scores_side_by_side() -> None:
    g = gold([("John Smith", "PERSON"), ("Leeds", "LOC")])
    base = score(g, {"d": pred("John")})
    ours = score(g, {"d": pred("John Smith", "Leeds")})
    table = format_scores(
        {"Presidio": base, "project": ours},
        ratios=[("project", "Presidio")],
        targets={"PERSON": 0.99, "all": 0.92},
    )
    lines = {line.split()[0]: line.split() for line in table.splitlines()[2:]}
    assert lines["PERSON"] == ["PERSON", "1", "0.000", "1.000", "n/a", ">=0.99", "PASS"]
    assert lines["all"] == ["all", "2", "0.000", "1.000", "n/a", ">=0.92", "PASS"]
    assert lines["precision"] == ["precision", "1.000", "1.000", "1.00x"]
    assert table.splitlines()[0].split()[-2:] == ["target", "result"]
    assert isinstance(base, Scores)


def test_format_scores_fail() -> None:
    g = gold([("John Smith", "PERSON"), ("Leeds", "LOC")])
    half = score(g, {"d": pred("Leeds")})
    table = format_scores({"project": half}, targets={"all": 0.92})
    row = next(line for line in table.splitlines() if line.startswith("all"))
    assert row.split()[-2:] == [">=0.92", "FAIL"]


# --------------------------------------------------------------------------- loaders


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_load_tab(tmp_path: Path) -> None:
    write_json(tmp_path / "texts.json", {"x": "Mr Ann Lee of Hull", "y": "nothing"})
    write_json(tmp_path / "typed.json", {"x": [[3, 10, "PERSON"], [14, 18, "LOC"]]})
    write_json(tmp_path / "pooled.json", {"x": [[0, 10]]})
    g = load_tab(tmp_path)
    assert list(g.docs) == ["x", "y"]
    assert g.docs["x"].mentions == ((3, 10, "PERSON"), (14, 18, "LOC"))
    assert g.docs["x"].pooled == ((0, 10),)
    assert g.docs["y"].mentions == ()
    assert load_gold(tmp_path).texts == g.texts
    # Only the person is pooled; the place is not counted.
    assert score(g, {"x": [(7, 10, "PERSON")]}).recall == Ratio(0, 1)
    assert score(g, {"x": [(3, 10, "PERSON")]}).recall == Ratio(1, 1)
    assert len(g.head(1)) == 1


def test_load_tab_rejects_span_outside_text(tmp_path: Path) -> None:
    write_json(tmp_path / "texts.json", {"x": "short"})
    write_json(tmp_path / "typed.json", {"x": [[0, 50, "PERSON"]]})
    write_json(tmp_path / "pooled.json", {})
    with pytest.raises(ValueError, match="outside the text"):
        load_tab(tmp_path)


def test_load_project_gold(tmp_path: Path) -> None:
    text = "Baby Ériu, NHS 943 476 5919.\n"
    (tmp_path / "s1.txt").write_text(text, encoding="utf-8")
    write_json(tmp_path / "s1.gold.json", {"s1": [[5, 9, "PERSON"], [15, 27, "NHS_NUMBER"]]})
    g = load_project_gold(tmp_path / "s1.gold.json")
    doc = g.docs["s1"]
    assert doc.text == text
    assert doc.text[5:9] == "Ériu"
    # Entity types map to their benchmark category; every gold span is pooled.
    assert doc.mentions == ((5, 9, "PERSON"), (15, 27, "CODE"))
    assert doc.pooled == ((5, 9), (15, 27))
    assert doc.source == tmp_path / "s1.txt"
    s = score(g, {"s1": [(5, 9, "PERSON")]})
    assert s.recall_by_type["CODE"] == Ratio(0, 1)
    assert s.recall == Ratio(1, 2)


def test_load_gold_directory_merges_samples(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ann Lee", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Hull", encoding="utf-8")
    write_json(tmp_path / "a.gold.json", {"a": [[0, 7, "PERSON"]]})
    write_json(tmp_path / "b.gold.json", {"b": [[2, 6, "LOC"]]})
    g = load_gold(tmp_path)
    assert g.texts == {"a": "Ann Lee", "b": "# Hull"}
    assert load_gold(tmp_path / "b.gold.json").docs["b"].mentions == ((2, 6, "LOC"),)


def test_project_gold_on_a_docx_indexes_the_read_document_text(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from anonymiser.read import read_document

    document = docx.Document()
    document.add_paragraph("Concerning Ann Lee, born 3 May 2020.")
    document.sections[0].header.paragraphs[0].text = "CSPR (Ann Lee)"
    document.core_properties.title = "Review of Ann Lee"
    document.save(tmp_path / "w1.docx")
    text = read_document(tmp_path / "w1.docx", accept_tracked_changes=True).text
    # The reader's flat text holds the body, the header and the title, each with "Ann Lee".
    starts = [i for i in range(len(text)) if text.startswith("Ann Lee", i)]
    assert len(starts) == 3
    date = text.index("3 May 2020")
    spans = [[s, s + 7, "PERSON"] for s in starts] + [[date, date + 10, "DATETIME"]]
    write_json(tmp_path / "w1.gold.json", {"w1": spans})

    g = load_gold(tmp_path)
    doc = g.docs["w1"]
    assert doc.text == text
    assert doc.source == tmp_path / "w1.docx"
    assert [doc.text[s:e] for s, e, _ in doc.mentions] == ["Ann Lee"] * 3 + ["3 May 2020"]
    assert score(g, {"w1": [(s, e, "X") for s, e, _ in doc.mentions]}).recall == Ratio(4, 4)
    # Offsets past the end of the read text are rejected, as for text samples.
    write_json(tmp_path / "w1.gold.json", {"w1": [[0, len(text) + 1, "PERSON"]]})
    with pytest.raises(ValueError, match="outside the text"):
        load_project_gold(tmp_path / "w1.gold.json")


def test_load_gold_errors(tmp_path: Path) -> None:
    write_json(tmp_path / "a.gold.json", {"a": [[0, 3, "PERSON"]]})
    with pytest.raises(ValueError, match="no text file"):
        load_gold(tmp_path)
    (tmp_path / "a.txt").write_text("Ann", encoding="utf-8")
    write_json(tmp_path / "b.gold.json", {"a": [[0, 3, "PERSON"]]})
    with pytest.raises(ValueError, match="more than one gold file"):
        load_gold(tmp_path)
    write_json(tmp_path / "b.gold.json", {"a": [[0, 3, "NOT_A_TYPE"]]})
    with pytest.raises(ValueError, match="unknown gold type"):
        load_project_gold(tmp_path / "b.gold.json")
    with pytest.raises(ValueError, match="not a TAB directory"):
        load_gold(tmp_path / "empty")


def test_register_identifiers_are_found_plainly_and_checked_against_predictions() -> None:
    from anonymiser.core.register import Person, Register
    from anonymiser.evaluate.metric import register_identifiers, replaced_allowlisted, uncovered

    register = Register("c", (Person("Amara Okafor", "subject child", "female", aliases=("Mara",)),),
                        addresses=("27 Birchwood Road, Thornton Heath, CR7 8QT",))
    text = ("Amara Okafor lived at 27 birchwood  Road. MARA said the okafor family was kind; "
            "the Health Visitor and Croydon Health Services NHS Trust were told.")
    found = register_identifiers(text, register)
    assert [text[s:e] for s, e in found] == ["Amara", "Okafor", "27 birchwood  Road", "MARA"]
    predicted = [(0, 12, "PERSON"), (text.index("27"), text.index("Road") + 4, "LOC")]
    assert [text[s:e] for s, e in uncovered(text, found, predicted)] == ["MARA"]
    trust = (text.index("Croydon"), text.index("Trust") + 5)
    assert replaced_allowlisted(text, [trust], predicted) == []
    assert replaced_allowlisted(text, [trust], predicted + [(text.index("Croydon"), text.index("Croydon") + 7)]) == [trust]


def test_keep_spans_touched_by_any_letter_or_digit(tmp_path: Path) -> None:
    from anonymiser.evaluate.gold import load_keep
    from anonymiser.evaluate.metric import keep_touched

    text = "Northshire County Council met on 4 May. The Children Act 1989 applies."
    council = (0, len("Northshire County Council"))
    act = (text.index("Children Act"), text.index(" applies"))
    (tmp_path / "d1.keep.json").write_text(json.dumps({"d1": [list(council), list(act)]}), encoding="utf-8")
    keep = load_keep(tmp_path)
    assert keep == {"d1": [council, act]}
    # A span that only takes the space before the Act touches no letter of it.
    space = text.index(" The")
    assert keep_touched(text, keep["d1"], [(space, space + 1, "X")]) == []
    # One letter of 'Northshire' is enough to count the council as touched.
    assert keep_touched(text, keep["d1"], [(3, 4, "LOC")]) == [council]
    assert keep_touched(text, keep["d1"], []) == []
