"""What the residue step does with the scan (decide.residue): replace each unexplained kept run
with the label its context supports, and an organisation the profile keeps but no list explains
with its kind."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import WordIndex
from anonymiser.config.profile import Profile
from anonymiser.core import entities as E
from anonymiser.core.results import Flag, Replacement
from anonymiser.core.span_set import SpanSet
from anonymiser.decide import wording
from anonymiser.decide.institutions import institution_text
from anonymiser.decide.local_organisations import COMPANY_SUFFIXES
from anonymiser.decide.residue import RESIDUE, RESIDUE_SCORE, find_residue
from anonymiser.decide.residue_scan import Scan, a_term, explaining_index, org_words

# A family or child role just before: 'Child HD', 'his mother SR' keep the role and lose the initials.
_LABEL_BEFORE = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.entries('child_roles', 'family_words'))})\s+$", re.I)


def _by_line(text: str, flags: list[Flag]) -> list[Flag]:
    """Flags cut at line breaks: an NER span across two lines of a list is two names, each judged alone."""
    out: list[Flag] = []
    for f in flags:
        pos = f.start
        for piece in text[f.start:f.end].split("\n"):
            lead = len(piece) - len(piece.lstrip(" \t•▪*-–"))
            body = piece[lead:].rstrip(" \t,;")
            if any(c.isalnum() for c in body):
                s = pos + lead
                out.append(Flag(s, s + len(body), body, f.entity, f.reason, f.rule))
            pos += len(piece) + 1
    return out


def _named_organisation(name: str) -> bool:
    """'Carlisle City Hospital', 'University of North London', 'Acme Consulting Ltd': the kind of a
    private or local body (models/vocabulary/named_organisation_words.txt) as its head, with a name
    beside it that is not only common words. An agency's kind ('Council', 'Partnership', 'Trust') is
    not one: a public body is kept unless a word of its name is unexplained. A list ('Care Homes,
    Day Centres') is no one name."""
    if "," in name:
        return False
    words = re.findall(r"[^\W\d_][\w'’]*", name)
    if len(words) > 1 and words[-1] in COMPANY_SUFFIXES and any(w[0].isupper() for w in words[:-1]):
        return True  # 'Contact Print Ltd': a company's legal ending says it is a private body
    kinds = [w.lower() for w in words if w.lower() in org_words() or w.lower() in _named_kinds()]
    if not kinds or kinds[-1] not in _named_kinds():
        return False  # the head of an English name comes last: 'Foundation Trust' is a trust
    others = [w for w in words if w[0].isupper() and w.lower() not in org_words()
              and w.lower() not in _named_kinds() and w.lower() not in _FUNCTION_WORDS]
    return any(word_class(w) is not WordClass.COMMON for w in others)


_FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "at", "in", "on", "&", "a", "an"})


@lru_cache(maxsize=1)
def _named_kinds() -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary.entries("named_organisation_words"))


# 'Ltd', 'CIC', 'plc': a company's legal form, which a draft writes or leaves off (company_suffixes.txt).
_COMPANY_WORDS = frozenset(w.lower() for w in COMPANY_SUFFIXES)


def _same_name_again(text: str, made: list[Replacement], covered: list[tuple[int, int]]) -> list[Replacement]:
    """One decision per name: an organisation replaced as unexplained goes wherever it is written again
    ('Horizon Family Support Services CIC', later 'Horizon Family Support Services')."""
    spans = covered + [(m.start, m.end) for m in made]
    # what is taken, asked once per place a name stands: the spans holding a character joined and
    # sorted, and the empty ones as points (a point strictly inside a hit is taken)
    taken = SpanSet(x for x in spans if x[0] < x[1])
    points = sorted(a for a, b in spans if a >= b)
    index: WordIndex | None = None  # where each word stands, so a name is looked for only there
    out: list[Replacement] = []
    seen: set[str] = set()
    for m in made:
        words = text[m.core[0]:m.core[1]].split()
        while len(words) > 1 and words[-1].lower().strip(".") in _COMPANY_WORDS:
            words.pop()
        name = " ".join(words)
        if len(words) < 2 or name in seen:
            continue
        seen.add(name)
        index = index or WordIndex(text)
        pattern = re.compile(r"(?<![\w'’-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w'’-])")
        last_end = -1
        for hit in index.finditer(pattern, name):
            if hit.start() < last_end:
                continue  # as a scan left to right finds them: a hit never starts inside the one before
            last_end = hit.end()
            if taken.overlaps(hit.start(), hit.end()) or _point_inside(points, hit.start(), hit.end()):
                continue
            start = wording.absorb_article(text, hit.start())
            new = _case_like(text, start, hit.end(), m.replacement)
            out.append(Replacement(start, hit.end(), text[start:hit.end()], new, m.entity, m.detectors, m.score,
                                   f"{m.rule} (the same name again)", core=(hit.start(), hit.end())))
            taken.add(start, hit.end())
    return out


