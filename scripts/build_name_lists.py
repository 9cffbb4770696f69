"""Build models/names/first_names.txt and models/names/surnames.txt from permissively licensed sources.

Sources (neither is a dependency of the tool; install them only to rebuild the lists):

- Faker (MIT licence, https://github.com/joke2k/faker): the person provider of every locale, read
  through its API (the provider classes' ``first_names*`` and ``last_names*`` attributes). Only
  Latin-script names are taken.
- names 0.3.0 (MIT licence, https://github.com/treyhunner/names): the 1990 US Census first-name
  and surname frequency lists it ships (US Census data, public domain).
- the project's own pseudonym pools (models/names/pseudonyms_*.txt), which are first names.

Usage::

    pip install --target /tmp/names-src faker names
    PYTHONPATH=/tmp/names-src python scripts/build_name_lists.py

Size: every first name Faker, the Census lists or the pools give (21,710), and of the surnames
those Faker gives in its non-US locales (where the communities of a UK review are) plus the Census
surnames with a frequency of at least CENSUS_SURNAME_MIN_PERCENT (the commonest 7,500): 23,801.
A name that is also a country, nationality, local authority or allowlisted agency/role is left
out, so the lists never argue with the allowlists.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES = ROOT / "models" / "names"
CENSUS_SURNAME_MIN_PERCENT = 0.002  # the Census's frequency column, in per cent of people
CENSUS_FIRST_MIN_PERCENT = 0.0  # every Census first name (5,494)

# Latin script: a capital, then letters (accents allowed), with inner hyphens or apostrophes
# ("Mary-Jane", "O'Brien"); at least two letters.
_LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+(?:[-'][A-ZÀ-ÖØ-ÞĀ-ſ]?[a-zß-öø-ÿĀ-ſ]+)*$")

FIRST_HEADER = """\
# First names from many communities: Faker's person lists of every locale (MIT) in Latin script,
# the 1990 US Census first names (public domain, via the MIT 'names' package) and the pseudonym pools.
# Built by scripts/build_name_lists.py; do not edit by hand, rebuild. Read by config/names.py.
"""
SURNAME_HEADER = """\
# Surnames from many communities: Faker's person lists of its non-US locales (MIT) in Latin script
# and the commonest 1990 US Census surnames (public domain, via the MIT 'names' package).
# Built by scripts/build_name_lists.py; do not edit by hand, rebuild. Read by config/names.py.
"""


def _words(value: object) -> Iterable[str]:
    if isinstance(value, dict):
        value = list(value)
    if isinstance(value, (list, tuple)):
        for v in value:
            if isinstance(v, str):
                yield v.strip()


def faker_names() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """{name: locales} for first names and for surnames, over Faker's person providers."""
    import faker.providers.person as person

    first: dict[str, set[str]] = {}
    last: dict[str, set[str]] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr in dir(provider):
            target = first if attr.startswith("first_name") else last if attr.startswith("last_name") else None
            if target is None:
                continue
            for name in _words(getattr(provider, attr)):
                if _LATIN.match(name):
                    target.setdefault(name, set()).add(mod.name)
    return first, last


def census(file: str, min_percent: float) -> list[str]:
    """Names of one of the names package's Census lists, capitalised as names are written."""
    import names

    out = []
    path = Path(names.__file__).parent / file
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= min_percent:
            out.append(_capitalise(parts[0]))
    return out


def _capitalise(upper: str) -> str:
    word = upper.capitalize()
    # Census writes MCDONALD and OBRIEN; keep Mc as written in the UK ("McDonald")
    if word.startswith("Mc") and len(word) > 3:
        word = "Mc" + word[2:].capitalize()
    return word


def _blocked() -> set[str]:
    """Names that an allowlist or gazetteer already decides: they are kept, not people."""
    out: set[str] = set()
    for folder, files in (("gazetteer", ("countries", "nationalities", "local_authorities")),
                          ("allowlist", ("agencies", "roles"))):
        for name in files:
            path = ROOT / "models" / folder / f"{name}.txt"
            out |= {ln.strip().casefold() for ln in path.read_text(encoding="utf-8").splitlines()
                    if ln.strip() and not ln.startswith("#")}
    return out


def _pools() -> list[str]:
    out: list[str] = []
    for path in sorted(NAMES.glob("pseudonyms_*.txt")):
        out += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.startswith("#")]
    return out


def _write(path: Path, header: str, entries: Iterable[str]) -> int:
    seen: dict[str, str] = {}
    for e in entries:
        seen.setdefault(e.casefold(), e)
    rows = sorted(seen.values(), key=str.casefold)
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main() -> int:
    blocked = _blocked()
    f_first, f_last = faker_names()
    first = [n for n in f_first if n.casefold() not in blocked]
    first += [n for n in census("dist.female.first", CENSUS_FIRST_MIN_PERCENT)
              + census("dist.male.first", CENSUS_FIRST_MIN_PERCENT) if n.casefold() not in blocked]
    first += [n for n in _pools() if n.casefold() not in blocked]
    # Faker's US lists are Census-derived and long; its other locales are the communities
    last = [n for n, locs in f_last.items() if locs - {"en_US", "en"} and n.casefold() not in blocked]
    last += [n for n in census("dist.all.last", CENSUS_SURNAME_MIN_PERCENT) if n.casefold() not in blocked]
    n_first = _write(NAMES / "first_names.txt", FIRST_HEADER, first)
    n_last = _write(NAMES / "surnames.txt", SURNAME_HEADER, last)
    print(f"first names: {n_first}, surnames: {n_last}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
