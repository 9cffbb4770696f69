"""The report in a real headless browser: reject, rename, add, export, and the file loads back.

Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python; the browser Playwright
would download is never used, so `playwright install` is not needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterator

import pytest

from anonymiser.core.register import Person, Register
from anonymiser.review.decisions_file import dump_decisions, load_decisions
from anonymiser.review.entries import PseudonymChange
from anonymiser.review.reviewer import ReviewerDecisions
from tests.review.test_decisions import _round, page_export
from tests.review.test_report import TEXT, _applied_sample, render_sample, sample_replacements

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
REGISTER = Register(case="test", people=(
    Person("Amara Okafor", "subject child", "female"),
    Person("Sarah Okafor", "mother", "female", aliases=("Sal", "Mrs O")),
    Person("Tunde Okafor", "brother", "male"),
))


@pytest.fixture
def open_report() -> Iterator[Callable[[Path], object]]:
    """Opens a report file in headless Chromium; at the end, no page had an error or fetched anything."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: install it with `apt-get install -y chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed: `pip install playwright`")
    errors: list[str] = []
    fetched: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})

        def open_page(report: Path) -> object:
            pg = context.new_page()
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            pg.on("request", lambda r: fetched.append(r.url)
                  if not r.url.startswith(("file:", "blob:", "data:")) else None)
            pg.goto(report.as_uri())
            return pg

        yield open_page
        assert errors == [], errors
        assert fetched == [], f"the report fetched {fetched}"
        browser.close()


@pytest.fixture
def page(tmp_path: Path, open_report: Callable[[Path], object]) -> object:
    report = tmp_path / "review-a.report.html"
    report.write_text(render_sample(register=REGISTER), encoding="utf-8")
    return open_report(report)


def export(page: object, to: Path) -> Path:
    """Press Export decisions and save the download as `to`."""
    with page.expect_download() as info:
        page.click("#export")
    info.value.save_as(to)
    return to


def test_reject_rename_add_and_export(page, tmp_path: Path) -> None:
    reps = sample_replacements()
    croydon = next(r for r in reps if r.original == "Croydon")

    # (a) click a replacement and keep its original
    mark = page.locator('mark.r[data-original="Croydon"]')
    mark.click()
    assert page.locator("#pop").is_visible()
    assert "Croydon" in page.locator("#pop").inner_text() and "SpacyRecognizer" in page.locator("#pop").inner_text()
    page.locator('#pop button[data-action="reject"]').click()
    assert mark.inner_text() == "Croydon"
    assert "rejected" in (mark.get_attribute("class") or "")

    # (b) rename a person in the people table: every usual mention shows the new name
    row = page.locator("table.people tr", has_text="Amara Okafor")
    row.locator("input").fill("Lily")
    row.locator("button", has_text="Rename").click()
    shown = page.locator('mark.r[data-original="Amara"]').all_inner_texts()
    assert shown == ["Lily"] * 4

    # (c) add a missed name by typing it, and another by selecting it in the text
    page.fill("#add-text", "Bramble Court")
    page.select_option("#add-kind", "type:LOCATION")
    page.click("#add-btn")
    assert page.locator("mark.added", has_text="Bramble Court").count() == 1
    page.evaluate("""() => {
        const root = document.getElementById('doc-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const n = walker.currentNode, i = n.nodeValue.indexOf('Jay');
            if (i >= 0 && !n.parentElement.closest('mark')) {
                const r = document.createRange();
                r.setStart(n, i); r.setEnd(n, i + 3);
                getSelection().removeAllRanges(); getSelection().addRange(r);
                root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                return;
            }
        }
    }""")
    assert page.input_value("#add-text") == "Jay"
    page.select_option("#add-kind", "person:Sarah Okafor")
    page.click("#add-btn")
    assert page.inner_text("#n-decisions") == "4"

    # export: a real download, which load_decisions accepts
    with page.expect_download() as info:
        page.click("#export")
    download = info.value
    assert download.suggested_filename == "review-a.decisions.yaml"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    d = load_decisions(saved)
    assert d.document == "review-a.txt"
    assert [(r.original, r.offset) for r in d.reject] == [("Croydon", croydon.start)]
    assert [(c.person, c.original, c.pseudonym) for c in d.pseudonyms] == [("register:amara okafor", None, "Lily")]
    assert [(a.text, a.entity, a.person) for a in d.add] == [
        ("Bramble Court", "LOCATION", None), ("Jay", None, "Sarah Okafor")]

    # and the decisions do what the page showed
    assert d.rejects("Croydon", croydon.start)
    found = d.extra_detections(TEXT, REGISTER)
    assert [(TEXT[x.start:x.end], x.person) for x in found] == [
        ("Bramble Court", None), ("Jay", "register:sarah okafor")]


