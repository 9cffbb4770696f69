"""The readability benchmark's defect classes, each on invented review text with hand-made changes."""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.core.results import Replacement
from anonymiser.evaluate.readability import (
    Output,
    articles,
    defects,
    glued_markers,
    lower_case_starts,
    repeated_labels,
    section_numbers,
    tautologies,
    two_labels,
    words,
)


def change(text: str, phrase: str, new: str, person: str | None = None, nth: int = 0) -> Replacement:
    """The change of the `nth` whole-word occurrence of `phrase` in `text` to `new`."""
    start = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)][nth]
    return Replacement(start, start + len(phrase), phrase, new, "PERSON", ("test",), 1.0, "test", person)


def out(text: str, *changes: tuple[str, str] | tuple[str, str, str | None] | tuple[str, str, str | None, int]) -> Output:
    return Output(text, [change(text, *c) for c in changes])


def test_the_output_places_each_change_and_maps_original_positions() -> None:
    text = "Mrs Delacroix rang. Later Mrs Delacroix wrote."
    o = out(text, ("Mrs Delacroix", "Adult A"), ("Mrs Delacroix", "Adult A", None, 1))
    assert o.text == "Adult A rang. Later Adult A wrote."
    assert o.to_output(text.index("rang")) == o.text.index("rang")
    assert o.to_output(text.index("wrote")) == o.text.index("wrote")
    assert o.to_output(2) == 0  # inside a change: where its text begins
    assert o.touching(0, 3) and not o.touching(14, 19)


def test_a_label_repeated_in_its_own_alias_phrase_is_a_tautology() -> None:
    for text, changes in [
        ("Bożena Wiśniewska (known as Bo) was born in 1990.",
         [("Bożena Wiśniewska", "Mother", "m"), ("Bo", "Mother", "m")]),
        ("Tilly will be referred to as 'Rose' in this report.", [("Tilly", "Rose", "c")]),
        ("Keiran, whom Ms Fairbairn calls Kiki, is two.", [("Keiran", "Child B", "c"), ("Kiki", "Child B", "c")]),
        ("| Bartosz Wiśniewski (\"Bart\") | half-brother |", [("Bartosz Wiśniewski", "Omar", "b"), ("Bart", "Omar", "b")]),
        ("the variants \"Tilly\", \"Till\" and \"Tills\" were used",
         [("Tilly", "Rose", "c"), ("Till", "Rose", "c"), ("Tills", "Rose", "c")]),
        ('"Fairbairn" was recorded as "Fairburn" twice.', [("Fairbairn", "Father", "f"), ("Fairburn", "Father", "f")]),
        ('Her mother\'s name was spelt wrongly as "Bozena".', [("Bozena", "Mother", "m")]),
    ]:
        o = out(text, *changes)
        assert [d.kind for d in tautologies(o)] == ["tautology"], o.text


def test_an_alias_that_reads_differently_is_no_tautology() -> None:
    text = "Bożena Wiśniewska (known as Bo) was born in 1990."
    assert tautologies(out(text, ("Bożena Wiśniewska", "Mother", "m"))) == []
    text = "Tilly will be referred to as 'Rose' in this report."
    assert tautologies(Output(text, [])) == []  # the draft's own words: no change, no defect
    text = "Bartosz Wiśniewski (Omar's cousin) came."
    assert tautologies(out(text, ("Bartosz Wiśniewski", "Omar", "b"))) == []  # the bracket says more
    text = 'The nursery recorded her as "Tilly". Her father was recorded as "Pete".'
    assert tautologies(out(text, ("Tilly", "Rose", "c"), ("Pete", "Adult A", "p"))) == []
    # 'known to' a service is no alias phrase
    text = "Mrs Pike drank every day, and Mrs Pike was known to the alcohol service Mrs Pike ran."
    assert tautologies(out(text, ("Mrs Pike", "Adult A"), ("Mrs Pike", "Adult A", None, 1),
                           ("Mrs Pike", "Adult A", None, 2))) == []


def test_the_same_label_twice_in_a_row_is_a_defect_on_a_heading_line_too() -> None:
    text = "MOTHER: BOŻENA WIŚNIEWSKA DOB 01/02/1990\nThen Mr Jo Pike Mr Pike said so."
    o = out(text, ("BOŻENA WIŚNIEWSKA", "MOTHER", "m"), ("Mr Jo Pike", "Adult A", "p"), ("Mr Pike", "Adult A", "p"))
    found = repeated_labels(o)
    assert [o.text[d.start:d.end] for d in found] == ["MOTHER: MOTHER", "Adult A Adult A"]
    assert repeated_labels(out("Mr Jo Pike and Mr Pike", ("Mr Jo Pike", "Adult A"), ("Mr Pike", "Adult A"))) == []
    # a role written beside the name that became the same role
    text = "The health visitor, Amina Begum, visited. Tess Orr (the GP) came."
    o = out(text, ("Amina Begum", "the health visitor", "other:amina begum"), ("Tess Orr", "the GP", "other:tess orr"))
    assert [o.text[d.start:d.end] for d in repeated_labels(o)] == ["The health visitor, the health visitor",
                                                                   "the GP (the GP"]
    # a list of markers is a list of things, each its own
    text = "case references DC/31/4410, 3100045, 3100046; Mr Pike, Mr Pike said"
    o = out(text, ("DC/31/4410", "[reference removed]"), ("3100045", "[reference removed]"),
            ("3100046", "[reference removed]"), ("Mr Pike", "Adult A"), ("Mr Pike", "Adult A", None, 1))
    assert [o.text[d.start:d.end] for d in repeated_labels(o)] == ["Adult A, Adult A"]


