"""One person under every name the draft gives them: the phrases that say a name is another's alias.

'William Tanner, known as Will', 'Agnieszka Nowak (known as Aga)', 'Mr Whitfield, whom Ms Adebayo
calls Dan', 'Tyler, who prefers to be called Ty': the name after the phrase is the same person as the
name before it. Grouping (decide.people) uses the phrase to give the alias the person's key, so both
get one label; the person action (decide.actions) then drops the phrase with the alias, since it
would only repeat the label ('Adult A, known as Adult A').
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement
from anonymiser.decide.name_brackets import collapse_name_brackets
from anonymiser.decide.restated_aliases import VARIANT, WORDINGS, reword_restated_aliases
from anonymiser.decide.wording import MORE_ALIASES, match_case

_QUOTE = "\"'‘’“”"
# What stands between a name and its alias: an apposition or a bracket saying the second is what the
# first is known as, called or referred to as ('known to her family as', 'also called', 'nicknamed').
# 'Known' and 'referred to' name only with their 'as' ('was referred to CAMHS' names a service, not
# an alias); 'called' and 'nicknamed' name with or without it ('also called Dan').
# The words that say where or among whom a name is used: 'known to her family', 'on the street', 'round here'.
WHERE_KNOWN = r"(?:to|in|on|at|among|amongst|around|round|across|by|within|throughout)"
# An adverb of manner may stand before it: 'known locally as', 'known affectionately to them as'.
_AS_PHRASE = rf"(?:\s+[a-z]+ly)?(?:\s+{WHERE_KNOWN}\s+[^,.;:()\n]{{1,40}}?\s+as|\s+as)"
_AS = r"(?:(?:also|often|usually|commonly|sometimes)\s+)?" \
      rf"(?:(?:known|referred\s+to){_AS_PHRASE}|(?:called|nicknamed){_AS_PHRASE}?)\s+[{_QUOTE}]?"
_JOINTS = (
    # 'Kieran Mallory, aged 15, known as "Kiz"': an aside may stand between the name and its alias
    rf"(?:(?P<aside>,[^,.;:()\n{_QUOTE}]{{1,40}}?)(?=,))?,\s*{_AS}",
    rf"\s*\(\s*{_AS}",
    # 'Mr Whitfield, whom Ms Adebayo calls Dan' ('who calls Dan' is someone calling Dan)
    rf",\s*whom\s+[^,.;:()\n]{{0,40}}?\bcalls?\s+[{_QUOTE}]?",
    # 'Tyler, who prefers to be called Ty'
    rf",\s*who\s+(?:prefers|likes|asks|wants|chooses)\s+to\s+be\s+(?:called|known\s+as)\s+[{_QUOTE}]?",
    # 'Arben Krasniqi ("Benny")': a name in quotes, alone in a bracket after a name, is what he is called
    rf"[ \t]*\([ \t]*[{_QUOTE}]",
)
_JOINT = re.compile("|".join(f"(?:{j})" for j in _JOINTS), re.I)
# 'Kieran is known to his friends as Kez.': the alias is the sentence's whole point, so the phrase
# cannot go; the name after 'as' does ('... is known to his friends by another name').
# 'Jordan Pike, who was 18 and is known as "Jojo"': what else the clause says may come first.
_PREDICATE = re.compile(rf"(?:,[^,.;:()]{{1,60}},|,(?=\s*who\b))?\s*(?:who\s+(?:[^,.;:()\n{_QUOTE}]{{1,40}}?\s+and\s+)?)?(?:is|was|are|were|has\s+been|had\s+been|became)\s+{_AS}", re.I)
_AS_WORD = re.compile(r"\bas\s+[\"'‘’“”]?$", re.I)
# An alias after a phrase: one to three capitalised words, perhaps in quotes ('known as "Bigs"').
_ALIAS_WORDS = re.compile(r"[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,2}")
_ORGANISATION_WORDS = vocabulary.lower(vocabulary.entries("organisation_words"))  # 'Police', 'Council': no one's alias
_ENDS_JOINT = re.compile("(?:" + "|".join(f"(?:{j})" for j in _JOINTS) + ")$", re.I)
# How the phrase closes after the alias: its quote, then the bracket or the apposition's comma,
# unless the comma goes on to a list's next item, a clause or another apposition ('known as Will, aged 28').
_CLOSE = re.compile(rf"[{_QUOTE}]?(?:\s*\)|,(?!\s*(?:(?:who|whom|whose|which|where|her|his|their|the|a|an|aged?|then|now|born)\b|[A-Z\d])))?")


def is_alias_joint(between: str) -> bool:
    """The text between two names says the second is the first's alias ('known as', 'is known to his
    friends as')."""
    return _JOINT.fullmatch(between) is not None or _PREDICATE.fullmatch(between) is not None