def test_reject_everywhere_and_undo(page, tmp_path: Path) -> None:
    page.locator('mark.r[data-original="Amara"]').first.click()
    page.locator('#pop button[data-action="reject-all"]').click()
    assert page.locator('mark.r.rejected[data-original="Amara"]').count() == 4
    page.locator('mark.r[data-original="Dr Rao"]').click()
    page.locator('#pop button[data-action="reject"]').click()
    page.locator('mark.r[data-original="Dr Rao"]').click()
    page.locator('#pop button[data-action="undo"]').click()
    assert page.locator("mark.r.rejected").count() == 4
    yaml_text = page.evaluate("window.anonymiserDecisionsYaml()")
    saved = tmp_path / "d.yaml"
    saved.write_text(yaml_text, encoding="utf-8")
    d = load_decisions(saved)
    assert [(r.original, r.offset) for r in d.reject] == [("Amara", None)]
    assert d.pseudonyms == () and d.add == ()



def test_the_keep_list_export_holds_places_and_organisations_only(page) -> None:
    # A person's name kept once must not be kept in every later review; nor may the draft's file name travel.
    page.locator('mark.r[data-original="Amara"]').first.click()
    page.locator('#pop button[data-action="reject-all"]').click()
    page.locator('mark.r[data-type="LOCATION"][data-original="Croydon"]').first.click()
    page.locator('#pop button[data-action="reject"]').click()
    lines = page.evaluate("window.anonymiserKeepList()").splitlines()
    terms = [ln for ln in lines if not ln.startswith("#")]
    assert terms == ["Croydon"]
    assert not any("review-a" in ln for ln in lines)


def _add(page: object, text: str, kind: str) -> None:
    page.fill("#add-text", text)
    page.select_option("#add-kind", kind)
    page.click("#add-btn")


