"""A professional's role read from the sentence (decide.role_evidence): the predicate that gives it
('became Megan's social worker') and the service they come from ('from the Youth Offending Service'),
on invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.decide.role_evidence import PROFESSIONAL, predicate_role, service_role

REGISTER = Register("CSPR 2032-04", (
    Person("Isla Penhallow", "subject child", "female"),
    Person("Rhona Penhallow", "mother", "female"),
))


def labels(result, *originals: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.replacement for r in result.decisions.replacements if r.original in originals}


@pytest.mark.parametrize("after, role", [
    (" became Isla's social worker in May.", "social worker"),
    (" was the allocated social worker.", "social worker"),
    (" had been her health visitor since 2030.", "health visitor"),
    (", who later became a school nurse,", None),  # a relative clause: 'who' opens it, not a verb
    (" was the social worker's manager.", None),  # the role is someone else's
    (" was the social workers' choice.", None),
    (" visited the social worker.", None),
    (" was against social worker involvement.", None),  # a word before the role owns it only as a possessive
    (" was not a social worker.", None),
    (" became Isla Penhallow's health visitor.", "health visitor"),
])
def test_the_predicate_that_gives_the_mention_a_role(after: str, role: str | None) -> None:
    text = "Bryony Quill" + after
    assert predicate_role(text, 0, len("Bryony Quill")) == role


@pytest.mark.parametrize("after, role, closes", [
    (" from the Youth Offending Service met Isla.", "youth offending worker", True),
    (" of the early help team rang.", "early help worker", True),
    (" (Early Help) rang.", "early help worker", True),
    (" (Early Help, Westhaven) rang.", "early help worker", False),  # the bracket goes on: it stays
    (" from Cumbria Constabulary attended.", PROFESSIONAL, False),  # an agency with no worker noun
    (" from the shop rang.", None, False),
    (" said she was tired.", None, False),
])
def test_the_service_written_after_the_mention(after: str, role: str | None, closes: bool) -> None:
    text = "Bryony Quill" + after
    found = service_role(text, len("Bryony Quill"))
    assert (found.role if found else None) == role
    assert (found is not None and found.close is not None) == closes


def test_a_role_the_sentence_gives_is_never_restated_by_the_label() -> None:
    result = anonymise("In May 2031 Bryony Quill became Isla's social worker. Bryony Quill visited Isla weekly. "
                       "Ms Quill noted that Rhona was tired.", register=REGISTER)
    assert "the social worker became" not in result.text.lower()
    assert labels(result, "Bryony Quill", "Ms Quill") == {"Social Worker 1"}  # one person, one label
    assert "Bryony" not in result.text and "Quill" not in result.text


def test_an_apposition_and_a_predicate_give_one_numbered_label() -> None:
    out = anonymise("Bryony Quill, the social worker, visited in March 2031. In April 2031 Bryony Quill became "
                    "Isla's allocated social worker.", register=REGISTER).text
    assert out.startswith("Social Worker 1 visited in March 2031. In April 2031 Social Worker 1 became ")


def test_two_social_workers_are_numbered_through_the_whole_document() -> None:
    result = anonymise("Bryony Quill, the social worker, visited in April 2031. Bryony Quill saw Isla alone. "
                       "In July 2031 Tomasz Wren became Isla's social worker. Tomasz Wren visited twice. "
                       "Bryony Quill had left.", register=REGISTER)
    assert labels(result, "Bryony Quill, the social worker,", "Bryony Quill") == {"Social Worker 1"}
    assert labels(result, "Tomasz Wren") == {"Social Worker 2"}
    assert "the social worker" not in result.text.lower()  # neither is left unnumbered


def test_a_worker_named_with_their_service_takes_its_worker_noun() -> None:
    out = anonymise("Bryony Quill from the Youth Offending Service met Isla in May 2031. Bryony Quill said Isla "
                    "was engaging. Fen Ashdown (Early Help) completed an assessment. Ms Ashdown then closed the case.",
                    register=REGISTER).text
    assert out.startswith("The youth offending worker met ")
    assert "The youth offending worker said" in out
    assert "The early help worker completed an assessment. The early help worker then closed the case." in out
    assert "Adult" not in out and "Youth Offending Service" not in out and "(Early Help)" not in out


def test_a_worker_named_with_an_agency_that_lists_no_worker_is_a_professional() -> None:
    out = anonymise("Bryony Quill from Cumbria Constabulary attended the strategy meeting. Bryony Quill agreed "
                    "to a joint visit.", register=REGISTER).text
    assert "Professional A from Cumbria Constabulary attended" in out
    assert "Adult" not in out


@pytest.mark.parametrize("text, out", [
    ("The panel met the YOT officer Dan Shore and the GP. Dan Shore from the YOT began work in May. Mr Shore "
     "saw the boy six times.",
     "The panel met the YOT officer and the GP. The youth offending worker began work in May. The youth "
     "offending worker saw the boy six times."),
    ("An Early Help worker, Mel Tregear, visited. Ms Tregear said the flat was cold.",
     "An Early Help worker visited. The early help worker said the flat was cold."),
])
def test_a_service_before_a_generic_role_is_that_services_worker(text: str, out: str) -> None:
    # the role as written stays beside no name, and every other mention reads the same worker
    assert anonymise(text, register=REGISTER).text == out


def test_in_a_list_a_role_written_tight_before_a_name_is_that_names() -> None:
    # not the role of 'Mr Penrose' before the comma: 'the YOT officer' stays and Dan Shore's name goes
    out = anonymise("The meeting was attended by Mr Penrose, the YOT officer Dan Shore and the police. Dan Shore "
                    "from the YOT rang.", register=REGISTER).text
    assert ", the YOT officer and the police." in out and out.endswith("The youth offending worker rang.")
