"""Bad and strange input through the real command line: a clear line or a correct output, never a crash.

Every case checks the same contract: exit 2 with one line naming the file (and nothing written
for that draft, no temporary files left) or a complete output; never a traceback; the input
files are byte-for-byte unchanged.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anonymiser.api import anonymise
from anonymiser.cli import main
from anonymiser.core.errors import RegisterError
from anonymiser.read.docx import package as docx_package
from anonymiser.run.register import load_register
from tests.fixtures_docs import encrypt_pdf

REGISTER = """\
case: CSPR robustness
people:
  - name: Amara Okafor
    role: subject child
    gender: female
  - name: Tunde Okafor
    role: father
    gender: male
"""
NAMES = ("Amara", "Okafor", "Tunde")
OUTPUT_GLOBS = ("*.anonymised.*", "*.audit.jsonl", "*.report.html", "*.manifest.json", ".tmp-*")


# -- helpers -----------------------------------------------------------------------------------


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["run", *map(str, args)])


def outputs(out: Path) -> list[Path]:
    return [p for g in OUTPUT_GLOBS for p in out.glob(g)] if out.exists() else []


def assert_refused(result: Result, path: Path, out: Path, *words: str) -> str:
    """Exit 2, exactly one error line naming the file, no traceback, nothing written."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith(("error:", "anonymiser:"))]
    assert len(errors) == 1, result.output
    line = errors[0]
    assert str(path) in line, line
    assert "unexpected" not in line, line  # an unexpected error is a crash wearing a coat
    for word in words:
        assert word in line, line
    assert outputs(out) == [], outputs(out)
    return line


def assert_complete(out: Path) -> None:
    """Every publication file has its manifest, and the manifest's hash matches it."""
    import json

    assert not list(out.glob(".tmp-*"))
    for manifest_path in out.glob("*.manifest.json"):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for name, sha in manifest["outputs"].items():
            if (out / name).exists():
                assert hashlib.sha256((out / name).read_bytes()).hexdigest() == sha, name
    for publication in out.glob("*.anonymised.*"):
        stem = publication.name.split(".anonymised.")[0]
        assert (out / f"{stem}.manifest.json").exists(), publication


def assert_done_or_refused(result: Result, path: Path, out: Path) -> None:
    """Bad-but-readable input may be anonymised; if so the output is whole and name-free."""
    assert "Traceback" not in result.output and "unexpected" not in result.output, result.output
    if result.exit_code == 2:
        assert_refused(result, path, out)
        return
    assert result.exit_code in (0, 1), (result.exit_code, result.output, result.exception)
    assert_complete(out)
    for publication in out.glob("*.anonymised.txt"):
        text = publication.read_text(encoding="utf-8")
        for name in NAMES:
            assert name not in text, name


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    register = folder / "register.yaml"
    register.write_text(REGISTER, encoding="utf-8")
    return folder, register, tmp_path / "out"


# -- random text through the API ---------------------------------------------------------------

PIECES = [
    "\u0645\u062d\u0645\u062f \u0639\u0644\u064a",  # Arabic
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",  # Hebrew
    "\u200f\u200e\u202e\u202c",  # direction marks and overrides
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",  # a ZWJ family
    "\U0001f44d\U0001f3fd", "\U0001f1ec\U0001f1e7",  # skin tone, a flag
    "e\u0301", "a\u0308\u0323", "\u0301",  # combining marks, one stranded
    "\x00", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff",
    "\r\n", "\r", "\n", "\n\n", "\t",
    "the social worker visited", "Mr ", "on 3 May", "07700 900123", ".", ",", " ",
]
random_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=25).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=random_text, where=st.floats(min_value=0, max_value=1), which=st.sampled_from(
    ["Amara Okafor", "Tunde Okafor", "Amara", "AMARA OKAFOR", "Okafor's"]))
