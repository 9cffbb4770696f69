"""Shared fixtures: the repository's samples and a guard that fails on any network use."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a network connection fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network use attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as on a machine without LibreOffice, whether or not this one has it."""
    from anonymiser.read import convert

    monkeypatch.setattr(convert, "find_soffice", lambda: None)


@pytest.fixture(scope="session")
def register_file(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """Write an invented case register (its YAML text) to a file named `<stem>.register.yaml`."""

    def write(text: str, stem: str) -> Path:
        path = tmp_path_factory.mktemp("case") / f"{stem}.register.yaml"
        path.write_text(text, encoding="utf-8")
        return path
    return write
