"""The leak check: nothing original may survive in an output."""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from anonymiser.config import places
from anonymiser.config.lexicon import after_space
from anonymiser.core import entities as E
from anonymiser.core.register import Register, searchable
from anonymiser.core.textview import NormalisedText, view_of
from anonymiser.decide.alias_names import aliases_in
from anonymiser.decide.local_organisations import COMPANY_SUFFIXES, short_names
from anonymiser.decide.nhs_trusts import nhs_trust_names
from anonymiser.decide.wording import article_for
from anonymiser.detect.date_context import date_context, is_calendar_word
from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer
from anonymiser.detect.recognizers.register_births import find_register_births
from anonymiser.detect.recognizers.register_references import find_references
from anonymiser.verify.references import find_recorded_references

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer

    from anonymiser.config.lexicon import WordIndex

STRUCTURED = [e for e, t in E.ENTITY_TYPES.items() if t.structured]
MIN_ORIGINAL = 3


@dataclass(frozen=True)
class Leak:
    """Something found in an output that should not be there."""

    where: str
    text: str
    why: str

    def line(self) -> str:
        """With the text found: for the report and the audit, which are private."""
        return f"{self.where}: '{self.text}' ({self.why})"

    def console_line(self) -> str:
        """Without the text found, which is an original: consoles are often logged. A Word file's
        part is named as its reader knows it: 'x.docx, paragraph 170 of the main text', not 'x.docx:word/document.xml:170'."""
        return f"{plain_where(self.where)}: {self.why}, {len(self.text)} characters (the report shows the words)"


# What each part of a Word file is to the person who reads it; any other part keeps its own name.
_PART_WORDS = (
    (re.compile(r"word/document\d*\.xml"), "the main text"), (re.compile(r"word/header\d*\.xml"), "a header"),
    (re.compile(r"word/footer\d*\.xml"), "a footer"), (re.compile(r"word/footnotes\.xml"), "the footnotes"),
    (re.compile(r"word/endnotes\.xml"), "the endnotes"), (re.compile(r"word/comments\w*\.xml"), "the comments"),
    (re.compile(r"docProps/\w+\.xml"), "the document properties (File > Info)"),
    (re.compile(r"word/charts/.*"), "a chart"), (re.compile(r"word/diagrams/.*"), "a SmartArt diagram"),
)


def plain_where(where: str) -> str:
    """'x.anonymised.docx:word/header1.xml:3' as 'x.anonymised.docx, paragraph 3 of a header'; a text file's place as it is."""
    parts = where.split(":")
    if len(parts) != 3:
        return where
    name, part, line = parts
    words = next((w for pattern, w in _PART_WORDS if pattern.fullmatch(part)), part.strip("()"))
    # Word shows no line numbers: the count is of paragraphs and table cells, as the reader can count them
    return f"{name}, paragraph {line} of {words}"


def _context_line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@lru_cache(maxsize=4096)
def _original_pattern(original: str) -> re.Pattern[str]:
    """Multi-word originals and codes in any case; a single name only as a name is written."""
    words = original.split()
    body = r"\s+".join(map(re.escape, words))
    if len(words) > 1 or any(ch.isdigit() for ch in original) or original.islower():
        return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.I)
    forms = {original, original.upper(), original[:1].upper() + original[1:].lower()}
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(forms))) + r")(?!\w)")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what a regular expression's \w matches


def _original_hits(index: WordIndex, original: str) -> list[tuple[int, int]]:
    """Where `_original_pattern(original)` matches, at each place the original's words stand.

    A long draft's audit holds thousands of distinct originals, and compiling a pattern for each cost
    more than the rest of the check; so an ASCII original is compared here, as its pattern compares
    it, and the pattern is compiled only where the text there is not ASCII (a letter may then match
    in a case `str.lower` does not give: the kelvin sign is a 'k')."""
    phrase = " ".join(original.split())
    if not original.isascii() or not re.search(r"\w", phrase):
        return [(m.start(), m.end()) for m in index.finditer(_original_pattern(original), phrase)]
    text = index.text
    words = original.split()
    any_case = len(words) > 1 or any(ch.isdigit() for ch in original) or original.islower()
    forms = {original, original.upper(), original[:1].upper() + original[1:].lower()}
    wanted = [w.lower() for w in words]
    out = []
    for start in index.phrase_candidates(phrase):
        end = _ascii_match(text, start, words, wanted, forms, any_case)
        if end is None:
            m = _original_pattern(original).match(text, start)
            if m:
                out.append((m.start(), m.end()))
        elif end >= 0:
            out.append((start, end))
    return out


