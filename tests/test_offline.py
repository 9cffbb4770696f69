"""The tool never opens a network connection: not to load spaCy, not for tldextract's suffix list."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.detect.engine import build_analyzer

TEXT = ("The mother emailed the school from jade.hall@example.co.uk and posted a link to "
        "https://www.example.org/profile/jade on 3 May 2021. The GP wrote to dr.ahmed@nhs.net.")


def test_whole_pipeline_runs_with_network_refused(no_network: None) -> None:
    build_analyzer.cache_clear()  # build the engine again, under the guard
    result = anonymise(TEXT)
    assert "example.co.uk" not in result.text
    assert "nhs.net" not in result.text
    assert "example.org" not in result.text
    assert "[email removed]" in result.text and "[web address removed]" in result.text
