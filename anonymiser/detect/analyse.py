"""Run Presidio (spaCy NER + UK recognizers + the case register) over a whole document."""

from __future__ import annotations

import bisect
import re

from presidio_analyzer import RecognizerResult

from anonymiser.config import vocabulary
from anonymiser.config.names import only_a_word
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.core.register import Register
from anonymiser.detect.breaks import split_at_breaks
from anonymiser.detect.capitals import capitals_runs
from anonymiser.detect.chunking import chunks
from anonymiser.detect.engine import build_analyzer
from anonymiser.detect.named_days import named_day_spans
from anonymiser.detect.recognizers import house_numbers
from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer
from anonymiser.detect.recognizers.place_context import UNNAMED_AREA_KEY
from anonymiser.detect.recognizers.register_house_numbers import house_number_results
from anonymiser.detect.recognizers.register_postcode_districts import district_results
from anonymiser.detect.recognizers.register_references import NAME as REFERENCES_NAME
from anonymiser.detect.recognizers.register_references import RegisterReferenceRecognizer
from anonymiser.detect.recognizers.titled_person import TitledPersonRecognizer


def _noted(result: RecognizerResult, capitals: bool = False) -> DetectionMeta:
    """The notes decide reads, from Presidio's free-form recognition_metadata; the rest are dropped."""
    notes = result.recognition_metadata or {}
    person, match, professional = (notes.get("register_person"), notes.get("match"),
                                   notes.get(TitledPersonRecognizer.PROFESSIONAL_KEY))
    return DetectionMeta(
        register_person=person if isinstance(person, str) else None,
        match=match if isinstance(match, str) else None,
        register_family=bool(notes.get("register_family")),
        surname_alone=bool(notes.get("surname_alone")),
        register_address=bool(notes.get("register_address")),
        address_of=tuple(notes.get("register_address_of") or ()),
        professional=professional if isinstance(professional, bool) else None,
        unnamed_area=bool(notes.get(UNNAMED_AREA_KEY)),
        capitals=capitals,
    )


def _add(seen: dict[tuple[int, int, str], Detection], result: RecognizerResult, default_name: str,
         offset: int = 0, capitals: bool = False) -> None:
    start, end, entity, score = result.start + offset, result.end + offset, result.entity_type, result.score
    name = (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, default_name)
    meta = _noted(result, capitals)
    key = (start, end, entity)
    if key in seen:
        old = seen[key]
        if name not in old.detectors:
            old.detectors += (name,)
        old.score = max(old.score, score)
        old.meta = old.meta.merged(meta)
        old.person = old.person or meta.register_person
        return
    seen[key] = Detection(start, end, entity, score, (name,), person=meta.register_person, meta=meta)


def analyse(text: str, register: Register, wanted: list[str]) -> list[Detection]:
    """All raw detections for the entity types in `wanted`, de-duplicated."""
    engine = build_analyzer()
    supported = set(engine.get_supported_entities("en"))
    entities = [e for e in wanted if e in supported]
    seen: dict[tuple[int, int, str], Detection] = {}
    for offset, chunk in chunks(text):
        if not chunk.strip():
            continue
        for r in engine.analyze(chunk, language="en", entities=entities):
            _add(seen, r, "unknown", offset)
    _analyse_capitals(engine, text, entities, seen)
    # The register is matched over the whole text at once (it is only patterns, and a chunk
    # boundary must not split a name); its results never compete in Presidio's de-duplication.
    if register.people or register.addresses:
        rec = CaseRegisterRecognizer(register)
        for r in rec.analyze(text, [e for e in (E.PERSON, E.ADDRESS) if e in wanted]):
            _add(seen, r, "CaseRegister")
        if E.ADDRESS in wanted:
            for r in house_number_results(text, register):
                _add(seen, r, "CaseRegister")
        if E.LOCATION in wanted:
            for r in district_results(text, register):
                _add(seen, r, "CaseRegister")
    if E.ADDRESS in wanted:
        register_houses = {(d.start, d.end) for d in seen.values() if d.entity == E.ADDRESS}
        for r in house_numbers.house_number_results(text, register_houses):
            _add(seen, r, house_numbers.NAME)
    if register.known_references and E.REFERENCE_NUMBER in wanted:
        for r in RegisterReferenceRecognizer(register).analyze(text, [E.REFERENCE_NUMBER]):
            _add(seen, r, REFERENCES_NAME)
    # A span over a blank line joins two cells or paragraphs: each block is read again on its own.
    kept, again = split_at_breaks(text, list(seen.values()),
                                  lambda block: engine.analyze(block, language="en", entities=entities))
    seen = {}
    for d in kept:
        seen.setdefault((d.start, d.end, d.entity), d)
    for block_offset, r in again:
        _add(seen, r, "unknown", block_offset)
    # 'Boxing Day', 'Valentine's Day': a NER's person, place or body there is the named day, a date.
    days = named_day_spans(text)
    named = {id(d) for d in seen.values() if d.entity in (E.PERSON, E.LOCATION, E.ORGANISATION)
             and d.detectors == ("SpacyRecognizer",) and any(s <= d.start and d.end <= e for s, e in days)}
    return sorted((d for d in seen.values() if id(d) not in named), key=lambda d: (d.start, -d.end))


