"""Pipeline profiles: what to detect and how each kind of thing is replaced. The schema lives here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser.config import vocabulary
from anonymiser.config.data import data_dir, list_exists
from anonymiser.config.places import area_setting
from anonymiser.config.yamlfile import Node, check_fields, load_yaml
from anonymiser.core.entities import ENTITY_TYPES
from anonymiser.core.errors import ProfileError
from anonymiser.core.register import Person

PIPELINES_DIR = data_dir("pipelines")
DEFAULT_PROFILE = "safeguarding-review"

# What a profile can ask for, per entity type. decide.actions.ACTIONS does each, and checks on import
# that it covers exactly these names.
ACTIONS = {
    "person": "a register person's pseudonym or role label; others a letter label ('Professional A')",
    "month_year": "an exact date becomes its month and year",
    "remove": "replaced by a removal marker such as '[NHS number removed]'",
    "replace": "replaced by fixed text such as '[place]'",
    "institution": "a named school, nursery, GP practice or ward becomes 'the primary school', 'the ward'…",
    "flag": "kept as written, but listed for the reviewer",
    "keep": "not detected; kept as written",
}
PEOPLE_MODES = ("pseudonym", "role")

TOP_FIELDS = {"name", "description", "min_score", "people", "entities", "keep", "flag"}
PEOPLE_FIELDS = {"register_children", "register_adults", "others_professional", "others", "others_child", "child_roles",
                 "pseudonyms", "professionals_by_role"}
ENTITY_FIELDS = {"action", "text", "register_text", "register_other_text", "min_score"}
KEEP_FIELDS = {"allowlists", "places", "unnamed_areas", "labels", "area", "keep_list"}
# The lists a profile names when it does not say: register roles that are children, and the pools
# a child's pseudonym is drawn from, by the gender the register gives.
DEFAULT_CHILD_ROLES = ("child_roles",)
DEFAULT_PSEUDONYMS = {"female": "pseudonyms_female", "male": "pseudonyms_male", "neutral": "pseudonyms_neutral"}


@dataclass(frozen=True)
class EntityPolicy:
    """How one entity type is handled."""

    action: str
    text: str | None = None  # the replacement text, for remove/replace
    register_text: str | None = None  # for ADDRESS: the text for the subject child's home on the register
    register_other_text: str | None = None  # for ADDRESS: another register address, once the home is known
    min_score: float | None = None


@dataclass(frozen=True)
class Profile:
    """A parsed, validated profile."""

    name: str
    description: str
    min_score: float
    register_children: str
    register_adults: str
    others_professional: str  # label stem for non-register professionals: "Professional"
    others: str  # label stem for other non-register people: "Adult"
    entities: dict[str, EntityPolicy]
    allowlists: tuple[str, ...]
    keep_places: tuple[str, ...]
    flag_lists: tuple[str, ...]
    # "the north of the country": a part of a place written without its name.
    keep_unnamed_areas: bool = False
    keep_labels: bool = False  # 'Child C', 'Mr X': a label and a letter, already anonymous, is kept
    # The partnership's area ('Devon'): it and the areas round it are kept, places inside it are not.
    # None: guessed from the agencies the document names (decide.keep.own_areas).
    area: str | None = None
    child_roles: tuple[str, ...] = DEFAULT_CHILD_ROLES  # lists in models/vocabulary/
    others_child: str = "Child"  # label stem for a non-register person the draft says is a child
    # A professional whose role the draft writes beside their name is labelled by it ('the health
    # visitor', 'Health Visitor 2': decide.roles); otherwise by letter ('Professional A').
    professionals_by_role: bool = False
    pseudonyms: tuple[tuple[str, str], ...] = tuple(DEFAULT_PSEUDONYMS.items())  # (gender, list in models/names/)
    keep_terms: tuple[str, ...] = ()  # the partnership's keep list (config.keep_list), kept like allowlisted phrases
    sha256: str = field(default="", compare=False)
    path: Path | None = field(default=None, compare=False)

    def policy(self, entity: str) -> EntityPolicy:
        return self.entities.get(entity, EntityPolicy("keep"))

    def detects(self, entity: str) -> bool:
        return self.policy(entity).action != "keep"

    def threshold(self, entity: str) -> float:
        p = self.policy(entity)
        return self.min_score if p.min_score is None else p.min_score

    def is_child(self, person: Person) -> bool:
        """Whether a register person's role is one the profile's child-role lists name, or such a role
        qualified ('twin brother')."""
        return vocabulary.is_child_role(person.role, vocabulary.words(*self.child_roles))

    @property
    def pseudonym_pools(self) -> dict[str, str]:
        """Gender -> the models/names/ list a register child's pseudonym is drawn from."""
        return dict(self.pseudonyms)


