"""Roles written beside a name in more shapes (decide.roles, models/vocabulary): invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


@pytest.mark.parametrize("text, wanted, gone", [
    # a role spelled out, its initialism in brackets, then the name
    ("An Independent Domestic Violence Advisor (IDVA), Ms Carol Whitby, worked with her in 2016.",
     "An Independent Domestic Violence Advisor (IDVA) worked with her", "Whitby"),
    ("She was helped by the IDVA, Ms Carol Whitby. Ms Whitby found a refuge.",
     "She was helped by the IDVA. The IDVA found a refuge.", "Whitby"),
    # a role and where it is held, after a name's possessive, set off by a comma before the name
    ("Tom's football coach at Oakfield Rovers FC, Mr Gary Fenwick, noticed. Mr Fenwick said so.",
     "football coach at the football club noticed. The football coach said so.", "Fenwick"),
    ("His head of year at Northfield Academy, Mr Owen Lister, wrote home. Mr Lister then rang.",
     "His head of year at the school wrote home. The head of year then rang.", "Lister"),
    ("Coach Gary Fenwick sees the boy limping.", "The coach sees the boy limping.", "Fenwick"),
    # a title in the span that ends a role of two words
    ("Staff Nurse Polly Hanlon noticed a bruise; Polly stayed with him.",
     "The staff nurse noticed a bruise; the staff nurse stayed with him.", "Hanlon"),
    # a role before the title still wins
    ("The health visitor, Nurse Polly Hanlon, came.", "The health visitor came.", "Hanlon"),
])
def test_the_role_beside_the_name_is_the_label(text: str, wanted: str, gone: str) -> None:
    out = anonymise(text).text
    assert wanted in out
    assert gone not in out