def alias_phrase(text: str, start: int, end: int, same_person_just_before: int | None,
                 mention_start: int | None = None) -> tuple[int, int] | None:
    """The span to remove with an alias when the same person's mention ends just before its phrase:
    'Kerry Brennan, known as Kez, is 33' -> 'Mother is 33'; 'Agnieszka Nowak (known as Aga) was' ->
    'Mother was'. `same_person_just_before` is where that mention ends, or None; returns None when
    the alias does not follow the person's mention through one of the phrases."""
    if same_person_just_before is None or same_person_just_before > start:
        return None
    joint_match = _JOINT.fullmatch(text, same_person_just_before, start)
    if joint_match is None:
        return None
    if joint_match.group("aside"):
        same_person_just_before = joint_match.end("aside")  # ', aged 15,' stays: it says something of its own
    joint = text[same_person_just_before:start]
    more = MORE_ALIASES.match(text, end)
    end = more.end() if more else end  # 'known at home as Anička and at nursery as Annie': both hers
    close = _CLOSE.match(text, end)
    close_end = close.end() if close else end
    if "(" in joint and ")" not in text[end:close_end]:
        return None  # '(known as Aga and ...' is not the alias alone
    if "(" in joint and mention_start is not None and text[mention_start:mention_start + 1] == ",":
        # 'her mother, Sarah Okafor (known as Sal), said': the mention went with the comma that opened
        # its apposition, so the one after the bracket, which closes it, goes too
        comma = _CLOSE.match(text, close_end)
        if comma and text[close_end:comma.end()].strip() == ",":
            close_end = comma.end()
    if "(" not in joint:
        close_end = end + len(text[end:close_end].rstrip(") "))  # an apposition ends at its comma
        if mention_start is not None and text[max(0, mention_start - 40):mention_start].rstrip().endswith(","):
            # 'a friend, Gordon Pyle, known as "Gordy", stayed': the comma closes the first apposition too
            close_end = end + len(text[end:close_end].rstrip(","))
    return same_person_just_before, close_end


def ends_in_alias_joint(text: str, start: int) -> bool:
    """The span at `start` follows an alias phrase ('known as ')."""
    return _ENDS_JOINT.search(text, max(0, start - 80), start) is not None


# 'Hope will be referred to as "Emily"': the sentence that names the pseudonym the report uses.
# 'Tomos is referred to in the published review as **Baby T**' too: the label may stand in Markdown's bold.
# 'will be', 'has asked to be': the verb before the naming word.
TO_BE = r"(?:(?:will|shall|is\s+to|would)\s+be|is|are|(?:(?:has|have|had)\s+)?(?:asked|chosen|chose|agreed|wished|wants|wanted|prefers|preferred)\s+to\s+be)"
# Unquoted, the label follows 'as': 'Tobi is referred to as Jack.'
# 'referred to', 'known in this review': the words that give the name a review uses for someone.
NAMING = r"(?:referred\s+to|called|known|named)(?:\s+(?:in|throughout)\s+[^.;:,\n]{1,40}?)?"
_PSEUDONYM_SENTENCE = (rf"\s+{TO_BE}\s+{NAMING.replace('{', '{{').replace('}', '}}')}"
                       r"(?:(?:\s+as)?\s+(?:[{q}]|[*_]{{1,2}}){label}(?:[{q}]|[*_]{{1,2}})"
                       r"|\s+as\s+{label}(?![\w'’-]))")
