"""The decide stage as named steps, in the order they run, and why each stands where it does.

1. keep-rules: drop what the profile keeps (types it does not detect, low scores, allowlisted terms, the
   partnership's area and the areas round it, a place that begins an agency's name, countries, though a town the NER
   read as a person before its country is a place: decide.origins, NER noise, a platform's name read as a person)
   and cut allowlisted words out of a detection. NER noise includes a citation ('Rule 21 § 4'), a bare number or
   fraction, a duration written as an adjective ('the three-month period'), a nationality before a state's body
   ('the Polish Government') and a language read as a place; a span is first cut at a bracket it does not close
   ('Court (Rule 21': decide.brackets). First, so that every later step works only from what is really to go:
   spreading a kept word ('Children's Services') would put it through the whole text.
2. local-organisations: a named church, mosque, temple, gurdwara, club or care provider, or an organisation written
   as someone's employer, is marked with its kind ('the church', 'the employer'), which choose uses even where the
   profile only flags organisations; a 'person' that is one ('St Mary's Church') becomes it; 'Assembly' or
   'Fellowship' is a church only with a word of worship in its name ('Harbour Light Praise Assembly', not 'the
   General Assembly'), and an organisation takes in the company ending after it ('Marlowe Print (Leeds) Ltd'). After
   the keep rules, so an allowlisted agency is never one; before propagation, so 'Mary' of 'St Mary's Church' is
   never spread as a name.
3. kept-phrases: the phrase layer (decide.phrases). A detection inside a kept phrase goes, one straddling it is cut
   at its edge: allowlisted and kept-place phrases at their longest, agencies' names by their shape, statutes by
   theirs ('the Criminal Justice Act 1967': decide.legislation), acronyms the text defines by a kept expansion, a
   label and a letter ('Child C'), section numbers; a kept place is not cut out of a hospital, church or company it
   names ('Peterborough City Hospital' is a local body, 'the hospital'). Then the lexicon veto: a span only the NER
   found, as a person or place, made only of common English words and with no person cue, goes. After the keep
   rules, which settle whole detections first; before propagation, so nothing inside a kept phrase, and no common
   word, is spread through the text.
4. dates-of-birth: a date that is a date of birth becomes one, and the register's dates of birth are found in every
   written form. Before propagation, so the same date written again elsewhere is found as a date of birth, not as a
   date to be cut to its month and year.
5. listed-people: people listed with their roles or agencies, found from the layout and the name lists
   (decide.person_evidence): a panel list of lines that each open with a name ('Maya Trelawny Larkstone Housing'), a
   name after 'Report by:' or under an 'Author' line. A NER person that ran from the name into the agency after it
   ('Trelawny Kent') is dropped. After the keep rules, so an allowlisted agency is known and never broken; before
   propagation, so a listed surname is found at its other mentions too.
6. listed-organisations: the body beside a listed person ('Maya Trelawny Larkstone Housing') that no kept phrase
   touches and that holds a name-like word (a proper noun, a word the lexicon does not know, an acronym no list
   explains) is a local organisation and goes as its kind ('the housing provider') (decide.listed_organisations); a
   national agency or NHS trust there is kept by the allowlists and the agency-name shape. Right after listed-
   people, which finds the lines; before propagation, so the organisation's name is not spread as a person's.
7. propagation: every other mention of what was found ('Jade' once 'Jade Hollis' is); these pass the keep rules and
   the phrase layer too. A section number of the text ('2.1') read once as a reference is not spread to its other
   uses. After the keep rules and dates of birth, so only what goes is spread, and as its final kind.
8. names-from-evidence: the people the NER missed, decided once per distinct string from the name lists and the
   local context (decide.person_evidence): a first name that is also a month or a word ('June refused', "Hope's
   mother") and initials of a person ('his mother SR', 'HD was born', not an acronym the text defines), first names
   the lists know before a surname the NER found alone ('Lily Rose Field'), a surname after a first name it found
   alone ('Kyle Judge', then 'Mr Judge': decide.name_edges), a word of a found name alone before a person's verb
   ('Jordan told' after 'Mr Jordan Pearson': decide.kept_name_words), a pet's name ('Biscuit is their dog':
   decide.pet_names). The name stands at every capitalised mention unless the context says otherwise ('June 2021',
   'in June', 'Will you'). After propagation, whose spreading knows no date context: it spreads its own names, and
   sees all the NER and propagation found, to add the rest.
9. reviewer-additions: the spans the reviewer added. After the keep rules and propagation: a reviewer's addition
   beats the allowlists, and already stands at every place its words appear.
10. people-read-as-organisations: 'Kia Jones' that the NER called an organisation, where 'Jones' is found as a
   person, or given a title elsewhere ('Mr Jones'), is a person, and the name is spread as propagation spreads names
   ('Kia said'). Before overlaps, which would cut the organisation around the person and leave 'Kia' showing as an
   organisation.
11. overlaps: every character is decided once; the more trustworthy kind wins. A piece cut off keeps no function
   words at its edges ('Government of the'), and a person's piece holding no name ('TEL' beside a register name)
   goes; first, a field's label in capitals that ends a person's span before a number ('Mrs Dawn Pike TEL 01632
   960777') is cut off (decide.people). After every detection is in, so each overlap is settled once against all
   contenders; before people are merged and grouped, which need the spans that will be replaced.
12. adjacent-names: side-by-side pieces of one register person ('Amara' + 'Okafer') become one mention, and so do
   two pieces of a name no register holds with one space between, or a line break in running text ('a neighbour, Mrs
   Comfort' / 'Asante, called'); a list of one name a line stays apart. After overlaps, which leave such pieces;
   before other people are grouped, so a wrapped name is grouped whole.
13. streets-read-as-people: a person no register holds whose words are a street's ('Harrow Lane'), where they are a
   place or in an address elsewhere, is that place (decide.streets). After adjacent-names, which joins a street's
   words; before other-people, which would group it.
14. other-people: everyone not on the register gets a key shared by all their mentions (a full name, its first name,
   a title and surname, initials; initials only one register person's name has are that person:
   decide.register_initials; 'Mr and Mrs Hewson', two, and 'Mr Hewson' and 'Mrs Hewson' no full name explains:
   decide.couples), an alias the draft gives a person ('William Tanner, known as Will', 'whom Ms Adebayo calls Dan',
   'known in this review as "R"': decide.aliases, decide.alias_names) takes that person's key at every mention of
   it, and who is met in a professional capacity, or said to be a child ('baby Kai', 'Kai (2)'), is noted. Where the
   profile labels professionals by role (`people.professionals_by_role`), the role written beside a person's name
   ('the health visitor, Amina Begum') is read, and their label given in order of first mention ('the health
   visitor', 'Health Visitor 2': decide.roles). After overlaps; before choose, which gives one label per key.
15. choose: the profile's action for each detection (decide.actions) makes a replacement or a flag. A date cut to
   its month takes the words before its day with it ('On the morning of 14 March' -> 'One morning in March':
   decide.dates); a register address becomes only what the register says of it (its label, the family home, another
   address: decide.addresses). What would only repeat the label goes: an alias with its phrase ('Adult A, known as
   Adult A'), a name after its role and a colon ('MOTHER: MOTHER'), a professional's name beside their role label's
   role ('the health visitor, Amina Begum,' -> 'the health visitor'), a name between two roles ('Reviewer: Helen
   Ashdown, independent reviewer' -> 'Reviewer: independent reviewer'); the sentence that gives the register's
   pseudonym names the role ('the subject child will be called "Emily"': decide.aliases). After every detection
   step: it needs each detection's final span, kind and person.
16. residue: every kept token that could identify someone (a proper noun or unknown word capitalised mid-sentence,
   initials, an alphanumeric code) must be explained by an allowlist, keep-list or gazetteer phrase, common-word
   evidence, a word of the trade or of public bodies' names ('Cassation'), or an acronym a kept name in the text
   spells out ('NUH': decide.expansions); anything else is replaced with the label its context supports, and an
   organisation flagged as kept that no list explains becomes its kind (decide.residue). After choose: only the
   final decisions show what is really kept. A reviewer's rejection still undoes what it replaces (after the decide
   stage).
17. widened-overlaps: a replacement widened to take in a title, 'the' or 'on' can reach into the one before; the
   wider one wins. After choose and residue, which do the widening. Then a second place of one kind reads 'another
   hospital' (decide.kinds_apart), on the final spans.
18. name-variants: a quoted list of one person's names that would all read the same label ('"Lily Harding", "Lily
   Nowak" and "Lily Nowak-Harding"') becomes one mention, 'variants of "Sophie"', and a quoted name after 'recorded
   as' that would repeat its sentence's label reads 'a variant of the name', each noted in its rule
   (decide.aliases); a role label with an apposition that restates it ('Mother, mother of Megan,', 'Mother (Megan's
   mother)') reads 'Mother' (decide.restated_roles), and a Word or PDF table's name cell beside its role cell '[name
   removed]' (decide.row_cells); a former surname beside it ('(née Parr)') goes with it (decide.former_names). After
   widened-overlaps: it joins final replacements.
19. mechanics: each final replacement is joined to the words round it (decide.mechanics): 'a' or 'an' agrees with it
   ('an Adult A'), a person's "'s" survives ("Adult A's mobile"), a marker takes in a '+' or the rest of a word it
   would touch ('[phone number removed]', never '+[phone number removed]'), and the first word of a sentence, a
   numbered heading or a list item keeps its capital ('5.2 The GP practice'). After name-variants: it needs each
   final span, and widens one only up to its neighbours.
20. flag-lists: the profile's flag lists (ethnicities) flag what no replacement covers. After every replacement is
   made: it needs the final replacements.
21. confidence: each replacement's confidence is combined from its evidence (decide.confidence, weights in
   models/evidence/confidence.yaml): the register, a checked pattern, the NER's label, detectors that agree, the
   name lists, a title or role, the lexicon, the gazetteer, the same string decided elsewhere with strong evidence,
   or none (the residue rule). It changes only the score and the evidence the report and the audit log show, never
   what is replaced. Last: it weighs every final replacement, and one decision per string needs them all. A
   detection a step makes or changes carries the step's name in its trail, and each decision's rule names that trail
   and the step that made it: 'propagation > other-people > choose: ...'.
"""

