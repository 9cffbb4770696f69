"""Output file names that never carry an identifier, even when the draft is named after the child,
and that never coincide for two drafts of one run."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from anonymiser.core import entities as E
from anonymiser.core.register import Register
from anonymiser.core.results import Replacement
from anonymiser.core.textview import NormalisedText, view_of
from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer, everyday_words
from anonymiser.detect.recognizers.register_references import find_references, reference_pattern

# A file name holds at most 255 bytes; the longest ending we add is "-NNNN.anonymised.docx".
MAX_STEM_BYTES = 200
# "v2", "ver 3", "version 3", "rev 2", "revision 4": kept. One to three digits only, so a
# year or a date of birth written after "v" is still dropped.
_VERSION = re.compile(r"(?<![A-Za-z])(v|ver|version|rev|revision)[\s_\-.]*(\d+)", re.I)
_TOKEN = re.compile(r"\x00(\d+)\x00|[A-Za-z]+")


def _register_spans(text: str, register: Register) -> list[tuple[int, int]]:
    """Where register names and addresses sit in `text` (separators read as spaces)."""
    if not (register.people or register.addresses):
        return []
    spaced = re.sub(r"[_\-.]", " ", text)  # one for one, so offsets stay those of `text`
    rec = CaseRegisterRecognizer(register)
    found = [(r.start, r.end) for r in rec.analyze(spaced, [E.PERSON, E.ADDRESS])]
    # A file name often runs the words together ('AmaraOkafor.docx', 'amaraokafor_notes'): each
    # name word of four letters or more is looked for anywhere in it, not only as a whole word.
    for word in _name_words(register):
        found += [(m.start(), m.end()) for m in re.finditer(re.escape(word), spaced, re.I)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged[::-1]


def _name_words(register: Register) -> set[str]:
    """The register's name and alias words long enough to find inside a longer word, everyday words aside."""
    words = {w for person in register.people for name in (person.name, *person.aliases)
             for w in re.findall(r"[^\W\d_]{4,}", view_of(name))}
    words = {w for w in words if w.lower() not in everyday_words()}
    # A whole name run together is a name whatever its words ('JaydenPrice', though 'price' is a word).
    return words | {re.sub(r"[\W_]+", "", view_of(p.name)) for p in register.people if len(p.name.split()) > 1}


def safe_stem(stem: str, replacements: list[Replacement], register: Register) -> str:
    """The input's stem with every replaced original, and every register name, swapped out."""
    # Read as detection reads text, so a name with an invisible or look-alike letter is still found.
    spaced = re.sub(r"[_\-.]+", " ", view_of(stem))
    # The originals are read the same way: 'Be\u200bll' in the draft is 'Bell' in the file name.
    found = [(view_of(r.original).split(), r.replacement) for r in replacements]
    for r in replacements:
        if r.entity == E.PERSON:
            # A person's surname alone ('Bell notes.docx') names them as surely as their full name.
            core = r.original[max(0, r.core[0] - r.start):r.core[1] - r.start] if r.core[1] > r.core[0] else r.original
            found += [([w], r.replacement) for w in re.findall(r"[^\W\d_]{3,}", view_of(core)) if w[0].isupper()]
    # Longest originals first, so 'Amara Okafor' goes before 'Amara'.
    # Each distinct change once, and only if its first word is in the name at all: a long draft
    # has tens of thousands of replacements and a file name a few words.
    distinct = dict.fromkeys((tuple(words), replacement) for words, replacement in found)
    for words, replacement in sorted(distinct, key=lambda f: -len(" ".join(f[0]))):
        if not words or words[0].lower() not in spaced.lower() or len("".join(words)) < 2:
            continue  # a single letter ('child-m', the review's 'Child M') names no one
        pattern = r"(?<![^\W_])" + r"[\s_\-.]+".join(map(re.escape, words)) + r"(?![^\W_])"
        spaced = re.sub(pattern, " " + _slug(replacement) + " ", spaced, flags=re.I)
    for start, end in _register_spans(spaced, register):
        spaced = spaced[:start] + " person " + spaced[end:]
    for reference in filter(None, (reference_pattern(r, bounded=False) for r in register.known_references)):
        spaced = reference.sub(" ", spaced)
    versions: list[str] = []

    def keep(m: re.Match[str]) -> str:
        if len(m.group(2)) > 3:
            return " "  # 'v2021', 'version 14032015': a date, not a version
        versions.append(f"{m.group(1)}{'-' if len(m.group(1)) > 1 else ''}{m.group(2)}")
        return f" \x00{len(versions) - 1}\x00 "

    spaced = _VERSION.sub(keep, spaced)
    # Other digits in a file name are too often a date of birth or a case number to keep.
    tokens = [versions[int(m.group(1))] if m.group(1) else m.group(0) for m in _TOKEN.finditer(spaced)]
    return _cap("-".join(tokens)) or "document"