_NAMES_A_PSEUDONYM = re.compile(rf"\b{NAMING}\s+as\s+$", re.I)


def introduces_pseudonym(text: str, start: int) -> bool:
    """'Tobi is referred to as Jack': the word at `start` is what a naming phrase right before it says."""
    return _NAMES_A_PSEUDONYM.search(text, max(0, start - 80), start) is not None


def names_its_pseudonym(text: str, end: int, label: str) -> bool:
    """The name ending at `end` is the one a sentence gives its pseudonym `label`: replaced by the
    label it would read 'Emily will be referred to as "Emily"'."""
    pattern = _PSEUDONYM_SENTENCE.format(q=_QUOTE, label=re.escape(label))
    return re.match(pattern, text[end:end + len(label) + 100], re.I) is not None


def last_mention(done: list[Replacement], person: str | None, start: int, reach: int = 120) -> tuple[int, int] | None:
    """Where the latest replacement of `person` ending before `start`, and within `reach` of it, lies."""
    if not person:
        return None
    for r in reversed(done[-6:]):
        if r.person == person and start - reach <= r.end <= start:
            return r.start, r.end
    return None


def alias_after_mention(text: str, start: int, end: int, done: list[Replacement], person: str | None) -> tuple[int, int] | None:
    """`alias_phrase` after the latest replacement of the same person."""
    mention = last_mention(done, person, start)
    return alias_phrase(text, start, end, mention[1], mention[0]) if mention else None


def role_heading(text: str, start: int, label: str) -> int | None:
    """'MOTHER: FOLASADE ADEBAYO' would read 'MOTHER: MOTHER': where the label heads the name with a
    colon, the name goes with the colon. Where the removal starts, or None."""
    words = label.split()
    if not words:
        return None
    m = re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"(\s*:[ \t]*)$", text[max(0, start - len(label) - 6):start], re.I)
    return start - len(m.group(1)) if m else None


def opens_line(text: str, start: int) -> bool:
    """Only a section or list number stands before `start` on its line ('1.3 Lily will be ...')."""
    return re.fullmatch(r"[ \t]*(?:\d+(?:\.\d+)*\.?|\(?[a-z\d]\))?[ \t]*", text[text.rfind("\n", 0, start) + 1:start]) is not None


_OPEN, _SHUT = "\"'‘“", "\"'’”"
_ADDRESS_POSTCODE_GAP = re.compile(r",?[ \t]*")
_LIST_GAP = re.compile(r"[\"'’”]\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)[\"'‘“]")


def _items(text: str, replacements: list[Replacement]) -> list[list[Replacement]]:
    """The replacements in order of place, an address and the postcode after it inside one pair of
    quotation marks ('"41 Elm Road, ZZ9 9ZZ"') together as one item of a list."""
    items: list[list[Replacement]] = []
    for r in sorted(replacements, key=lambda r: (r.start, -r.end)):
        last = items[-1] if items else None
        if (last and len(last) == 1 and last[0].entity == E.ADDRESS and r.entity == E.POSTCODE
                and _ADDRESS_POSTCODE_GAP.fullmatch(text, last[0].end, r.start)
                and last[0].start > 0 and text[last[0].start - 1] in _OPEN and text[r.end:r.end + 1] in tuple(_SHUT)):
            last.append(r)
        else:
            items.append([r])
    return items