def test_random_unicode_around_a_register_name(text: str, where: float, which: str) -> None:
    register = _register()
    cut = int(len(text) * where)
    # Spaces either side: glued to a random letter the name would be a different word.
    source = f"{text[:cut]} {which} {text[cut:]}"
    result = anonymise(source, register=register)
    for name in NAMES:
        assert name.lower() not in result.text.lower()
    # Outside the replacements, the text is exactly the input.
    rebuilt, at = [], 0
    for r in sorted(result.decisions.replacements, key=lambda r: r.start):
        assert at <= r.start <= r.end <= len(source)
        assert source[r.start:r.end] == r.original
        rebuilt += [source[at:r.start], r.replacement]
        at = r.end
    rebuilt.append(source[at:])
    assert "".join(rebuilt) == result.text


_REGISTER_CACHE: dict[str, object] = {}


def _register():  # type: ignore[no-untyped-def]
    # Loaded once: hypothesis calls the test many times and the register never changes.
    if "r" not in _REGISTER_CACHE:
        folder = Path(tempfile.mkdtemp())
        (folder / "r.yaml").write_text(REGISTER, encoding="utf-8")
        _REGISTER_CACHE["r"] = load_register(folder / "r.yaml")
    return _REGISTER_CACHE["r"]


def test_a_100k_character_line_without_a_newline() -> None:
    filler = "the health visitor recorded that the family was well " * 2000  # ~108k characters
    source = filler[:50_000] + " Amara Okafor " + filler[50_000:] + " Tunde Okafor."
    result = anonymise(source, register=_register())
    assert "Okafor" not in result.text and "Amara" not in result.text and "Tunde" not in result.text
    assert "\n" not in result.text


# -- random bytes through files ---------------------------------------------------------------

raw_bytes = st.lists(st.one_of(
    random_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xc0\xaf",
                     b"\x80", b"\xfe\xff", b"\xef\xbb\xbf", b"\xa3", b"\x92"]),
    st.binary(max_size=8)), max_size=12).map(b"".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=raw_bytes, suffix=st.sampled_from([".txt", ".md"]), ending=st.sampled_from(["\n", "\r\n", "\r"]))
def test_random_bytes_in_a_text_draft(data: bytes, suffix: str, ending: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "register.yaml").write_text(REGISTER, encoding="utf-8")
        draft = folder / f"draft{suffix}"
        line = f"The review concerns Amara Okafor.{ending}Her father Tunde Okafor attended.{ending}".encode()
        draft.write_bytes(data + line + data)
        before = hashes(folder)
        out = Path(tmp) / "out"
        result = run(draft, "--out", out, "--workers", "1")
        assert_done_or_refused(result, draft, out)
        assert hashes(folder) == before


def test_a_stray_nul_in_utf8_text_is_not_called_utf16(case: tuple[Path, Path, Path]) -> None:
    folder, _, out = case
    draft = folder / "draft.txt"
    draft.write_bytes(b"Amara Okafor was seen.\x00 The social worker visited.\n")
    result = run(draft, "--out", out)
    assert "UTF-16" not in result.output
    assert_done_or_refused(result, draft, out)


def test_utf16_text_is_refused(case: tuple[Path, Path, Path]) -> None:
    folder, _, out = case
    draft = folder / "draft.txt"
    draft.write_bytes("Amara Okafor was seen by the school nurse.\n".encode("utf-16-le"))
    assert_refused(run(draft, "--out", out), draft, out, "UTF-16", "UTF-8")


# -- missing, empty, huge -----------------------------------------------------------------------


@pytest.mark.parametrize("name, content, words", [
    ("missing.txt", None, "not found"),
    ("empty.docx", b"", "empty"),
    ("blank.txt", b" \n\r\n\t\n", "no text"),
    ("draft.wpd", b"\xffWPC Amara", "not supported"),
])
def test_missing_empty_unsupported(case: tuple[Path, Path, Path], name: str, content: bytes | None,
                                   words: str) -> None:
    folder, _, out = case
    draft = folder / name
    if content is not None:
        draft.write_bytes(content)
    before = hashes(folder)
    assert_refused(run(draft, "--out", out), draft, out, words)
    assert hashes(folder) == before


