"""uk_recognizers(): one of each, English, and a cheap package import."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from anonymiser.core.entities import ENTITY_TYPES
from anonymiser.detect.recognizers import uk_recognizers


def test_one_instance_of_each_recognizer() -> None:
    recognizers = uk_recognizers()
    assert all(isinstance(r, EntityRecognizer) for r in recognizers)
    assert all(r.supported_language == "en" for r in recognizers)
    counts = Counter(type(r).__name__ for r in recognizers)
    assert len(counts) == 25 and set(counts.values()) == {1}


def test_every_entity_is_a_known_type() -> None:
    entities = {e for r in uk_recognizers() for e in r.supported_entities}
    assert entities <= set(ENTITY_TYPES)
    assert entities == {
        "NHS_NUMBER", "NI_NUMBER", "POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS", "URL",
        "SOCIAL_MEDIA_HANDLE", "VEHICLE_REGISTRATION", "ADDRESS", "LOCATION", "DATE",
        "REFERENCE_NUMBER", "SCHOOL", "NURSERY", "GP_PRACTICE", "HOSPITAL_WARD", "PERSON", "QUANTITY", "ORGANISATION",
    }


def test_recognizers_register_with_presidio() -> None:
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in uk_recognizers():
        registry.add_recognizer(recognizer)
    assert len(registry.get_recognizers(language="en", all_fields=True)) == 25


def test_importing_the_package_loads_no_presidio() -> None:
    code = (
        "import sys, anonymiser; before = set(sys.modules); import anonymiser.detect.recognizers; "
        "new = set(sys.modules) - before; "
        "assert not [m for m in new if m.startswith(('presidio', 'spacy', 'phonenumbers'))], new"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[3])