# What a line in capitals is looked at again for: the kinds found by their capital letters.
_BY_CAPITALS = (E.PERSON, E.LOCATION, E.ADDRESS, E.SCHOOL, E.NURSERY, E.GP_PRACTICE, E.HOSPITAL_WARD)
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")


def _two_name_words(span: str) -> bool:
    """'Jane Smith' or a title and a name ('Pc 5128 Hardcastle'), not 'Child H' (a heading) or 'Ni Sn'
    (codes: a word without a vowel)."""
    words = _NAME_WORD.findall(span)
    if len(words) >= 2 and words[0].lower() in vocabulary.NAME_TITLES:
        words = words[1:]
        return bool(words) and all(re.search(r"[aeiouyAEIOUY]", w) for w in words) and len(words[-1]) > 2
    return len(words) >= 2 and all(re.search(r"[aeiouyAEIOUY]", w) for w in words)


def _without_trailing_words(span: str) -> int:
    """How much of a person found in capitals is the name: 'Mr Jones Attended' is 'Mr Jones', since every
    word of the run is capitalised there and a word only the lexicon knows ('Attended') names no one."""
    end = len(span)
    for m in reversed(list(_NAME_WORD.finditer(span))):
        if not only_a_word(m.group(0)):
            break
        end = m.start()
    return len(span[:end].rstrip(" \t,;:-"))


def _analyse_capitals(engine, text: str, entities: list[str], seen: dict) -> None:  # noqa: ANN001
    """Runs of words typed in capitals, analysed again in ordinary case, offsets unchanged.

    A person found only this way needs two name words ('JANE SMITH'): one capitalised word in a
    heading ('CHILD H') or a pair of codes ('NI SN') is too often no one."""
    wanted = [e for e in _BY_CAPITALS if e in entities]
    lines = list(capitals_runs(text))
    if not wanted or not lines:
        return
    shadow = "\n".join(line for _, line in lines)
    starts = []  # where each line begins in the shadow text
    pos = 0
    for _, line in lines:
        starts.append(pos)
        pos += len(line) + 1
    # A draft typed all in capitals makes a shadow as long as itself: chunked like the draft.
    for chunk_offset, chunk in chunks(shadow):
        for r in engine.analyze(chunk, language="en", entities=wanted):
            r_start, r_end = r.start + chunk_offset, r.end + chunk_offset
            i = bisect.bisect_right(starts, r_start) - 1
            offset, line = lines[i]
            if r_end > starts[i] + len(line):
                if r.entity_type != E.PERSON:
                    continue  # runs on into the next run
                r_end = starts[i] + len(line)  # a name at a run's end, read on into the next: 'Okonjo Deployed\nLog'
                r.end = r_end - chunk_offset
            if r.entity_type == E.PERSON:
                r.end = r.start + _without_trailing_words(shadow[r_start:r_end])
                if not _two_name_words(shadow[r.start + chunk_offset:r.end + chunk_offset]):
                    continue
            _add(seen, r, "unknown", offset + chunk_offset - starts[i], capitals=True)

