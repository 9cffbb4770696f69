"""The package checks made before python-docx sees a file: not a Word file, encrypted, damaged,
or a zip bomb."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from anonymiser.core.errors import InputError

MAX_UNCOMPRESSED = 500 * 1024 * 1024  # no review comes near this; a zip that claims it is a bomb
MAX_RATIO = 200  # deflate tops out near 1000:1; real Word XML stays well under 100:1
MAX_RATIO_MIN_SIZE = 20 * 1024 * 1024  # small members may compress absurdly well and do no harm
MAX_MEMBERS = 10_000
# One part, whatever its ratio. The document.xml of a generated 300-page draft (150,000 words,
# Word's revision ids and fonts on every run, a table every ten pages) is 2.1 MB, so 16 MB is
# over seven times that; an XML part is parsed and walked whole, so a bigger one only costs time.
MAX_XML_PART = 16 * 1024 * 1024
MAX_BINARY_PART = 64 * 1024 * 1024  # a picture or embedded file: a phone photo is under 10 MB

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_package(path: Path, data: bytes) -> None:
    """Refuse anything that is not a sound, reasonably sized .docx before python-docx sees it."""
    if not data:
        raise InputError(path, "is empty", "Check you exported the right file.")
    if data.startswith(OLE_MAGIC):
        # Word saves a password-protected .docx as an OLE container holding the encrypted
        # package; the stream names are stored in UTF-16.
        if any(name.encode("utf-16-le") in data for name in ("EncryptionInfo", "EncryptedPackage")):
            raise InputError(path, "is password-protected",
                             "Open it in Word, remove the password (File, Info, Protect Document), save and try again.")
        raise InputError(path, "is an old Word 97-2003 (.doc) file, not .docx",
                         "Open it in Word and save it as Word Document (.docx).")
    if data.startswith(b"%PDF"):
        raise InputError(path, "is a PDF, not a Word document", "Rename it to .pdf and run again.")
    if data.startswith(b"{\\rtf"):
        raise InputError(path, "is an RTF file, not .docx", "Open it in Word and save it as Word Document (.docx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise InputError(path, f"holds {len(infos)} files inside, far more than any Word document",
                                 "Check it is the right file; re-save it from Word.")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise InputError(path, f"unpacks to {total // (1024 * 1024)} MB, over the "
                                 f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB limit",
                                 "Check it is the right file; remove large embedded media in Word and re-save.")
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > MAX_RATIO_MIN_SIZE and ratio > MAX_RATIO:
                    # Part names are not quoted: a draft's own file names ("media/amara.png") can identify.
                    raise InputError(path, f"contains a part compressed {ratio:.0f} to 1, "
                                     "which no real Word document does (a zip bomb?)",
                                     "Do not open it; ask the sender for the original draft.")
                limit = MAX_XML_PART if _is_xml_name(info.filename) else MAX_BINARY_PART
                if info.file_size > limit:
                    kind = "XML part" if limit == MAX_XML_PART else "part"
                    raise InputError(path, f"contains a {kind} that unpacks to {info.file_size // (1024 * 1024)} MB, "
                                     f"over the {limit // (1024 * 1024)} MB limit for one {kind}",
                                     "Check it is the right file; split the draft or remove large embedded "
                                     "media in Word and re-save.")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
                raise InputError(path, "is a zip file but not a Word document",
                                 "Open it in Word and save it as Word Document (.docx).")
            bad = zf.testzip()  # reads every member, so the bomb checks above must come first
            if bad is not None:
                raise InputError(path, "is damaged (a part inside it fails its checksum)",
                                 "Open it in Word (which may repair it), save it and try again.")
    except zipfile.BadZipFile:
        raise InputError(path, "is damaged or truncated (not a readable .docx zip)",
                         "Open it in Word (which may repair it) or export it again, then retry.") from None
    except zlib.error:
        raise InputError(path, "is damaged (part of it cannot be decompressed)",
                         "Open it in Word (which may repair it), save it and try again.") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise InputError(path, f"cannot be unpacked ({type(exc).__name__})",
                         "Open it in Word and save it again as .docx.") from None


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))