def test_an_article_that_disagrees_with_the_replacement() -> None:
    text = "A Niamh report was made, and an Orla came, and a Fenwick came, an Ulla too, an Ede as well."
    o = out(text, ("Niamh", "Adult H"), ("Orla", "Child B"), ("Fenwick", "Child C"), ("Ulla", "[name]"),
            ("Ede", "[address]"))
    # a marker is read by its words: 'a [name]', 'an [address]'
    assert [o.text[d.start:d.end] for d in articles(o)] == ["A Adult H", "an Child B", "an [name]"]
    # the end of a word is no article
    assert articles(out("the death of a woman\n\nRef 1234", ("Ref 1234", "[reference removed]"))) == []


def test_a_marker_glued_to_a_character() -> None:
    text = "mobile +44 7700 900123, handle x_kfairbairn and Fairbairnwas there; [kept] fine"
    glued = [("44 7700 900123", "[phone number removed]"), ("kfairbairn", "[name]"), ("Fairbairn", "[name]")]
    o = Output(text, [Replacement(text.index(p), text.index(p) + len(p), p, new, "PERSON", (), 1.0, "test")
                      for p, new in glued])
    assert [d.kind for d in glued_markers(o)] == ["glued-marker"] * 3
    assert glued_markers(out("mobile +44 7700 900123.", ("+44 7700 900123", "[phone number removed]"))) == []


def test_a_section_number_changed_or_lost() -> None:
    text = "4.9 The night of 13/14 March 2023.\n\n4.10 Admission\n\nSee 4.9 above.\n412 981 9933, was"
    lost = out(text, ("4.9 The night of 13/14", "[date] of"))
    assert [d.kind for d in section_numbers(lost)] == ["section-number"]
    assert section_numbers(out(text, ("13/14 March 2023", "March 2023"))) == []
    # a number opening a wrapped line, not a heading or a sentence, is no section number
    assert section_numbers(out(text, ("412 981 9933", "[NHS number removed]"))) == []


def test_a_day_or_house_number_wrapped_to_a_line_start_is_no_section_number() -> None:
    text = "The officers recorded him on\n17 December as Liban.\n\n112 Pear Tree Road, Derby DE23 6PU\n\n4 The visit\n"
    day = replace(change(text, "on\n17 December", "in December"), entity="DATE")
    home = replace(change(text, "112 Pear Tree Road, Derby DE23 6PU", "the family home"), entity="ADDRESS")
    assert section_numbers(Output(text, [day, home])) == []
    # a section number a date swallowed whole is still lost
    lost = replace(change(text, "4 The visit", "[date] visit"), entity="DATE")
    assert [d.kind for d in section_numbers(Output(text, [lost]))] == ["section-number"]


def test_a_line_that_began_with_a_capital_now_in_lower_case() -> None:
    text = "5.2 Hollyfield Surgery\n\n- Hollyfield Surgery\nShe was born in\nLagos, Nigeria.\n\nLagos was home."
    o = out(text, ("Hollyfield Surgery", "the GP practice"), ("Hollyfield Surgery", "the GP practice", None, 1),
            ("Lagos", "the city"), ("Lagos", "[place]", None, 1))
    found = lower_case_starts(o)
    # the numbered heading and the list item; not the wrapped line, and a marker is no word
    assert [o.text[d.start:d.end] for d in found] == ["the GP practice", "the GP practice"]


def test_a_sentence_inside_a_line_that_began_with_a_capital_now_in_lower_case() -> None:
    text = "4. **What was missed.** Hollyfield Surgery held the notes. Dr. Hollyfield Surgery and Hollyfield Surgery."
    o = out(text, ("Hollyfield Surgery", "the GP practice"), ("Hollyfield Surgery", "the GP practice", None, 1),
            ("Hollyfield Surgery", "the GP practice", None, 2))
    assert [o.text[d.start:d.end] for d in lower_case_starts(o)] == ["the GP practice"]


