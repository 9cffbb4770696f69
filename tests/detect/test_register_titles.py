"""Which register person a title and a shared surname mean, from the draft's own use of the title."""

from __future__ import annotations

import datetime as dt

import pytest

from anonymiser import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer

FAMILY = Register("CSPR 2033-02", (
    Person("Zofia Kowalczyk", "subject child", "female"),
    Person("Ewa Kowalczyk", "mother", "female"),
    Person("Halina Kowalczyk", "maternal grandmother", "female", ("Babcia",)),
    Person("Jan Kowalczyk", "maternal grandfather", "male"),
))


def people(text: str) -> dict[str, str | None]:
    rec = CaseRegisterRecognizer(FAMILY)
    out: dict[str, str | None] = {}
    for r in sorted(rec.analyze(text, ["PERSON"]), key=lambda r: r.start):
        meta = r.recognition_metadata or {}
        out[text[r.start:r.end]] = None if meta.get("register_family") else meta.get("register_person")
    return out


def test_a_title_with_no_evidence_stays_the_family_surname() -> None:
    # two adult women share the surname and nothing in the draft says which one 'Mrs Kowalczyk' is
    assert people("Mrs Kowalczyk rang the school twice.")["Mrs Kowalczyk"] is None


@pytest.mark.parametrize("text", [
    "Mrs Halina Kowalczyk cared for the children after school. Mrs Kowalczyk said she was tired.",
    "Mrs Kowalczyk said she was tired. Mrs Halina Kowalczyk cared for the children after school.",
    "The grandparents, Mr and Mrs Kowalczyk (Jan and Halina), live nearby. Mrs Kowalczyk said she was tired.",
    "Mrs Kowalczyk, whom the children call Babcia, said she was tired.",
    "Mrs Kowalczyk (known as Babcia) said she was tired.",
    "Mrs Kowalczyk, known to the children as \"Babcia\", said she was tired.",
])
def test_the_draft_binds_a_title_and_surname_to_one_person(text: str) -> None:
    assert people(text)["Mrs Kowalczyk"] == "register:halina kowalczyk"


def test_another_title_of_the_same_gender_is_the_one_other_adult_of_that_surname() -> None:
    found = people("Mrs Halina Kowalczyk lives nearby. Ms Kowalczyk was born in Gdynia and moved in 2012.")
    assert found["Ms Kowalczyk"] == "register:ewa kowalczyk"


def test_elimination_needs_the_other_title_to_be_bound_first() -> None:
    # 'Ms' is not bound to anyone and no other title of that surname is: still either woman
    assert people("Ms Kowalczyk was born in Gdynia and moved in 2012.")["Ms Kowalczyk"] is None


def test_a_bracket_naming_someone_of_the_other_gender_binds_nothing() -> None:
    assert people("Mrs Kowalczyk (Jan's wife) rang.")["Mrs Kowalczyk"] is None


def test_the_publication_gives_each_woman_her_own_label_throughout() -> None:
    text = ("3.4 The grandparents, Mr and Mrs Kowalczyk (Jan and Halina), live nearby. Ms Kowalczyk was born "
            "in Gdynia. Mrs Kowalczyk collected Zofia from school most days, and Ms Kowalczyk worked nights.")
    out = anonymise(text, register=FAMILY).text
    assert "[family name]" not in out and "Kowalczyk" not in out
    assert "Maternal Grandmother collected" in out and "Mother worked nights" in out
    assert "Mother was born" in out


def test_a_relative_off_the_register_with_the_family_surname_is_one_other_person() -> None:
    text = ("Ewa's brother, Marek Kowalczyk, lives in the city. Marek Kowalczyk fell out with Zofia in 2031, "
            "and Marek told Ewa why.")
    out = anonymise(text, register=FAMILY).text
    assert "Kowalczyk" not in out and "Marek" not in out and "[family name]" not in out
    label = out.split("Mother's brother, ")[1].split(",")[0]
    assert label.startswith("Adult ") and out.count(label) == 3


def test_a_couple_of_the_family_is_its_adults_whatever_children_share_the_surname() -> None:
    register = Register("CSPR 2033-02", FAMILY.people + (Person("Piotr Kowalczyk", "half-brother", "male"),))
    out = anonymise("The grandparents, Mr and Mrs Kowalczyk (Jan and Halina), live nearby. Mr and Mrs Kowalczyk "
                    "were seen together.", register=register).text
    assert out.endswith("Maternal Grandfather and Maternal Grandmother were seen together.")


def test_the_draft_that_says_which_title_is_whose_binds_them() -> None:
    found = people("The report refers to the mother as Ms Kowalczyk and to the maternal grandmother as Mrs "
                   "Kowalczyk. Later Mrs Kowalczyk rang, and Ms Kowalczyk wrote.")
    assert found["Mrs Kowalczyk"] == "register:halina kowalczyk" and found["Ms Kowalczyk"] == "register:ewa kowalczyk"


