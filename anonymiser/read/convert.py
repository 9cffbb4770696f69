"""Drafts in older or other word-processor formats (.doc, .odt, .rtf), turned into .docx by LibreOffice.

LibreOffice is optional. When it is installed, `converted_docx` runs `soffice --headless
--convert-to docx` on the draft in a private temporary folder (mode 0700, with its own
LibreOffice profile, so parallel runs never share one), reads the result into memory and deletes
the folder before returning, on success, on error and on Ctrl-C alike; the draft itself is only
ever read. A killed run cannot delete its folder; the next conversion removes the folders of
processes that no longer run. LibreOffice runs without network access where the system allows a
private network namespace (`unshare`), and always with macros off and links never updated, so a
draft cannot make it fetch anything.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from anonymiser.core.errors import InputError
from anonymiser.core.processes import alive

# The formats converted, and what each is called in a message.
CONVERTED = {".doc": "Word 97-2003 (.doc)", ".odt": "OpenDocument (.odt)", ".rtf": "Rich Text Format (.rtf)"}
SAVE_AS_DOCX = "open it in Word or LibreOffice and save it as .docx (File > Save As > Word Document), then run again"
INSTALL_HINT = "or install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui) so the tool converts it"
# A 300-page .doc converts in well under a minute on a slow machine; a draft that takes longer
# than this is stuck (a damaged file LibreOffice loops on), and the officer is told so.
TIMEOUT_SECONDS = 180
_PREFIX = "anonymiser-convert-"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# LibreOffice settings for the private profile: no macros, no update check, no link updates
# (a linked picture or section would otherwise be fetched while the draft is loaded).
_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments"><prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Field" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def find_soffice() -> str | None:
    """LibreOffice's command, if it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _a(path: Path) -> str:
    """'a Word 97-2003 (.doc)', 'an OpenDocument (.odt)': the draft's kind with its article."""
    kind = CONVERTED.get(path.suffix.lower(), "word-processor")
    return f"{'an' if kind[0] in 'AEIOU' else 'a'} {kind}"


def missing_libreoffice(path: Path) -> InputError:
    """The one line for a draft that needs LibreOffice on a machine without it."""
    return InputError(path, f"is {_a(path)} draft, which is read through LibreOffice, and LibreOffice is not installed",
                      f"{SAVE_AS_DOCX[0].upper()}{SAVE_AS_DOCX[1:]}, {INSTALL_HINT}.")


def _input_filter(path: Path, head: bytes) -> str:
    """LibreOffice's import filter for what the file holds, whatever its name says.

    Naming the filter stops LibreOffice from falling back to reading a damaged file as plain
    text, which would 'convert' any bytes at all into a document of garbage."""
    if head.startswith(_OLE_MAGIC):
        if any(name.encode("utf-16-le") in head for name in ("EncryptionInfo", "EncryptedPackage")):
            raise InputError(path, "is password-protected",
                             "Open it, remove the password, save it as .docx and run again.")
        return "MS Word 97"
    if head.startswith(b"{\\rtf"):
        return "Rich Text Format"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                mimetype = zf.read("mimetype").strip() if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, ValueError, KeyError):
            raise InputError(path, "is damaged or truncated (not a readable document)",
                             "Open it in LibreOffice or Word, save it as .docx and run again.") from None
        if mimetype == _ODT_MIMETYPE:
            return "writer8"
        if "word/document.xml" in names:
            raise InputError(path, "is a Word .docx file with another name", "Rename it to .docx and run again.")
    if head.startswith(b"%PDF"):
        raise InputError(path, "is a PDF with another name", "Rename it to .pdf and run again.")
    raise InputError(path, f"is not {_a(path)} document "
                     "(its content is neither Word, OpenDocument nor RTF)",
                     "Check it is the right file; open it in its own program and save it as .docx.")


@functools.lru_cache(maxsize=1)
def _network_namespace() -> list[str]:
    """`unshare` arguments that give LibreOffice a network of its own (none), where the system allows it."""
    unshare = shutil.which("unshare")
    if not unshare:
        return []
    try:
        done = subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return []
    return [unshare, "-rn"] if done.returncode == 0 else []


def remove_stale_conversions(folder: Path | None = None) -> list[Path]:
    """Delete conversion folders left by runs that were killed (they hold a copy of a draft)."""
    removed: list[Path] = []
    folder = folder or Path(tempfile.gettempdir())
    try:
        entries = list(folder.glob(_PREFIX + "*"))
    except OSError:
        return removed
    for entry in entries:
        pid = entry.name[len(_PREFIX):].split("-", 1)[0]
        if (not pid.isdigit() or alive(int(pid)) or entry.is_symlink() or not entry.is_dir()
                or entry.stat().st_uid != os.getuid()):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _run(command: list[str], env: dict[str, str], path: Path) -> None:
    """Run LibreOffice in its own process group, so a timeout or Ctrl-C stops all of it."""
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        proc.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise InputError(path, f"could not be converted: LibreOffice did not finish within {TIMEOUT_SECONDS} s",
                         f"The file may be damaged: {SAVE_AS_DOCX}.") from None
    finally:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            proc.wait()


def converted_docx(path: Path) -> bytes:
    """The .docx that LibreOffice makes of the draft at `path`, as bytes; nothing of it is left on disk."""
    soffice = find_soffice()
    if soffice is None:
        raise missing_libreoffice(path)
    try:
        with path.open("rb") as f:
            head = f.read(1 << 16)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})", "Check the file's permissions.") from None
    in_filter = _input_filter(path, head)
    remove_stale_conversions()
    work = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-"))  # mode 0700
    try:
        # The draft is copied in under a neutral name: LibreOffice never writes beside the
        # original, and nothing it logs or names in the output carries the draft's file name.
        source = work / f"draft{path.suffix.lower()}"
        shutil.copyfile(path, source)
        profile = work / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_SETTINGS, encoding="utf-8")
        out = work / "out"
        out.mkdir()
        # HOME and TMPDIR inside the folder: whatever LibreOffice caches goes when it goes.
        env = {**{k: v for k, v in os.environ.items() if k != "ANONYMISER_PDF_PASSWORD"},
               "HOME": str(work), "TMPDIR": str(work)}
        command = [*_network_namespace(), soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nolockcheck", f"--infilter={in_filter}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        _run(command, env, path)
        result = out / "draft.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise InputError(path, "could not be converted: LibreOffice could not open it (damaged, "
                             "password-protected or not really this format)", f"{SAVE_AS_DOCX[0].upper()}"
                             f"{SAVE_AS_DOCX[1:]}; if it will not open, ask the sender for the draft again.")
        return result.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)