def test_review_rounds_through_the_page(open_report, tmp_path: Path) -> None:
    """Round 1 rejects a date and adds a club in the page; round 2's page shows both applied,
    renames the child and exports them all; round 3 from that file alone gives the same text."""
    first, data1 = _round(tmp_path, "out")
    page1 = open_report(next((tmp_path / "out").glob("*.report.html")))
    date = page1.locator("mark.r", has_text="In March 2019").first
    date.click()
    page1.locator('#pop button[data-action="reject"]').click()
    _add(page1, "Riverside Boxing Club", "type:ORGANISATION")
    r1 = export(page1, tmp_path / "round1.decisions.yaml")

    second, data2 = _round(tmp_path, "out", r1)
    assert "On 14th March 2019" in second and "boxing club" not in second.lower()
    page2 = open_report(next((tmp_path / "out").glob("*.report.html")))
    applied = page2.locator("#decisions-list li.applied")
    assert applied.count() == 2 and page2.inner_text("#n-decisions") == "2"
    assert "Keep “On 14th March 2019” here" in applied.nth(0).inner_text()
    assert "Riverside Boxing Club" in applied.nth(1).inner_text() and "applied ×2" in applied.nth(1).inner_text()
    kept = page2.locator('mark.r[data-original="On 14th March 2019"]')
    assert kept.inner_text() == "On 14th March 2019" and "rejected" in kept.get_attribute("class")
    clubs = page2.locator('mark.r.applied[data-original="riverside boxing club"]')
    assert clubs.all_inner_texts() == ["the club", "the club"]
    # an untouched page exports exactly what was applied
    assert load_decisions(export(page2, tmp_path / "same.yaml")).entries() == load_decisions(r1).entries()

    # withdrawing an earlier decision takes it out of the export and off the text; ↺ puts it back
    applied.nth(1).locator('button[data-action="withdraw"]').click()
    assert clubs.count() == 0
    assert page2.locator('mark.r.withdrawn[data-original="riverside boxing club"]').all_inner_texts() == [
        "riverside boxing club"] * 2
    assert "add:" not in page2.evaluate("window.anonymiserDecisionsYaml()")
    page2.locator('#decisions-list li.applied button[data-action="restore"]').click()

    row = page2.locator("table.people tr", has_text="Amara Okafor")
    row.locator("input").fill("Lily")
    row.locator("button", has_text="Rename").click()
    assert page2.inner_text("#n-decisions") == "3"
    r2 = export(page2, tmp_path / "round2.decisions.yaml")
    # the page merges and writes the file exactly as decisions.py does
    assert r2.read_text(encoding="utf-8") == page_export(data2, ReviewerDecisions(
        pseudonyms=(PseudonymChange("Lily", person="register:amara okafor"),)))

    alone, data3 = _round(tmp_path, "fresh", r2)
    assert "Lily" in alone and "Amara" not in alone and "On 14th March 2019" in alone and "the club" in alone
    everything = ReviewerDecisions(document="review-c.txt", reject=load_decisions(r1).reject,
                                   pseudonyms=(PseudonymChange("Lily", person="register:amara okafor"),),
                                   add=load_decisions(r1).add)
    every = tmp_path / "all.yaml"
    every.write_text(dump_decisions(everything.document, everything.entries()), encoding="utf-8")
    assert _round(tmp_path, "reference", every)[0] == alone
    page3 = open_report(next((tmp_path / "fresh").glob("*.report.html")))
    assert page3.locator("#decisions-list li.applied").count() == 3
    assert set(page3.locator('mark.r.applied[data-original="Amara"]').all_inner_texts()) == {"Lily"}


EVERY_TYPE_DRAFT = """\
Child Safeguarding Practice Review: Amara

1. Amara Okafor lived with her mother, Sarah Okafor. At home she was called mimi. On Sundays the
family went to grace fellowship church. Amara went to tiny steps before she started at oakfield
juniors, and she was registered at the parkside practice.

2. In 2019 Amara spent two nights on dolphin at the hospital. Her date of birth was recorded as the
day after the storm, and the health visitor saw her on sports day. The family then lived by the rec near
Flat 3, and her mother drove a red car with the plate kx09.

3. Her mother's friend was known as big tee. The family is of yoruba heritage. Her mother lent the
friend £40 and called from the number ending 4471. The family wrote to familyhelp at mailbox dot
com, posted on sals_world and on okaforfamily dot blog. The health number ended 919 and the
insurance number ended 56C. The family lived near cr7 and was on file 7731 with the council.
"""
# One missed detail of each kind in the page's list, as a reviewer would add it.
MISSED = {"PERSON": "big tee", "DATE": "sports day", "DATE_OF_BIRTH": "day after the storm", "ADDRESS": "Flat 3",
          "POSTCODE": "cr7", "LOCATION": "the rec", "SCHOOL": "oakfield juniors", "NURSERY": "tiny steps",
          "GP_PRACTICE": "parkside practice", "HOSPITAL_WARD": "dolphin", "ORGANISATION": "grace fellowship church",
          "NHS_NUMBER": "919", "NI_NUMBER": "56C", "PHONE_NUMBER": "4471",
          "EMAIL_ADDRESS": "familyhelp at mailbox dot com", "URL": "okaforfamily dot blog",
          "SOCIAL_MEDIA_HANDLE": "sals_world", "VEHICLE_REGISTRATION": "kx09", "REFERENCE_NUMBER": "7731",
          "DEMOGRAPHIC": "yoruba", "QUANTITY": "£40"}


