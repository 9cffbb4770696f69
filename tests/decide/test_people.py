"""People not on the register: grouped by mention, told apart as professionals, and names the NER
took for organisations (decide.people), on invented review text."""

from __future__ import annotations

from anonymiser.config.lexicon import PhraseIndex
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.people import cluster_others, people_read_as_organisations, professional_people

NO_ALLOWLIST = PhraseIndex(())


def found(text: str, *spans: str, entity: str = E.PERSON, person: str | None = None,
          detectors: tuple[str, ...] = ("SpacyRecognizer",)) -> list[Detection]:
    """A detection of each span, at its first occurrence after the previous one."""
    out, pos = [], 0
    for span in spans:
        start = text.index(span, pos)
        out.append(Detection(start, start + len(span), entity, 0.85, detectors, person=person))
        pos = start + len(span)
    return out


def keys(text: str, detections: list[Detection]) -> list[tuple[str, str | None]]:
    return [(text[d.start:d.end], d.person) for d in detections]


def test_cluster_others_joins_each_mention_to_the_first_full_name_that_holds_it() -> None:
    text = ("Kayla Hollis met Dr Anika Rao at the clinic. Later Kayla told Ms Rao that Anika Mensah, "
            "her neighbour, had called. Kayla and Tomasz went home.")
    dets = found(text, "Kayla Hollis", "Dr Anika Rao", "Kayla", "Ms Rao", "Anika Mensah", "Kayla", "Tomasz")
    assert keys(text, cluster_others(text, dets, NO_ALLOWLIST)) == [
        ("Kayla Hollis", "other:kayla hollis"),
        ("Dr Anika Rao", "other:anika rao"),  # the title is no part of who she is
        ("Kayla", "other:kayla hollis"),
        ("Ms Rao", "other:anika rao"),
        ("Anika Mensah", "other:anika mensah"),  # a second full name: someone else, though 'Anika' is shared
        ("Kayla", "other:kayla hollis"),
        ("Tomasz", "other:tomasz"),  # in no full name: a person of their own
    ]


def test_cluster_others_leaves_register_people_and_other_kinds_alone() -> None:
    text = "Amara Okafor saw Kayla Hollis in Riverside."
    register = found(text, "Amara Okafor", person="register:amara okafor", detectors=("CaseRegister",))
    place = found(text, "Riverside", entity=E.LOCATION)
    out = cluster_others(text, register + found(text, "Kayla Hollis") + place, NO_ALLOWLIST)
    assert keys(text, out) == [("Amara Okafor", "register:amara okafor"), ("Kayla Hollis", "other:kayla hollis"),
                               ("Riverside", None)]
    assert out[0] is register[0] and out[2] is place[0]


def test_cluster_others_does_not_build_a_name_from_allowlisted_words() -> None:
    text = "Kayla Hollis spoke to Kayla Health Visitor."
    dets = found(text, "Kayla Hollis", "Kayla Health Visitor")
    out = cluster_others(text, dets, PhraseIndex(("Health", "Visitor")))
    assert [d.person for d in out] == ["other:kayla hollis", "other:kayla hollis"]


def test_professional_people_are_those_ever_named_in_a_professional_capacity() -> None:
    text = ("The health visitor, Amina Begum, visited. Kayla Hollis was out. Dr Rao telephoned. "
            "Mrs Robinson told the reviewer she was worried. Tomasz Nowak (IRO) chaired. Lee Hart, "
            "the allocated social worker, attended. Amina Begum returned.")
    spans = ("Amina Begum", "Kayla Hollis", "Dr Rao", "Mrs Robinson", "Tomasz Nowak", "Lee Hart", "Amina Begum")
    dets = cluster_others(text, found(text, *spans), NO_ALLOWLIST)
    assert professional_people(text, dets) == {"other:amina begum", "other:rao", "other:tomasz nowak",
                                               "other:lee hart"}


def test_professional_people_counts_a_detectors_word_and_never_the_register() -> None:
    text = "Sarah Okafor, the social worker's client, met Priya Shah."
    register = found(text, "Sarah Okafor", person="register:sarah okafor", detectors=("CaseRegister",))
    shah = found(text, "Priya Shah", person="other:priya shah")
    shah[0].meta = DetectionMeta(professional=True)
    assert professional_people(text, register + shah) == {"other:priya shah"}


def test_a_name_the_ner_called_an_organisation_is_a_person_where_its_surname_is_one() -> None:
    text = "Kia Jones moved in. Jones said the flat was cold."
    org = found(text, "Kia Jones", entity=E.ORGANISATION)
    inside = Detection(4, 9, E.PERSON, 0.7, ("propagation",))  # 'Jones' found again inside it
    out = people_read_as_organisations(text, org + [inside] + found(text, "Jones", detectors=("SpacyRecognizer",))[1:])
    assert [(text[d.start:d.end], d.entity) for d in out] == [("Kia Jones", E.PERSON), ("Jones", E.PERSON)]


def test_an_organisation_stays_one_when_its_words_or_its_finder_say_so() -> None:
    def entity(text: str, org: str, detectors: tuple[str, ...] = ("SpacyRecognizer",), person: str = "Jones") -> str:
        start = text.rindex(person)
        dets = found(text, org, entity=E.ORGANISATION, detectors=detectors)
        dets.append(Detection(start, start + len(person), E.PERSON, 0.7, ("propagation",)))
        return people_read_as_organisations(text, dets)[0].entity

    assert entity("Kia Jones moved in.", "Kia Jones") == E.PERSON
    assert entity("Jones Builders Ltd employed her.", "Jones Builders Ltd") == E.ORGANISATION  # a company word
    assert entity("Riverside Church helped.", "Riverside Church", person="Riverside") == E.ORGANISATION
    assert entity("Kia Jones moved in.", "Kia Jones", detectors=("SpacyRecognizer", "InstitutionRecognizer")) == (
        E.ORGANISATION)  # not the NER's guess alone
    # No person inside it, and words the name lists do not know as a first name and a surname.
    assert entity("Kestrel Harbour moved in. Harbour said so.", "Kestrel Harbour", person="Harbour") == E.ORGANISATION
    # No person inside it, but the name lists know a first name and a surname.
    assert entity("Kia Jones moved in. Jones said so.", "Kia Jones") == E.PERSON
    assert entity("Kia Mae Jones Hart moved in.", "Kia Mae Jones Hart") == E.ORGANISATION  # too long for a name
