"""How a replacement fits its sentence: decide.wording on invented review sentences."""

from __future__ import annotations

import pytest

from anonymiser.decide import wording


def at(text: str, word: str) -> tuple[int, int]:
    """The (start, end) of the first `word` in `text`."""
    start = text.index(word)
    return start, start + len(word)


def without(text: str, span: tuple[int, int] | None) -> str:
    """The text with `span` cut out."""
    assert span is not None
    return text[:span[0]] + text[span[1]:]


@pytest.mark.parametrize("original, new, text, expected", [
    ("AMARA", "Emily", "AMARA WAS SEEN AT HOME.", "EMILY"),
    ("OKAFOR", "Adult A", "Mrs OKAFOR attended.", "ADULT A"),
    ("Oakfield Primary School", "the primary school", "Yes. Oakfield Primary School made a referral.",
     "The primary school"),
    ("Oakfield Primary School", "the primary school", "She went to Oakfield Primary School daily.", "the primary school"),
    # an address in capitals in running text reads better in lower case...
    ("41 MARLOWE CRESCENT", "the family home", "There was an incident at 41 MARLOWE CRESCENT in May.",
     "the family home"),
    # ...but follows a heading typed all in capitals
    ("41 MARLOWE CRESCENT", "the family home", "INCIDENT AT 41 MARLOWE CRESCENT", "THE FAMILY HOME"),
    ("HOLLIS", "[family name]", "THE HOLLIS CASE", "[family name]"),
    ("Riverside", "[place]", "\n\nRiverside was quiet.", "[place]"),
    ("riverside", "the school", "- riverside", "The school"),
    # a hard-wrapped line goes on with its sentence; after a heading or a full stop a new one starts
    ("on 21/03/2023", "in March 2023", "and returned to the children's ward at the hospital\non 21/03/2023.",
     "in March 2023"),
    ("On 21/03/2023", "in March 2023", "4.11 Admission\nOn 21/03/2023 she was seen.", "In March 2023"),
    ("On 21/03/2023", "in March 2023", "She was seen again.\nOn 21/03/2023 she was seen.", "In March 2023"),
])
def test_match_case(original: str, new: str, text: str, expected: str) -> None:
    assert wording.match_case(original, new, text, text.index(original)) == expected


@pytest.mark.parametrize("text, name, taken", [
    ("She attended the Oakfield Primary School until 2019.", "Oakfield", "the Oakfield"),
    ("The Beeches Nursery closed.", "Beeches", "The Beeches"),
    ("She attended Oakfield Primary School.", "Oakfield", "Oakfield"),
    ("another Oakfield school", "Oakfield", "Oakfield"),  # 'the' must be a word of its own
])
def test_absorb_article(text: str, name: str, taken: str) -> None:
    start = wording.absorb_article(text, text.index(name))
    assert text[start:].startswith(taken)


def test_with_title_takes_in_the_title_and_keeps_the_name_as_the_identifier() -> None:
    text = "She was seen by Dr Anika Rao on Monday."
    start, core = wording.with_title(text, text.index("Anika"))
    assert (text[start:], core) == ("Dr Anika Rao on Monday.", text.index("Anika"))


def test_with_title_counts_a_collar_number_as_the_identifier() -> None:
    text = "PC 6187 Marsh attended the address."
    start, core = wording.with_title(text, text.index("Marsh"))
    assert (start, text[core:core + 4]) == (0, "6187")


def test_with_title_leaves_a_name_without_one() -> None:
    text = "Anika Rao attended."
    assert wording.with_title(text, 0) == (0, 0)
    text = "the Head Anika Rao"
    assert wording.with_title(text, text.index("Anika")) == (text.index("Anika"),) * 2


@pytest.mark.parametrize("text, label, expected", [
    ("Later her mother Sarah Okafor said she was worried.", "Mother", "Later her mother said she was worried."),
    ("Later her mother, Sarah Okafor, said she was worried.", "Mother", "Later her mother said she was worried."),
    ("Later her mother (Sarah Okafor) said she was worried.", "Mother", "Later her mother said she was worried."),
    ("It was her mother, Sarah Okafor.", "Mother", "It was her mother."),
    # the role's last word is enough; the comma before a relative clause stays
    ("Her grandmother, Sarah Okafor, who now cares for her, agreed.", "Maternal Grandmother",
     "Her grandmother, who now cares for her, agreed."),
    # a list goes on after the apposition: its comma stays
    ("Present were her mother, Sarah Okafor, her partner and the social worker.", "Mother",
     "Present were her mother, her partner and the social worker."),
])
def test_role_echo_removes_the_name_where_the_role_stands_before_it(text: str, label: str, expected: str) -> None:
    start, end = at(text, "Sarah Okafor")
    assert without(text, wording.role_echo(text, start, end, label)) == expected


