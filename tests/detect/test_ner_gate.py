"""The NER gate: the NER runs only on windows round the tokens the cheaper evidence leaves open,
and finds there what it finds on the whole text."""

from __future__ import annotations

import pytest

from anonymiser.detect import ner_gate
from anonymiser.detect.engine import build_analyzer

# An invented review passage: long stretches of ordinary prose between the names, places and dates.
PASSAGE = (
    "1.1 This review looks at the help given to the family over the two years before the incident.\n\n"
    "The health visitor saw the baby at home and thought that the mother was tired but coping well "
    "with the demands of a new baby and a toddler who was not sleeping through the night. "
    "During the visit she talked about feeding, safe sleep and the support that was available locally, "
    "and she left leaflets about all of these things with the family.\n\n"
    "On 14 March 2022 Ms Imogen Tarrant rang the surgery in Westbury and spoke to Dr Okonjo, who "
    "arranged to see the baby later that week. "
    "nobody at the practice asked whether anyone else was living in the household at that time, and the "
    "question was not asked again by any of the professionals who were involved with the children. "
    "several weeks later the family moved to a flat on Fernhill Road, and the school was not told. "
    "it was the view of the panel that this was a missed opportunity for everyone involved.\n"
)


@pytest.fixture(scope="module")
def nlp():
    return build_analyzer().nlp_engine.nlp["en"]


def _texts(doc, indices):
    return [doc[i].text for i in indices]


def test_sentence_openers_and_lower_case_prose_are_settled(nlp):
    doc = nlp.make_doc("The health visitor called. During the visit, Sarah cried and the mother said nothing.")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["Sarah"]


def test_a_common_word_with_a_capital_inside_a_sentence_needs_the_ner(nlp):
    # 'Bluebell Home Care' is a care provider named with common words: only the NER reads it as one
    doc = nlp.make_doc("The staff from Bluebell Home Care came every morning.")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["Bluebell", "Home", "Care", "morning"]


def test_a_name_that_is_also_a_word_needs_the_ner_even_opening_a_sentence(nlp):
    doc = nlp.make_doc("Will was at home. Hope rang the school.")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["Will", "Hope"]


def test_numbers_number_words_and_words_of_time_need_the_ner(nlp):
    doc = nlp.make_doc("she was seen fifteen times, several weeks later, and again on 3 June")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["fifteen", "weeks", "3", "June"]


def test_windows_reach_either_side_and_merge_when_they_nearly_meet():
    assert ner_gate.windows([10], 100, 6) == [(4, 17)]
    assert ner_gate.windows([0, 99], 100, 6) == [(0, 7), (93, 100)]
    assert ner_gate.windows([10, 25], 100, 6) == [(4, 32)]  # a gap of 2 tokens between them
    assert ner_gate.windows([10, 40], 100, 6) == [(4, 17), (34, 47)]
    assert ner_gate.windows([10, 40], 100, 5, 4) == [(5, 15), (35, 45)]


def test_the_reach_is_the_encoders_receptive_field(nlp):
    encode = nlp.config["components"]["ner"]["model"]["tok2vec"]["encode"]
    assert ner_gate.encoder_reach(nlp) == encode["depth"] * encode["window_size"] > 0
    # the parser also reads the token before the one it decides
    assert ner_gate.reach(nlp) == (ner_gate.encoder_reach(nlp) + 1, ner_gate.encoder_reach(nlp))


def test_a_window_cut_through_an_entity_is_widened_on_that_side():
    assert ner_gate._widened([(10, 20), (40, 50)], {1: (False, True)}, 100, 6) == [(40, 56)]
    assert ner_gate._widened([(3, 20)], {0: (True, True)}, 22, 6) == [(0, 22)]


def test_lower_case_prose_skips_most_of_the_text(nlp):
    doc = nlp.make_doc(PASSAGE)
    spans = ner_gate.windows(ner_gate.needing_tokens(doc), len(doc), *ner_gate.reach(nlp))
    covered = sum(b - a for a, b in spans)
    assert 0 < covered < 0.75 * len(doc)


