"""ORGANISATION: named courts and prisons ('Sheffield Crown Court', 'HM Prison Durham', 'Parkhurst Prison').

A named court or prison says where someone was tried or held; the default profile keeps
organisations, the strict profile replaces them.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

_NAME = r"[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){0,2}"
_COURT = rf"(?:{vocabulary.alternation(vocabulary.having('court_kinds', 'named'))})\s+Courts?(?:\s+Centre)?"
_PRISON = r"(?:Prison|prison|Young\s+Offender\s+Institution|YOI|Secure\s+Training\s+Centre|Detention\s+Centre)"


class CourtsPrisonsRecognizer(UkPatternRecognizer):
    """A place name with a court or prison after it, or a prison title before one."""

    ENTITY = E.ORGANISATION
    PATTERNS = [
        UkPattern("named court", rf"\b{_NAME}\s+{_COURT}", 0.75),
        UkPattern("prison title", rf"\b(?:HMP|HMYOI|HM\s+Prison|Her\s+Majesty[’']s\s+Prison|HM\s+Young\s+Offender"
                                rf"\s+Institution)\s+{_NAME}", 0.8),
        UkPattern("named prison", rf"\b{_NAME}\s+{_PRISON}\b", 0.6),
    ]

    FLAGS = re.MULTILINE
