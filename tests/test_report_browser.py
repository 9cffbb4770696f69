"""The report in a real headless browser: reject, rename, add, export, and the file loads back.

Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python; the browser Playwright
would download is never used, so `playwright install` is not needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from anonymiser.decisions import load_decisions
from anonymiser.register import Person, Register
from test_report import TEXT, render_sample, sample_replacements

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
REGISTER = Register(case="test", people=(
    Person("Amara Okafor", "subject child", "female"),
    Person("Sarah Okafor", "mother", "female", aliases=("Sal", "Mrs O")),
    Person("Tunde Okafor", "brother", "male"),
))


@pytest.fixture
def page(tmp_path: Path) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: install it with `apt-get install -y chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed: `pip install playwright`")
    report = tmp_path / "review-a.report.html"
    report.write_text(render_sample(register=REGISTER), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        errors: list[str] = []
        fetched: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("request", lambda r: fetched.append(r.url) if not r.url.startswith(("file:", "blob:", "data:")) else None)
        pg.goto(report.as_uri())
        yield pg
        assert errors == [], errors
        assert fetched == [], f"the report fetched {fetched}"
        browser.close()


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

