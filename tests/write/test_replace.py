"""The publication text is built in one pass, exactly as replacing each span in turn would build it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from anonymiser.core.document import Document, Segment, apply_edits
from anonymiser.core.results import Replacement
from anonymiser.write.replace import anonymise_text, segment_edits


def _rep(start: int, end: int, new: str, text: str) -> Replacement:
    return Replacement(start, end, text[start:end], new, "PERSON", ("test",), 1.0, "test")


@st.composite
def text_and_replacements(draw: st.DrawFn) -> tuple[str, list[Replacement]]:
    text = draw(st.text(alphabet="ab \n.’é", min_size=0, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    reps = []
    for a, b in zip(cuts[::2], cuts[1::2]):  # sorted, non-overlapping; equal cuts make neighbours touch
        if b > a:
            reps.append(_rep(a, b, draw(st.sampled_from(["", "X", "Mother", "[place]"])), text))
    return text, draw(st.permutations(reps))


def _one_at_a_time(text: str, reps: list[Replacement]) -> str:
    """The old way: rebuild the string once per replacement, from the end so offsets hold."""
    for r in sorted(reps, key=lambda r: -r.start):
        text = text[:r.start] + r.replacement + text[r.end:]
    return text


@given(text_and_replacements())
def test_one_pass_equals_replacing_each_span_in_turn(case: tuple[str, list[Replacement]]) -> None:
    text, reps = case
    assert anonymise_text(text, reps) == _one_at_a_time(text, reps)


def test_deletions_and_touching_spans() -> None:
    text = "her mother, Sarah Okafor, said Amara'sBrother"
    reps = [_rep(10, 24, "", text), _rep(31, 36, "Emily", text), _rep(36, 38, "’s", text)]
    assert anonymise_text(text, reps) == "her mother, said Emily’sBrother"


def test_the_flat_text_and_the_segment_edits_agree() -> None:
    segs = [Segment("Amara Okafor lives", "p1", "\n\n"), Segment("in Thornton Heath.", "p2", "\n")]
    doc = Document(path=None, kind="docx", segments=segs)  # type: ignore[arg-type]
    text = doc.text
    reps = [_rep(0, 12, "Emily", text), _rep(text.index("Thornton"), text.index("."), "[place]", text)]
    edits = segment_edits(doc, reps)
    rebuilt = "".join(apply_edits(s.text, edits.get(i, [])) + s.separator for i, s in enumerate(segs))
    assert rebuilt == anonymise_text(text, reps) == "Emily lives\n\nin [place].\n"
