"""Write an invented, review-like draft of about N words, for timing `anonymiser run` at scale.

    python benchmarks/make_review.py 80000 /tmp/review-80k.txt [--seed 1]

The prose is drawn from sentence templates filled with invented families, professionals,
dates, addresses, schools and reference numbers, so a long draft has many distinct people
and places (as a real long review does), not the same paragraph repeated. A register for
the family is written beside it (`<name>.register.yaml`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

FIRST_F = ["Amara", "Sarah", "Keisha", "Joanne", "Priya", "Niamh", "Olivia", "Grace", "Hannah", "Leah",
           "Chloe", "Zainab", "Megan", "Rachel", "Tasha", "Imogen", "Paige", "Demi", "Lucy", "Fatima"]
FIRST_M = ["Marcus", "Daniel", "Kwame", "Liam", "Tyler", "Jordan", "Callum", "Omar", "Reece", "Nathan",
           "Kieran", "Adebayo", "Connor", "Jamal", "Ryan", "Aaron", "Dylan", "Tomasz", "Ibrahim", "Shane"]
SURNAMES = ["Okafor", "Whitfield", "Brennan", "Kowalski", "Mensah", "Harrington", "Patel", "Doherty",
            "Achterberg", "Nwosu", "Fairbairn", "Lindqvist", "McAllister", "Osei", "Pemberton", "Rahman",
            "Sutcliffe", "Thackeray", "Varga", "Wojcik", "Yardley", "Castellano", "Bamford", "Quigley"]
TITLES = ["Dr", "DC", "PC", "Ms", "Mr", "Mrs"]
ROLES = ["the health visitor", "the social worker", "the team manager", "the GP", "the midwife",
         "the school nurse", "the family support worker", "the designated safeguarding lead",
         "the paediatric registrar", "the early help practitioner"]
AGENCIES = ["Children's Social Care", "the Metropolitan Police Service", "the health visiting service",
            "the Emergency Department", "the MASH", "Early Help", "the probation service", "CAMHS"]
STREETS = ["Birchwood Road", "Elm Close", "Station Avenue", "Mill Lane", "Orchard Way", "Kingsley Drive",
           "Hawthorn Crescent", "Victoria Street", "Bramley Gardens", "Chapel Row"]
TOWNS = ["Thornton Heath", "Norbury", "Selhurst", "Addiscombe", "Purley", "Coulsdon", "Sanderstead"]
SCHOOLS = ["St Aidan's Primary School", "Woodside Academy", "Rainbow Nursery", "Oakfield Primary School"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def _date(rng: random.Random) -> str:
    d = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 2200))
    style = rng.randrange(4)
    if style == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return f"{d:%d/%m/%Y}"
    if style == 2:
        return f"{d.day}th {MONTHS[d.month - 1]}"
    return f"{MONTHS[d.month - 1]} {d.year}"


def _postcode(rng: random.Random) -> str:
    return f"CR{rng.randrange(0, 9)} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


class Case:
    """One invented family, plus a growing cast of professionals and neighbours."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        s = rng.choice(SURNAMES)
        self.mother = f"{rng.choice(FIRST_F)} {s}"
        self.child = f"{rng.choice(FIRST_F)} {s}"
        self.sibling = f"{rng.choice(FIRST_M)} {s}"
        self.father = f"{rng.choice(FIRST_M)} {rng.choice(SURNAMES)}"
        self.address = f"{rng.randrange(2, 180)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}, {_postcode(rng)}"

    def professional(self) -> str:
        r = self.rng
        return f"{r.choice(TITLES)} {r.choice(FIRST_F + FIRST_M)} {r.choice(SURNAMES)}"

    def sentence(self) -> str:
        r = self.rng
        c = self.child.split()[0]
        templates = [
            lambda: f"On {_date(r)} {self.professional()}, {r.choice(ROLES)}, visited {c} at home with {self.mother}.",
            lambda: f"{r.choice(AGENCIES)} received a referral about {c} on {_date(r)} from {r.choice(SCHOOLS)}.",
            lambda: f"{self.mother.split()[0]} told {r.choice(ROLES)} that {self.father} had moved back to {self.address}.",
            lambda: f"A strategy discussion was held on {_date(r)}; {self.professional()} recorded that {self.sibling.split()[0]} seemed withdrawn.",
            lambda: f"{r.choice(ROLES).capitalize()} did not share the information with {r.choice(AGENCIES)}, and the review found no record of why.",
            lambda: f"The police log (CAD {r.randrange(1000, 9999)}/{r.randrange(10, 31)}MAR{r.randrange(19, 24)}) shows that {self.father.split()[1]} was arrested on {_date(r)}.",
            lambda: f"{c}'s attendance at {r.choice(SCHOOLS)} fell to {r.randrange(40, 90)} per cent in the spring term.",
            lambda: f"The family were rehoused to {r.randrange(2, 180)} {r.choice(STREETS)}, {r.choice(TOWNS)} {_postcode(r)}, in {r.choice(MONTHS)} {r.randrange(2018, 2024)}.",
            lambda: f"Practitioners described Ms {self.mother.split()[1]} as warm but overwhelmed, and her neighbour {r.choice(FIRST_F)} {r.choice(SURNAMES)} raised concerns twice.",
            lambda: "Learning point: agencies should consider the lived experience of the child and not rely on a parent's account alone.",
            lambda: f"{self.professional()} telephoned on 07700 9{r.randrange(10000, 99999)} and left a message that was not returned.",
        ]
        return r.choice(templates)()

    def register(self) -> str:
        return (f"case: Invented case {self.rng.randrange(1000)}\npeople:\n"
                f"  - name: {self.child}\n    role: subject child\n    gender: female\n"
                f"  - name: {self.sibling}\n    role: sibling\n    gender: male\n"
                f"  - name: {self.mother}\n    role: mother\n    gender: female\n"
                f"  - name: {self.father}\n    role: father\n    gender: male\n"
                f"addresses:\n  - {self.address}\n")


def review(words: int, seed: int = 1) -> tuple[str, str]:
    """The draft text of about `words` words, and its register YAML."""
    rng = random.Random(seed)
    case = Case(rng)
    paragraphs, count, section = ["CHILD SAFEGUARDING PRACTICE REVIEW: CHILD H", "DRAFT - NOT FOR CIRCULATION"], 0, 1
    while count < words:
        if rng.random() < 0.05:
            paragraphs.append(f"{section}. KEY PRACTICE EPISODE {section}")
            section += 1
        para = " ".join(case.sentence() for _ in range(rng.randrange(2, 6)))
        paragraphs.append(f"{section}.{len(paragraphs)} {para}")
        count += len(para.split()) + 1
    return "\n\n".join(paragraphs) + "\n", case.register()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("words", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    text, register = review(args.words, args.seed)
    args.out.write_text(text, encoding="utf-8")
    args.out.with_name(f"{args.out.stem}.register.yaml").write_text(register, encoding="utf-8")
    print(f"{args.out}: {len(text.split()):,} words, {len(text):,} characters")


if __name__ == "__main__":
    main()