from __future__ import annotations

from dataclasses import replace

from anonymiser.config.lexicon import merged
from anonymiser.core import entities as E
from anonymiser.core.results import Flag, Replacement
from anonymiser.decide.actions import ACTIONS
from anonymiser.decide.addresses import postcodes_into_addresses
from anonymiser.decide.alias_names import alias_names
from anonymiser.decide.aliases import collapse_inverted, collapse_variants, reword_restated
from anonymiser.decide.confidence import score_replacements
from anonymiser.decide.couples import couples
from anonymiser.decide.ethnicity_flags import ethnicity_flags
from anonymiser.decide.former_names import drop_former_names
from anonymiser.decide.kept_name_words import kept_name_words
from anonymiser.decide.kinds_apart import tell_kinds_apart
from anonymiser.decide.listed_organisations import listed_organisations
from anonymiser.decide.listed_people import drop_spilled_people, listed_people
from anonymiser.decide.local_organisations import named_employers, read_local_organisations, with_found
from anonymiser.decide.mechanics import MENDS
from anonymiser.decide.name_edges import take_in_first_names, take_in_surnames
from anonymiser.decide.namesakes import people_keys, professionals_of_a_family_surname
from anonymiser.decide.overlaps import merge_adjacent_people, resolve
from anonymiser.decide.people import child_people, people_read_as_organisations, professional_people, trim_field_labels
from anonymiser.decide.person_evidence import initials, name_words
from anonymiser.decide.pet_names import pet_names
from anonymiser.decide.place_first_names import first_names_kept_as_places
from anonymiser.decide.places_by_context import places_by_context
from anonymiser.decide.propagation import propagate
from anonymiser.decide.pub_names import pub_names
from anonymiser.decide.register_initials import labeller, register_initials
from anonymiser.decide.residue_step import residue_replacements
from anonymiser.decide.restated_roles import drop_restated_roles
from anonymiser.decide.roles import PersonRole, people_roles
from anonymiser.decide.row_cells import mark_restated_row_cells
from anonymiser.decide.state import DecideState, Step
from anonymiser.decide.streets import streets_read_as_people
from anonymiser.detect.recognizers.register_births import find_register_births, mark_dates_of_birth


