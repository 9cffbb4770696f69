""".doc, .odt and .rtf drafts, read through LibreOffice: converted in a private folder that is always
deleted, the draft never touched, and one clear line (exit 2) when LibreOffice is missing or fails."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.cli import main
from anonymiser.core.errors import InputError
from anonymiser.read import convert, read_document
from tests.fixtures_docs import (
    CHILD,
    MOTHER,
    libreoffice_copy,
    make_simple_docx,
    needs_libreoffice,
)
from tests.processes import GROUP, live_processes

PARAGRAPHS = [f"{CHILD} lives with her mother {MOTHER} in Croydon.",
              "The school nurse saw her on 3 May 2021 and wrote to the GP."]


@pytest.fixture(scope="module")
def office_drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same short draft as .doc, .odt and .rtf, saved by LibreOffice (made once for the module)."""
    if convert.find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("office")
    (folder / "source").mkdir()
    source = make_simple_docx(folder / "source" / "draft.docx", PARAGRAPHS)
    return {suffix: libreoffice_copy(source, folder, suffix) for suffix in (".doc", ".odt", ".rtf")}


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder of the test's own, so what a conversion leaves behind can be counted."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _copy(draft: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or draft.name)
    target.write_bytes(draft.read_bytes())
    return target


@needs_libreoffice
@pytest.mark.parametrize("suffix", [".doc", ".odt", ".rtf"])
def test_a_converted_draft_is_read_like_a_word_draft_and_nothing_is_left(
        office_drafts: dict[str, Path], private_temp: Path, tmp_path: Path, suffix: str) -> None:
    draft = _copy(office_drafts[suffix], tmp_path / "in")
    os.utime(draft, (1_600_000_000, 1_600_000_000))
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    doc = read_document(draft)
    assert doc.kind == "docx" and doc.converted_from == suffix.lstrip(".") and doc.path == draft
    assert [s.text for s in doc.segments if s.text.strip()][:2] == PARAGRAPHS
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before  # never touched
    assert list(private_temp.iterdir()) == []  # the converted copy and LibreOffice's profile are gone
    assert sorted(p.name for p in draft.parent.iterdir()) == [draft.name]  # nothing written beside it


@needs_libreoffice
def test_the_conversion_folder_is_private_and_goes_on_ctrl_c(office_drafts: dict[str, Path], private_temp: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Path, int]] = []

    def interrupted(command: list[str], env: dict[str, str], path: Path) -> None:
        work = Path(command[-1]).parent
        seen.append((work, stat.S_IMODE(work.stat().st_mode)))
        raise KeyboardInterrupt

    monkeypatch.setattr(convert, "_run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_document(office_drafts[".odt"])
    assert seen and seen[0][1] == 0o700 and seen[0][0].parent == private_temp
    assert list(private_temp.iterdir()) == []


@needs_libreoffice
def test_a_stuck_conversion_is_stopped_and_named(office_drafts: dict[str, Path], private_temp: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "TIMEOUT_SECONDS", 0.01)
    with pytest.raises(InputError) as err:
        read_document(office_drafts[".doc"])
    assert "did not finish within" in err.value.line() and "draft.doc" in err.value.line()
    assert "save it as .docx" in err.value.line()
    assert list(private_temp.iterdir()) == []


@needs_libreoffice
def test_a_damaged_doc_fails_with_one_line_and_no_output(private_temp: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # An OLE container of nothing: LibreOffice cannot load it as Word, and must not read it as text.
    (folder / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(folder / "minutes.doc"), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "minutes.doc" in errors[0] and "could not be converted" in errors[0]
    assert "save it as .docx" in errors[0] and "Traceback" not in result.output
    assert not out.exists() or not [p for p in out.iterdir() if ".anonymised." in p.name]
    assert list(private_temp.iterdir()) == []


@pytest.mark.parametrize("content, words", [
    (b"just some bytes that are no document at all", "is not a Word 97-2003 (.doc) document"),
    (b"%PDF-1.7\n", "is a PDF with another name"),
])
def test_a_file_that_is_not_what_its_name_says_is_refused_before_libreoffice_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, words: str) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: "/nonexistent/soffice")
    draft = tmp_path / "letter.doc"
    draft.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_document(draft)
    assert words in err.value.line() and "letter.doc" in err.value.line()


def test_a_docx_named_doc_is_told_to_be_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: "/nonexistent/soffice")
    draft = make_simple_docx(tmp_path / "letter.docx", PARAGRAPHS).rename(tmp_path / "letter.doc")
    with pytest.raises(InputError, match="Rename it to .docx"):
        read_document(draft)


