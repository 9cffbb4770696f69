"""Social-media handles."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import SOCIAL_MEDIA_HANDLE
from anonymiser.detect.recognizers.social_handle import SocialHandleRecognizer
from tests.detect.recognizers._support import found, spans


@pytest.fixture(scope="module")
def rec() -> SocialHandleRecognizer:
    return SocialHandleRecognizer()


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Messages from @jaydenx_99 were found on her phone.", "@jaydenx_99"),
        ("Snapchat: kayla.b2010", "kayla.b2010"),
        ("She was contacted on her TikTok account 'lilmiss_k' by an adult male.", "lilmiss_k"),
        ("His Instagram handle @kayla_b was public.", "@kayla_b"),
        ("Kayla's Instagram is kayla.b2010.", "kayla.b2010"),
        ("He used the username sk8rboi99 on Roblox.", "sk8rboi99"),
        ("Her X account: kay_b was reported.", "kay_b"),
        ("Snapchat: kaylab", "kaylab"),
        ("The Facebook profile “jay.d.smith” was shared.", "jay.d.smith"),
    ],
)
def test_handles(rec: SocialHandleRecognizer, text: str, handle: str) -> None:
    assert spans(rec, text) == [handle]
    assert [r.entity_type for r in found(rec, text)] == [SOCIAL_MEDIA_HANDLE]


@pytest.mark.parametrize(
    "text",
    [
        "Mother emailed jo.bloggs@example.gov.uk about it.",
        "Her Snapchat account was deleted in May.",
        "Snapchat: She said she had been added by strangers.",
        "X said no to the plan.",
        "Meet @ 10am at the school.",
        "The family used a WhatsApp group.",
    ],
)
def test_not_handles(rec: SocialHandleRecognizer, text: str) -> None:
    assert spans(rec, text) == []