def keep_rules(state: DecideState) -> None:
    state.detections = state.keeper.filter(places_by_context(state.text, state.detections))


def local_organisations(state: DecideState) -> None:
    employers = state.keeper.filter(named_employers(state.text, state.detections))  # an agency's name stays
    pubs = state.keeper.filter(pub_names(state.text, state.detections))
    state.detections = read_local_organisations(state.text, with_found(state.detections, employers + pubs))


def kept_phrases(state: DecideState) -> None:
    state.detections = state.phrases.filter(state.detections)


def dates_of_birth(state: DecideState) -> None:
    if state.profile.detects(E.DATE_OF_BIRTH):
        state.detections = (mark_dates_of_birth(state.text, state.detections, state.register)
                            + find_register_births(state.text, state.register))


def listed_people_step(state: DecideState) -> None:
    if state.profile.detects(E.PERSON):
        kept = state.keeper.allowed_spans
        listed = listed_people(state.text, state.detections, kept)
        state.detections = drop_spilled_people(state.text, state.detections, listed, kept) + listed


def listed_organisations_step(state: DecideState) -> None:
    if state.profile.detects(E.ORGANISATION):
        kept = sorted(state.keeper.allowed_spans + state.phrases.spans)
        found = listed_organisations(state.text, state.detections, kept)
        # the NER's organisation over the same words, without its kind, gives way to it
        state.detections = [d for d in state.detections if not (
            d.entity == E.ORGANISATION and not d.from_register and not d.meta.reviewer
            and any(o.start <= d.start and d.end <= o.end for o in found))] + found


