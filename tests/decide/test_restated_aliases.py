"""Another name of someone their sentence has already named, and a bracket that reads as the mention
before it (decide.restated_aliases); a copula whose subject is the label's role (decide.restated_roles).
All on invented review text."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.api import Anonymised, anonymise

CASE = """\
case: CSPR Child K (invented)
people:
  - name: Kai Penn
    aliases: [Kiki, Kai Rowe]
    role: subject child
    gender: male
    pseudonym: Oscar
  - name: Joanne Penn
    aliases: [Jojo, Jojo Penn]
    role: paternal grandmother
    gender: female
  - name: Derek Penn
    aliases: [Pip]
    role: paternal grandfather
    gender: male
  - name: Tara Penn
    role: mother
    gender: female
  - name: Sam Reed
    role: father
    gender: male
"""


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("restated") / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def _rules(result: Anonymised, replacement: str) -> list[str]:
    return [r.rule for r in result.decisions.replacements if r.replacement == replacement]


def test_another_name_after_recorded_as_reads_as_a_variant(case: Path) -> None:
    result = anonymise("4.1 Kai started school in 2020 and appears in some records as Kai Rowe.", register=case)
    assert result.text == "4.1 Oscar started school in 2020 and appears in some records as a variant of the name."
    rules = _rules(result, "a variant of the name")
    assert len(rules) == 1 and "would repeat its sentence's label 'Oscar'" in rules[0]


def test_the_name_itself_or_a_name_in_another_sentence_after_recorded_as_is_left(case: Path) -> None:
    out = anonymise("4.2 Kai moved school. The school recorded him as Kai Rowe. Kai was registered as Kai Penn.",
                    register=case).text
    assert out == "4.2 Oscar moved school. The school recorded him as Oscar. Oscar was registered as Oscar."


def test_a_quoted_nickname_apposed_to_the_mention_reads_known_by_another_name(case: Path) -> None:
    result = anonymise('4.3 Mr Penn, "Pip" to his friends, is a driver.', register=case)
    assert result.text == "4.3 Paternal Grandfather, known by another name to his friends, is a driver."
    assert "Pip" not in result.text


def test_a_quoted_name_of_someone_else_after_a_comma_is_left(case: Path) -> None:
    out = anonymise('4.4 Mr Penn, "Kiki" said, was kind.', register=case).text
    assert "known by another name" not in out


def test_another_name_opening_a_bracket_about_where_it_is_used(case: Path) -> None:
    result = anonymise("4.5 She was formerly Joanne Penn (Jojo Penn in older records) and lives alone.", register=case)
    assert result.text == "4.5 She was formerly Paternal Grandmother (another name in older records) and lives alone."
    out = anonymise("4.6 Joanne Penn (Tara Penn in older records) moved.", register=case).text
    assert "another name" not in out  # someone else in the bracket is a fact of its own


def test_a_bracket_that_reads_as_the_mention_before_it_goes(case: Path) -> None:
    result = anonymise("4.7 Kai was on the children's ward, Ward 6 (Elm Ward), for a week.", register=case)
    assert result.text == "4.7 Oscar was on the children's ward, the ward, for a week."
    assert any("a bracket that reads as the mention before it" in r.rule for r in result.decisions.replacements)
    out = anonymise("4.8 Kai lives in Leeds (Headingley). His phone is 07700 900123 (07700 900456).", register=case).text
    assert out.count("(") == 2  # a bracket that reads otherwise stays, and two markers are two things


def test_a_copula_whose_subject_is_the_labels_role_puts_the_label_first(case: Path) -> None:
    result = anonymise("5.1 Kai's father is Sam Reed (born 1990). Everyone knew that his mother was Tara Penn.",
                       register=case)
    assert result.text.startswith("5.1 Father is Oscar's father (born ")
    assert result.text.endswith("Everyone knew that Mother was his mother.")
    assert sum("the sentence's subject is the label's role" in r.rule for r in result.decisions.replacements) == 2


def test_a_copula_with_another_role_or_the_label_first_is_left(case: Path) -> None:
    out = anonymise("5.2 Kai's uncle is Sam Reed. Sam Reed was Kai's father. Tara Penn's mother is Joanne Penn.",
                    register=case).text
    assert out == "5.2 Oscar's uncle is Father. Father was Oscar's father. Mother's mother is Paternal Grandmother."


@pytest.mark.parametrize(("draft", "published"), [
    ('- Kai Penn (known on the street as "Kiki"), subject child.', "- Oscar, subject child."),
    ('He said: "Everyone round here knows me as Kiki anyway."',
     'He said: "Everyone round here knows me by another name anyway."'),
    ('It was at school that Kai was first called "Kiki", a name that stuck.',
     "It was at school that Oscar was first called by another name, a name that stuck."),
    ("Among friends Kai goes by Kiki these days.", "Among friends Oscar goes by another name these days."),
])
def test_each_way_of_giving_a_street_name_or_nickname_reads_as_another_name(case: Path, draft: str,
                                                                          published: str) -> None:
    assert anonymise(draft, register=case).text == published


def test_a_relation_before_a_list_of_names_is_no_apposition(case: Path) -> None:
    out = anonymise("Kai lives with his grandfather, Tara and Sam in the town. His grandfather Derek visits.",
                    register=case).text
    assert out == "Oscar lives with his grandfather, Mother and Father in the town. His grandfather visits."


def test_a_register_role_with_where_it_is_held_before_the_name_says_who_it_is(case: Path) -> None:
    out = anonymise("Her grandmother at the flat next door, Joanne Penn, and a friend both helped.", register=case).text
    assert out == "Her grandmother at the flat next door and a friend both helped."


def test_the_name_the_children_use_in_apposition_goes_with_the_name(case: Path) -> None:
    out = anonymise("Joanne Penn, Jojo to the children, said that the church had prayed for Kai.", register=case).text
    assert out == "Paternal Grandmother said that the church had prayed for Oscar."