def profile_path(name_or_path: str | Path) -> Path:
    """A profile name ('strict') or a path to a YAML file."""
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml") or p.exists():
        return p
    return PIPELINES_DIR / f"{name_or_path}.yaml"


def available_profiles() -> list[str]:
    return sorted(p.stem for p in PIPELINES_DIR.glob("*.yaml"))


def _score(path: Path, node: Node, where: str) -> float:
    v = node.value
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
        raise ProfileError(path, f"line {node.line}: {where} should be a number from 0 to 1", "")
    return float(v)


def _flag(path: Path, node: Node, where: str) -> bool:
    if not isinstance(node.value, bool):
        raise ProfileError(path, f"line {node.line}: {where} should be true or false", "")
    return node.value


def _names(path: Path, node: Node, where: str, folder: str) -> tuple[str, ...]:
    if not isinstance(node.value, list):
        raise ProfileError(path, f"line {node.line}: {where} should be a list", "")
    names = tuple(str(n.value) for n in node.value)
    for n, item in zip(names, node.value):
        if not list_exists(folder, n):
            raise ProfileError(path, f"line {item.line}: no list models/{folder}/{n}.txt", "Check the name.")
    return names


def _pools(path: Path, node: Node) -> tuple[tuple[str, str], ...]:
    fields = check_fields(path, node, set(DEFAULT_PSEUDONYMS), set(), ProfileError, "people.pseudonyms")
    pools = dict(DEFAULT_PSEUDONYMS)
    for gender, item in fields.items():
        if not list_exists("names", str(item.value)):
            raise ProfileError(path, f"line {item.line}: no list models/names/{item.value}.txt", "Check the name.")
        pools[gender] = str(item.value)
    return tuple(pools.items())


def _keep_terms(path: Path, node: Node) -> tuple[str, ...]:
    """keep.keep_list: a keep file's path (relative to the profile) or the terms as a list."""
    from anonymiser.config.keep_list import load_keep_list

    if isinstance(node.value, list):
        return tuple(" ".join(str(n.value).split()) for n in node.value if str(n.value).strip())
    if not isinstance(node.value, str) or not node.value.strip():
        raise ProfileError(path, f"line {node.line}: keep.keep_list should name a keep file or list terms", "")
    return load_keep_list(path.parent / node.value)


