"""verify's count of unexplained kept tokens (verify.unexplained)."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.config.profile import load_profile
from anonymiser.verify.unexplained import count_unexplained, unexplained

PROFILE = load_profile("safeguarding-review")


def test_an_anonymised_text_leaves_nothing_unexplained():
    done = anonymise("Child KW told Brannock Quelley that the Review Panel met in Anyvale.\n", PROFILE)
    assert unexplained(done.text, PROFILE, tuple(r.replacement for r in done.decisions.replacements)) == []


def test_a_name_written_into_an_output_is_counted(tmp_path):
    out = tmp_path / "x.anonymised.txt"
    out.write_text("The panel thanked Quorven Aldessa and the GP.\n", encoding="utf-8")
    found = count_unexplained([out], PROFILE, [])
    assert [shown for _, _, shown in found] == ["Quorven Aldessa"]


def test_format_codes_of_a_word_output_are_not_counted_but_its_words_and_alt_text_are(tmp_path):
    """LibreOffice writes fonts, languages and text directions as attributes ('MS Mincho', 'ar-SA',
    'lrTb'): codes, not words anyone reads. A name in the text or in alt text still counts."""
    import zipfile

    from tests.fixtures_docs import make_simple_docx

    out = make_simple_docx(tmp_path / "x.anonymised.docx", ["The panel thanked Quorven Aldessa and the GP."])
    with zipfile.ZipFile(out) as z:
        files = {n: z.read(n) for n in z.namelist()}
    body = files["word/document.xml"].decode()
    codes = ('<w:pPr><w:textDirection w:val="lrTb"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Cambria" '
             'w:eastAsia="MS Mincho"/><w:lang w:bidi="ar-SA"/></w:rPr><w:t>Seen.</w:t></w:r>')
    body = body.replace("<w:p>", f"<w:p>{codes}</w:p><w:p>", 1)
    body = body.replace("<w:p>", '<w:p><w:r><w:drawing><wp:docPr xmlns:wp="http://schemas.openxmlformats.org/'
                        'drawingml/2006/wordprocessingDrawing" id="1" name="Picture 1" descr="Photo of Brannock '
                        'Quelley"/></w:drawing></w:r></w:p><w:p>', 1)
    files["word/document.xml"] = body.encode()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    shown = sorted(text for _, _, text in count_unexplained([out], PROFILE, []))
    assert shown == ["Brannock Quelley", "Quorven Aldessa"]
