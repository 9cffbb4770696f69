"""anonymiser: turn a draft Child Safeguarding Practice Review into a publishable document.

    from anonymiser import anonymise, load_register
    result = anonymise(text, register=load_register("family.register.yaml"))
    print(result.text)
"""

from __future__ import annotations

from typing import Any

__version__ = "0.2.0"

# Importing Presidio and spaCy takes seconds, so the API is imported on first use.
_API = {
    "anonymise": "api", "detect_texts": "api", "Anonymised": "api",
    "load_register": "run.register", "load_profile": "config.profile",
}
__all__ = [*_API, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        import importlib

        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'anonymiser' has no attribute {name!r}")
