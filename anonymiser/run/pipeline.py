"""One document through the whole flow: read, detect, decide, pseudonymise, write, verify."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser import __version__
from anonymiser.config.profile import Profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.document import Document, apply_edits
from anonymiser.core.errors import AnonymiserError
from anonymiser.core.register import Register
from anonymiser.core.results import Decisions
from anonymiser.core.textview import NormalisedText
from anonymiser.decide.policy import decide
from anonymiser.detect.analyse import analyse
from anonymiser.detect.engine import spacy_pipeline_info
from anonymiser.pseudonymise.case_map import CaseMap
from anonymiser.read import read_document
from anonymiser.review.in_view import count_back, reviewer_in_view
from anonymiser.review.reviewer import ReviewerDecisions
from anonymiser.verify.leaks import Leak, find_leaks, output_texts
from anonymiser.write.atomic import Staging, refuse_link
from anonymiser.write.audit import anchor, audit_records, write_audit
from anonymiser.write.audit_key import case_key
from anonymiser.write.naming import OutputName, safe_stem
from anonymiser.write.replace import anonymise_text, segment_edits


def decide_with_reviewer(text: str, raw: list[Detection], profile: Profile, register: Register, case_map: CaseMap,
                         reviewer: ReviewerDecisions | None,
                         rows: tuple[tuple[tuple[int, int], ...], ...] = ()) -> Decisions:
    """The decide stage, with the reviewer's additions passed in and their rejections and renamings
    applied to what it decided."""
    if reviewer is None:
        return decide(text, raw, profile, register, case_map, rows=rows)
    reviewer.check_pseudonyms(register)
    decisions = decide(text, raw, profile, register, case_map, reviewer.extra_detections(text, register), rows)
    return reviewer.apply(text, decisions, case_map)


def detect_document(doc: Document, profile: Profile, register: Register, case_map: CaseMap,
                    reviewer: ReviewerDecisions | None = None) -> Decisions:
    """Detect and decide for one document.

    The slow part (spaCy and the recognizers) runs before the pseudonym map is locked, so
    parallel workers only queue for the quick decision step.
    """
    wanted = [e for e in E.ENTITY_TYPES if profile.detects(e)]
    # Detection and decisions see the normalised view (no invisible or look-alike characters);
    # the decisions come back in the original's offsets, so the edits keep everything else.
    view = NormalisedText(doc.text)
    raw = analyse(view.text, register, wanted)
    in_view = reviewer_in_view(view, reviewer)
    rows = tuple(tuple((view.to_view(s), view.to_view(e)) for s, e in row) for row in doc.table_rows())
    with case_map:
        decisions = decide_with_reviewer(view.text, raw, profile, register, case_map, in_view, rows)
    count_back(view, reviewer, in_view)
    return view.decisions_to_original(decisions)


@dataclass
class RunOptions:
    profile: Profile
    register: Register
    out_dir: Path
    accept_tracked_changes: bool = False
    password: str | None = None
    decisions: "ReviewerDecisions | None" = None
    naming: OutputName = field(default_factory=OutputName)  # decided by the batch from the sorted inputs


@dataclass
class DocumentResult:
    """What happened to one draft."""

    input: Path
    outputs: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)
    embedded: int = 0  # pictures and objects to check by hand (their content is not read)
    converted_from: str | None = None  # the draft's own format when LibreOffice converted it

    @property
    def ready(self) -> bool:
        return not self.leaks



def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _unique_stem(path: Path, out_dir: Path, stem: str, input_sha: str, naming: OutputName) -> str:
    """This input's stem, claimed for this run: the one earlier runs gave it, else its planned suffix
    or the next one that no other draft's outputs use."""
    # The name an earlier run wrote, letter case included, so a re-run replaces those very files.
    family = re.compile(re.escape(stem.casefold()) + r"(?:-(\d+))?")
    own = sorted((int(m.group(1) or 1), s) for s in naming.mine if (m := family.fullmatch(s.casefold())))
    chosen = own[0][1] if own else None
    for candidate in ([] if chosen else naming.candidates(stem)):
        if candidate.casefold() in naming.taken:
            continue
        if naming.claims is not None and (naming.claims / candidate.casefold()).exists():
            chosen = candidate  # another draft of this run has it: refused below, whichever came first
            break
        refuse_link(out_dir / f"{candidate}.manifest.json")  # never read through a link either
        try:
            manifest = json.loads((out_dir / f"{candidate}.manifest.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            chosen = candidate
            break
        except (OSError, ValueError):
            continue
        if not isinstance(manifest, dict) or manifest.get("input_sha256") in (input_sha, None):
            chosen = candidate
            break
    if chosen is None:
        raise AnonymiserError(path, f"no free output name in {out_dir}", "Choose another --out.")
    if naming.claims is not None:
        try:
            os.close(os.open(naming.claims / chosen.casefold(),
                             os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
        except FileExistsError:
            # Two drafts whose names sanitise alike: refusing is the only order-independent answer.
            raise AnonymiserError(path, f"its outputs would be named '{chosen}', like another draft's in this run; "
                                  "nothing was written for it", "Rename one of the two drafts.") from None
    return chosen


def process_file(path: Path, opts: RunOptions, case_map: CaseMap) -> DocumentResult:
    """Anonymise one draft into opts.out_dir. Bad input raises InputError before anything is written."""
    doc = read_document(path, accept_tracked_changes=opts.accept_tracked_changes, password=opts.password)
    input_sha = _sha256(path)
    # The draft's path below the batch root names it in the report and its decisions file, so
    # 'a/draft.txt' and 'b/draft.txt' of one batch each keep their own decisions.
    draft_label = "/".join((*opts.naming.folders, path.name))
    reviewer = opts.decisions.fresh() if opts.decisions and opts.decisions.applies_to(draft_label) else None
    decisions = detect_document(doc, opts.profile, opts.register, case_map, reviewer)
    result = DocumentResult(input=path, warnings=list(doc.warnings), embedded=doc.embedded,
                            converted_from=doc.converted_from)
    for r in decisions.replacements:
        result.counts[r.entity] = result.counts.get(r.entity, 0) + 1

    stem = _unique_stem(path, opts.out_dir, safe_stem(path.stem, decisions.replacements, opts.register), input_sha,
                        opts.naming)
    out = opts.out_dir
    text_suffix = ".md" if doc.kind == "md" else ".txt"
    publication = out / f"{stem}.anonymised{text_suffix}"
    docx_out = out / f"{stem}.anonymised.docx"
    audit_path = out / f"{stem}.audit.jsonl"
    manifest_path = out / f"{stem}.manifest.json"

    new_text = anonymise_text(doc.text, decisions.replacements)
    originals = [(r.original, r.entity) for r in decisions.replacements]
    replaced = {r.replacement for r in decisions.replacements}
    from anonymiser.review.report import render_report, report_items

    items = report_items(decisions.replacements, [r for r, _ in reviewer.rejected] if reviewer else ())
    result.leaks = find_leaks(new_text, publication.name, opts.register, originals, replaced, opts.profile.allowlists,
                              [(i.out_start, i.out_end) for i in items if not i.rejected])

    # Everything is written to temporary files first and renamed at the end, so a failure part
    # way leaves no partial output. The manifest is renamed before the publication files: a
    # process killed between two renames may leave a manifest without its publication (the
    # next run redoes the draft), never a publication without its manifest.
    outputs = [publication] + ([docx_out] if doc.kind in ("docx", "pdf") else [])
    report_path = out / f"{stem}.report.html"
    for final in [*outputs, report_path, audit_path, manifest_path]:
        refuse_link(final)  # before anything is written for this draft
    with Staging() as staging:
        tmp = staging.path(publication)
        tmp.write_text(new_text, encoding="utf-8")
        staged = {publication: tmp}
        if doc.kind in ("docx", "pdf"):
            from anonymiser.write.docx import write_docx, write_new_docx

            tmp_docx = staging.path(docx_out)
            staged[docx_out] = tmp_docx
            if doc.kind == "docx":
                write_docx(doc, segment_edits(doc, decisions.replacements), tmp_docx)
            else:
                edits = segment_edits(doc, decisions.replacements)
                write_new_docx([(apply_edits(seg.text, edits.get(i, [])), seg.handle)
                                for i, seg in enumerate(doc.segments)], tmp_docx, layout=doc.source)
            # Every part of the Word package is checked too: headers, notes, properties, alt text.
            for where, part_text in output_texts(tmp_docx):
                where = where.replace(tmp_docx.name, docx_out.name, 1)  # name the real output
                result.leaks += find_leaks(part_text, where, opts.register, originals, replaced,
                                           opts.profile.allowlists)
        # The report shows originals, so it is private like the audit and is not a publication output.
        tmp_report = staging.path(report_path, private=True)
        tmp_report.write_text(render_report(
            document=draft_label, publication_text=new_text, items=items,
            flags=decisions.flags, profile=opts.profile.name, verification=[leak.line() for leak in result.leaks],
            warnings=result.warnings, register=opts.register, applied=reviewer), encoding="utf-8")
        label = f"{stem}{path.suffix.lower()}"
        extra = [{"kind": "warning", "document": label, "message": w} for w in result.warnings]
        if doc.converted_from:
            # How the text was read, so a reviewer knows the layout passed through LibreOffice.
            extra.append({"kind": "conversion", "document": label, "from": doc.converted_from, "to": "docx",
                          "by": "LibreOffice", "copy": "made in a private temporary folder and deleted after reading"})
        extra += reviewer.describe(label) if reviewer else []
        extra += [{"kind": "leak", "document": label, "where": leak.where, "original": leak.text, "why": leak.why}
                  for leak in result.leaks]
        tmp_audit = staging.path(audit_path, private=True)
        key = case_key(case_map.path or out / "pseudonym-map.json", opts.register.case_key)
        records = audit_records(doc, decisions, label, extra, key=key)
        write_audit(tmp_audit, records)
        name, version = spacy_pipeline_info()
        manifest = {
            "tool": "anonymiser",
            "tool_version": __version__,
            "profile": opts.profile.name,
            "profile_sha256": opts.profile.sha256,
            "spacy_pipeline": name,
            "spacy_pipeline_version": version,
            "input_sha256": input_sha,
            "input_kind": doc.kind,
            "converted_from": doc.converted_from,  # read through LibreOffice's .docx of it
            "input_position": opts.naming.where(decisions.replacements, opts.register),
            "outputs": {p.name: _sha256(staged[p]) for p in outputs},
            "report_sha256": _sha256(tmp_report),
            "decisions_sha256": _sha256(reviewer.path) if reviewer and reviewer.path else None,
            "audit_sha256": _sha256(tmp_audit),
            "audit_chain": anchor(records),
            "replacements": result.counts,
            "warnings": len(result.warnings),
            "embedded_objects": doc.embedded,
            "verification": "passed" if result.ready else f"FAILED: {len(result.leaks)} possible leaks",
            "ready_for_publication": result.ready,
            "created_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }
        staging.path(manifest_path).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        staging.commit([report_path, audit_path, manifest_path, *reversed(outputs)])
    result.outputs = [*outputs, report_path, audit_path, manifest_path]
    _drop_earlier_outputs(out, opts.naming, stem)
    return result


# Every name a draft's outputs take: <stem> followed by one of these.
OUTPUT_SUFFIXES = (".anonymised.txt", ".anonymised.md", ".anonymised.docx", ".report.html", ".audit.jsonl",
                   ".manifest.json")


def _drop_earlier_outputs(out_dir: Path, naming: OutputName, stem: str) -> None:
    """Remove this input's outputs that earlier runs wrote under another name (the register has
    since learned a name in it, say), so a draft never has two output sets and a name never stays."""
    for old in naming.mine:
        if old.casefold() == stem.casefold() or (naming.claims is not None and (naming.claims / old.casefold()).exists()):
            continue  # this run's own name, or one another draft of this run now holds
        for suffix in OUTPUT_SUFFIXES:
            path = out_dir / f"{old}{suffix}"
            if path.is_file() and not path.is_symlink():
                path.unlink()