def _ascii_match(text: str, start: int, words: list[str], wanted: list[str], forms: set[str],
                 any_case: bool) -> int | None:
    """The end of the original's match at `start`, -1 for none, None when a word's place holds a
    character outside ASCII (left to the pattern)."""
    if start > 0 and _word_char(text[start - 1]):
        return -1
    pos = start
    for i, (word, want) in enumerate(zip(words, wanted)):
        if i:
            gap, pos = pos, after_space(text, pos)
            if pos == gap:
                return -1
        piece = text[pos:pos + len(word)]
        if not piece.isascii():
            return None
        if (piece.lower() != want) if any_case else (piece not in forms):
            return -1
        pos += len(word)
    return -1 if pos < len(text) and _word_char(text[pos]) else pos


@lru_cache(maxsize=1)
def _structured_recognizers() -> tuple[tuple[EntityRecognizer, list[str]], ...]:
    """The recognizers of codes and numbers, built once: a Word output is checked part by part."""
    from anonymiser.detect.recognizers import uk_recognizers

    out = []
    for rec in uk_recognizers():
        wanted = [e for e in rec.supported_entities if e in STRUCTURED]
        if wanted:
            out.append((rec, wanted))
    return tuple(out)


def _reads_as_date(text: str, start: int, end: int) -> bool:
    """'May 2023', '14 March' or 'Summer 2022' in an output is the time, even if a person May or Summer,
    or the town March, was replaced."""
    return is_calendar_word(text[start:end]) and date_context(text, start, end, month=False)


_BARE_YEAR = re.compile(r"(?:1[89]|20)\d\d")


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