def test_one_person_under_two_labels() -> None:
    text = ("Mrs Ilse Varga met Mrs Varga. Ms Ruth Ode met Ms Ode. Mrs Varga's car. Aled saw Aled. "
            "Ekow Boateng and Reverend Boateng. Ama Lartey, Kofi Lartey and Mr Lartey. A Quist, an Quist.")
    o = out(text, ("Mrs Ilse Varga", "Professional I"), ("Mrs Varga", "Adult J"),
            ("Ms Ruth Ode", "Adult B"), ("Ms Ode", "Adult B"), ("Mrs Varga's", "Professional I's"),
            ("Aled", "Adult C", "k"), ("Aled", "Adult D", "k", 1),
            ("Ekow Boateng", "Adult E"), ("Reverend Boateng", "Adult S"),
            # two people share the surname: 'Mr Lartey' could be either, so no defect is claimed
            ("Ama Lartey", "Adult F"), ("Kofi Lartey", "Adult G"), ("Mr Lartey", "Adult H"),
            ("A Quist", "Adult K", "q"), ("an Quist", "an Adult K", "q"))
    found = two_labels(o)
    assert [o.text[d.start:d.end] for d in found] == ["Adult J", "Adult D", "Adult S"]
    # a professional's role label is their label; the family's kind is no one person's
    text = "Ms Amina Begum rang. Ms Begum wrote. The Okafor family moved. Mrs Okafor left."
    o = out(text, ("Ms Amina Begum", "the health visitor", "other:amina begum"),
            ("Ms Begum", "Professional A", "other:amina begum"),
            ("Okafor family", "the family", "register:sarah okafor"), ("Mrs Okafor", "Mother", "register:sarah okafor"))
    assert [o.text[d.start:d.end] for d in two_labels(o)] == ["Professional A"]


def test_a_collapsed_list_of_one_persons_names_is_still_their_one_label() -> None:
    text = 'Lena Marsh was seen. "Lena Marsh", "Lena Marsh-Hale" were in use. Mr Tull.'
    o = out(text, ("Lena Marsh", "Sophie", "s"), ('"Lena Marsh", "Lena Marsh-Hale"', 'variants of "Sophie"', "s"),
            ("Mr Tull", "Adult A", "t"))
    assert two_labels(o) == []
    o = out(text, ("Lena Marsh", "Sophie", "s"), ('"Lena Marsh", "Lena Marsh-Hale"', 'variants of "Emily"', "s"))
    assert len(two_labels(o)) == 1


def test_a_role_label_after_a_possessive_is_the_same_label() -> None:
    text = "Nia Foster, their mother, was seen. Nia Foster said so. Nia Foster left."
    o = out(text, ("Nia Foster, their mother", "their mother", "n"), ("Nia Foster", "Mother", "n", 1))
    assert two_labels(o) == []
    o = out(text, ("Nia Foster, their mother", "their mother", "n"), ("Nia Foster", "Adult B", "n", 1))
    assert len(two_labels(o)) == 1


def test_defects_gathers_every_class_in_order_and_counts_words() -> None:
    text = "A Niamh report.\n5.2 Hollyfield Surgery"
    output, found = defects(text, [change(text, "Niamh", "Adult H"), change(text, "Hollyfield Surgery", "the GP practice")])
    assert output == "A Adult H report.\n5.2 the GP practice"
    assert [d.kind for d in found] == ["article", "lower-case-start"]
    assert words(output) == 9


def test_a_register_mother_titled_with_her_daughters_surname_is_one_label_and_an_alias_reworded_is_none() -> None:
    text = "Zofia Kral was seen. Mrs Kral agreed. Mrs Kral's sister. Dan is known to all as Dee."
    o = out(text, ("Zofia Kral", "Emily", "register:zofia kral"), ("Mrs Kral", "Mother", "register:eva kral"),
            ("Mrs Kral's", "Mother's", "register:eva kral"), ("Dan", "Father", "register:dan kral"),
            ("as Dee", "by another name", "register:dan kral"))
    assert two_labels(o) == []


def test_a_restated_name_reworded_as_a_variant_is_no_second_label() -> None:
    text = '"Fairbairn" was recorded as "Fairburn" twice.'
    o = out(text, ("Fairbairn", "Father", "f"), ("Fairburn", "a variant of the name", "f"))
    assert two_labels(o) == []
    assert [d.kind for d in two_labels(out(text, ("Fairbairn", "Father", "f"), ("Fairburn", "Adult A", "f")))] \
        == ["two-labels"]


def test_a_nickname_reworded_as_another_name_is_no_second_label() -> None:
    text = 'Mr Fay, "Fizz" to his mates, and Fay (Fizzy in old notes) left.'
    o = out(text, ("Mr Fay", "Father", "f"), ('"Fizz"', "known by another name", "f"), ("Fay", "Father", "f"),
            ("Fizzy", "another name", "f"))
    assert two_labels(o) == []
    assert [d.kind for d in two_labels(out(text, ("Mr Fay", "Father", "f"), ('"Fizz"', "Adult B", "f")))] == ["two-labels"]