def collapse_variants(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """'"Lily Harding", "Lily Nowak-Harding" and "Lily Nowak"' were all in use' would read '"Sophie",
    "Sophie" and "Sophie"': a list of quoted names of one person that all become the same label is
    one mention, 'variants of "Sophie"'; so is a list of one address's forms that all read 'the family
    home', a postcode written with one of them included. The first replacement takes the list; `says`
    is the step's note for its rule."""
    out: list[Replacement] = []
    run: list[list[Replacement]] = []

    def flush() -> None:
        if len(run) > 1:
            first, last = run[0][0], run[-1][-1]
            label = first.replacement
            first.start, first.end = first.start - 1, last.end + 1
            first.original = text[first.start:first.end]
            first.replacement = match_case(first.original, f"variants of {text[first.start]}{label}{text[first.end - 1]}",
                                           text, first.start)
            first.core = (min(r.core[0] for item in run for r in item), max(r.core[1] for item in run for r in item))
            trail, _, rest = first.rule.partition(": ")
            first.rule = f"{trail} > {says}: {len(run)} variants of one name read the same: one mention ({rest})"
            out.append(first)
        else:
            out.extend(r for item in run for r in item)
        run.clear()

    for item in _items(text, replacements):
        r, end = item[0], item[-1].end
        # one person's names, or any other thing's forms ('"12 Elm Rd", "12 Elm Road"': one address)
        quoted = (bool(r.replacement) and (r.entity != E.PERSON or bool(r.person)) and r.start > 0
                  and text[r.start - 1] in _OPEN and text[end:end + 1] in tuple(_SHUT))
        head = run[-1][0] if run else None
        if head and quoted and (r.entity, r.person, r.replacement) == (head.entity, head.person, head.replacement) \
                and _LIST_GAP.fullmatch(text, run[-1][-1].end, r.start):
            run.append(item)
            continue
        flush()
        if quoted:
            run.append(item)
        else:
            out.extend(item)
    flush()
    return out


def predicate_alias(text: str, start: int, end: int, done: list[Replacement], person: str | None) -> tuple[int, int] | None:
    """'Kieran is known to his friends as Kez.': the span from 'as' to the alias's closing quote, to be
    read 'by another name', when the same person's mention ends just before the phrase."""
    mention = last_mention(done, person, start)
    if mention is None:
        return None
    if (start > 0 and text[start - 1] in _QUOTE and text[end:end + 1] in _QUOTE
            and re.fullmatch(r"[ \t]*\n?[ \t]*", text[mention[1]:start - 1]) and mention[1] < start - 1):
        return start - 1, end + 1  # 'Kayleigh calls Mr Pattinson "Patto"': the quoted name right after his
    joint = _PREDICATE.fullmatch(text, mention[1], start)
    if joint is None:
        return None
    as_word = _AS_WORD.search(text, mention[1], start)
    if as_word is None:
        return None
    close = end + 1 if text[end:end + 1] in _QUOTE else end
    return as_word.start(), close


def alias_words_after(text: str, end: int) -> tuple[int, int] | None:
    """Where the alias lies that a phrase right after `end` gives ('Liban Osman, known as "Bigs"'):
    one to three capitalised words; None when no alias phrase follows."""
    joint = _JOINT.match(text, end) or _PREDICATE.match(text, end)
    if joint is None or joint.end() - end > 90:
        return None
    words = _ALIAS_WORDS.match(text, joint.end())
    if words is None or any(w.lower() in _ORGANISATION_WORDS for w in words.group(0).split()):
        return None  # 'an Eileen Stott, called Staffordshire Police to report': a body she telephoned
    if _QUOTED_BRACKET.fullmatch(joint.group(0)) and not _QUOTE_CLOSES.match(text, words.end()):
        return None  # '("I'm family", she said)': a quotation in the bracket, not a name
    return words.span()


_QUOTED_BRACKET = re.compile(rf"[ \t]*\([ \t]*[{_QUOTE}]")
_QUOTE_CLOSES = re.compile(rf"[{_QUOTE}][ \t]*\)")
_INVERTED_GAP = re.compile(r",[ \t]*")
_BRACKETED = re.compile(r"[ \t]*\([ \t]*")


def collapse_inverted(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """'HORVÁTH, Marek (Mara)' in a family table would read 'UNCLE, Uncle (Uncle)' or '[family name],
    Zayn': a surname, a comma and one person's first name (and a bracketed alias of theirs) are one
    mention, which reads as the first name's label."""
    reps = sorted(replacements, key=lambda r: (r.start, -r.end))
    out: list[Replacement] = []
    i = 0
    while i < len(reps):
        r = reps[i]
        nxt = reps[i + 1] if i + 1 < len(reps) else None
        if (nxt is not None and r.entity == E.PERSON and nxt.entity == E.PERSON and nxt.person
                and nxt.person.startswith("register:") and len(r.original.split()) == 1
                and len(nxt.original.split()) == 1 and _INVERTED_GAP.fullmatch(text, r.end, nxt.start)
                and re.sub(r"['’]s?$", "", r.original.lower()) in nxt.person.split(":", 1)[1].split()[1:]):
            end, j = nxt.end, i + 2
            alias = reps[j] if j < len(reps) else None
            bracket = _BRACKETED.fullmatch(text, end, alias.start) if alias is not None else None
            if alias is not None and bracket and alias.person == nxt.person and text[alias.end:alias.end + 1] == ")":
                end, j = alias.end + 1, j + 1
            trail, _, rest = nxt.rule.partition(": ")
            nxt.replacement = match_case(text[nxt.start:nxt.end], nxt.replacement, text, r.start)
            nxt.start, nxt.end, nxt.original, nxt.core = r.start, end, text[r.start:end], (r.start, end)
            nxt.rule = f"{trail} > {says}: a surname, its first name and alias: one mention ({rest})"
            out.append(nxt)
            i = j
            continue
        aside = _naming_aside(text, r, reps, i + 1)  # not a copy of the rest per replacement: quadratic
        if aside is not None:
            # 'Faadumo (she sometimes spells her name Fadumo, and some records have Faduma)' would read
            # 'Mother (she sometimes spells her name Mother, ...)': an aside that only gives spellings goes
            end, n = aside
            trail, _, rest = r.rule.partition(": ")
            r.end, r.original, r.core = end, text[r.start:end], (r.core[0], reps[i + n].core[1])
            r.rule = f"{trail} > {says}: an aside that only spells the name: one mention ({rest})"
            out.append(r)
            i += 1 + n
            continue
        bracket = _ALIAS_BRACKET.fullmatch(text, r.end, nxt.start) if nxt is not None else None
        close = _ALIAS_CLOSE.match(text, nxt.end) if nxt is not None and bracket else None
        if nxt is not None and bracket and close and r.person and r.person == nxt.person and r.replacement \
                and r.replacement.lower() == nxt.replacement.lower():
            # 'CHELSEA JENKINS ("Chels")' would read 'MOTHER ("Mother")': the bracket only repeats the label
            r.end, r.original, r.core = close.end(), text[r.start:close.end()], (r.core[0], nxt.core[1])
            trail, _, rest = r.rule.partition(": ")
            r.rule = f"{trail} > {says}: a bracketed alias that reads the same: one mention ({rest})"
            out.append(r)
            i += 2
            continue
        out.append(r)
        i += 1
    return collapse_name_brackets(text, out, says)  # 'Mr and Mrs Hewson (Derek and Sandra)'


_ALIAS_BRACKET = re.compile(rf"[ \t]*\([ \t]*[{_QUOTE}]?")
_ALIAS_CLOSE = re.compile(rf"[{_QUOTE}]?[ \t]*\)")


# What an aside about a name's spellings is made of, besides the spellings: 'she sometimes spells her
# name X', 'also written X', 'some records have X', 'or X'.
_NAMING_WORDS = frozenset("""a also and are as called has have he her his in is it known name names or
records record she sometimes some spell spells spelled spelt spelling the their them they too used
uses use was written writes write also elsewhere often usually""".split())


def _naming_aside(text: str, r: Replacement, reps: list[Replacement], first: int) -> tuple[int, int] | None:
    """Where a bracket right after `r` ends, and how many replacements it holds, when it holds only
    spellings of the same person (each reading as `r` does) and words about naming. `reps[first:]`
    are the replacements after `r`, in order of their start."""
    opening = re.match(r"[ \t]*\(", text[r.end:r.end + 3])
    if not r.person or not r.replacement or opening is None:
        return None
    start = r.end + opening.end()
    close = text.find(")", start, start + 120)
    if close < 0 or "\n\n" in text[start:close] or "(" in text[start:close]:
        return None
    inside = []
    while first < len(reps) and reps[first].start < close:
        inside.append(reps[first])
        first += 1
    if not inside or any(a.end > close or a.person != r.person or a.replacement.lower() != r.replacement.lower()
                         for a in inside):
        return None
    rest, pos = [], start
    for a in inside:
        rest.append(text[pos:a.start])
        pos = a.end
    rest.append(text[pos:close])
    words = re.findall(r"[^\W\d_]+", " ".join(rest).lower())
    return (close + 1, len(inside)) if words and all(w in _NAMING_WORDS for w in words) else None
# '"Mather" was recorded as "Mathers"', 'her name appears variously as "Agniezka"', 'the school
# recorded Imogen as "Immy"': a record verb, up to four words (an adverb, the name recorded), and 'as'
# before the quoted name (models/vocabulary/record_verbs.txt).
RECORDED_AS = (rf"\b(?:{vocabulary.alternation(vocabulary.entries('record_verbs'))})"
               r"(?:[ \t]+[\w'’\"“”-]+){0,4}?[ \t]+as")
_RECORDED_AS = re.compile(rf"{RECORDED_AS}\s+$", re.I)
_RECORDED_AS_UNQUOTED = re.compile(rf"{RECORDED_AS}[ \t]+$", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
# What a restated name reads as, by what it names.
_VARIANT = {E.PERSON: VARIANT}
_VARIANT_OTHER = "a variant of it"
RESTATED_WORDINGS = frozenset({*_VARIANT.values(), _VARIANT_OTHER, *WORDINGS})  # they name no one person


def _sentence_out(text: str, start: int, end: int, replacements: list[Replacement]) -> str:
    """text[start:end] as published: each replacement inside it written in."""
    out, pos = [], start
    for r in replacements:
        if r.start >= pos and r.end <= end:
            out += [text[pos:r.start], r.replacement]
            pos = r.end
    return "".join(out) + text[pos:end]


def reword_restated(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """'"Mather" was recorded as "Mathers"' would read '"Stepfather" was recorded as "Stepfather"', and
    'the mother's first name appears as "Agniezka"' would read '... appears as "Mother"': a quoted name
    after a record verb and 'as' that reads as a label its sentence has already given states a
    difference the publication no longer shows. It reads 'recorded as a variant of the name' instead,
    noted in its rule. `replacements` are in order of place; each one changed is returned."""
    changed = []
    for i, r in enumerate(replacements):
        label = r.replacement.strip()
        if (not label or label.startswith(("[", "variants of")) or r.start == 0 or text[r.start - 1] not in _OPEN
                or text[r.end:r.end + 1] not in tuple(_SHUT)
                or not _RECORDED_AS.search(text, max(0, r.start - 61), r.start - 1)):
            continue
        breaks = list(_SENTENCE_BREAK.finditer(text, max(0, r.start - 300), r.start))
        sentence = breaks[-1].end() if breaks else max(0, r.start - 300)
        before = _sentence_out(text, sentence, r.start - 1, replacements[:i])
        if not re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", before, re.I):
            continue
        r.start, r.end = r.start - 1, r.end + 1
        r.original = text[r.start:r.end]
        r.replacement = _VARIANT.get(r.entity, _VARIANT_OTHER)
        trail, _, rest = r.rule.partition(": ")
        r.rule = f"{trail} > {says}: the name after 'recorded as' would repeat its sentence's label '{label}' ({rest})"
        changed.append(r)
    # 'as Kai Rowe' unquoted, 'Mr Penn, "Pip" to his friends', '(Jojo Penn in older records)', 'Ward 6 (Elm Ward)'
    return changed + reword_restated_aliases(text, replacements, says, _RECORDED_AS_UNQUOTED)
