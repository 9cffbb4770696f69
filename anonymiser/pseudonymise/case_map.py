"""The case-level pseudonym map: each person's pseudonym stays the same across documents and re-runs."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock

from anonymiser.config.data import load_list
from anonymiser.config.profile import DEFAULT_PSEUDONYMS
from anonymiser.core.errors import InputError
from anonymiser.core.register import Person, Register

MAP_VERSION = 1


def letter(n: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def pool(gender: str, pools: dict[str, str] | None = None) -> tuple[str, ...]:
    """The pseudonyms for a gender from the profile's pools (models/names/); 'unknown' draws from 'neutral'."""
    pools = pools or DEFAULT_PSEUDONYMS
    return load_list("names", pools.get(gender, pools["neutral"]))


def lock_path(map_file: Path) -> Path:
    """The hidden lock file beside a pseudonym map."""
    return map_file.with_name(f".{map_file.name}.lock")


class CaseMap:
    """Pseudonyms and labels for one case, stored as JSON with owner-only permissions.

    The map holds real names, so it must never be published. Register pseudonyms are drawn in a
    deterministic order (a hash of the case and the name), so they are stable even without it.
    """

    def __init__(self, path: Path | None, case: str, pools: dict[str, str] | None = None) -> None:
        self.path = path
        self.case = case
        self.pools = pools or DEFAULT_PSEUDONYMS  # gender -> the list a pseudonym is drawn from
        self.people: dict[str, str] = {}  # register key -> pseudonym or role label
        self.others: dict[str, str] = {}  # other person's key -> "Professional A"; key|role -> "the health visitor"
        self.roles: dict[str, int] = {}  # a professional's role -> how many people of the case hold it
        self.next_letter = 0
        # A hidden lock file beside the map: filelock leaves it in place by design (deleting it
        # would race with another process taking it), and officers should not wonder what it is.
        # Owner-only whatever the umask: the lock sits beside the map, in a private folder.
        self._lock = FileLock(str(lock_path(path)), mode=0o600) if path else None
        self.load()

    def _read(self) -> dict:
        """The whole map file; a damaged one stops the run rather than losing the case's pseudonyms."""
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("cases", {}), dict):
            raise InputError(self.path, "the pseudonym map is damaged",
                             "Restore it from a backup, or move it away to start a new map "
                             "(pseudonyms may then change).")
        return data

    def _entry(self) -> dict:
        return {"people": self.people, "others": self.others, "roles": self.roles, "next_letter": self.next_letter}

    def load(self) -> None:
        if self.path and self.path.exists():
            data = self._read()
            case = data.get("cases", {}).get(self.case, {})
            self.people = dict(case.get("people", {}))
            self.others = dict(case.get("others", {}))
            self.roles = {str(k): int(v) for k, v in case.get("roles", {}).items()}
            self.next_letter = int(case.get("next_letter", 0))
        # What the file holds for this case, so a document that adds no one writes nothing.
        self._stored = json.dumps(self._entry(), sort_keys=True) if self.path and self.path.exists() else None

    def __enter__(self) -> "CaseMap":
        if self._lock:
            self._lock.acquire()
            try:
                self.load()  # another worker may have added people since we last read
            except BaseException:
                self._lock.release()
                raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[0] is None:
                self.save()
        finally:
            if self._lock:
                self._lock.release()

    def save(self) -> None:
        """Write the map if this case's entries changed since it was read (once per document at most)."""
        if not self.path:
            return
        current = json.dumps(self._entry(), sort_keys=True)
        if current == self._stored and self.path.exists():
            return
        data: dict = {"version": MAP_VERSION, "cases": {}}
        if self.path.exists():
            data = self._read()
        data.setdefault("cases", {})[self.case] = self._entry()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".map-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=2, ensure_ascii=False, sort_keys=True)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._stored = current

    def register_label(self, person: Person, register: Register, mode: str, text: str) -> str:
        """A register person's pseudonym (chosen, or drawn from a gender-matched pool) or role label."""
        key = f"{person.key}|{mode}"
        if key in self.people:
            return self.people[key]
        if person.pseudonym:
            label = person.pseudonym
        elif mode == "role":
            # two foster carers on the register are 'Foster Carer 1' and 'Foster Carer 2', in the
            # register's order: never 'Foster Carer' beside 'Foster Carer 2', which reads as one and another
            same = [p.key for p in register.people if p.role.lower() == person.role.lower()]
            n = same.index(person.key) + 1 if len(same) > 1 and person.key in same else 2
            label = f"{person.role_label} {n}" if len(same) > 1 else person.role_label
            taken = set(self.people.values())
            while label in taken:
                label = f"{person.role_label} {n}"
                n += 1
        else:
            label = self._draw(person, register, text)
        self.people[key] = label
        return label

    def _draw(self, person: Person, register: Register, text: str) -> str:
        banned = {t.lower() for p in register.people for t in [*p.name.split(), *p.aliases]}
        banned |= {v.lower() for v in self.people.values()}
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
        seed = f"{register.case_key}|{person.key}"
        candidates = sorted(pool(person.gender, self.pools), key=lambda n: hashlib.sha256(f"{seed}|{n}".encode()).hexdigest())
        for name in candidates:
            if name.lower() not in banned and name.lower() not in words:
                return name
        return f"Child {letter(len(self.people))}"

    def other_label(self, key: str, stem: str, written: Callable[[str], bool] | None = None) -> str:
        """'Professional A', 'Adult B': one letter per distinct person, in order of first mention.
        A label `written` says the draft already uses ('Child B' of 'two brothers, referred to as
        Child D and Child B') is skipped, so no one new is given another's label."""
        if key not in self.others:
            label = f"{stem} {letter(self.next_letter)}"
            self.next_letter += 1
            while written is not None and written(label):
                label = f"{stem} {letter(self.next_letter)}"
                self.next_letter += 1
            self.others[key] = label
        return self.others[key]

    def stored_role_label(self, key: str) -> str | None:
        """The role label an earlier document of the case gave this person, if any."""
        return self.others.get(f"{key}|role")

    def role_label(self, key: str, role: str, alone: bool, written: Callable[[str], bool] | None = None) -> str:
        """A professional's label by their role: 'the health visitor' while they are the only one of
        the case with it (`alone` in this document, and no one before), else 'Health Visitor 2' by
        the order the case meets them. Kept under its own key, so a profile with letters still gives
        the person their letter; a label another person holds, or the draft writes, is skipped."""
        stored = self.others.get(f"{key}|role")
        if stored is not None:
            return stored
        taken = {v.lower() for v in (*self.others.values(), *self.people.values())}
        held = self.roles.get(role, 0)
        label = f"the {role}"
        if not alone or held or label in taken:
            n = held + 1
            while numbered(role, n).lower() in taken or (written is not None and written(numbered(role, n))):
                n += 1
            label, held = numbered(role, n), n
        self.roles[role] = max(held, 1)
        self.others[f"{key}|role"] = label
        return label


def numbered(role: str, n: int) -> str:
    """'health visitor', 2 -> 'Health Visitor 2'; an initialism keeps its capitals ('GP 1')."""
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in role.split()) + f" {n}"