def test_without_libreoffice_a_single_draft_gets_one_line_and_exit_2(no_libreoffice: None, tmp_path: Path) -> None:
    draft = tmp_path / "agency report.odt"
    draft.write_bytes(b"PK\x03\x04 an OpenDocument file")
    result = CliRunner().invoke(main, ["run", str(draft), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "agency report.odt" in errors[0] and "LibreOffice is not installed" in errors[0]
    assert "save it as .docx" in errors[0]


def test_without_libreoffice_a_folder_names_each_such_draft_and_ends_with_exit_2(no_libreoffice: None,
                                                                                tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "chronology.txt").write_text(PARAGRAPHS[0] + "\n", encoding="utf-8")
    for name in ("health.doc", "police.odt", "school.rtf"):
        (folder / name).write_bytes(b"a draft")
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 2, result.output
    for name in ("health.doc", "police.odt", "school.rtf"):
        lines = [line for line in result.output.splitlines() if line.startswith(f"skipped: {name}:")]
        assert len(lines) == 1 and "save it as .docx" in lines[0] and "install LibreOffice" in lines[0], name
    assert "Summary: 1 anonymised" in result.output and "3 not processed (3 to save as .docx)" in result.output
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "police.odt" in index and "read through LibreOffice, which is not installed" in index


def test_folders_of_killed_conversions_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / "anonymiser-convert-999999999-abc"
    live = tmp_path / f"anonymiser-convert-{os.getpid()}-def"
    other = tmp_path / "anonymiser-convertible"
    for folder in (dead, live, other):
        folder.mkdir()
        (folder / "draft.docx").write_bytes(b"a copy")
    assert convert.remove_stale_conversions(tmp_path) == [dead]
    assert not dead.exists() and live.exists() and other.exists()


def test_libreoffice_runs_with_a_profile_of_its_own_under_a_neutral_name(private_temp: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: "/usr/bin/soffice")
    calls: list[tuple[list[str], dict[str, str]]] = []

    def fake(command: list[str], env: dict[str, str], path: Path) -> None:
        calls.append((command, env))
        work = Path(command[-1]).parent
        settings = (work / "profile" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
        assert "DisableMacrosExecution" in settings and "UpdateCheck" in settings
        make_simple_docx(work / "out" / "draft.docx", PARAGRAPHS)

    monkeypatch.setattr(convert, "_run", fake)
    draft = tmp_path / "Amara Okafor health.rtf"
    draft.write_bytes(b"{\\rtf1\\ansi Amara Okafor lives in Croydon.}")
    for _ in range(2):
        assert [s.text for s in read_document(draft).segments if s.text.strip()][:2] == PARAGRAPHS
    (first, env), (second, _) = calls
    work = Path(first[-1]).parent
    assert first[-1].endswith("/draft.rtf") and "Amara" not in " ".join(first)  # the draft's name never reaches it
    assert "--infilter=Rich Text Format" in first and "--headless" in first
    profile = next(arg for arg in first if arg.startswith("-env:UserInstallation="))
    assert profile == f"-env:UserInstallation={(work / 'profile').as_uri()}" and work.parent == private_temp
    assert profile != next(arg for arg in second if arg.startswith("-env:UserInstallation="))  # never shared
    assert env["HOME"] == env["TMPDIR"] == str(work)
    assert list(private_temp.iterdir()) == []


@needs_libreoffice
def test_ctrl_c_during_a_real_conversion_stops_libreoffice_and_removes_the_copy(
        office_drafts: dict[str, Path], private_temp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import _thread
    import subprocess
    import threading

    started: list[subprocess.Popen] = []
    real_popen = subprocess.Popen

    def popen(*args: object, **kwargs: object) -> subprocess.Popen:
        proc = real_popen(*args, **kwargs)  # type: ignore[call-overload]
        started.append(proc)
        threading.Timer(0.3, _thread.interrupt_main).start()  # Ctrl-C while LibreOffice works
        return proc

    convert._network_namespace()  # probed (and cached) before the clock starts
    monkeypatch.setattr(convert.subprocess, "Popen", popen)
    with pytest.raises(KeyboardInterrupt):
        read_document(office_drafts[".doc"])
    assert len(started) == 1 and started[0].poll() is not None
    assert _running_in_group(started[0].pid) == []  # nothing of LibreOffice's is left running
    assert list(private_temp.iterdir()) == []


def _running_in_group(pgid: int) -> list[int]:
    """Live processes of a process group; killed ones may take a moment to be reaped."""
    import time

    for _ in range(50):
        if not (live := live_processes(GROUP, pgid)):
            return []
        time.sleep(0.2)
    return live


def _linked_odt(path: Path, base: str) -> Path:
    """An OpenDocument draft with a picture and a section linked from `base`: opening it the usual
    way fetches both (a tracking picture would tell its sender the draft was opened, and where)."""
    import zipfile

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f"<office:body><office:text><text:p>{PARAGRAPHS[0]}</text:p><text:p>"
               '<draw:frame draw:name="pic" svg:width="2cm" svg:height="2cm">'
               f'<draw:image xlink:href="{base}/tracker.png" xlink:type="simple" xlink:show="embed" '
               'xlink:actuate="onLoad"/></draw:frame></text:p><text:section text:name="s1">'
               f'<text:section-source xlink:href="{base}/section.odt" xlink:type="simple"/></text:section>'
               "</office:text></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return path


@needs_libreoffice
@pytest.mark.parametrize("namespace", [True, False], ids=["own-network", "settings-only"])
def test_a_conversion_fetches_nothing_a_draft_links_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       namespace: bool) -> None:
    import http.server
    import threading

    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        if not namespace:  # as on a system where unshare is not allowed: the profile's settings alone
            monkeypatch.setattr(convert, "_network_namespace", lambda: [])
        draft = _linked_odt(tmp_path / "linked.odt", f"http://127.0.0.1:{server.server_address[1]}")
        doc = read_document(draft)
    finally:
        server.shutdown()
        server.server_close()
    assert doc.segments[0].text == PARAGRAPHS[0]
    assert requests == []


def test_a_run_removes_a_killed_runs_conversion_folder_even_without_converting(private_temp: Path,
                                                                              tmp_path: Path) -> None:
    left = private_temp / "anonymiser-convert-999999999-xyz"
    left.mkdir()
    (left / "draft.docx").write_bytes(b"a converted copy holding originals")
    draft = tmp_path / "chronology.txt"
    draft.write_text(PARAGRAPHS[1] + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(draft), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert not left.exists()