def test_a_relative_off_the_register_with_one_register_persons_surname_is_someone_else() -> None:
    register = Register("CSPR 2033-02", (Person("Zofia Nowak", "subject child", "female"),
                                          Person("Adam Brzeski", "father", "male")))
    out = anonymise("Zofia's father lives with his brother, Tomasz Brzeski. Tomasz Brzeski told the review he "
                    "had seen nothing.", register=register).text
    assert "Brzeski" not in out and "Father" not in out and "Tomasz" not in out
    assert out.count("Adult A") == 2


def _born_years_ago(years: int) -> dt.date:
    today = dt.date.today()
    return today.replace(year=today.year - years, day=min(today.day, 28))


def test_a_courtesy_title_is_never_a_register_child_of_that_surname() -> None:
    # The register's only Okafor woman is a baby: 'Ms Okafor' is the social worker the draft introduced.
    reg = Register("CSPR 2033-05", (
        Person("Tobi Okafor", "half-sister", "female", date_of_birth=_born_years_ago(1)),
        Person("Liam Reed", "subject child", "male"),
    ))
    text = ("The social worker, Joy Okafor, was allocated. Ms Okafor is no relation of the baby. "
            "Liam spoke to Ms Okafor, and Tobi slept.")
    out = anonymise(text, register=reg).text
    liam, baby = anonymise("Liam and Tobi slept.", register=reg).text.split()[0:3:2]
    assert out == (f"The social worker was allocated. The social worker is no relation of the baby. {liam} spoke "
                   f"to the social worker, and {baby} slept.")


def test_an_adult_sister_by_her_date_of_birth_may_be_written_with_a_title() -> None:
    reg = Register("CSPR 2033-06", (
        Person("Erin Walsh", "sister", "female", date_of_birth=_born_years_ago(24)),
        Person("Liam Reed", "subject child", "male"),
    ))
    rec = CaseRegisterRecognizer(reg)
    text = "Ms Walsh looked after Liam."
    metas = [r.recognition_metadata or {} for r in rec.analyze(text, ["PERSON"]) if text[r.start:r.end] == "Ms Walsh"]
    assert metas and metas[0].get("register_person")


def test_a_register_name_that_is_a_season_or_month_is_the_time_beside_a_year() -> None:
    reg = Register("CSPR 2033-08", (Person("Summer Lane", "sister", "female"), Person("June Lane", "mother", "female"),
                                    Person("Liam Reed", "subject child", "male")))
    out = anonymise("Summer 2022 to the incident\n\nIn June 2022 June and Summer moved away.", register=reg).text
    assert out.startswith("Summer 2022 to the incident\n\nIn June 2022 ")
    assert "June and Summer" not in out


def test_a_courtesy_title_no_register_adult_of_its_gender_fits_is_someone_else() -> None:
    # The register's Turners are a man and a boy: 'Mrs Turner' is the health visitor of that name.
    reg = Register("CSPR 2033-10", (Person("Liam Turner", "stepfather", "male"),
                                    Person("Will Turner", "half-brother", "male", date_of_birth=_born_years_ago(1)),
                                    Person("Faith Okoro", "subject child", "female")))
    out = anonymise("The health visitor, Karen Turner, visited. Mrs Turner recorded that Liam Turner answered "
                    "the door.", register=reg).text
    assert out == "The health visitor visited. The health visitor recorded that Stepfather answered the door."


def test_a_month_of_a_date_before_a_register_first_name_is_no_first_name() -> None:
    reg = Register("CSPR 2033-11", (Person("Faith Okoro", "subject child", "female"),))
    out = anonymise("On Tuesday 9 May Faith told her teacher. Faith was seen.", register=reg).text
    assert "Faith" not in out
    assert out.split()[2] == out.split()[-3]  # one pseudonym at both mentions


def test_a_titled_family_surname_written_with_a_professionals_role_is_the_professional() -> None:
    reg = Register("CSPR 2033-13", (Person("Agata Baker", "mother", "female"), Person("Hope Baker", "subject child", "female")))
    out = anonymise("Hope lives with her mother, Agata Baker. Ms Baker (the health visitor) did not record who "
                    "lived there. Ms Baker visited again. Agata said no.", register=reg).text
    assert out.endswith("The health visitor did not record who lived there. The health visitor visited again. "
                        "Mother said no.")


def test_an_age_is_measured_when_the_drafts_events_end_not_on_the_day_it_is_run() -> None:
    # Born in 2008, the girl was thirteen in the draft's 2021 and is an adult on any day from 2024: run then,
    # 'Mrs Lowe' must still be the social worker the draft introduced, never her.
    reg = Register("CSPR 2033-14", (Person("Dean Lowe", "stepfather", "male"),
                                    Person("Kai Lowe", "half-sister", "female", date_of_birth=dt.date(2008, 3, 4)),
                                    Person("Ruby Hart", "subject child", "female")))
    text = ("In March 2021 the social worker, Janet Lowe, visited. Mrs Lowe recorded that Dean Lowe answered "
            "the door.")
    out = anonymise(text, register=reg).text
    assert out == "In March 2021 the social worker visited. The social worker recorded that Stepfather answered the door."
