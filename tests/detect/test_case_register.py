"""Register matching: every mention of a register person or address, however it is written."""

from __future__ import annotations

import datetime as dt

import pytest

from anonymiser.core.register import Person, Register
from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer
from anonymiser.detect.recognizers.register_births import find_register_births

REGISTER = Register(
    case="CSPR test",
    people=(
        Person("Sarah Okafor", "mother", "female", ("Sal", "Mrs O"), dt.date(1991, 3, 14)),
        Person("Amara Okafor", "subject child", "female", (), dt.date(2015, 6, 2)),
        Person("Tunde Okafor", "father", "male"),
        Person("Will Barker", "stepfather", "male"),
    ),
    addresses=("27 Birchwood Road, Thornton Heath, CR7 8QT",),
)


def found(text: str) -> list[tuple[str, str | None]]:
    rec = CaseRegisterRecognizer(REGISTER)
    return [(text[r.start:r.end], r.recognition_metadata.get("register_person"))
            for r in sorted(rec.analyze(text, ["PERSON", "ADDRESS"]), key=lambda r: r.start)]


@pytest.mark.parametrize("text, mention, person", [
    ("The health visitor saw Amara Okafor at home.", "Amara Okafor", "register:amara okafor"),
    ("Amara was weighed.", "Amara", "register:amara okafor"),
    ("Ms Okafor declined the referral.", "Ms Okafor", "register:sarah okafor"),
    ("Mr Okafor was not present.", "Mr Okafor", "register:tunde okafor"),
    ("Amara's nursery place ended.", "Amara", "register:amara okafor"),
    ("REFERRAL RE: AMARA OKAFOR", "AMARA OKAFOR", "register:amara okafor"),
    ("the record said amara okafor was seen", "amara okafor", "register:amara okafor"),
    ("seen with Amara\nOkafor on the ward", "Amara\nOkafor", "register:amara okafor"),
    ("Ms Okafer attended the conference.", "Ms Okafer", "register:sarah okafor"),
    ("Sal told the midwife she was coping.", "Sal", "register:sarah okafor"),
    ("Mrs O agreed to the plan.", "Mrs O", "register:sarah okafor"),
    ("Will Barker moved in during 2019.", "Will Barker", "register:will barker"),
])
def test_every_form_of_a_name_is_found(text: str, mention: str, person: str) -> None:
    assert (mention, person) in found(text)


def test_ordinary_words_that_are_also_names_are_left_alone() -> None:
    text = "Professionals will meet again; we hope the plan will work."
    assert found(text) == []


def test_short_names_are_not_fuzzy_matched() -> None:
    # 'Sam' is one edit from 'Sal' but names under five letters are only matched exactly.
    assert found("Sam from the housing team called.") == []


def test_register_address_in_any_spacing_or_case() -> None:
    text = "She moved to 27  BIRCHWOOD road, thornton heath cr7 8qt and later to 27 Birchwood Road again."
    mentions = [m for m, _ in found(text)]
    assert "27  BIRCHWOOD road, thornton heath cr7 8qt" in mentions
    assert "27 Birchwood Road" in mentions


@pytest.mark.parametrize("written", ["14/03/1991", "14.3.91", "14th March 1991", "14 Mar 1991", "1991-03-14",
                                     "March 14, 1991"])
def test_register_date_of_birth_in_any_format(written: str) -> None:
    text = f"Ms Okafor (born {written}) attended."
    hits = [text[d.start:d.end] for d in find_register_births(text, REGISTER)]
    assert written in hits


@pytest.mark.parametrize("text, mention", [
    ("the school nurse said jayden price was absent", "jayden price"),
    ("notes on kerry price and her son", "kerry price"),
    ("seen with jayden\nprice at the clinic", "jayden\nprice"),
])
def test_an_everyday_surname_in_lower_case_after_its_first_name_is_found(text: str, mention: str) -> None:
    register = Register(case=None, people=(Person("Jayden Price", "subject child", "male"),
                                           Person("Kerry Price", "mother", "female")))
    hits = [text[r.start:r.end] for r in CaseRegisterRecognizer(register).analyze(text, ["PERSON"])]
    assert hits == [mention]
    # On its own, or after someone else's first name, the word is still only a word.
    assert CaseRegisterRecognizer(register).analyze("the price was agreed; Amara price list", ["PERSON"]) == []