def _written(words: str, text: str) -> bool:
    """Whether `words` stand in `text` as whole words, in any case and across line breaks."""
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words.split())) + r"(?!\w)"
    return re.search(pattern, text, re.I) is not None


def test_every_kind_in_the_list_changes_the_text(open_report, tmp_path: Path) -> None:
    first, _ = _round(tmp_path, "out", draft=EVERY_TYPE_DRAFT)
    for missed in MISSED.values():
        assert _written(missed, first)  # each was missed, so adding it is what changes it
    page = open_report(next((tmp_path / "out").glob("*.report.html")))
    offered = page.eval_on_selector_all("#add-kind option", "os => os.map(o => o.value)")
    kinds = [o.split(":", 1)[1] for o in offered if o.startswith("type:")]
    assert sorted(kinds) == sorted(MISSED)  # one of each kind the page offers
    for kind in kinds:
        _add(page, MISSED[kind], "type:" + kind)
    _add(page, "mimi", "person:Amara Okafor")
    decisions = export(page, tmp_path / "every.decisions.yaml")

    text, _ = _round(tmp_path, "out", decisions, draft=EVERY_TYPE_DRAFT)
    for kind, missed in MISSED.items():
        assert not _written(missed, text), (kind, text)
    child = re.match(r"Child Safeguarding Practice Review: (\w+)", text).group(1)
    assert f"she was called {child}." in text  # the nickname is the child's pseudonym
    for kind_text in ["went to the church", "went to the nursery", "the school", "at the GP practice",
                      "on the ward at the hospital", "[place]"]:
        assert kind_text in text


def test_undoing_one_place_of_an_earlier_keep_everywhere(open_report, tmp_path: Path) -> None:
    from anonymiser.review.entries import Reject

    page_html, _ = _applied_sample(ReviewerDecisions(document="review-a.txt", reject=(Reject("Amara"),)))
    report = tmp_path / "review-a.report.html"
    report.write_text(page_html, encoding="utf-8")
    page = open_report(report)
    kept = page.locator('mark.r.rejected[data-original="Amara"]')
    assert kept.count() == 4 and page.inner_text("#n-decisions") == "1"
    kept.first.click()
    assert "Applied in this run: Keep “Amara” everywhere" in page.inner_text("#pop")
    page.locator('#pop button[data-action="undo"]').click()
    assert kept.count() == 3
    assert "withdrawn" in page.inner_text("#decisions-list li.applied")
    saved = tmp_path / "d.yaml"
    saved.write_text(page.evaluate("window.anonymiserDecisionsYaml()"), encoding="utf-8")
    offsets = [i for i in range(len(TEXT)) if TEXT.startswith("Amara", i) and not TEXT.startswith("Amara Okafor", i)]
    # the other three places stay kept, each by its offset; the first is replaced again
    assert [(r.original, r.offset) for r in load_decisions(saved).reject] == [("Amara", o) for o in offsets[1:]]


def test_applied_rename_is_replaced_by_a_new_one(open_report, tmp_path: Path) -> None:
    report = tmp_path / "review-a.report.html"
    report.write_text(_applied_sample()[0], encoding="utf-8")
    page = open_report(report)
    assert page.locator("#decisions-list li.applied").count() == 4
    assert "not found in this document" in page.locator("#decisions-list li.applied").nth(1).inner_text()
    assert set(page.locator('mark.r.applied[data-original="Amara"]').all_inner_texts()) == {"Lily"}
    row = page.locator("table.people tr", has_text="Amara Okafor")
    row.locator("input").fill("Maya")
    row.locator("button", has_text="Rename").click()
    assert "replaced by a new decision" in page.locator("#decisions-list li.applied").nth(2).inner_text()
    saved = tmp_path / "d.yaml"
    saved.write_text(page.evaluate("window.anonymiserDecisionsYaml()"), encoding="utf-8")
    d = load_decisions(saved)  # one name per person, or the file would not load
    assert [(c.person, c.pseudonym) for c in d.pseudonyms] == [("register:amara okafor", "Maya")]
    assert [r.original for r in d.reject] == ["Croydon", "Hope"] and [a.text for a in d.add] == ["Jay"]