def _point_inside(points: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(points, start)
    return i < len(points) and points[i] < end


def _case_like(text: str, start: int, end: int, replacement: str) -> str:
    return wording.match_case(text[start:end], replacement.lower() if replacement[:1].isupper() and
                              replacement.split()[0].lower() == "the" else replacement, text, start)


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern[str]:
    """Up to three more capitalised words (with 'of', 'the', 'and' between) and an organisation's word."""
    # not an agency's head ('Partnership', 'Council', 'Trust'): an agency's name is kept, and only its
    # unexplained word goes ('Dartmoor Community Safety Partnership')
    agency_heads = vocabulary.lower(vocabulary.having("agency_words", "head"))
    heads = vocabulary.alternation(sorted(org_words() - agency_heads))
    return re.compile(rf"(?:[ \t]+(?:(?:of|the|and|for|&)[ \t]+)?[A-Z][\w'’-]*){{0,3}}?[ \t]+(?i:{heads})(?![\w'’-])")


def _organisation_run(text: str, end: int) -> int | None:
    """Where the capitalised name that the word ending at `end` opens ends, if its head is an organisation's
    word ('Redeemer Assembly' after 'Christ'); None otherwise."""
    m = _run_pattern().match(text, end)
    return m.end() if m and text[m.end() - 1:m.end()].isalpha() and text[m.start():m.end()].split()[-1][:1].isupper() else None


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _residue_names(text: str, found: list) -> dict[str, str]:  # noqa: ANN001
    """Each word of a name of several words the rule finds as a person, written alone, and the name:
    'tibor' -> 'tibor gaži'. A word two such names share is neither's."""
    full = {" ".join(text[r.start:r.end].lower().split()) for r in found if r.entity == E.PERSON}
    full = {name for name in full if len(name.split()) > 1}
    words: dict[str, set[str]] = {}
    for name in full:
        for w in name.split():
            words.setdefault(w, set()).add(name)
    return {w: next(iter(names)) for w, names in words.items() if len(names) == 1}


def residue_replacements(text: str, profile: Profile, replacements: list[Replacement], flags: list[Flag],
                         other_label: Callable[[str, str], str],
                         explained_words: frozenset[str] = frozenset(),
                         not_explaining: Callable[[int, int], bool] | None = None) -> tuple[list[Replacement], list[Flag]]:
    """The residue rule on one document's decisions: (new replacements, flags still standing).

    An organisation flagged as kept is replaced by its kind when a word of it is unexplained."""
    scan = Scan(text, explaining_index(profile), not_explaining)
    keep_flags: list[Flag] = []
    made: list[Replacement] = []
    # asked once per organisation flag and grown as each is decided: kept sorted, never sorted again
    covered = SpanSet((r.start, r.end) for r in replacements)
    org_flags = []
    for f in flags:
        if f.entity == E.ORGANISATION and profile.detects(E.ORGANISATION):
            org_flags.append(f)
        else:
            keep_flags.append(f)
            covered.add(f.start, f.end)
    # The full names the rule will replace as people ('Tibor Gaži'): a word of one alone is that person.
    alone = _residue_names(text, find_residue(scan, covered=covered, explained_words=explained_words))
    for f in _by_line(text, org_flags):
        if _POSSESSIVE_END.sub("", text[f.start:f.end]).lower() in alone:
            continue  # "at Tibor's", the NER's organisation: the man of that name, replaced below as a person
        inner = find_residue(scan, covered=covered, explained_words=explained_words, within=(f.start, f.end))
        if len(inner) == 1 and inner[0].entity in (E.PERSON, E.LOCATION) and (inner[0].start, inner[0].end) == (f.start, f.end):
            continue  # 'SR', 'Telford' the NER called an organisation: initials or a place, replaced below as such
        named = _named_organisation(text[f.start:f.end])
        if not inner and not named:
            if not a_term(text[f.start:f.end], scan.defined):
                keep_flags.append(f)  # a term of the trade ('CAD', 'Housing') names no body to check
            covered.add(f.start, f.end)
            continue
        why = "an organisation no allowlist or keep list explains" if inner else \
            "a named organisation (its kind and a name) no allowlist or keep list explains"
        start = wording.absorb_article(text, f.start)
        start, kind = wording.after_indefinite(text, start, institution_text(E.ORGANISATION, text[start:f.end]))
        new = wording.match_case(text[start:f.end], kind, text, start)
        made.append(Replacement(start, f.end, text[start:f.end], new, E.ORGANISATION, (RESIDUE,), RESIDUE_SCORE,
                                f"{f.rule.partition(':')[0]} > residue: {why} -> its kind", core=(f.start, f.end)))
        covered.add(start, f.end)
    again = _same_name_again(text, made, [(r.start, r.end) for r in replacements])
    if again:
        made += again
        taken_again = SpanSet((a.start, a.end) for a in again)  # each holds a name, so never empty
        keep_flags = [f for f in keep_flags if not (taken_again.overlaps(f.start, f.end) if f.start < f.end else
                                                    any(a.start < f.end and f.start < a.end for a in again))]
        covered = SpanSet([(r.start, r.end) for r in replacements] + [(f.start, f.end) for f in keep_flags])
    for m in made:
        covered.add(m.start, m.end)
    replaced = SpanSet([(r.start, r.end) for r in replacements] + [(m.start, m.end) for m in made])
    for r in find_residue(scan, covered=covered, explained_words=explained_words):
        if not profile.detects(r.entity):
            continue
        s, e = r.start, r.end
        run = _organisation_run(text, e)
        if run is not None and r.entity in (E.PERSON, E.ORGANISATION) and not replaced.overlaps(e, run):
            # 'Christ Redeemer Assembly': the unexplained word opens a name whose head is an organisation's
            # word, so the whole name goes as its kind, not the first word as a person beside the rest
            e = run
            r = replace(r, end=e, entity=E.ORGANISATION, why=f"{r.why}, opening an organisation's name")
            keep_flags = [f for f in keep_flags if not (s <= f.start and f.end <= e)]  # replaced now, not kept
        core = (s, e)
        if r.entity == E.LOCATION and _POSSESSIVE_END.sub("", text[s:e]).lower() in alone:
            r = replace(r, entity=E.PERSON)  # "at Tibor's" where Tibor Gaži is named: his home, not a place
        if r.entity == E.PERSON:
            s, core_start = wording.with_title(text, s)
            core = (core_start, e)
            key = " ".join(text[core_start:e].lower().split())
            new = other_label(alone.get(key, key), profile.others)
            if _LABEL_BEFORE.search(text, max(0, s - 12), s):
                new = new.split()[-1]  # 'Child HD' -> 'Child G': the label word stays, the initials go
        elif r.entity == E.ORGANISATION:
            s = wording.absorb_article(text, s)
            s, new = wording.after_indefinite(text, s, institution_text(E.ORGANISATION, text[s:e]))
        else:
            policy = profile.policy(r.entity)
            new = policy.text or f"[{E.ENTITY_TYPES[r.entity].label}]"
        written = text[s:e]
        if written.isupper():
            written = written.capitalize()  # 'HD' in capitals: the label reads as a name, not 'ADULT A'
        new = wording.match_case(written, new, text, s)
        if s > 0 and text[s - 1].isalpha():
            new = " " + new  # 'ofMirela': the word was typed into the one before it
        made.append(Replacement(s, e, text[s:e], new, r.entity, (RESIDUE,), RESIDUE_SCORE,
                                f"residue: {r.why} -> {new}", core=core))
    return made, keep_flags