def names_from_evidence(state: DecideState) -> None:
    if state.profile.detects(E.PERSON):
        # Every kept and allowlisted phrase: the 'North' of 'North East and North Cumbria Integrated Care
        # Board' (an agency by its shape) and the 'Early' of 'Early Help' are no first names.
        kept = merged(state.phrases.spans + list(state.keeper.allowed_spans))
        state.detections = take_in_surnames(state.text, take_in_first_names(state.text, state.detections, kept), kept)
        state.detections = pet_names(state.text, state.detections + name_words(state.text, state.detections, kept)
                                     + kept_name_words(state.text, state.detections))
        state.detections += initials(state.text, state.detections, kept, state.allow)
        state.detections += first_names_kept_as_places(state.text, state.phrases.place_spans, state.detections)


def propagation(state: DecideState) -> None:
    structure = frozenset(state.text[s:e].rstrip(".") for s, e in state.phrases.sections)
    state.detections = state.detections + state.phrases.filter(
        state.keeper.filter(propagate(state.text, state.detections, state.allow, structure)))


def reviewer_additions(state: DecideState) -> None:
    state.detections = state.detections + list(state.reviewer_added)


def organisations_as_people(state: DecideState) -> None:
    before = {id(d) for d in state.detections}
    state.detections = people_read_as_organisations(state.text, state.detections)
    found = [d for d in state.detections if id(d) not in before and d.entity == E.PERSON]
    if found:
        # the name now known for a person's ('Aled' of 'Aled Harries') is spread as propagation spreads names
        structure = frozenset(state.text[s:e].rstrip(".") for s, e in state.phrases.sections)
        state.detections = state.detections + state.phrases.filter(
            state.keeper.filter(propagate(state.text, found, state.allow, structure)))


