"""Publication text that reads well: a name replaced by the role already written beside it goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.api import anonymise
from okafor_case import REGISTER


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("case") / "okafor.register.yaml"
    path.write_text(REGISTER, encoding="utf-8")
    return path


@pytest.mark.parametrize("draft, published_part", [
    ("Amara lived with her mother Sarah Okafor in Croydon.", "lived with her mother in Croydon."),
    ("Amara lived with her mother, Sarah Okafor, and her father.", "lived with her mother and her father."),
    ("Amara's mother (Sarah Okafor) rang the school.", "'s mother rang the school."),
    ("The health visitor saw her mother, Sarah Okafor.", "The health visitor saw her mother."),
])
def test_a_name_beside_its_own_role_is_removed_with_its_commas_or_brackets(
        register: Path, draft: str, published_part: str) -> None:
    result = anonymise(draft, register=register)
    assert published_part in result.text
    assert "Sarah" not in result.text and "Okafor" not in result.text
    assert any("role already named" in r.rule for r in result.decisions.replacements)


def test_a_name_away_from_its_role_becomes_the_role(register: Path) -> None:
    out = anonymise("Her mother, Sarah, said no. Sarah Okafor then left. Mother (Sarah Okafor and a friend) came.",
                    register=register).text
    assert out == "Her mother said no. Mother then left. Mother (Mother and a friend) came."
