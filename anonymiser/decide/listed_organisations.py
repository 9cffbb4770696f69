"""The organisation beside a person in a panel list ('Maya Trelawny  Larkstone Housing').

decide.person_evidence finds the lines of a panel or contributors' list that each open with a name.
What follows the name on such a line is the body the person stands for. A national agency or an
NHS trust there is kept by the allowlists and the agency-name shape ('Avon and Somerset
Constabulary', 'NHS England South Central Team'): anything a kept phrase touches is left to them.
Otherwise, when the rest of the line holds a name-like word (a proper noun or a word the lexicon does
not know, or an acronym no list or definition explains: 'Larkstone', 'KSWR'), it is a local
organisation, which locates the family: it becomes its kind ('the housing provider', 'the care
provider', 'the service'; models/vocabulary/organisation_words.txt), even where the profile only
flags organisations. A role written there ('Independent Chair') is only common words and stays.
"""

from __future__ import annotations

import re

from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import overlapping
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.institutions import organisation_text
from anonymiser.decide.residue_scan import acronyms, defined_in_brackets

DETECTOR = "listed-organisation"
SCORE = 0.75
_WORD = re.compile(r"[^\W\d_][\w'’&-]*")
_MAX_WORDS = 8  # a body's name, not a sentence
_TRIM = " \t,;:–-()"


def _name_like(word: str, defined: frozenset[str]) -> bool:
    """'Larkstone', 'Velora', 'KSWR': a word that names something, not an English word or known acronym."""
    if word.isupper() and len(word) > 1:
        return word not in acronyms() and word not in defined
    return word[0].isupper() and word_class(word) in (WordClass.PROPER, WordClass.UNKNOWN)


def listed_organisations(text: str, detections: list[Detection], kept: list[tuple[int, int]]) -> list[Detection]:
    """An organisation for each listed person's line whose rest is a local body; see the module's doc."""
    defined = defined_in_brackets(text)
    out = []
    taken = [(d.start, d.end) for d in detections]
    for d in detections:
        if d.entity != E.PERSON or "people-list" not in d.detectors:
            continue
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        s, e = d.end, line_end
        chunk = text[s:e]
        s += len(chunk) - len(chunk.lstrip(_TRIM))
        e -= len(chunk) - len(chunk.rstrip(_TRIM))
        words = _WORD.findall(text[s:e])
        if e <= s or not words or len(words) > _MAX_WORDS or not text[s].isupper():
            continue
        if overlapping(kept, s, e) or any(a < e and s < b and (a, b) != (d.start, d.end)
                                          and not (a >= s and b <= e) for a, b in taken):
            continue
        if any(_name_like(w, defined) for w in words):
            kind = organisation_text(text[s:e])
            out.append(Detection(s, e, E.ORGANISATION, SCORE, (DETECTOR,), meta=DetectionMeta(local_kind=kind)))
    return out
