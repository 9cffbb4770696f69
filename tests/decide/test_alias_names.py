"""Names a draft defines for a person (decide.alias_names, decide.name_brackets): a nickname the draft
gives someone is their name at every mention, the letter a review names a person by is theirs, an
alias that is what its sentence says reads 'by another name', and a bracket that only names the
people before it goes. All on invented review text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.register import Register
from anonymiser.core.results import Replacement
from anonymiser.decide.alias_names import aliases_in, review_letters_after, said_alias
from anonymiser.decide.name_brackets import collapse_name_brackets
from anonymiser.verify.leaks import find_leaks

CASE = """\
case: CSPR Child R (invented)
people:
  - name: Rhys Calloway-Nunes
    aliases: [Ro, RJ]
    role: subject child
    gender: male
    pseudonym: Kacper
  - name: Lorna Calloway
    role: mother
    gender: female
  - name: Edith Calloway
    aliases: [Edie, Nana Edie]
    role: maternal grandmother
    gender: female
  - name: Walter Calloway
    role: maternal grandfather
    gender: male
"""


@pytest.fixture(scope="module")
def case(register_file: Callable[[str, str], Path]) -> Path:
    return register_file(CASE, "child-r")


# --- a nickname the draft defines ----------------------------------------------------------------

def test_every_mention_of_a_nickname_the_draft_defines_takes_the_persons_label() -> None:
    result = anonymise('4.9 He was found with an 18 year old, Liam Voss (known as "Spud"), who was known to '
                       'the police.\n\n4.11 His mother said that she was scared of "Spud".\n\n'
                       '4.12 A friend said they went there "to collect money for Spud".')
    assert "Spud" not in result.text
    assert result.text.count("Adult A") == 3
    assert "scared of \"Adult A\"" in result.text and "money for Adult A\"" in result.text


def test_a_nickname_is_found_only_as_a_name_is_written() -> None:
    out = anonymise('He was with Liam Voss (known as "Spud") in May. Spud ate a baked spud at the Spud Shack.').text
    assert out.startswith("He was with Adult A in May. Adult A ate a baked spud at the ")
    assert "Adult A Shack" not in out  # the word of a longer name is that name's, not the nickname


# --- the letter a review names a person by -------------------------------------------------------

def test_the_letter_a_review_names_a_register_person_by_is_theirs(case: Path) -> None:
    result = anonymise('1.4 Rhys has asked to be known in this review as "R". His mother has read it.\n\n'
                       '4.11 The social worker recorded that "R says he has been helping a friend".', register=case)
    assert '1.4 The subject child has asked to be known in this review as "Kacper".' in result.text
    assert '"Kacper says he has been helping a friend"' in result.text
    assert "Adult" not in result.text


def test_only_a_review_naming_phrase_gives_the_reviews_letter() -> None:
    text = 'Rhys will be referred to as "R". Rhys is known to his friends as "RJ". Rhys asked to be known in this review as "R".'
    first, second, third = (text.index("Rhys", i) + 4 for i in (0, 20, 60))
    assert review_letters_after(text, first) == (text.index('"R"') + 1, text.index('"R"') + 2)
    assert review_letters_after(text, second) is None  # a nickname among friends, not the review's name
    assert review_letters_after(text, third) is not None


# --- an alias that is what its sentence says -----------------------------------------------------

def test_a_register_alias_after_known_as_or_called_him_reads_by_another_name(case: Path) -> None:
    out = anonymise('3.1 At school he is known as "Ro", and some of the older boys called him "RJ". '
                    "Rhys likes football.", register=case).text
    assert out == ("3.1 At school he is known by another name, and some of the older boys called him by "
                   "another name. Kacper likes football.")


def test_a_whom_clause_naming_a_register_alias_does_not_repeat_a_label(case: Path) -> None:
    out = anonymise("3.4 Her neighbour, whom the children call Nana Edie, looked after them.", register=case).text
    assert "call Maternal Grandmother" not in out and "Edie" not in out


def test_said_alias_spans() -> None:
    text = 'he is known as "Ro", and the boys called him "RJ"; she is referred to as "R".'
    ro, rj, r = text.index("Ro"), text.index("RJ"), text.index('"R"') + 1
    assert said_alias(text, ro, ro + 2) == (text.index("as"), ro + 3)
    assert said_alias(text, rj, rj + 2) == (rj - 1, rj + 3)
    assert said_alias(text, r, r + 1) is None  # the review's own name for her
    assert said_alias("Ro said no.", 0, 2) is None


def test_a_quoted_nickname_after_a_passive_called_reads_by_another_name(case: Path) -> None:
    out = anonymise('3.2 Rhys is called "Ro" by his nan. Rhys will be called "Kacper" in this review.', register=case).text
    assert out.startswith("3.2 Kacper is called by another name by his nan.")
    text = 'he is called "Ro" by his nan; he will be called "Ro"; is called Ro'
    first, second, third = text.index("Ro"), text.index("Ro", 20), text.rindex("Ro")
    assert said_alias(text, first, first + 2) == (first - 1, first + 3)
    assert said_alias(text, second, second + 2) is None  # a pseudonym the review chooses, not a nickname
    assert said_alias(text, third, third + 2) is None  # no quotes: 'is called Ro' may be a clause's subject


# --- a bracket that only names the people before it ----------------------------------------------

def test_a_bracket_of_the_first_names_of_the_couple_just_named_goes(case: Path) -> None:
    out = anonymise("3.4 The maternal grandparents, Mr and Mrs Calloway (Walter and Edith), live nearby.",
                    register=case).text
    assert "(" not in out and "Walter" not in out and "Edith" not in out
    assert out.endswith(", live nearby.")


def _rep(text: str, written: str, new: str, person: str, after: int = 0) -> Replacement:
    start = text.index(written, after)
    return Replacement(start, start + len(written), written, new, E.PERSON, ("t",), 0.9, "choose: t", person,
                       (start, start + len(written)))


def test_a_bracket_with_more_than_names_or_of_someone_else_stays() -> None:
    text = "Mr Hewson (Derek, 70, and Sandra) came. Mrs Hewson (Ivy) came."
    reps = [_rep(text, "Mr Hewson", "Foster Carer 1", "register:derek hewson"),
            _rep(text, "Derek", "Foster Carer 1", "register:derek hewson"),
            _rep(text, "Sandra", "Foster Carer 2", "register:sandra hewson"),
            _rep(text, "Mrs Hewson", "Foster Carer 2", "register:sandra hewson"),
            _rep(text, "Ivy", "Adult A", "other:ivy pratt")]
    assert len(collapse_name_brackets(text, reps, "name-variants")) == 5


def test_a_bracket_of_names_of_the_surname_just_written_goes_whole() -> None:
    text = "Mr and Mrs Hewson (Derek and Sandra) came."
    reps = [_rep(text, "Mr", "Foster Carer 1", "register:derek hewson"),
            _rep(text, "Mrs Hewson", "Foster Carer 2", "register:sandra hewson"),
            _rep(text, "Derek", "Foster Carer 1", "register:derek hewson"),
            _rep(text, "Sandra", "Foster Carer 2", "register:sandra hewson")]
    out = collapse_name_brackets(text, reps, "name-variants")
    assert [(r.original, r.replacement) for r in out] == [("Mr", "Foster Carer 1"),
                                                        ("Mrs Hewson (Derek and Sandra)", "Foster Carer 2")]
    assert "a bracket that only names the people before it" in out[1].rule


# --- verify --------------------------------------------------------------------------------------

def test_verify_searches_the_alias_a_replaced_phrase_held() -> None:
    assert aliases_in(' (known as "Spud")') == ["Spud"]
    assert aliases_in(", whom the children call Nana Edie,") == ["Nana Edie"]
    assert aliases_in("Liam Voss") == []
    leaks = find_leaks('She was scared of "Spud".', "out.txt", Register(case="t", people=()),
                       [("Liam Voss", E.PERSON), (' (known as "Spud")', E.PERSON)], {"Adult A", ""})
    assert [leak.text for leak in leaks] == ["Spud"]


def test_a_service_someone_is_referred_to_is_no_alias_of_theirs(case: Path) -> None:
    # 'referred to' names an alias only with its 'as': the service after it is kept as written.
    out = anonymise("Rhys was referred to YISP by his school in 2019. Later Rhys was referred to as R.",
                    register=case).text
    assert "referred to YISP by his school" in out
    assert "Rhys" not in out
