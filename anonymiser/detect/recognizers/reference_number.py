"""Case, crime, CAD, hospital and other reference numbers, found by the keyword before them."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from anonymiser.config import vocabulary
from anonymiser.core.entities import REFERENCE_NUMBER
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer
from anonymiser.detect.recognizers.street_address import STREET_AFTER_NUMBER

# The words that introduce a reference in police, health, children's-social-care and employers'
# records (models/vocabulary/record_systems.txt); a space inside an entry may be none or several ('LiquidLogic').
_SYSTEM = vocabulary.alternation(vocabulary.entries("record_systems"), gap=r"\s*")
_KIND = r"ref(?:erence)?|number|no|id|identifier|record|report|serial|log|#"  # "police log 0342"
_KEYWORD = (
    rf"(?:(?:{_SYSTEM})(?:\s+(?:{_KIND})\.?)+"  # "crime reference", "CAD number", "Mosaic ID"
    r"|cad|cris|mrn|urn|upn|crn|ref(?:erence)?(?:\s+no\.?)?"  # short forms used alone
    r"|sheet(?:\s?/\s?plan)?|folio)"  # a land register's map sheet: "sheet/plan 21/9", "folio 1234"
)
# Keyword, then at most a ":", "#", "is" or "was" before the code; the pattern matches the
# keyword, then \K (the regex module's "keep out") keeps it out of the span. A look-behind
# would do the same but be tried at every position of the text.
# Never across a line break: 'TERMS OF REFERENCE' ending a heading is not the keyword of the '2.1' below.
_LEAD = rf"\b(?i:{_KEYWORD})(?![A-Za-z])\.?[ \t]{{0,3}}(?:[:#=]|\bis\b|\bwas\b|-(?=\s))?[ \t]{{0,3}}"
# One or more runs of letters and digits joined by / - . , at least one digit, ending on
# a letter or digit (so the full stop ending a sentence is left out).
_CODE = r"(?=[A-Za-z0-9/.-]*\d)[A-Za-z0-9]+(?:[/.-][A-Za-z0-9]+)*"
_END = r"(?![\w/-]|\.\w)"
# Capitals naming a series, before a code with digits: the "KDHR" of "Ref KDHR 2019/20-05".
_SERIES = r"[A-Z][A-Z0-9]{1,7}(?![a-z])"  # never itself a keyword ('CRIS')
# With a colon or '#' after it the word is a field's label and stays ('Review reference: [reference removed]').
_BARE_REF = r"\b(?i:(?:our[ \t]+|your[ \t]+)?ref(?:erence)?)\.?(?:[ \t]{0,3}[:#][ \t]{0,3}\K|[ \t]{0,3})"
# "no. 57592/08", "nos. 26480/95": an abbreviated "number" always has its full stop, so the
# word "no" ("no one came") never counts.
_NUMBER_ABBREVIATION = r"(?<![A-Za-z])(?:[Nn]o|[Nn]os|NO|NOS|[Nn]r|[Nn]um)\.\s{0,3}"
_AFTER_NUMBER_ABBREVIATION = re.compile(rf"{_NUMBER_ABBREVIATION}({_CODE}){_END}")
# A record's own keyword, a system then a word for its number ('log reference', 'crime number',
# 'incident no.'), is never prose citing a year: the number after it is the record's even where it
# looks like one ('log reference 1987 of 26/09/2020'). A bare 'reference 2018' still cites guidance.
_RECORD_KEYWORD = rf"\b(?i:(?:{_SYSTEM})(?:\s+(?:ref(?:erence)?|number|no|id|identifier|log|#)\.?)+)(?![A-Za-z])"
_YEAR_SHAPED_RECORD = re.compile(rf"{_RECORD_KEYWORD}\.?[ \t]{{0,3}}(?:[:#=]|\bis\b|\bwas\b)?[ \t]{{0,3}}((?:19|20)\d\d){_END}")
_LEGAL_PART_BEFORE = re.compile(rf"\b(?i:{vocabulary.alternation(vocabulary.entries('document_parts'))})\s*$")
# A police officer's collar (shoulder) number between rank and name: "PC 6187 Marsh".
_COLLAR_TITLES = vocabulary.alternation(vocabulary.titles("reference-collar"))
_COLLAR = rf"(?<=\b(?:{_COLLAR_TITLES})\.?\s{{1,3}})\d{{3,6}}(?=\s{{1,3}}[A-Z][a-z])"
# UK neutral citations: "[2008] EWHC 860 (QB)", "[2010] EWCA Civ 426", "[2019] UKSC 12".
_NEUTRAL_CITATION = (
    r"\[(?:19|20)\d\d\]\s+(?:UKSC|UKHL|UKPC|UKUT|UKFTT|UKEAT|EWCA\s+(?:Civ|Crim)|EWHC|EWFC|EWCOP|CSIH|CSOH"
    r"|HCJAC|NICA|NIQB)\s+\d+(?:\s+\((?:QB|KB|Fam|Admin|Ch|Comm|TCC|Pat|IPEC|AAC|IAC|LC)\))?"
)
# What may follow a found code to make a list of them: "nos. 26480/95, 28291/95 and 29280/95".
_LIST_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|or|&)\s+)((?=[A-Za-z0-9/.-]*\d)[A-Za-z0-9]+(?:[/.-][A-Za-z0-9]+)*)(?![\w/-]|\.\w)")
_MONTH_CODES = vocabulary.alternation(m.upper() for m in vocabulary.MONTH_SHORT_FORMS)  # 'JAN', 'SEPT'
_DATE_WITH_MONTH_WORD = rf"\d{{1,2}}-(?:{_MONTH_CODES})-\d{{2,4}}\b"
# A directive's or regulation's number in the European series: "83/189/EEC", "2003/86/EC", "2016/679/EU".
_EUROPEAN_ACT = re.compile(r"\d{2,4}/\d{1,4}/(?:EEC|EC|EU|EURATOM|Euratom|CFSP|JHA)")
# "2023-03-14T09:30": an ISO date with its time has a letter among digits and hyphens, but is a date.
_ISO_DATE_TIME = r"(?:19|20)\d\d-[01]?\d-[0-3]?\dT[0-2]\d:"


class ReferenceNumberRecognizer(UkPatternRecognizer):
    """Codes after "crime reference", "CAD", "MRN", "Mosaic ID", "Ref:" ...; the span is the code."""

    ENTITY = REFERENCE_NUMBER
    PATTERNS = [
        UkPattern("Reference after keyword", rf"{_LEAD}\K{_CODE}{_END}", 0.85),
        # Groups of digits with single spaces after the keyword are one number: "NHS number 485 777 3456".
        UkPattern("Spaced number after keyword", rf"{_LEAD}\K\d{{2,5}}(?: \d{{2,5}}){{1,3}}{_END}", 0.85),
        # A series in capitals before the code is part of it, and a bare "Ref" with them one
        # reference: "Ref KDHR 2019/20-05", "Our ref: SCR 19-4" (a NER reads "Ref KDHR" as a name).
        UkPattern("Lettered reference after keyword",
                rf"(?<![\w-]){_BARE_REF}(?!(?i:{_KEYWORD})\b){_SERIES}[ \t]{{1,3}}{_CODE}{_END}", 0.85),
        UkPattern("Collar number", _COLLAR, 0.7),
        UkPattern("Neutral citation", _NEUTRAL_CITATION, 0.85),
        # Number/two-digit-year codes (application, crime and case numbers): "5019284/23", "57592/08".
        # Four digits or more before the slash, so a date ("13/03") or a blood pressure ("120/80") stays out.
        UkPattern("Number and year", r"(?<![\w/.-])\d{4,8}/\d{2}(?![\w/-]|\.\d)", 0.5),
        # Four or more numeric groups joined by slashes: no date has that many ("74/1996/693/885").
        UkPattern("Slashed number groups", r"(?<![\w/.-])\d{1,6}(?:/\d{1,6}){3,}(?![\w/-]|\.\d)", 0.6),
        # Force/number/year crime references, which no date or phone number looks like.
        UkPattern("Crime reference shape", r"(?<![\w/-])\d{2}/\d{5,8}/\d{2}(?![\w/-])", 0.6),
        # Letters and digits run together with / or -: "CR/2019/004512", "LA-2019-00123".
        # Upper case only and four digits or more, so "Covid-19" and "5-year-old" stay out.
        UkPattern(
            "Mixed code",
            rf"(?<![\w/-])(?!{_DATE_WITH_MONTH_WORD}|{_ISO_DATE_TIME})(?=[A-Z0-9/-]*[A-Z])(?=(?:[A-Z/-]*\d){{4}})"
            r"[A-Z0-9]+(?:[/-][A-Z0-9]+)+(?:\.[A-Z0-9]+)*(?![\w/-]|\.\w)",
            0.4,
        ),
    ]
    CONTEXT = ["reference", "ref", "number", "crime", "case", "id", "record"]


    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        # "no. 42", "nos. 19, 20 and 29": after the abbreviation even a short number is a code,
        # unless it numbers a part of a law ("Protocol No. 1", "Article 8 no. 2").
        seen = {(r.start, r.end) for r in results}
        for m in _AFTER_NUMBER_ABBREVIATION.finditer(text):
            code = m.group(1)
            if (m.start(1), m.end(1)) in seen or re.fullmatch(r"(?:19|20)\d\d", code):
                continue
            if _LEGAL_PART_BEFORE.search(text, max(0, m.start() - 20), m.start()) or STREET_AFTER_NUMBER.match(text, m.end()):
                continue  # 'No. 7 Larch Crescent': a house number, which the address takes
            results.append(RecognizerResult(REFERENCE_NUMBER, m.start(1), m.end(1), 0.7,
                                            recognition_metadata={"recognizer_name": self.name,
                                                                  "recognizer_identifier": self.id,
                                                                  "short_codes": True}))
            seen.add((m.start(1), m.end(1)))
        for m in _YEAR_SHAPED_RECORD.finditer(text):
            if (m.start(1), m.end(1)) not in seen:
                results.append(RecognizerResult(REFERENCE_NUMBER, m.start(1), m.end(1), 0.85,
                                                recognition_metadata={"recognizer_name": self.name,
                                                                      "recognizer_identifier": self.id}))
                seen.add((m.start(1), m.end(1)))
        # Lists of codes after one keyword: every item is a code, not only the first.
        extra = []
        for r in results:
            end = r.end
            short_ok = bool((r.recognition_metadata or {}).get("short_codes"))
            while (item := _LIST_NEXT.match(text, end)) and (short_ok or not self.invalidate_result(item.group(1))):
                extra.append(RecognizerResult(r.entity_type, item.start(1), item.end(1), r.score,
                                              analysis_explanation=r.analysis_explanation,
                                              recognition_metadata=dict(r.recognition_metadata or {})))
                end = item.end(1)
        fresh = []
        for r in extra:
            if (r.start, r.end) not in seen:
                seen.add((r.start, r.end))
                fresh.append(r)
        return results + fresh

    def invalidate_result(self, pattern_text: str) -> bool:
        # A European act's number ("83/189/EEC", "2016/679/EU") names a statute, not a case or a person.
        if _EUROPEAN_ACT.fullmatch(pattern_text):
            return True
        # A school or financial year ("2020/21", "2019/2020") is a span of time, not a code.
        year = re.fullmatch(r"((?:19|20)\d\d)/(\d\d|(?:19|20)\d\d)", pattern_text)
        if year and int(year.group(2)[-2:]) == (int(year.group(1)) + 1) % 100:
            return True
        # A keyword followed by a small count ("case number 2") or a year ("reference 2018",
        # citing guidance) is prose.
        return pattern_text.isdigit() and (
            len(pattern_text) < 3 or bool(re.fullmatch(r"(?:19|20)\d\d", pattern_text))
        )