def _in_longer_place(text: str, start: int, end: int) -> bool:
    """'Manchester' of 'Greater Manchester', 'York' of 'North Yorkshire' no: the word with a capitalised
    neighbour names another place the gazetteer knows, as it does for a partnership's larger area."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER.match(text, end)
    longer = [text[before.start(1):end]] if before else []
    longer += [text[start:after.end(1)]] if after else []
    return any(places.is_place(name) or places.known_area(name) for name in longer)


def _audit_why(original: str, entity: str) -> str:
    """Why an audit original found again is a leak; a date of birth that was a year alone says so,
    since 'original date of birth' sends an officer looking for a day and month ('married in 2008')."""
    if entity == E.DATE_OF_BIRTH and _BARE_YEAR.fullmatch(original.strip()):
        return "a year matching a year of birth removed elsewhere in the draft"
    label = E.ENTITY_TYPES[entity].label
    return f"{article_for(label)} {label} replaced elsewhere in the draft is still written here"


def find_leaks(text: str, where: str, register: Register, originals: list[tuple[str, str]] | None = None,
               replacements: set[str] | None = None, allowlists: tuple[str, ...] = (),
               inserted: list[tuple[int, int]] | None = None) -> list[Leak]:
    """Search one output text for audit originals, register identifiers and structured identifiers.

    `originals` are (text, entity type) pairs from the audit, `replacements` the texts put in their
    place (an original that is itself a pseudonym, like a draft already saying 'Sam', is no leak).
    Register people and addresses are found with the same matcher as detection (any case, line
    breaks, one-edit misspellings); what lies inside an allowlisted term ('Mother') is not a leak,
    nor is anything inside the text the tool itself `inserted` ('THE FAMILY HOME').
    """
    from anonymiser.config.lexicon import WordIndex, overlapping, phrase_index

    # Searched as detection sees text, so 'Sa\u200brah' or a Cyrillic 'а' in 'Sarah' is found;
    # line breaks are kept in the view, so line numbers are the output's own.
    view = NormalisedText(text)
    text = view.text
    inserted = [(view.to_view(s), view.to_view(e)) for s, e in inserted or ()]
    allowed = phrase_index("allowlist", allowlists).find(text) if allowlists else []
    trusts = nhs_trust_names(text)  # a kept trust's name holds its hospital's, and only that
    own = sorted(inserted or ())
    index = WordIndex(text)
    replaced = {view_of(r).lower() for r in replacements or set()}
    leaks: list[Leak] = []
    seen: set[tuple[int, str]] = set()

    def add(start: int, end: int, why: str, structured: bool = False) -> None:
        found = text[start:end]
        if not structured and any(s <= start and end <= e for s, e in overlapping(allowed, start, end)):
            return
        if any(s <= start and end <= e for s, e in overlapping(own, start, end)):
            return
        if (start, found.lower()) not in seen:
            seen.add((start, found.lower()))
            leaks.append(Leak(f"{where}:{_context_line(text, start)}", found, why))

    searched = list(dict.fromkeys(originals or []))  # a name replaced 500 times is searched for once
    # the alias a replaced phrase held (' (known as "Spud")') is a name of that person wherever it stands
    searched += [(alias, entity) for original, entity in searched if entity == E.PERSON for alias in aliases_in(original)]
    # and the name a replaced company goes by without its legal ending ('Dockside Scaffolding' of '... Ltd')
    searched += [(short, entity) for original, entity in searched if entity == E.ORGANISATION
                 and original.split()[-1].rstrip(".") in COMPANY_SUFFIXES for short in short_names(original)[:1]]
    for original, entity in dict.fromkeys(searched):
        original = view_of(original)
        if (len(original.strip()) < MIN_ORIGINAL or entity in (E.DATE, E.QUANTITY, E.DEMOGRAPHIC)
                or original.lower() in replaced):
            continue
        for start, end in _original_hits(index, original):
            if _reads_as_date(text, start, end) or (entity == E.LOCATION and _in_longer_place(text, start, end)):
                continue
            if entity in (E.ORGANISATION, E.LOCATION) and any(s <= start and end <= e for s, e in trusts):
                continue
            add(start, end, _audit_why(original, entity), E.ENTITY_TYPES[entity].structured)
    if register.people or register.addresses:
        for r in CaseRegisterRecognizer(register).analyze(text, [E.PERSON, E.ADDRESS]):
            if text[r.start:r.end].lower() not in replaced:
                add(r.start, r.end, "register " + ("name" if r.entity_type == E.PERSON else "address"))
        for d in find_register_births(text, register):
            add(d.start, d.end, "register date of birth", True)
    # The register's references, and every reference the audit recorded, in any spacing or case:
    # 'CSPR 2026-03' replaced in the body must not survive as 'cspr2026-03' in a footer.
    for start, end in find_references(text, register.known_references):
        add(start, end, "register reference", True)
    recorded = [o for o, e in originals or [] if e == E.REFERENCE_NUMBER and searchable(o)]
    for start, end in find_recorded_references(text, recorded):
        add(start, end, "original reference number from the audit", True)
    # The structured recognizers need no language model, so verifying costs no second NER pass.
    for recognizer, wanted in _structured_recognizers():
        # Presidio's base class requires NlpArtifacts; these recognizers all take None (no model).
        for r in recognizer.analyze(text, wanted, None):  # type: ignore[arg-type]
            if r.score >= 0.5:
                add(r.start, r.end, E.ENTITY_TYPES[r.entity_type].label, True)
    return sorted(leaks, key=lambda leak: (leak.where, leak.text))


def output_texts(path: Path, codes: bool = True) -> list[tuple[str, str]]:
    """(where, text) for every part of an output: the text itself, or every member of a DOCX.

    An XML part gives its text, comments and attribute values; any other part (a picture, a
    binary left by mistake) gives its readable strings, decoded as UTF-8 and as UTF-16LE, so
    nothing can hide in a part the check would otherwise skip. The members' names count too.
    With `codes` false, attributes that hold codes rather than free text (a font, a language, a
    text direction) are left out: the count of unexplained kept words reads only what is written.
    """
    from anonymiser.core.errors import InputError

    if not path.exists():
        raise InputError(path, "file not found", "Check the path.")
    if path.suffix.lower() == ".docx":
        try:
            with zipfile.ZipFile(path) as z:
                parts = [(f"{path.name}:(names of the parts inside)", "\n".join(z.namelist()))]
                for info in z.infolist():
                    if info.is_dir():
                        continue
                    data = z.read(info)  # by entry, not name: two members may share a name
                    text = _xml_text(data, codes)
                    parts.append((f"{path.name}:{info.filename}", text if text is not None else _strings(data)))
                return parts
        except (zipfile.BadZipFile, zlib.error):
            raise InputError(path, "is not a valid Word document", "Re-run anonymiser to regenerate it.") from None
    return [(path.name, path.read_text(encoding="utf-8", errors="replace"))]


# Elements whose end ends a line: paragraphs, cells, breaks; runs join, so a name split across
# runs is still one word. Elements outside WordprocessingML and DrawingML (a property, a chart
# value) are lines of their own.
_LINE_ENDS = {"p", "tc", "tr", "br", "cr", "tab", "txbxContent"}
_RUN_LEVEL_NS = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                 "http://schemas.openxmlformats.org/drawingml/2006/main"}
# Namespace and schema addresses are part of the format, not of the draft.
_SCHEMA_VALUE = re.compile(r"(?:https?://(?:schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org|"
                           r"www\.w3\.org)/|urn:schemas-microsoft-com)", re.I)
# Letters, and the invisible characters a name may carry inside it (zero-width, bidi controls, word
# joiner, BOM) and mathematical letters, so 'Sa\u200brah' in a binary part stays one string.
_READABLE = ("\t\n\r\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u200b-\u201f\u202a-\u202e\u2060-\u206f"
             "\ufeff\U0001d400-\U0001d7ff")
_STRINGS = re.compile(f"[{_READABLE}]{{3,}}")


def _xml_text(data: bytes, codes: bool = True) -> str | None:
    """The text of an XML part with its comments and attribute values; None if it is not XML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    pieces: list[str] = []
    values: list[str] = []
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None:  # an internal DTD can declare entities holding text
        values += [str(e.content or "") + " " + str(e.orig or "") for e in tree.docinfo.internalDTD.iterentities()]
    for node in root.itersiblings(preceding=True):
        values.append(node.text or "")  # comments and instructions before the root
    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):
            values.append(el.text or "")
            if el.tail:
                pieces.append(el.tail)
            continue
        if event == "start":
            values += [_attribute_text(k, v, codes) for k, v in el.attrib.items() if not _SCHEMA_VALUE.match(v)]
            if el.text:
                pieces.append(el.text)
            continue
        qname = etree.QName(el)
        if qname.localname in _LINE_ENDS or qname.namespace not in _RUN_LEVEL_NS:
            pieces.append("\n")
        if el.tail:
            pieces.append(el.tail)
    return "".join(pieces) + "\n" + "\n".join(dict.fromkeys(v for v in values if v))  # each value once


