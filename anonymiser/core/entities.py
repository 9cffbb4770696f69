"""The one list of entity types: what each is called, how it is shown, how it is scored."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Category(str, Enum):
    """Benchmark categories (the TAB annotation scheme) used by `detect` and `evaluate`."""

    PERSON = "PERSON"
    CODE = "CODE"
    LOC = "LOC"
    DATETIME = "DATETIME"
    ORG = "ORG"
    DEM = "DEM"
    QUANTITY = "QUANTITY"
    MISC = "MISC"


@dataclass(frozen=True)
class EntityType:
    """One kind of thing the tool can find."""

    name: str  # the Presidio entity name, used everywhere in code, profiles and audits
    label: str  # how a publication officer reads it ("NHS number")
    category: Category
    structured: bool = False  # a code or number that `verify` must never find in output


_TYPES = [
    EntityType("PERSON", "person", Category.PERSON),
    EntityType("DATE", "date", Category.DATETIME),
    EntityType("DATE_OF_BIRTH", "date of birth", Category.DATETIME),
    EntityType("ADDRESS", "address", Category.LOC),
    EntityType("POSTCODE", "postcode", Category.LOC, structured=True),
    EntityType("LOCATION", "place", Category.LOC),
    EntityType("SCHOOL", "school", Category.ORG),
    EntityType("NURSERY", "nursery", Category.ORG),
    EntityType("GP_PRACTICE", "GP practice", Category.ORG),
    EntityType("HOSPITAL_WARD", "hospital ward", Category.ORG),
    EntityType("ORGANISATION", "organisation", Category.ORG),
    EntityType("NHS_NUMBER", "NHS number", Category.CODE, structured=True),
    EntityType("NI_NUMBER", "NI number", Category.CODE, structured=True),
    EntityType("PHONE_NUMBER", "phone number", Category.CODE, structured=True),
    EntityType("EMAIL_ADDRESS", "email", Category.CODE, structured=True),
    EntityType("URL", "web address", Category.CODE, structured=True),
    EntityType("SOCIAL_MEDIA_HANDLE", "social-media handle", Category.CODE, structured=True),
    EntityType("VEHICLE_REGISTRATION", "vehicle registration", Category.CODE, structured=True),
    EntityType("REFERENCE_NUMBER", "reference number", Category.CODE, structured=True),
    EntityType("DEMOGRAPHIC", "demographic attribute", Category.DEM),
    EntityType("QUANTITY", "quantity", Category.QUANTITY),
]

ENTITY_TYPES: dict[str, EntityType] = {t.name: t for t in _TYPES}

# Names as constants so a typo is an import error, not a silent miss.
PERSON = "PERSON"
DATE = "DATE"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
ADDRESS = "ADDRESS"
POSTCODE = "POSTCODE"
LOCATION = "LOCATION"
SCHOOL = "SCHOOL"
NURSERY = "NURSERY"
GP_PRACTICE = "GP_PRACTICE"
HOSPITAL_WARD = "HOSPITAL_WARD"
ORGANISATION = "ORGANISATION"
NHS_NUMBER = "NHS_NUMBER"
NI_NUMBER = "NI_NUMBER"
PHONE_NUMBER = "PHONE_NUMBER"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
URL = "URL"
SOCIAL_MEDIA_HANDLE = "SOCIAL_MEDIA_HANDLE"
VEHICLE_REGISTRATION = "VEHICLE_REGISTRATION"
REFERENCE_NUMBER = "REFERENCE_NUMBER"
DEMOGRAPHIC = "DEMOGRAPHIC"
QUANTITY = "QUANTITY"
# Named places of a kind, replaced by the kind ("the primary school"): their name holds its kind word.
INSTITUTIONS = frozenset({SCHOOL, NURSERY, GP_PRACTICE, HOSPITAL_WARD})


def entity_type(name: str) -> EntityType:
    """Look up an entity type by name, with a helpful error for profiles and decisions files."""
    try:
        return ENTITY_TYPES[name]
    except KeyError:
        known = ", ".join(sorted(ENTITY_TYPES))
        raise KeyError(f"unknown entity type {name!r}; known types: {known}") from None


def label(name: str) -> str:
    """How people read an entity type's name ('place' for LOCATION); an unknown name in lower case."""
    t = ENTITY_TYPES.get(name)
    return t.label if t else name.replace("_", " ").lower()