def test_a_huge_file_is_refused_without_being_read(case: tuple[Path, Path, Path]) -> None:
    folder, _, out = case
    draft = folder / "huge.txt"
    with draft.open("wb") as fh:  # sparse: 201 MB on paper, nothing on disk
        fh.truncate(201 * 1024 * 1024)
    assert_refused(run(draft, "--out", out), draft, out, "201 MB", "limit")


def test_a_text_draft_too_big_to_fit_the_character_limit_is_refused_without_being_read(
        case: tuple[Path, Path, Path]) -> None:
    from anonymiser.read.limits import MAX_CHARACTERS

    folder, _, out = case
    draft = folder / "fifty-mb.txt"
    with draft.open("wb") as fh:  # sparse: more bytes than any UTF-8 text within the limit
        fh.truncate(MAX_CHARACTERS * 4 + 1)
    before = hashes(folder)
    line = assert_refused(run(draft, "--out", out), draft, out, f"{MAX_CHARACTERS:,} characters", "Split")
    assert "NUL" not in line  # refused on its size, before anything read its content
    assert hashes(folder) == before


def test_a_text_draft_one_character_over_the_limit_is_refused_and_one_at_it_is_not(
        case: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from anonymiser.read import limits
    from anonymiser.read.text import read_text

    folder, _, out = case
    para = "Amara Okafor was seen by the health visitor on 3 May 2021.\n\n"
    text = para * 40
    monkeypatch.setattr(limits, "MAX_CHARACTERS", len(text))
    at_limit = folder / "at-limit.txt"
    at_limit.write_text(text, encoding="utf-8")
    assert read_text(at_limit).text == text
    over = folder / "over.md"
    over.write_text(text + "x", encoding="utf-8")
    assert_refused(run(over, "--out", out), over, out, f"{len(text) + 1:,} characters",
                   f"limit of {len(text):,} characters", "Split the draft")


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_character_limit_applies_to_the_text_of_word_and_pdf_drafts(
        case: tuple[Path, Path, Path], samples: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    from anonymiser import read as readers
    from anonymiser.read import limits

    folder, _, out = case
    sample = {"docx": "review-d.docx", "pdf": "review-e.pdf"}[kind]
    draft = _copy_sample(samples, folder, sample)
    length = len(readers.read_document(draft, accept_tracked_changes=True).text)
    monkeypatch.setattr(limits, "MAX_CHARACTERS", length - 1)
    before = hashes(folder)
    assert_refused(run(draft, "--out", out, "--accept-tracked-changes"), draft, out,
                   f"{length:,} characters", "limit")
    assert hashes(folder) == before


# -- damaged Word and PDF files ----------------------------------------------------------------


def _copy_sample(samples: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(samples / name, target)
    reg = samples / name.replace(Path(name).suffix, ".register.yaml")
    shutil.copyfile(reg, folder / reg.name)
    return target


def _damaged_versions(data: bytes, seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    versions = [(f"cut{frac}", data[: int(len(data) * frac)]) for frac in (0.05, 0.3, 0.6, 0.9, 0.999)]
    versions.append(("cut-10", data[:-10]))
    for n in range(6):
        flipped = bytearray(data)
        for pos in rng.sample(range(len(data)), 1 + n * 4):
            flipped[pos] ^= 0xFF
        versions.append((f"flip{n}", bytes(flipped)))
    return versions


@pytest.mark.parametrize("sample", ["review-d.docx", "review-e.pdf"])
def test_truncated_and_flipped_documents(samples: Path, tmp_path: Path, sample: str) -> None:
    good = (samples / sample).read_bytes()
    for label, data in _damaged_versions(good, seed=len(sample)):
        folder = tmp_path / label / "in"
        folder.mkdir(parents=True)
        draft = _copy_sample(samples, folder, sample)
        draft.write_bytes(data)
        before = hashes(folder)
        out = tmp_path / label / "out"
        result = run(draft, "--out", out, "--accept-tracked-changes")
        assert_done_or_refused(result, draft, out)
        assert hashes(folder) == before, label


def test_parser_messages_do_not_quote_the_draft(case: tuple[Path, Path, Path], samples: Path) -> None:
    """A damaged element named after the child must not reach the console through the error text."""
    folder, _, out = case
    draft = folder / "draft.docx"
    with zipfile.ZipFile(samples / "review-d.docx") as zin, zipfile.ZipFile(draft, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><Amara_Okafor attr='Tunde'>", 1)
            zout.writestr(info.filename, data)
    line = assert_refused(run(draft, "--out", out, "--accept-tracked-changes"), draft, out, "damaged")
    assert "Amara" not in line and "Tunde" not in line


def test_zip_bomb_docx(case: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _, out = case
    draft = folder / "bomb.docx"
    with zipfile.ZipFile(draft, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", "<Relationships/>")
        with zf.open("word/document.xml", "w") as fh:
            block = bytes(1 << 20)
            for _ in range(24):  # 24 MB of zeros: over the ratio check's size, about 24 KB packed
                fh.write(block)
    before = hashes(folder)
    assert_refused(run(draft, "--out", out), draft, out, "zip bomb")
    # And past the total-size limit (lowered so the test does not build 500 MB).
    monkeypatch.setattr(docx_package, "MAX_UNCOMPRESSED", 16 << 20)
    assert_refused(run(draft, "--out", out), draft, out, "over the")
    assert hashes(folder) == before


def test_a_zip_member_that_lies_about_its_size(case: tuple[Path, Path, Path], samples: Path) -> None:
    """A member whose directory entry claims a small size but inflates further fails its checksum."""
    folder, _, out = case
    draft = folder / "liar.docx"
    with zipfile.ZipFile(samples / "review-d.docx") as zin, zipfile.ZipFile(draft, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    data = bytearray(draft.read_bytes())
    with zipfile.ZipFile(draft) as zf:
        info = zf.getinfo("word/document.xml")
    # Patch the uncompressed size in the local header and in the central directory.
    local = info.header_offset
    data[local + 22: local + 26] = (100).to_bytes(4, "little")
    name = info.filename.encode()
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:
        if data[pos + 46: pos + 46 + len(name)] == name:
            data[pos + 24: pos + 28] = (100).to_bytes(4, "little")
        pos += 4
    draft.write_bytes(bytes(data))
    assert_refused(run(draft, "--out", out), draft, out)


def test_wrong_extension_both_ways(case: tuple[Path, Path, Path], samples: Path) -> None:
    folder, _, out = case
    pdf_as_docx = folder / "draft.docx"
    shutil.copyfile(samples / "review-e.pdf", pdf_as_docx)
    docx_as_pdf = folder / "other.pdf"
    shutil.copyfile(samples / "review-d.docx", docx_as_pdf)
    before = hashes(folder)
    assert_refused(run(pdf_as_docx, "--out", out), pdf_as_docx, out, "is a PDF", ".pdf")
    assert_refused(run(docx_as_pdf, "--out", out), docx_as_pdf, out, "not a PDF")
    assert hashes(folder) == before


def test_encrypted_pdf_with_and_without_password(case: tuple[Path, Path, Path], samples: Path) -> None:
    folder, _, out = case
    shutil.copyfile(samples / "review-e.register.yaml", folder / "locked.register.yaml")
    draft = encrypt_pdf(samples / "review-e.pdf", folder / "locked.pdf", "s3cret")
    before = hashes(folder)
    assert_refused(run(draft, "--out", out), draft, out, "password", "--password")
    assert_refused(run(draft, "--out", out, "--password", "wrong"), draft, out, "password")
    result = run(draft, "--out", out, "--password", "s3cret")
    assert result.exit_code in (0, 1), result.output
    assert list(out.glob("*.anonymised.docx")) and list(out.glob("*.manifest.json"))
    assert_complete(out)
    assert "s3cret" not in result.output
    assert hashes(folder) == before


# -- registers -------------------------------------------------------------------------------


FIRSTS = ["Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace",
          "Willow", "Freya", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Noah",
          "Oliver", "George", "Leo", "Arthur", "Muhammad", "Harry", "Oscar", "Archie", "Henry", "Theodore",
          "Freddie", "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo", "Lucas",
          "Tommy", "Isaac", "Roman", "Edward", "Alexander", "Joshua", "James", "Albert", "Max"]
SURNAMES = ["Abbott", "Barker", "Carver", "Dunmore", "Ellery", "Fairweather", "Gallagher", "Hargreaves",
            "Ibbotson", "Jardine", "Kettering", "Lowther", "Merriman", "Nightingale", "Ollerenshaw",
            "Pickering", "Quennell", "Rowbotham", "Sowerby", "Thistlewood", "Underhill", "Varley",
            "Wetherall", "Yardley", "Zouch", "Ashdown", "Blenkinsop", "Cheverton", "Drabble", "Earnshaw",
            "Fothergill", "Greenhalgh", "Hollingworth", "Illingworth", "Jessop", "Kilbride", "Lambourne",
            "Mottram", "Northcote", "Oddie", "Pennington", "Ravenscroft", "Shufflebottom", "Tattersall",
            "Uttley", "Vickerstaff", "Whitworth", "Yeadon", "Aldous", "Brocklehurst", "Clutterbuck",
            "Dimmock", "Entwistle", "Fazakerley", "Gledhill", "Hebblethwaite", "Inchbald", "Kershaw",
            "Lumb", "Mossop", "Nuttall", "Ormerod", "Pilling", "Rushworth", "Scargill", "Thwaite",
            "Unsworth", "Wadsworth", "Ackroyd", "Butterworth", "Crabtree", "Dewhurst", "Ecclestone",
            "Fenwick", "Gaskell", "Haworth", "Ingham", "Jowett", "Lister", "Midgley", "Nicholls", "Oldroyd",
            "Pollard", "Riddiough", "Sutcliffe", "Tetley", "Wilde", "Armitage", "Brearley", "Crossley",
            "Dyson", "Eastwood", "Firth", "Greenwood", "Holroyd", "Illidge", "Kitching", "Lockwood",
            "Marsden", "Netherwood"]


def test_a_register_of_5000_people(case: tuple[Path, Path, Path]) -> None:
    folder, register, out = case
    people = [(f, s) for s in SURNAMES for f in FIRSTS][:5000]
    assert len(people) == 5000
    lines = ["case: big", "people:"]
    for i, (first, surname) in enumerate(people):
        role = "subject child" if i == 0 else ("cousin" if i % 2 else "family friend")
        lines += [f"  - name: {first} {surname}", f"    role: {role}", "    gender: unknown"]
    register.write_text("\n".join(lines) + "\n", encoding="utf-8")
    draft = folder / "draft.txt"
    first, surname = people[0]
    other_first, other_surname = people[4321]
    draft.write_text(f"The review concerns {first} {surname}. {other_first} {other_surname} attended the "
                     "strategy discussion with the social worker.\n", encoding="utf-8")
    before = hashes(folder)
    result = run(draft, "--register", register, "--out", out)
    assert result.exit_code in (0, 1), result.output
    text = next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8")
    assert surname not in text and other_surname not in text
    assert hashes(folder) == before


ODD_REGISTERS = {
    "anchor-duplicate": "people:\n  - &p {name: Amara Okafor, role: subject child}\n  - *p\n",
    "merge-key": ("base: &b {role: mother}\npeople:\n  - <<: *b\n    name: Sarah Okafor\n"),
    "recursive-alias": "people: &p\n  - *p\n",
    "recursive-mapping": "people:\n  - &m\n    name: Amara Okafor\n    role: child\n    aliases: [*m]\n",
    "list-for-mapping": "- people\n- Amara Okafor\n",
    "person-is-a-list": "people:\n  - [Amara Okafor, subject child]\n",
    "people-is-a-mapping": "people:\n  name: Amara Okafor\n  role: subject child\n",
    "float-name": "people:\n  - name: 1.5\n    role: child\n",
    "date-name": "people:\n  - name: 2015-03-14\n    role: child\n",
    "python-tag": "people:\n  - name: !!python/object/apply:os.system ['echo hi']\n    role: child\n",
    "bad-int-tag": "people:\n  - name: !!int Amara\n    role: child\n",
    "bad-binary": "people:\n  - name: !!binary '***'\n    role: child\n",
    "deep-nesting": "people: " + "[" * 5000 + "]" * 5000 + "\n",
    "medium-nesting": "people:\n  - name: x\n    role: child\n    aliases: " + "[" * 900 + "]" * 900 + "\n",
    "billion-laughs": ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                       + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
                                 for i in range(8))
                       + "people:\n  - name: Amara Okafor\n    role: child\n    aliases: *i\n"),
    "utf16": None,
    "a-folder": None,
    "tabs": "people:\n\t- name: Amara Okafor\n",
    "duplicate-key": "people:\n  - name: Amara Okafor\n    name: Tunde Okafor\n    role: child\n",
}


@pytest.mark.parametrize("label", sorted(ODD_REGISTERS))
def test_odd_registers_fail_in_one_line(case: tuple[Path, Path, Path], label: str) -> None:
    folder, register, out = case
    content = ODD_REGISTERS[label]
    if label == "utf16":
        register.write_bytes(REGISTER.encode("utf-16"))
    elif label == "a-folder":
        register.unlink()
        register.mkdir()
    else:
        register.write_text(content, encoding="utf-8")
    draft = folder / "draft.txt"
    draft.write_text("The review concerns Amara Okafor.\n", encoding="utf-8")
    before = hashes(folder)
    result = run(draft, "--register", register, "--out", out)
    if label == "duplicate-key" and result.exit_code in (0, 1):
        pass  # YAML's last-wins rule; accepted as long as it is not a crash
    else:
        assert_refused(result, register, out)
    if label in ("python-tag",):
        assert "hi" not in result.output.split()
    assert hashes(folder) == before
    # The same file through the API raises the register's own error, not anything else.
    if label != "duplicate-key":
        with pytest.raises(RegisterError):
            load_register(register)


def test_odd_but_valid_registers_work(case: tuple[Path, Path, Path]) -> None:
    folder, register, out = case
    register.write_bytes(("\ufeff" + "case: 12345\npeople:\n"
                          "  - name: Zo\u00eb \u00c5ngstr\u00f6m\n    role: subject child\n    gender: female\n"
                          "  - name: \u0141ukasz \u017b\u00f3\u0142\u0107\n    role: father\n"
                          "  - name: Si\u00e2n O'Connor-Bright\n    role: mother\n    aliases: [Si]\n"
                          "  - name: 4242\n    role: cousin\n").encode("utf-8"))
    draft = folder / "draft.txt"
    draft.write_text("Zo\u00eb \u00c5ngstr\u00f6m lived with her mother Si\u00e2n O'Connor-Bright. "
                     "\u0141ukasz \u017b\u00f3\u0142\u0107 visited.\n", encoding="utf-8")
    result = run(draft, "--register", register, "--out", out)
    assert result.exit_code in (0, 1), result.output
    text = next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8")
    for gone in ("Zo\u00eb", "\u00c5ngstr\u00f6m", "\u0141ukasz", "\u017b\u00f3\u0142\u0107", "O'Connor"):
        assert gone not in text, gone


# -- output folders --------------------------------------------------------------------------


def test_output_folder_inside_the_input_folder(case: tuple[Path, Path, Path]) -> None:
    folder, _, _ = case
    (folder / "a.txt").write_text("Amara Okafor was seen.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Notes\n\nTunde Okafor attended.\n", encoding="utf-8")
    before = hashes(folder)
    out = folder / "published"
    first = run(folder, "--out", out, "--workers", "1")
    assert first.exit_code == 0, first.output
    assert "2 anonymised" in first.output
    second = run(folder, "--out", out, "--workers", "1")
    # The outputs inside the input folder are never taken for drafts.
    assert "0 anonymised, 2 unchanged, 0 failed" in second.output, second.output
    assert {k: v for k, v in hashes(folder).items() if not k.startswith("published")} == before


@pytest.mark.parametrize("failure", [
    OSError(errno.ENOSPC, "No space left on device"),
    PermissionError(errno.EACCES, "Permission denied"),
])
@pytest.mark.parametrize("where", ["replace-1", "replace-3", "replace-6", "write"])
def test_a_full_or_read_only_output_folder(case: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch,
                                           failure: OSError, where: str, samples: Path) -> None:
    """We run as root, where chmod cannot make a folder read-only, so the failures are simulated."""
    folder, _, out = case
    draft = _copy_sample(samples, folder, "review-d.docx")
    before = hashes(folder)
    out.mkdir()
    calls = {"n": 0}
    real_replace, real_write = os.replace, Path.write_text

    def replace(src: object, dst: object) -> None:
        # Renames in order: the pseudonym map, the Word file and the audit into their staged
        # temporaries, then the report, audit, manifest, Word file and text into place. Failing
        # after 3 or 6 leaves outputs already renamed, which must be undone.
        calls["n"] += 1
        if calls["n"] > int(where.split("-")[1]):
            raise failure
        real_replace(src, dst)

    def write_text(self: Path, *args: object, **kwargs: object) -> int:
        if self.parent == out:
            raise failure
        return real_write(self, *args, **kwargs)

    if where.startswith("replace"):
        monkeypatch.setattr(os, "replace", replace)
    else:
        monkeypatch.setattr(Path, "write_text", write_text)
    line = assert_refused(run(draft, "--out", out, "--accept-tracked-changes"), draft, out)
    assert failure.strerror in line and "free space" in line and "permissions" in line
    assert hashes(folder) == before


def test_a_long_draft_on_one_line_is_cut_between_words_and_fully_seen() -> None:
    from anonymiser.api import anonymise
    from anonymiser.detect.chunking import CHUNK_CHARS

    filler = "The social worker visited and recorded her concerns about the home conditions. "
    text = (filler * (3 * CHUNK_CHARS // len(filler))) + "Dr Anika Rao saw her on 3 May 2021. " + filler * 50
    result = anonymise(text)
    assert "Anika" not in result.text and "Rao" not in result.text and "3 May 2021" not in result.text


def test_a_draft_of_mostly_blank_lines_is_anonymised() -> None:
    # Unbounded look-behinds once made this take minutes; it must simply work.
    from anonymiser.api import anonymise

    text = "Dr Anika Rao saw her.\n   " * 20 + "\n   " * 20000 + "Snapchat: kayla.b2010, 27 Birchwood Road.\n"
    out = anonymise(text).text
    assert "Rao" not in out and "kayla.b2010" not in out and "Birchwood" not in out


def _plain_draft_is_anonymised_to_the_end(size: int, longer_than: int) -> None:
    """A draft of about `size` characters loses the names at its start and its end, and keeps the rest."""
    from anonymiser.api import anonymise
    from anonymiser.core.register import Person, Register

    reg = Register("big", (Person("Amara Okafor", "subject child", "female"),))
    para = "The health visitor recorded that the family had moved again and that support was offered.\n\n"
    text = "Amara Okafor was referred.\n\n" + para * (size // len(para)) + "Ms Okafor called 07700 900123.\n"
    assert len(text) > longer_than
    result = anonymise(text, register=reg)
    assert "Okafor" not in result.text and "07700 900123" not in result.text
    assert result.text.count("The health visitor recorded") == size // len(para)


@pytest.mark.slow
def test_a_draft_beyond_spacys_million_character_limit_is_anonymised_to_the_end() -> None:
    # About 300 pages: spaCy refuses texts over 1,000,000 characters in one piece.
    _plain_draft_is_anonymised_to_the_end(1_050_000, longer_than=1_000_000)


def test_a_draft_of_several_chunks_is_anonymised_to_the_end() -> None:
    # The small version of the one above: the same chunking, over three chunks instead of about fifty.
    from anonymiser.detect.chunking import CHUNK_CHARS

    _plain_draft_is_anonymised_to_the_end(5 * CHUNK_CHARS // 2, longer_than=2 * CHUNK_CHARS)


def _word_draft_is_anonymised_to_the_end(tmp_path: Path, paragraphs: int) -> None:
    """A Word draft of `paragraphs` paragraphs, a heading every hundred, anonymised to its last paragraph."""
    import docx

    from tests.okafor_case import REGISTER

    texts = [
        "Amara Okafor lived with her mother at 27 Birchwood Road, Thornton Heath, CR7 8QT. On 14 March "
        "2021 the health visitor, Amina Begum, visited and recorded that the home was cold.",
        "The school nurse wrote to the GP practice about Amara's weight; no reply was recorded and the "
        "referral was not followed up by anyone in the team for several weeks afterwards.",
        "Ms Okafor told the reviewer that she had felt judged by professionals and did not want to ask "
        "for help, because she was afraid that the children would be taken away from her.",
    ]
    draft = docx.Document()
    for i in range(paragraphs):
        if i % 100 == 0:
            draft.add_heading(f"Section {i // 100 + 1}", 1)
        draft.add_paragraph(texts[i % 3])
    src = tmp_path / "in" / "review.docx"
    src.parent.mkdir()
    draft.save(src)
    register = tmp_path / "in" / "register.yaml"
    register.write_text(REGISTER, encoding="utf-8")
    result = run(src, "--register", register, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    out = docx.Document(next((tmp_path / "out").glob("*.anonymised.docx")))
    body = [p.text for p in out.paragraphs]
    assert len(body) == paragraphs + paragraphs // 100
    assert body[-1].startswith("Mother told the reviewer that she had felt judged")
    text = "\n".join(body)
    for ident in ("Amara", "Okafor", "Birchwood", "CR7 8QT", "Amina", "Begum", "14 March"):
        assert ident not in text, ident
    assert text.count("the family home") == paragraphs // 3 and text.count("March 2021") == paragraphs // 3


@pytest.mark.slow
def test_a_300_page_word_draft_is_anonymised_to_the_end(tmp_path: Path) -> None:
    # About 95,000 words: a long review with its appendices, as one Word file.
    _word_draft_is_anonymised_to_the_end(tmp_path, 3000)


def test_a_30_page_word_draft_is_anonymised_to_the_end(tmp_path: Path) -> None:
    # The small version of the one above: about 9,500 words, still several chunks.
    _word_draft_is_anonymised_to_the_end(tmp_path, 300)


def _capitals_draft_is_anonymised_to_the_end(size: int, longer_than: int) -> None:
    """A draft of about `size` characters, all in capitals, loses the names at its start and its end."""
    para = "THE HEALTH VISITOR RECORDED THAT THE FAMILY HAD MOVED AGAIN AND THAT SUPPORT WAS OFFERED.\n\n"
    text = "MOTHER: JANE SMITH\n\n" + para * (size // len(para)) + "FATHER: JOHN BROWN\n"
    assert len(text) > longer_than
    out = anonymise(text).text
    assert "JANE SMITH" not in out and "JOHN BROWN" not in out
    assert out.count("THE HEALTH VISITOR RECORDED") == size // len(para)


@pytest.mark.slow
def test_a_long_draft_typed_all_in_capitals_is_anonymised_to_the_end() -> None:
    # Its words in capitals are analysed a second time, in ordinary case: that pass is chunked too.
    _capitals_draft_is_anonymised_to_the_end(1_050_000, longer_than=1_000_000)


def test_a_draft_of_several_chunks_typed_all_in_capitals_is_anonymised_to_the_end() -> None:
    # The small version of the one above: the second pass chunked over three chunks instead of about fifty.
    from anonymiser.detect.chunking import CHUNK_CHARS

    _capitals_draft_is_anonymised_to_the_end(5 * CHUNK_CHARS // 2, longer_than=2 * CHUNK_CHARS)