# Attributes that hold free text; any other value is a code (a colour, an id, a revision mark),
# read only for the words in it, so "Amara_DOB" or "AmaraOkafor" still shows its name.
_FREE_TEXT = {"descr", "title", "name", "tooltip", "alt", "string", "instr", "val", "displayText", "value"}
_WORDS = re.compile(r"[^\W\d_]{2,}")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _attribute_text(key: str, value: str, codes: bool = True) -> str:
    local = key.rsplit("}", 1)[-1]
    if local in _FREE_TEXT and " " in value.strip():
        return value
    if not codes:
        return ""
    return " ".join(w for w in _WORDS.findall(_CAMEL.sub(" ", value)))


def _strings(data: bytes) -> str:
    """Runs of readable characters in binary data, read as UTF-8 and as UTF-16LE at both alignments."""
    found = _STRINGS.findall(data.decode("utf-8", errors="replace"))
    for offset in (0, 1):
        chunk = data[offset:]
        found += _STRINGS.findall(chunk[: len(chunk) // 2 * 2].decode("utf-16-le", errors="replace"))
    return "\n".join(found)


def audit_originals(path: Path) -> tuple[list[tuple[str, str]], set[str]]:
    """(original, entity type) pairs and the replacement texts recorded in an audit log."""
    originals, replacements = [], set()
    # Records are split on "\n" only: an original may itself hold U+2028 or U+0085.
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("kind") == "replacement":
            originals.append((rec["original"], rec["entity_type"]))
            replacements.add(rec["replacement"])
    return originals, replacements


def verify_files(outputs: list[Path], register: Register, audits: list[Path],
                 allowlists: tuple[str, ...] = ()) -> list[Leak]:
    """Every leak in every output, all DOCX parts and metadata included."""
    originals: list[tuple[str, str]] = []
    replacements: set[str] = set()
    for a in audits:
        o, r = audit_originals(a)
        originals += o
        replacements |= r
    leaks: list[Leak] = []
    for path in outputs:
        for where, text in output_texts(path):
            leaks += find_leaks(text, where, register, originals, replacements, allowlists)
    return leaks
