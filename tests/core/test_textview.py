"""The normalised view of a text: invisible characters dropped, accents composed, look-alikes read
as Latin, and every span of the view mapped back to the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from anonymiser.core.textview import NormalisedText, invisible, view_of


def test_view_drops_invisible_characters_and_maps_spans_back() -> None:
    text = "Met Sa\u200brah\u00ad Oka\ufefffor, then \U0001d413\U0001d428\U0001d426."
    view = NormalisedText(text)
    assert view.text == "Met Sarah Okafor, then Tom."
    start = view.text.index("Sarah")
    s, e = view.to_original(start, start + len("Sarah Okafor"))
    assert text[s:e] == "Sa\u200brah\u00ad Oka\ufefffor"
    s, e = view.to_original(view.text.index("Tom"), view.text.index("Tom") + 3)
    assert text[s:e] == "\U0001d413\U0001d428\U0001d426"
    assert view.to_view(text.index("then")) == view.text.index("then")
    assert view.widen(*view.to_original(4, 9)) == (4, text.index(" Oka"))  # takes in the soft hyphen


def test_view_composes_accents_and_keeps_line_breaks() -> None:
    text = "Zoe\u0308 and Jose\u200b\u0301\r\nline\ttwo\x0cthree\x00"
    view = NormalisedText(text)
    assert view.text == "Zoë and José\r\nline\ttwo three"
    s, e = view.to_original(view.text.index("José"), view.text.index("José") + 4)
    assert text[s:e] == "Jose\u200b\u0301"


# Letters, accents, invisible and compatibility characters, line breaks; no look-alikes (their
# Latin reading depends on the word around them, which a slice may cut).
TRICKY = "ab Z\n\t\u0301\u0308\u0323\u200b\u00ad\ufeff\u202e\x00\x0c\u00a0\ufb01\u2026\U0001d41a\u1100\u1161\u11a8é"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=40), st.data())
def test_every_view_span_maps_to_an_original_span_with_that_view(text: str, data: st.DataObject) -> None:
    view = NormalisedText(text)
    n = len(view.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    s, e = view.to_original(a, b)
    assert 0 <= s <= e <= len(text)
    if b > a:
        assert view.text[a:b] in view_of(text[s:e])  # whole letters: the slice's own view holds it
        assert view.to_view(s) <= a
    starts = [view.to_original(i, i + 1)[0] for i in range(n)]
    assert starts == sorted(starts)
    whole = view.to_original(0, n)
    assert view_of(text[whole[0]:whole[1]]) == view.text


def test_plain_text_is_its_own_view() -> None:
    text = "Amara’s school – “Ashgrove” – reported café visits.\n"
    view = NormalisedText(text)
    assert view.identity and view.text is text
    assert view.to_original(3, 9) == (3, 9)


def test_look_alikes_are_read_as_latin_only_in_mixed_words() -> None:
    assert view_of("S\u0430rah and T\u03bfm") == "Sarah and Tom"
    # Real names in Cyrillic and Greek are not garbled.
    assert view_of("Сергей Иванов and Νίκος") == "Сергей Иванов and Νίκος"
    assert view_of("ΑΟΕ") == "ΑΟΕ"


def test_invisible_means_format_or_non_space_control() -> None:
    assert all(invisible(c) for c in "\u200b\u200c\u200d\u2060\u00ad\ufeff\u202e\u2067\u2069\u200f\x00\x07")
    assert all(invisible(c) for c in "\ufe00\ufe0f\u034f\u180b\u17b4\u3164\U000e0100")
    assert not any(invisible(c) for c in "\n\t\r a\u00a0é")