@pytest.mark.parametrize("text", [
    "Sarah Okafor said she was worried.",
    "The social worker, Sarah Okafor, said she was worried.",
    "Her mother (Sarah Okafor and her partner) attended.",  # the bracket holds more than the name
])
def test_role_echo_leaves_a_name_its_role_is_not_beside(text: str) -> None:
    start, end = at(text, "Sarah Okafor")
    assert wording.role_echo(text, start, end, "Mother") is None


def test_role_after_lets_the_role_as_written_replace_name_and_apposition() -> None:
    text = "Mrs Grace Adebayo, the maternal grandmother, provided care."
    start, end = at(text, "Mrs Grace Adebayo")
    new_end, new = wording.role_after(text, end, "Maternal Grandmother")
    assert text[:start] + new + text[new_end:] == "the maternal grandmother provided care."


def test_role_after_at_the_end_of_a_sentence() -> None:
    text = "Care was given by Grace Adebayo, her maternal grandmother. She was 60."
    start, end = at(text, "Grace Adebayo")
    new_end, new = wording.role_after(text, end, "Maternal Grandmother")
    assert text[:start] + new + text[new_end:] == "Care was given by her maternal grandmother. She was 60."


def test_role_after_needs_the_same_role() -> None:
    text = "Grace Adebayo, the social worker, visited."
    assert wording.role_after(text, at(text, "Grace Adebayo")[1], "Maternal Grandmother") is None


def test_place_echo_removes_an_address_after_the_label_it_becomes() -> None:
    text = "The children moved into the family home at 14 Elm Road in 2021."
    start, end = at(text, "14 Elm Road")
    assert without(text, wording.place_echo(text, start, end, "the family home")) == (
        "The children moved into the family home in 2021.")
    other = "They moved to 14 Elm Road in 2021."
    assert wording.place_echo(other, *at(other, "14 Elm Road"), "the family home") is None


@pytest.mark.parametrize("text, expected", [
    ("Kerry Brennan, known as Kez, is 33.", "Kerry Brennan is 33."),
    ('Kerry Brennan, known as "Kez", is 33.', "Kerry Brennan is 33."),
    ("Kerry Brennan, also known as Kez, who is 33, attended.", "Kerry Brennan, who is 33, attended."),
    ("Kerry Brennan, called Kez by her friends, attended.", None),  # not an apposition of "as"
    ("Kerry Brennan, known to friends as Kez.", "Kerry Brennan."),
])
def test_alias_beside_goes_with_its_apposition(text: str, expected: str | None) -> None:
    start, end = at(text, "Kez")
    span = wording.alias_beside(text, start, end, at(text, "Kerry Brennan")[1])
    assert (without(text, span) if expected is not None else span) == expected


def test_alias_beside_needs_the_same_person_just_before() -> None:
    text = "Kerry Brennan, known as Kez, is 33."
    start, end = at(text, "Kez")
    assert wording.alias_beside(text, start, end, None) is None
    assert wording.alias_beside(text, start, end, at(text, "Kerry")[1]) is None  # a mention ending elsewhere


@pytest.mark.parametrize("text, expected", [
    ("The strategy meeting was held on 14 March 2019.", "on 14 March 2019."),
    ("On 14 March 2019 she was seen.", "On 14 March 2019 she was seen."),
    ("She was seen by 14 March 2019.", None),
    ("She was seen upon 14 March 2019.", None),
])
def test_on_date(text: str, expected: str | None) -> None:
    on = wording.on_date(text, text.index("14"))
    assert (text[on:] if on is not None else None) == expected


def test_a_label_opening_a_quoted_sentence_takes_a_capital_but_not_a_quoted_form_after_a_comma() -> None:
    from anonymiser.api import anonymise

    out = anonymise('4.1 The health visitor, Lorcan Tierney, visited.\n\n'
                    '4.2 Jem said: "Lorcan never lied to me." Later, "Lorcan" was all he said.').text
    assert out == ('4.1 The health visitor visited.\n\n'
                   '4.2 Adult A said: "The health visitor never lied to me." Later, "the health visitor" was all he said.')
