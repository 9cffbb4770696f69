"""The reviewer's report: self-contained, confidential, and showing every change and every kept word."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from anonymiser.core import entities as E
from anonymiser.core.results import Flag, Replacement
from anonymiser.review.report import kept_as_is, render_report, report_items
from anonymiser.write.replace import anonymise_text

TEXT = """Child Safeguarding Practice Review: Amara

1. Introduction

1.1 This review concerns Amara Okafor, who was 7 years old when she was admitted to St Mary's Hospital \
on 14 March 2023. Amara lived with her mother Sarah Okafor and her brother Tunde at 27 Birchwood Road, \
Thornton Heath, CR7 8QT.

1.2 The Metropolitan Police Service and Croydon Children's Social Care were involved. Dr Anika Rao, the GP \
at Parkside Surgery, saw Amara 3 times in 2022.

1.3 Amara attended Oakfield Primary School. Her mother described herself as Black British. The family was \
known to the Bramble Court housing office.

1.4 Ms Okafor told Dr Rao that Jay had moved in. Case reference CR-2023-0456 was opened by DC 4471 Hughes.
"""

AMARA, SARAH = "register:amara okafor", "register:sarah okafor"


def _rep(s: str, new: str, entity: str, score: float = 1.0, person: str | None = None, n: int = 1,
         detectors: tuple[str, ...] = ("CaseRegisterRecognizer",)) -> Replacement:
    i = -1
    for _ in range(n):
        i = TEXT.index(s, i + 1)
    return Replacement(i, i + len(s), s, new, entity, detectors, score, f"safeguarding-review: {entity} -> test",
                       person, (i, i + len(s)))


def sample_replacements() -> list[Replacement]:
    """What decide() would make of TEXT: a register child, a mother by role, a professional, places, codes."""
    reps = [
        _rep("Amara", "Emily", E.PERSON, person=AMARA),
        _rep("Amara Okafor", "Emily", E.PERSON, person=AMARA),
        _rep("on 14 March 2023", "in March 2023", E.DATE, 0.85, detectors=("DateRecognizer",)),
        _rep("Amara", "Emily", E.PERSON, person=AMARA, n=3),
        _rep(" Sarah Okafor", "", E.PERSON, person=SARAH),  # 'her mother' already says who
        _rep("Tunde", "Jack", E.PERSON, person="register:tunde okafor"),
        _rep("27 Birchwood Road, Thornton Heath, CR7 8QT", "[address]", E.ADDRESS),
        _rep("Croydon", "[place]", E.LOCATION, 0.6, detectors=("SpacyRecognizer",)),
        _rep("Dr Anika Rao", "Professional A", E.PERSON, 0.85, person="other:anika rao",
             detectors=("SpacyRecognizer",)),
        _rep("Parkside Surgery", "the GP practice", E.GP_PRACTICE, 0.65, detectors=("InstitutionRecognizer",)),
        _rep("Amara", "Emily", E.PERSON, person=AMARA, n=4),
        _rep("Amara", "Emily", E.PERSON, person=AMARA, n=5),
        _rep("Oakfield Primary School", "the primary school", E.SCHOOL, 0.9, detectors=("InstitutionRecognizer",)),
        _rep("Ms Okafor", "Mother", E.PERSON, person=SARAH),
        _rep("Dr Rao", "Professional A", E.PERSON, 0.85, person="other:anika rao", detectors=("SpacyRecognizer",)),
        _rep("CR-2023-0456", "[reference number removed]", E.REFERENCE_NUMBER, 0.75,
             detectors=("ReferenceNumberRecognizer",)),
    ]
    return sorted(reps, key=lambda r: r.start)


def sample_flags() -> list[Flag]:
    i = TEXT.index("Black British")
    return [Flag(i, i + len("Black British"), "Black British", E.DEMOGRAPHIC, "ethnicity: kept; check it is needed")]


def render_sample(**overrides: object) -> str:
    reps = sample_replacements()
    args: dict = dict(document="review-a.txt", publication_text=anonymise_text(TEXT, reps), items=report_items(reps),
                      flags=sample_flags(), profile="safeguarding-review", verification=[],
                      warnings=["page 3: a table cell could not be read"])
    args.update(overrides)
    return render_report(**args)


class _Cells(HTMLParser):
    """Rows of cell text for one table class, and every attribute of every tag."""

    def __init__(self, table_class: str) -> None:
        super().__init__()
        self.table_class, self.depth, self.rows, self.cell = table_class, 0, [], None
        self.attrs: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        self.attrs.append((tag, a))
        if tag == "table" and self.table_class in (a.get("class") or "").split():
            self.depth = 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag == "td":
            self.cell = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth = 0
        elif tag == "td" and self.cell is not None:
            self.rows[-1].append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell += data


def parse(page: str, table_class: str = "people") -> _Cells:
    p = _Cells(table_class)
    p.feed(page)
    return p


def test_output_offsets_match_the_publication_text() -> None:
    reps = sample_replacements()
    pub = anonymise_text(TEXT, reps)
    items = report_items(reps)
    assert [pub[it.out_start:it.out_end] for it in items] == [r.replacement for r in reps]
    assert [(it.in_start, TEXT[it.in_start:it.in_end]) for it in items] == [(r.start, r.original) for r in reps]
    # unsorted input gives the same answer
    assert report_items(list(reversed(reps))) == items


def test_page_is_self_contained() -> None:
    page = render_sample()
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "<style>" in page and "<script>" in page
    assert "Content-Security-Policy" in page  # and the browser is told to fetch nothing


def test_confidential_banner() -> None:
    page = render_sample()
    banner = re.search(r'<div class="banner"[^>]*>(.*?)</div>', page, re.S)
    assert banner and "CONFIDENTIAL" in banner.group(1)
    assert "holds original names" in banner.group(1) and "Never publish" in banner.group(1)
    assert "<title>CONFIDENTIAL" in page


def test_every_original_is_in_its_highlight() -> None:
    page = render_sample()
    marks = [a for tag, a in parse(page).attrs if tag == "mark" and "r" in (a.get("class") or "").split()]
    reps = sample_replacements()
    assert [m["data-original"] for m in marks] == [r.original for r in reps]
    for m, r in zip(marks, reps):
        assert r.original.strip() in m["title"]
        assert m["data-type"] == r.entity and m["data-detectors"] == ", ".join(r.detectors)
        assert float(m["data-score"]) == pytest.approx(r.score)
        assert m["data-rule"] == r.rule
    # each type has its own colour class, and the low-confidence ones are marked
    assert {m["class"].split()[1] for m in marks} == {f"t-{r.entity}" for r in reps}
    assert sorted(m["data-original"] for m in marks if "low" in m["class"].split()) == ["Croydon", "Parkside Surgery"]


def test_kept_as_is_lists_capitalised_words_and_numbers() -> None:
    page = render_sample()
    words = re.search(r'<ul class="kept" id="kept-words">(.*?)</ul>', page, re.S).group(1)
    numbers = re.search(r'<ul class="kept" id="kept-numbers">(.*?)</ul>', page, re.S).group(1)
    kept = [html.unescape(t) for t in re.findall(r'data-text="([^"]*)"', words)]
    nums = re.findall(r'data-text="([^"]*)"', numbers)
    for expected in ["Metropolitan Police Service", "Bramble Court", "Jay", "Hughes", "DC", "Black British",
                     "St Mary's Hospital", "Children's Social Care"]:
        assert expected in kept
    assert "4471" in nums and "2022" in nums and "7" in nums
    # replacement text and sentence-initial function words are not listed
    for absent in ["Emily", "Professional A", "Mother", "The", "Her", "Professional"]:
        assert absent not in kept
    assert "2023" not in nums and "0456" not in nums  # inside replacements
    assert ">×2<" in words or "×" not in words  # counts shown only when above one


def test_kept_as_is_counts_and_phrases() -> None:
    text = ("The Department for Education wrote.\nThe Department for Education and the Police met in 2020 and 2020."
            "\nAfter that, I met Marks & Spencer staff of the Metropolitan Police Service and Croydon Council.")
    words, numbers = kept_as_is(text, [])
    assert {(k.text, k.count) for k in words} == {
        ("Department for Education", 2), ("Police", 1), ("Marks & Spencer", 1), ("Metropolitan Police Service", 1),
        ("Croydon Council", 1)}
    assert [(k.text, k.count) for k in numbers] == [("2020", 2)]


def test_people_table_counts() -> None:
    rows = {r[0]: r for r in parse(render_sample()).rows if r}
    assert rows["Amara ×4, Amara Okafor ×1"][2:4] == ["5", "Emily"]
    assert rows["Sarah Okafor ×1, Ms Okafor ×1"][2] == "2"
    assert rows["Dr Anika Rao ×1, Dr Rao ×1"][2:4] == ["2", "Professional A"]
    assert rows["Tunde"][2:4] == ["1", "Jack"]
    assert rows["Croydon"][1:4] == ["place", "1", "[place]"]
    assert len(rows) == 10


def test_low_confidence_flags_warnings_and_chart() -> None:
    page = render_sample()
    low = re.search(r'<section id="low".*?</section>', page, re.S).group(0)
    assert "Croydon" in low and "Parkside Surgery" in low and "Amara" not in low
    flags = re.search(r'<section id="flags".*?</section>', page, re.S).group(0)
    assert "Black British" in flags and "ethnicity" in flags
    doc = re.search(r'id="doc-text".*?</div>', page, re.S).group(0)
    assert re.search(r'<span class="flagged" title="Flagged: ethnicity[^"]*">Black British</span>', doc)
    assert "page 3: a table cell could not be read" in page
    assert "Verification passed" in page
    chart = re.search(r'<section id="chart".*?</section>', page, re.S).group(0)
    assert re.search(r"person</span>.*?bar t-PERSON.*?<span class=\"bar-n\">10<", chart, re.S)


def test_failed_verification_is_prominent() -> None:
    page = render_sample(verification=["review-a.anonymised.txt:3: 'Okafor' (register name)"])
    assert "Verification FAILED" in page and "not ready" in page
    assert "review-a.anonymised.txt:3: &#39;Okafor&#39; (register name)" in page


def test_add_form_offers_every_entity_type() -> None:
    options = re.findall(r'<option value="type:([A-Z_]+)"', render_sample())
    assert options == list(E.ENTITY_TYPES)


def test_document_text_is_escaped() -> None:
    text = 'Amara wrote <script>alert("x")</script> & left.'
    reps = [Replacement(0, 5, "Amara", "<b>Emily</b>", E.PERSON, ("x",), 1.0, "r", None, (0, 5))]
    page = render_report(document="a<b>.txt", publication_text=anonymise_text(text, reps), items=report_items(reps),
                         flags=[], profile="p", verification=[], warnings=[])
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<b>Emily</b>" not in page
    # the data block cannot be closed early by document text
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data


def _applied_sample(reviewer: object = None) -> tuple[str, list[Replacement]]:
    """The sample after a decisions file (by default: 'Croydon' kept at its place, 'Amara' renamed, 'Jay' added)."""
    from anonymiser.core.results import Decisions
    from anonymiser.review.entries import Addition, PseudonymChange, Reject
    from anonymiser.review.reviewer import ReviewerDecisions

    reps = sample_replacements()
    croydon = next(r for r in reps if r.original == "Croydon")
    reviewer = reviewer or ReviewerDecisions(
        document="review-a.txt", reject=(Reject("Croydon", croydon.start), Reject("Hope")),
        pseudonyms=(PseudonymChange("Lily", person=AMARA),), add=(Addition("Jay", entity=E.PERSON),))
    jay = TEXT.index("Jay")
    reviewer.extra_detections(TEXT, None)  # records where the addition was found
    reps.append(Replacement(jay, jay + 3, "Jay", "Adult B", E.PERSON, ("reviewer",), 1.0, "r", "other:jay", (jay, jay + 3)))
    kept = reviewer.apply(TEXT, Decisions(replacements=sorted(reps, key=lambda r: r.start))).replacements
    items = report_items(kept, [r for r, _ in reviewer.rejected])
    page = render_report(document="review-a.txt", publication_text=anonymise_text(TEXT, kept), items=items,
                         flags=[], profile="p", verification=[], warnings=[], applied=reviewer)
    return page, kept


def _data(page: str) -> dict:
    import json

    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S).group(1))


def test_applied_decisions_are_listed_and_shown_on_their_items() -> None:
    page, kept = _applied_sample()
    data = _data(page)
    applied = {a["section"] + ":" + (a["entry"].get("original") or a["entry"].get("text") or a["entry"]["pseudonym"]): a
               for a in data["applied"]}
    assert list(applied) == ["reject:Croydon", "reject:Hope", "pseudonyms:Lily", "add:Jay"]
    assert [a["matches"] for a in applied.values()] == [1, 0, 5, 1]  # 'Hope' is not in this document
    # the rejected item is still an item, shown as kept: its original stands in the text
    (i,) = applied["reject:Croydon"]["items"]
    assert data["items"][i]["original"] == "Croydon" and data["items"][i]["rejected"] is True
    marks = {a["id"]: a for tag, a in parse(page).attrs if tag == "mark" and "id" in a}
    assert "rejected" in marks[f"r{i}"]["class"].split()
    doc = re.search(r'id="doc-text".*?</div>', page, re.S).group(0)
    assert re.search(r'data-original="Croydon"[^>]*>Croydon</mark>', doc)
    # the renamed person's row, and the added name's item
    assert data["groups"][applied["pseudonyms:Lily"]["group"]]["name"] == "Amara Okafor"
    (j,) = applied["add:Jay"]["items"]
    assert data["items"][j]["original"] == "Jay" and data["items"][j]["replacement"] == "Adult B"
    assert 'id="applied-from"' not in page  # no file name without a file
    # a kept original is a kept word again, and no longer counted as a replacement
    words = re.search(r'<ul class="kept" id="kept-words">(.*?)</ul>', page, re.S).group(1)
    assert 'data-text="Croydon Children&#39;s Social Care"' in words
    assert f'<span class="n">{len(kept)}</span> replacements' in page
    rows = {r[0]: r for r in parse(page).rows if r}
    assert rows["Croydon"][3] == "Croydon"  # shown as written
    assert rows["Amara ×4, Amara Okafor ×1"][3] == "Lily"


def test_the_page_writes_sections_and_fields_in_the_schema_order() -> None:
    from anonymiser.review.entries import FIELD_ORDER, SECTIONS

    data = _data(render_sample())
    assert data["fields"] == [[s, list(FIELD_ORDER[s])] for s in SECTIONS] and data["applied"] == []


# The document text as the template wrote it, one replacement and one flag at a time, before it was
# written in Python (report._document_html): the page must not change by a byte.
_TEMPLATE_DOCUMENT = (
    '{% for p in pieces %}{% if p.kind == "item" %}{% set it = items[p.i] %}<mark class="r t-{{ it.entity_type }}'
    "{{ ' low' if it.low_confidence }}{{ ' empty' if not it.replacement }}{{ ' rejected' if it.rejected }}\" "
    'id="r{{ p.i }}" data-i="{{ p.i }}" data-original="{{ it.original }}" data-type="{{ it.entity_type }}" '
    "data-detectors=\"{{ it.detectors|join(', ') }}\" data-score=\"{{ '%.2f'|format(it.score) }}\" "
    'data-rule="{{ it.rule }}" tabindex="0" title="Original: {{ it.original }} · {{ label(it.entity_type) }} · '
    "found by {{ it.detectors|join(', ') }} · confidence {{ (it.score * 100)|round|int }}%{% if it.evidence %} "
    "({{ it.evidence|join(', ') }}){% endif %} · {{ it.rule }}\">{{ p.text }}</mark>{% elif p.kind == \"flag\" %}"
    '<span class="flagged" title="Flagged: {{ flags[p.i].reason }}">{{ p.text }}</span>{% else %}{{ p.text }}'
    "{% endif %}{% endfor %}")


def test_the_document_text_is_written_as_the_template_wrote_it():
    from jinja2 import Environment, StrictUndefined

    from anonymiser.review.report import ReportItem, _document_html, _pieces

    text = 'Mrs "O\'Neil" & <Tom> met Jo at 3 Elm St.\nShe is Black British; he said "fine" & left.\n'
    items = [
        ReportItem(0, 13, 'Mrs "O\'Neil"', "Adult A", E.PERSON, ("SpacyRecognizer", "Titled<Person>"), 0.845,
                   "choose: safeguarding-review: PERSON -> person & co", "other:o'neil", 0),
        ReportItem(16, 21, "<Tom>", "", E.PERSON, ("residue",), 0.5, "residue: a \"name\"", None, 16, False,
                   ("unknown word", "alone & low")),
        ReportItem(26, 28, "Jo", "Jo", E.PERSON, ("SpacyRecognizer",), 0.125, "rule", None, 26, True),
        ReportItem(32, 41, "3 Elm St.", "[address]", E.ADDRESS, ("StreetAddress",), 0.995, "r", None, 32),
    ]
    flags = [{"text": "Black British", "label": "ethnicity", "reason": 'kept: "check" it & <it>'}]
    at = text.index("Black British")
    pieces = _pieces(text, items, [(at, at + len("Black British"), 0)])
    env = Environment(autoescape=True, undefined=StrictUndefined)
    expected = env.from_string(_TEMPLATE_DOCUMENT).render(pieces=pieces, items=items, flags=flags, label=E.label)
    assert str(_document_html(pieces, items, flags)) == expected
    assert "&lt;Tom&gt;" in expected and "&#34;check&#34;" in expected  # escaped, as the page needs


def test_the_people_table_shows_a_name_without_the_commas_of_its_apposition() -> None:
    text = "1.1 The nurse, Tamsin Irvine, saw him. Tamsin Irvine wrote to the GP."
    first, second = text.index(", Tamsin Irvine,"), text.rindex("Tamsin Irvine")
    reps = [Replacement(first, first + 16, ", Tamsin Irvine,", "", E.PERSON, ("SpacyRecognizer",), 0.85,
                        "safeguarding-review: PERSON -> test", "other:tamsin irvine", (first + 2, first + 15)),
            Replacement(second, second + 13, "Tamsin Irvine", "the nurse", E.PERSON, ("SpacyRecognizer",), 0.85,
                        "safeguarding-review: PERSON -> test", "other:tamsin irvine", (second, second + 13))]
    page = render_report(document="note.txt", publication_text=anonymise_text(text, reps), items=report_items(reps),
                         flags=[], profile="safeguarding-review", verification=[], warnings=[])
    rows = {r[0]: r for r in parse(page).rows if r}
    assert list(rows) == ["Tamsin Irvine"] and rows["Tamsin Irvine"][2] == "2"  # one way of writing it, twice