@pytest.mark.parametrize("text, mentions", [
    ("The Okafor-Barker household was visited twice.", ["Okafor", "Barker"]),
    ("BARKER-OKAFOR FAMILY: CHRONOLOGY", ["BARKER", "OKAFOR"]),
    ("Amara-Rose, as her mother called her, was at nursery.", ["Amara"]),
    ("see https://example.org/amara-okafor-appeal for the page", ["amara", "okafor"]),
    ("The file sarah_okafor_statement.pdf was shared.", ["sarah", "okafor"]),
    ("Ms O'Neil-Okafor attended.", ["Okafor"]),
    ("Her login was amara2015 and her password okafor1.", ["amara", "okafor"]),
    ("The account #AmaraOkafor was reported; so was OkaforBarker.", ["AmaraOkafor", "Okafor", "Barker"]),
])
def test_a_register_name_inside_a_hyphenated_or_underscored_word_is_found(text: str, mentions: list[str]) -> None:
    got = [m for m, _ in found(text)]
    for mention in mentions:
        assert any(mention in m.replace("-", " ").replace("_", " ") for m in got), (mention, got)


def test_a_login_of_an_initial_and_a_register_surname_is_found_whole() -> None:
    register = Register(case=None, people=(Person("Helen Whitfield", "independent reviewer", "female"),
                                           Person("Samuel Hall", "father", "male"),
                                           Person("Amara Okafor", "subject child", "female")))
    rec = CaseRegisterRecognizer(register)

    def mentions(text: str) -> list[str]:
        return [text[r.start:r.end] for r in sorted(rec.analyze(text, ["PERSON"]), key=lambda r: r.start)]

    assert mentions("linked from file:///C:/Users/hwhitfield/Pictures/photo.jpg") == ["hwhitfield"]
    assert mentions("the shared drive of aokafor holds the chronology") == ["aokafor"]
    # Not an English word that happens to end in a surname, nor a longer word.
    assert mentions("he shall attend; the hall was booked; Mr Hall came") == ["Mr Hall"]
    assert mentions("the hwhitfields folder is not a login of hers") == []


def test_a_hyphenated_word_without_a_register_name_is_left_alone() -> None:
    assert found("A well-known, long-standing worker: the follow_up form is re-used on her iPhone at McDonalds.") == []


@pytest.mark.parametrize("text, mention", [
    ("The health visitor saw Oka-\nfor at the clinic.", "Oka-\nfor"),
    ("Later Sa-\n   rah Okafor rang the GP.", "Sa-\n   rah Okafor"),
    ("The school said Ama-\r\nra's attendance fell.", "Ama-\r\nra"),
])
def test_a_name_hyphenated_at_a_lines_end_is_found_whole(text: str, mention: str) -> None:
    assert mention in [m for m, _ in found(text)]


def test_a_word_hyphenated_at_a_lines_end_that_is_no_name_is_left() -> None:
    assert found("The plan was re-\nviewed and the follow-\nup agreed.") == []


ACCENTED = Register(case=None, people=(Person("Zoë Brontë-Nkemelu", "subject child", "female"),
                                       Person("Leo Adeyemi", "sibling", "male")))


@pytest.mark.parametrize("text, mention", [
    ("Zoe attended nursery.", "Zoe"),                  # the register's accent left out
    ("ZOE BRONTE-NKEMELU was referred.", "ZOE BRONTE-NKEMELU"),
    ("Léo was at school.", "Léo"),                     # an accent the register does not write
    ("The Nkemelu family moved in 2020.", "Nkemelu"),  # one half of a double-barrelled surname
    ("Ms Brontë agreed.", "Ms Brontë"),
])
def test_accents_and_halves_of_a_double_barrelled_name_are_found(text: str, mention: str) -> None:
    rec = CaseRegisterRecognizer(ACCENTED)
    assert mention in [text[r.start:r.end] for r in rec.analyze(text, ["PERSON"])]


def test_the_word_lists_a_lookup_reads_are_loaded_once() -> None:
    # _lookup asks everyday_words() of every lower-case register hit: loading it each time reads the file each time
    from anonymiser.detect.recognizers import case_register
    for loader in (case_register.everyday_words, case_register.word_collisions):
        assert loader() is loader()


def test_a_register_name_that_is_a_season_after_a_section_number_is_the_name(register_file) -> None:  # type: ignore[no-untyped-def]
    from anonymiser.api import anonymise
    path = register_file("case: t\npeople:\n  - name: Summer Tallis\n    role: subject child\n    gender: female\n", "tallis")
    out = anonymise("3.3 Summer was born in 2008. 6.1.1 Summer's schools. Summer, 15, said so. In Summer 2022 she moved.",
                    register=path).text
    assert out.count("Summer") == 1 and "Summer 2022" in out
