"""A make of car written as a vehicle ('his grey Ford Focus', 'a Vauxhall Astra van'), not a person."""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.data import load_list
from anonymiser.config.names import is_first_name, is_surname

_WORD = re.compile(r"\w+")
_VEHICLE_WORD = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.entries('vehicle_words'))})\b", re.I)
_COLOUR_BEFORE = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.entries('colours'))})\s+$", re.I)
_MODEL_AFTER = re.compile(r"[ \t]+([A-Z][\w-]*)")


@lru_cache(maxsize=1)
def vehicle_makes() -> frozenset[str]:
    return frozenset(m.lower() for m in load_list("gazetteer", "vehicle_makes"))


@lru_cache(maxsize=1)
def makes_never_surnames() -> tuple[str, ...]:
    """The makes that explain themselves anywhere: 'Ford' and 'Morgan' are surnames, 'Mercedes' and
    'Kia' first names, so only a vehicle's context makes them a make."""
    return tuple(m for m in load_list("gazetteer", "vehicle_makes") if not is_surname(m) and not is_first_name(m))


def is_vehicle(text: str, start: int, end: int) -> bool:
    """A make of car beside a vehicle word or a colour ('white Citroën van', 'a Vauxhall Corsa car',
    'a Kia Sportage driven by'), or a make that is no one's name before its model ('Toyota Prius')."""
    words = _WORD.findall(text[start:end])
    if not words or words[0].lower() not in vehicle_makes():
        return False
    first = re.search(re.escape(words[0]), text[start:end])
    model = _MODEL_AFTER.match(text, start + first.end()) if first else None
    if model is not None and words[0].lower() in _never_names():
        return True
    return bool(_VEHICLE_WORD.search(text, start, min(len(text), end + 12))
                or _VEHICLE_WORD.search(text, max(0, start - 12), start)
                or _COLOUR_BEFORE.search(text, max(0, start - 12), start))


@lru_cache(maxsize=1)
def _never_names() -> frozenset[str]:
    return frozenset(m.lower() for m in makes_never_surnames())


def model_after_make(text: str, start: int) -> bool:
    """The capitalised word at `start` is a model written after its make ('Vauxhall Astra', 'grey Ford Focus')."""
    m = re.search(r"([A-Z][\w-]*)[ \t]+$", text[max(0, start - 30):start])
    if m is None or m.group(1).lower() not in vehicle_makes():
        return False
    make_start = start - len(m.group(0))
    model = _MODEL_AFTER.match(text, make_start + len(m.group(1)))
    return model is not None and is_vehicle(text, make_start, model.end())


@lru_cache(maxsize=4)
def _models_in(text: str) -> frozenset[str]:
    """The words the text writes as a model after its make ('Corsa' of 'a grey Vauxhall Corsa')."""
    out = set()
    for m in re.finditer(r"(?<![\w'’-])([A-Z][\w-]*)[ \t]+([A-Z][\w-]*)", text):
        if m.group(1).lower() in vehicle_makes() and model_after_make(text, m.start(2)):
            out.add(m.group(2))
    return frozenset(out)


def is_model(text: str, start: int, end: int) -> bool:
    """The span is a car's model: written after its make here, or elsewhere in the text ('the Corsa'
    after 'a grey Vauxhall Corsa'), where the make and its vehicle context show what the word is."""
    return model_after_make(text, start) or text[start:end] in _models_in(text)


_NEXT_WORD = re.compile(r"[ \t]+([\w-]+)")


def colour_of_a_vehicle(text: str, end: int) -> bool:
    """'a black Vauxhall', 'the white van': the colour word ending at `end` is a vehicle's, no ethnicity."""
    word = _NEXT_WORD.match(text, end)
    return word is not None and (word.group(1).lower() in vehicle_makes() or bool(_VEHICLE_WORD.fullmatch(word.group(1))))