def _cap(stem: str) -> str:
    # Stems are ASCII, so characters are bytes; cut at a word boundary where there is one.
    if len(stem) <= MAX_STEM_BYTES:
        return stem
    cut = stem[:MAX_STEM_BYTES]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[A-Za-z]+", text)) or "x"


def mask_names(text: str, register: Register) -> str:
    """`text` (a file or folder name) with each register name or address shown as '[name]', and each
    register reference as '[reference]', read through invisible and look-alike characters."""
    view = NormalisedText(text)
    found = [(s, e, "[name]") for s, e in _register_spans(view.text, register)]
    found += [(s, e, "[reference]") for s, e in find_references(view.text, register.known_references, bounded=False)]
    spans: list[tuple[int, int, str]] = []
    for start, end, shown in sorted(found):
        start, end = view.widen(*view.to_original(start, end))
        if spans and start < spans[-1][1]:  # overlapping finds are masked as one
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]), spans[-1][2])
        else:
            spans.append((start, end, shown))
    for start, end, shown in reversed(spans):
        text = text[:start] + shown + text[end:]
    return text


@dataclass(frozen=True)
class OutputName:
    """What the parent decides about one input's outputs before any worker starts.

    `ordinal` is the input's place among the run's inputs whose names sanitise alike, counted in
    sorted path order, so the suffix it gives ("-2") never depends on which worker finishes first.
    """

    ordinal: int = 1
    folders: tuple[str, ...] = ()  # the input's sub-folders below the batch root, as written
    position: int = 1
    total: int = 1
    label: str = ""  # the input's path with register names below the batch root masked, for the console
    mine: frozenset[str] = frozenset()  # stems, as written, earlier runs wrote for this input
    taken: frozenset[str] = frozenset()  # stems (case-folded) earlier runs wrote for other inputs
    claims: Path | None = None  # this run's folder of claimed stems
    takes_decisions: bool = True  # whether the run's decisions file is for this input

    def candidates(self, stem: str) -> list[str]:
        """The stems to try, in order: this input's own suffix first, then the next free ones."""
        first = self.ordinal
        names = [stem if first == 1 else f"{stem}-{first}"]
        names += [f"{stem}-{n}" for n in range(first + 1, first + 1000)]
        return names

    def where(self, replacements: list[Replacement], register: Register) -> str:
        """'a/ · 3 of 30': the input's folder, sanitised like a file name, and its place in the run."""
        folder = "/".join(safe_stem(f, replacements, register) for f in self.folders)
        return f"{folder + '/ · ' if folder else ''}{self.position} of {self.total}"


def sort_key(path: Path, root: Path) -> tuple[str, str]:
    """Inputs are ordered by their path below the batch root, then by full path: never by chance."""
    return (relative(path, root).as_posix(), str(path.resolve()))


def relative(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return Path(path.name)


def path_key(path: Path) -> str:
    """A draft's identity across runs; the path may name the child, so it is hashed."""
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()


def stem_of(output_name: str) -> str:
    """The stem an output file name was made from (stems never hold a dot)."""
    return output_name.split(".", 1)[0]


def plan_names(inputs: list[tuple[Path, Path, Register]], owners: dict[str, str],
               claims: Path | None) -> dict[Path, OutputName]:
    """Every input's OutputName, decided from the sorted inputs alone.

    `inputs` holds (path, batch root, register); `owners` maps each stem that earlier runs wrote
    to the path key of the input that wrote it.
    """
    ordered = sorted(inputs, key=lambda t: sort_key(t[0], t[1]))
    seen: dict[str, int] = {}
    plan: dict[Path, OutputName] = {}
    for position, (path, root, register) in enumerate(ordered, 1):
        base = safe_stem(path.stem, [], register).casefold()
        seen[base] = seen.get(base, 0) + 1
        rel = relative(path, root)
        key = path_key(path)
        masked = [mask_names(part, register) for part in rel.parts]
        label = str(root.joinpath(*masked)) if len(rel.parts) > 0 else str(path)
        plan[path] = OutputName(
            ordinal=seen[base], folders=rel.parts[:-1], position=position, total=len(ordered), label=label,
            mine=frozenset(s for s, k in owners.items() if k == key),
            taken=frozenset(s.casefold() for s, k in owners.items() if k != key), claims=claims)
    return plan
