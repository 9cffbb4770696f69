"""The three kinds of reviewer decision, each one entry of the decisions file, and the form decisions
are matched in."""

from __future__ import annotations

from dataclasses import dataclass

# Field order here is the order an export writes them in (the page writes the same).
SECTIONS = ("reject", "pseudonyms", "add")
REJECT_ORDER = ("original", "offset")
PSEUDONYM_ORDER = ("person", "original", "pseudonym")
ADD_ORDER = ("text", "person", "type")
FIELD_ORDER = {"reject": REJECT_ORDER, "pseudonyms": PSEUDONYM_ORDER, "add": ADD_ORDER}


def normalise(text: str) -> str:
    """The form decisions are matched in: spacing collapsed, case folded."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Reject:
    """Keep an original: at one offset in the original text, or everywhere when offset is None."""

    original: str
    offset: int | None = None
    line: int = 0

    def entry(self) -> dict:
        """This decision as a `reject:` entry of the file."""
        return _entry(REJECT_ORDER, original=self.original, offset=self.offset)


@dataclass(frozen=True)
class PseudonymChange:
    """A new pseudonym for the person with key `person`, or for whoever `original` mentions."""

    pseudonym: str
    person: str | None = None
    original: str | None = None
    line: int = 0

    def entry(self) -> dict:
        """This decision as a `pseudonyms:` entry of the file."""
        return _entry(PSEUDONYM_ORDER, person=self.person, original=self.original, pseudonym=self.pseudonym)


@dataclass(frozen=True)
class Addition:
    """A missed string, replaced as entity type `entity` or like the register person `person`."""

    text: str
    entity: str | None = None
    person: str | None = None
    line: int = 0

    def entry(self) -> dict:
        """This decision as an `add:` entry of the file."""
        return _entry(ADD_ORDER, text=self.text, person=self.person, type=self.entity)


def _entry(order: tuple[str, ...], **values: object) -> dict:
    """A file entry: the fields that have a value, in the schema's order."""
    return {k: values[k] for k in order if values[k] is not None}