def streets_as_people(state: DecideState) -> None:
    state.detections = streets_read_as_people(state.text, state.detections)


def overlaps(state: DecideState) -> None:
    state.detections = resolve(trim_field_labels(state.text, state.detections), state.text)


def adjacent_names(state: DecideState) -> None:
    state.detections = postcodes_into_addresses(state.text, merge_adjacent_people(state.detections, state.text))


def other_people(state: DecideState) -> None:
    state.detections = professionals_of_a_family_surname(state.text, state.detections, state.people)  # 'Ms Baker (the HV)'
    found = alias_names(state)  # 'Liban Osman, known as "Bigs"', and every 'Bigs' after
    found = register_initials(state.text, found, state.register)  # 'KA said', where Kayleigh Armstrong is the child
    found = couples(state.text, found, state.register)  # 'Mr and Mrs Hetherington': two people
    state.detections = people_keys(state.text, found, state.allow)
    state.professionals = professional_people(state.text, state.detections)
    if state.profile.professionals_by_role and state.profile.policy(E.PERSON).action == "person":
        # labels given here, in order of first mention, so 'Health Visitor 1' is the first one met
        register_roles = {p.role.lower() for p in state.register.people}  # 'Social Worker' is taken
        for key, role in people_roles(state.text, state.detections).items():
            alone = role.alone and not role.restated and role.role.lower() not in register_roles
            state.roles[key] = (role, state.case_map.role_label(key, role.role, alone, state.writes))
        for key in {d.person for d in state.detections if d.person and d.person.startswith("other:")} - set(state.roles):
            stored = state.case_map.stored_role_label(key)
            if stored is not None:  # labelled by role in an earlier document of the case: it holds here too
                state.roles[key] = (PersonRole(""), stored)
        state.professionals |= set(state.roles)
    state.children = child_people(state.text, state.detections) - state.professionals


def choose(state: DecideState) -> None:
    """Each detection through its action in decide.actions."""
    for d in state.detections:
        policy = state.profile.policy(d.entity)
        if d.meta.reviewer and policy.action in ("flag", "keep"):
            # a reviewer's addition always changes the text, even of a kind the profile keeps
            policy = replace(policy, action="institution" if d.entity == E.ORGANISATION else "replace")
        elif d.meta.local_kind and policy.action == "flag":
            # a named church, club, care provider or employer locates the family: it goes as its kind
            policy = replace(policy, action="institution")
        rule = state.rule(d, f"{state.profile.name}: {d.entity} -> {policy.action}")
        made = ACTIONS[policy.action](state, d, policy, rule)
        if isinstance(made, Flag):
            state.decisions.flags.append(made)
        elif made is not None:
            state.decisions.replacements.append(made)
            state.sources[id(made)] = (made, d)


def residue(state: DecideState) -> None:
    """What is kept and could identify someone, yet nothing explains, is replaced (decide.residue)."""
    made, flags = residue_replacements(state.text, state.profile, state.decisions.replacements,
                                       state.decisions.flags, labeller(state),
                                       frozenset(w for p in state.chosen for w in p.split()),
                                       lambda s, e: state.keeper.council_not_kept(s, e) and not state.phrases.inside(s, e))
    for r in made:
        trail, _, says = r.rule.partition("residue: ")
        r.rule = f"{trail}{state.step}: {says}" if not trail else f"{trail.rstrip(' >')} > {state.step}: {says}"
    state.decisions.replacements = sorted(state.decisions.replacements + made, key=lambda r: (r.start, -r.end))
    state.decisions.flags = flags


