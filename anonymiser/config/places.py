"""UK places and the areas they lie in (models/gazetteer/uk_places.tsv), for the partnership's area.

The partnership's area is kept with every larger area round it (its county, its nation); a town or
district inside it locates the family and is generalised. `larger` and `inside` answer those two
questions from the gazetteer's parent column and the local-authority list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from anonymiser.config import vocabulary
from anonymiser.config.data import MODELS_DIR, load_list
from anonymiser.config.lexicon import normalise
from anonymiser.config.yamlfile import Node
from anonymiser.core.errors import AnonymiserError

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
Key = tuple[str, ...]


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, str, int], ...]:
    path = MODELS_DIR / "gazetteer" / "uk_places.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, parent, nation, population = line.split("\t")
            out.append((name, parent, nation, int(population)))
    return tuple(out)


@lru_cache(maxsize=1)
def _parents() -> dict[Key, frozenset[Key]]:
    """A place's key -> the keys of the areas round it (a place's name can stand in more than one)."""
    out: dict[Key, set[Key]] = {}
    for name, parent, nation, _ in _rows():
        key = normalise(name)
        out.setdefault(key, set()).add(normalise(parent))
        out.setdefault(normalise(parent), set()).add(normalise(nation))
    return {k: frozenset(v - {k}) for k, v in out.items()}


@lru_cache(maxsize=1)
def _areas() -> dict[Key, str]:
    """Every name the area setting accepts, by key: local authorities, counties, regions, nations."""
    names = [*load_list("gazetteer", "local_authorities"), *NATIONS, *(r[1] for r in _rows())]
    return {normalise(n): n for n in names}


def known_area(name: str) -> str | None:
    """The area as the gazetteer writes it ('devon' -> 'Devon'), or None for a name it does not know."""
    return _areas().get(normalise(name))


def is_place(name: str) -> bool:
    """A UK town, district or area the gazetteer knows."""
    key = normalise(name)
    return key in _parents() or key in _areas()


@lru_cache(maxsize=1)
def _short_names() -> frozenset[Key]:
    """The first part of each gazetteer name joined by linking words: 'Barrow' of 'Barrow in Furness',
    'Stratford' of 'Stratford-upon-Avon', as people write them for short."""
    return frozenset(normalise(short) for name, *_ in _rows() if (short := short_name(name)))


@lru_cache(maxsize=1)
def _settlements() -> frozenset[Key]:
    return frozenset(normalise(name) for name, *_ in _rows())


def is_settlement(key: Key) -> bool:
    """A town, village or district the gazetteer lists as a place people live ('Blackpool'), not only as
    an area round others ('Cumbria', 'Greater Manchester')."""
    return key in _settlements()


def is_short_name(name: str) -> bool:
    """The short name of a UK place the gazetteer knows by a longer one: 'Barrow', 'Stratford'."""
    return normalise(name) in _short_names()


def short_name(name: str) -> str | None:
    """The first part of a place name joined by linking words ('Barrow' of 'Barrow-in-Furness'), or None."""
    words = re.split(r"[\s-]+", name.strip())
    links = vocabulary.words("place_links")
    if len(words) > 2 and words[1].lower() in links and len(words[0]) >= 3 and words[0][0].isupper():
        return words[0]
    return None


# Capitalised words joined by lower-case words and hyphens: 'Caister-on-Sea', 'Ashby-de-la-Zouch'.
_HYPHENATED = re.compile(r"(?<![\w'’-])([A-Z][a-z'’]+)((?:-[a-z]+)+-[A-Z][\w'’]*)(?![\w'’-])")


@lru_cache(maxsize=4)
def hyphenated(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end of the first part, end) of each hyphenated place `text` writes: one the gazetteer
    knows, or capitalised words joined only by linking words (models/vocabulary/place_links.txt)."""
    links = vocabulary.words("place_links")
    return tuple((m.start(), m.end(1), m.end()) for m in _HYPHENATED.finditer(text)
                 if is_place(m.group(0)) or all(w in links for w in m.group(2).split("-")[1:-1]))


def named_in(text: str, word: str) -> bool:
    """A place the gazetteer knows, or the first part of a hyphenated place `text` writes: 'Caister'
    where the text writes 'Caister-on-Sea' (the gazetteer knows only the whole)."""
    if is_place(word):
        return True
    key = normalise(word)
    return any(normalise(text[s:f]) == key for s, f, _ in hyphenated(text))


@lru_cache(maxsize=1)
def regions() -> frozenset[Key]:
    """The regions (models/gazetteer/regions.txt): larger than any partnership's area."""
    return frozenset(normalise(n) for n in load_list("gazetteer", "regions"))


def larger(areas: frozenset[Key] | set[Key]) -> frozenset[Key]:
    """The areas themselves and every area round them: Exeter -> Exeter, Devon, England."""
    return _larger(frozenset(areas))


# A review naming no agency's area is given every authority in the country, and the walk up from
# them all, the same for every such review, was a tenth of a short text's decide time.
@lru_cache(maxsize=256)
def _larger(areas: frozenset[Key]) -> frozenset[Key]:
    seen: set[Key] = set()
    todo = list(areas)
    while todo:
        key = todo.pop()
        if key not in seen:
            seen.add(key)
            todo.extend(_parents().get(key, ()))
    return frozenset(seen)


def inside(name: str, areas: frozenset[Key] | set[Key]) -> bool:
    """A place that lies in one of `areas` without being one of them or larger: Torquay in Torbay."""
    key = normalise(name)
    return key not in larger(areas) and any(key != a and a in larger({key}) for a in areas)


def area_setting(path: Path, node: Node, where: str, error: type[AnonymiserError]) -> str:
    """A partnership's area (profile keep.area, register area) as the gazetteer writes it; one clear
    error line for a name it does not know."""
    found = known_area(node.value) if isinstance(node.value, str) else None
    if found is None:
        raise error(path, f"line {node.line}: {where}: unknown area '{node.value}'",
                    "Write a UK county, local authority, region or nation, for example 'Devon'.")
    return found
