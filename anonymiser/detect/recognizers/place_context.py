"""Places the NER misses, found by the words around them: "lives in Edirne", "moved to King's Lynn",
"the Waterlees area", "Siverek village", "Co. Limerick", "the District of Famagusta",
"the north of the country"."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from anonymiser.core.entities import LOCATION
from anonymiser.detect.recognizers._pattern import UkPatternRecognizer

# Capitalised words that follow "in", "at" or "from" without being a place.
_NOT_A_PLACE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Ramadan|Eid"
    r"|The|This|That|These|Those|His|Her|Their|Its|Our|My|Your|A|An|Any|Some|All|Each|Every|No"
    r"|Mr|Mrs|Ms|Miss|Mx|Dr|Judge|Lord|Lady|Sir|Dame|Professor|Prof|PC|DC|DS|Sgt"
    r"|Article|Articles|Section|Sections|Rule|Rules|Paragraph|Chapter|Part|Annex|Appendix|Schedule"
    r"|Protocol|Court|Courts|Government|Parliament|Year|Reception|Key|English|Court['’]s"
    r"|Mother|Father|Mum|Dad|Grandmother|Grandfather|Nan|Nana|Grandad|Aunt|Uncle|Child|Baby"
    r"|I|It|He|She|They|We|You|Family|Police|Hospital|School|Nursery|Care|Social|Health|Children)\b"
)
# A place name: one to three capitalised words, any alphabet, "King's Lynn", "Stoke-on-Trent".
_WORD = r"\p{Lu}\p{Ll}+(?:['’]s)?(?:-(?:(?:upon|on|under|le|en)-)?\p{Lu}\p{Ll}+)*"
_PLACE = rf"(?!{_NOT_A_PLACE}){_WORD}(?:[ ](?!{_NOT_A_PLACE}){_WORD}){{0,2}}"
# Verbs of living and moving, whose object is a place.
_RESIDENCE = (
    r"(?:born|lives?|lived|living|resides?|resided|residing|resident|settled|grew\s+up|brought\s+up"
    r"|moved|moving|returned|returning|fled|travelled|traveled|relocated|emigrated|detained"
    r"|imprisoned|stayed|staying|originally|hails?|hailed|rehoused|housed|placed)"
)
_PLACE_END = r"(?![\w'’-])"
# After a bare preposition, a place must be followed by the end of a clause, so that
# "in Section 47 enquiries" or "at Oakfield Primary School" do not qualify.
_CLAUSE_END = (
    r"(?=\s*(?:[,.;:)\]!?]|$)|\s+(?:and|where|with|on|in|at|for|to|after|before|when|while|until|since"
    r"|during|but|or|until|who|which)\b)"
)

# A part of a country or town not named, but pointed at: "the north of the country", "the east of the city".
_COMPASS = r"(?:far\s+)?(?:north|south|east|west|north-east|north-west|south-east|south-west)(?:ern\s+part)?"
_UNNAMED_AREA = r"country|island|city|town|county|region|village"
# Marks a place written without a capital ("the north of the country"), which the filters would
# otherwise drop as NER noise, and which a profile may keep (keep.unnamed_areas).
UNNAMED_AREA_KEY = "unnamed_area"


class PlaceContextRecognizer(UkPatternRecognizer):
    """LOCATION for a capitalised name where the sentence says it is a place."""

    ENTITY = LOCATION
    PATTERNS = [
        Pattern(
            "Place after living or moving",
            rf"\b{_RESIDENCE}\s{{1,3}}(?:back\s{{1,3}})?(?:(?:in|at|to|from|near|into)\s{{1,3}})?\K{_PLACE}{_PLACE_END}",
            0.65,
        ),
        Pattern(
            "Place after a preposition, mid-sentence",
            rf"[\p{{Ll}},;]\s{{1,3}}(?:in|at|from|near)\s{{1,3}}\K{_PLACE}{_PLACE_END}{_CLAUSE_END}",
            0.6,
        ),
        # "the Waterlees area", "the Longheath estate": the name without the noun.
        Pattern(
            "Named area",
            rf"\b[Tt]he\s{{1,3}}\K{_PLACE}(?=\s+(?:area|estate|district|neighbourhood|neighborhood|suburb)\b)",
            0.65,
        ),
        # "Siverek village", "Limerick city", "the village of Trypimeni", "the District of Famagusta".
        Pattern(
            "Settlement",
            # The look-ahead lets the engine give up at once at a capital with no settlement word in reach.
            rf"(?<![\w'’-])(?=\p{{Lu}}[\p{{L}}'’ -]{{0,60}}?\s(?:village|town|city|province|district|region|county)\b)"
            rf"{_PLACE}\s+(?:village|town|city|province|district|region|county)\b"
            rf"|\b(?i:the)\s{{1,3}}\K(?:[Vv]illage|[Tt]own|[Cc]ity|[Pp]rovince|[Dd]istrict|[Rr]egion|[Cc]ounty)"
            rf"\s+of\s+{_PLACE}{_PLACE_END}",
            0.65,
        ),
        # Irish and Northern Irish counties: "Patrickswell, Co. Limerick".
        Pattern("County", rf"(?<![\w'’-])Co\.?\s+{_PLACE}{_PLACE_END}", 0.75),
        # "the north of the country": lower case, so the filters keep it only by that mark.
        Pattern("Part of an unnamed area", rf"\b[Tt]he\s{{1,3}}\K{_COMPASS}\s+of\s+the\s+(?:{_UNNAMED_AREA})\b", 0.65),
    ]

    # Case-sensitive: a capital letter is the evidence for a name.
    FLAGS = re.DOTALL | re.MULTILINE

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        for result in results:
            explanation = result.analysis_explanation
            if explanation is not None and explanation.pattern_name == "Part of an unnamed area":
                result.recognition_metadata[UNNAMED_AREA_KEY] = True
        return results