def widened_overlaps(state: DecideState) -> None:
    """Taking in a title or 'the' can reach into the replacement before; the wider one wins."""
    out: list[Replacement] = []
    met: set[int] = set()  # ids of the replacements in an overlap, whichever wins
    for r in sorted(state.decisions.replacements, key=lambda r: (r.start, -r.end)):
        while out and out[-1].end > r.start:
            prev = out[-1]
            met.update((id(prev), id(r)))
            if r.start <= prev.start:
                # the previous replacement lies inside this one; its identifier is still covered
                r.core = (min(r.core[0], prev.core[0]), max(r.core[1], prev.core[1]))
                out.pop()
                continue
            if r.end <= prev.end:
                # this one lies inside the previous one ('whom Ms Adebayo calls Dan' goes whole)
                prev.core = (min(r.core[0], prev.core[0]), max(r.core[1], prev.core[1]))
                r.end = r.start
                break
            r.start = prev.end
            r.original = state.text[r.start:r.end]
            break
        if r.end > r.start:
            out.append(r)
    _name_step(out, met, state.step)
    state.decisions.replacements = out
    tell_kinds_apart(state.text, out, state.step)  # a second hospital is 'another hospital'


def mechanics(state: DecideState) -> None:
    """Each final replacement joined to the words round it: articles, possessives, markers, capitals."""
    reps = sorted(state.decisions.replacements, key=lambda r: (r.start, r.end))
    met: set[int] = set()
    for mend in MENDS:
        met.update(id(r) for r in mend(state.text, reps))
    _name_step(reps, met, state.step)
    state.decisions.replacements = reps


def _name_step(replacements: list[Replacement], changed: set[int], step: str) -> None:
    """The step's name on the trail of each replacement it changed (by id), before what the rule says."""
    for r in replacements:
        if id(r) in changed:
            trail, _, says = r.rule.partition(": ")
            r.rule = f"{trail} > {step}: {says}"


def name_variants(state: DecideState) -> None:
    """A quoted list of one person's names that would all read the same label is one mention."""
    state.decisions.replacements = drop_former_names(state.text, collapse_inverted(state.text, drop_restated_roles(
        state.text, collapse_variants(state.text, state.decisions.replacements, state.step), state.step), state.step),
        state.step)  # 'Mother, mother of Megan'; 'Mother (née Parr)'
    reword_restated(state.text, state.decisions.replacements, state.step)
    mark_restated_row_cells(state.text, state.rows, state.decisions.replacements, state.step)


def flag_lists(state: DecideState) -> None:
    if state.profile.flag_lists:
        state.decisions.flags += ethnicity_flags(state.text, state.decisions.replacements, state.profile.flag_lists,
                                                 state.step)
    state.decisions.flags.sort(key=lambda f: f.start)


def confidence(state: DecideState) -> None:
    """Each replacement's confidence from its evidence (decide.confidence); what is replaced stays."""
    score_replacements(state.text, state.decisions.replacements, state.sources)


STEPS: tuple[Step, ...] = (
    Step("keep-rules", keep_rules),
    Step("local-organisations", local_organisations),
    Step("kept-phrases", kept_phrases),
    Step("dates-of-birth", dates_of_birth),
    Step("listed-people", listed_people_step),
    Step("listed-organisations", listed_organisations_step),
    Step("propagation", propagation),
    Step("names-from-evidence", names_from_evidence),
    Step("reviewer-additions", reviewer_additions),
    Step("people-read-as-organisations", organisations_as_people),
    Step("overlaps", overlaps),
    Step("adjacent-names", adjacent_names),
    Step("streets-read-as-people", streets_as_people),
    Step("other-people", other_people),
    Step("choose", choose),
    Step("residue", residue),
    Step("widened-overlaps", widened_overlaps),
    Step("name-variants", name_variants),
    Step("mechanics", mechanics),
    Step("flag-lists", flag_lists),
    Step("confidence", confidence),
)


def run_steps(state: DecideState, steps: tuple[Step, ...] = STEPS) -> None:
    """Run `steps` in order; a detection a step made or changed gets the step's name on its trail."""
    for step in steps:
        before = list(state.detections)  # held, so no new detection can take an old one's id
        seen = {id(d) for d in before}
        state.step = step.name
        step.run(state)
        state.detections = [d if id(d) in seen else replace(d, trail=(*d.trail, step.name))
                            for d in state.detections]