def with_keep_list(profile: Profile, terms: tuple[str, ...]) -> Profile:
    """The profile with a keep list's terms added (`--keep FILE`)."""
    from dataclasses import replace

    if not terms:
        return profile
    added = tuple(dict.fromkeys((*profile.keep_terms, *terms)))
    digest = hashlib.sha256((profile.sha256 + "\n" + "\n".join(added)).encode("utf-8")).hexdigest()
    return replace(profile, keep_terms=added, sha256=digest)


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> Profile:
    """Read and validate a profile by name or path."""
    path = profile_path(name_or_path)
    if not path.exists():
        raise ProfileError(path, f"no profile called '{name_or_path}'",
                           f"Use one of: {', '.join(available_profiles())}, or a path to a YAML file.")
    root = load_yaml(path, ProfileError, "profile")
    f = check_fields(path, root, TOP_FIELDS, {"name", "entities"}, ProfileError, "the profile")

    people = check_fields(path, f["people"], PEOPLE_FIELDS, set(), ProfileError, "'people'") if "people" in f else {}
    modes = {}
    for key in ("register_children", "register_adults"):
        mode = str(people[key].value) if key in people else ("pseudonym" if key == "register_children" else "role")
        if mode not in PEOPLE_MODES:
            raise ProfileError(path, f"line {people[key].line}: people.{key} should be one of {', '.join(PEOPLE_MODES)}", "")
        modes[key] = mode

    entities: dict[str, EntityPolicy] = {}
    ent_node = f["entities"]
    if not isinstance(ent_node.value, dict):
        raise ProfileError(path, f"line {ent_node.line}: 'entities' should map entity types to actions", "")
    for etype, node in ent_node.value.items():
        if etype not in ENTITY_TYPES:
            raise ProfileError(path, f"line {node.line}: unknown entity type '{etype}'",
                               f"Known types: {', '.join(sorted(ENTITY_TYPES))}.")
        e = check_fields(path, node, ENTITY_FIELDS, {"action"}, ProfileError, f"entities.{etype}")
        action = str(e["action"].value)
        if action not in ACTIONS:
            raise ProfileError(path, f"line {e['action'].line}: unknown action '{action}' for {etype}",
                               f"Actions: {', '.join(ACTIONS)}.")
        if action in ("remove", "replace") and "text" not in e:
            raise ProfileError(path, f"line {node.line}: {etype} with action '{action}' needs 'text'", "")
        if action == "person" and etype != "PERSON":
            raise ProfileError(path, f"line {e['action'].line}: action 'person' is only for PERSON", "")
        entities[etype] = EntityPolicy(
            action=action,
            text=str(e["text"].value) if "text" in e else None,
            register_text=str(e["register_text"].value) if "register_text" in e else None,
            register_other_text=str(e["register_other_text"].value) if "register_other_text" in e else None,
            min_score=_score(path, e["min_score"], f"entities.{etype}.min_score") if "min_score" in e else None,
        )

    keep = check_fields(path, f["keep"], KEEP_FIELDS, set(), ProfileError, "'keep'") if "keep" in f else {}
    return Profile(
        name=str(f["name"].value),
        description=str(f["description"].value) if "description" in f else "",
        min_score=_score(path, f["min_score"], "min_score") if "min_score" in f else 0.5,
        register_children=modes["register_children"],
        register_adults=modes["register_adults"],
        others_professional=str(people["others_professional"].value) if "others_professional" in people else "Professional",
        others=str(people["others"].value) if "others" in people else "Adult",
        others_child=str(people["others_child"].value) if "others_child" in people else "Child",
        professionals_by_role=(_flag(path, people["professionals_by_role"], "people.professionals_by_role")
                               if "professionals_by_role" in people else False),
        entities=entities,
        allowlists=_names(path, keep["allowlists"], "keep.allowlists", "allowlist") if "allowlists" in keep else (),
        keep_places=_names(path, keep["places"], "keep.places", "gazetteer") if "places" in keep else (),
        flag_lists=_names(path, f["flag"], "flag", "gazetteer") if "flag" in f else (),
        keep_unnamed_areas=_flag(path, keep["unnamed_areas"], "keep.unnamed_areas") if "unnamed_areas" in keep else False,
        keep_labels=_flag(path, keep["labels"], "keep.labels") if "labels" in keep else False,
        area=area_setting(path, keep["area"], "keep.area", ProfileError) if "area" in keep else None,
        child_roles=(_names(path, people["child_roles"], "people.child_roles", "vocabulary")
                     if "child_roles" in people else DEFAULT_CHILD_ROLES),
        pseudonyms=_pools(path, people["pseudonyms"]) if "pseudonyms" in people else tuple(DEFAULT_PSEUDONYMS.items()),
        keep_terms=_keep_terms(path, keep["keep_list"]) if "keep_list" in keep else (),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        path=path,
    )