def test_the_gated_ner_finds_what_the_whole_text_ner_finds(nlp):
    whole = nlp.get_pipe("ner")(nlp.make_doc(PASSAGE))
    gated = ner_gate.set_entities(nlp.make_doc(PASSAGE), nlp)
    expected = [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert [(e.start_char, e.end_char, e.label_) for e in gated.ents] == expected
    found = {e.text for e in gated.ents}
    assert {"Westbury", "Dr Okonjo", "Fernhill Road", "several weeks later"} <= found


def test_text_with_nothing_to_read_runs_no_ner(nlp):
    class NoNer:
        def __call__(self, *_args, **_kwargs):
            raise AssertionError("the NER ran")

        pipe = __call__

    class Pipeline:
        config = nlp.config

        def get_pipe(self, _name):
            return NoNer()

    doc = ner_gate.set_entities(nlp.make_doc("the mother said that she was tired and that nobody helped."), Pipeline())
    assert list(doc.ents) == []
    with pytest.raises(AssertionError, match="the NER ran"):
        ner_gate.set_entities(nlp.make_doc("the mother said that Sarah was tired."), Pipeline())


def test_the_windows_keep_the_tokens_normal_forms(nlp):
    doc = nlp.make_doc("He didn't go to Mr O’Neil’s house; it isn't there.")
    part = next(ner_gate._parts(doc, [(0, len(doc))]))
    assert [t.norm_ for t in part] == [t.norm_ for t in doc[0:len(doc)].as_doc()]
    assert [t.text_with_ws for t in part] == [t.text_with_ws for t in doc]


def test_a_name_typed_in_lower_case_needs_the_ner(nlp):
    # a text message quoted as sent: the name lists know 'marcus' and 'okafor', English does not
    doc = nlp.make_doc("the text said: marcus is staying with the okafor family, and will ring")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["marcus", "okafor"]


def test_a_name_that_is_also_a_word_opening_a_sentence_needs_the_ner(nlp):
    # 'Gift', 'Saviour', 'Favour' are first names the name lists may not know; only 'The', 'She',
    # 'However' and the like are settled at a sentence start
    doc = nlp.make_doc("Gift said he was scared. She did not want to go home. However, nobody asked why.")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["Gift"]
    whole = nlp.get_pipe("ner")(nlp.make_doc("Gift said he was scared of his stepfather and did not want to go home."))
    gated = ner_gate.set_entities(nlp.make_doc(whole.text), nlp)
    assert [(e.text, e.label_) for e in gated.ents] == [(e.text, e.label_) for e in whole.ents]


def test_a_word_of_time_opening_a_sentence_needs_the_ner(nlp):
    doc = nlp.make_doc("Yesterday the family moved. Months later the school asked why.")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["Yesterday", "Months"]


def test_a_lower_case_word_english_does_not_know_needs_the_ner(nlp):
    doc = nlp.make_doc("mum says she is not allowed round at kaydens anymore and he lives in wolverhampton")
    assert _texts(doc, ner_gate.needing_tokens(doc)) == ["kaydens", "wolverhampton"]


def test_an_encoder_of_another_shape_gets_the_whole_text(nlp):
    class Pipeline:
        config = {"components": {"ner": {"model": {"tok2vec": {"@architectures": "spacy-transformers"}}}}}

        def get_pipe(self, _name):
            return nlp.get_pipe("ner")

    assert ner_gate.encoder_reach(Pipeline()) is None
    text = "the mother said that nobody helped. Mrs Ada Quint rang the surgery in Westbury."
    gated = ner_gate.set_entities(nlp.make_doc(text), Pipeline())
    assert [e.text for e in gated.ents] == [e.text for e in nlp.get_pipe("ner")(nlp.make_doc(text)).ents]
