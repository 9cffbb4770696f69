"""The per-case secret key that seals the audit chain: made once, kept owner-only beside the pseudonym map."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
from pathlib import Path

from filelock import FileLock

from anonymiser.core.errors import InputError
from anonymiser.write.atomic import temp_beside

KEY_FILE = "audit-key.json"
KEY_VERSION = 1


def key_file_beside(map_path: Path) -> Path:
    """Where the key file of the pseudonym map `map_path` lives: the same folder."""
    return map_path.parent / KEY_FILE


def key_lock(key_file: Path) -> Path:
    """The lock taken while a case's key is made (a lock file is opened for writing, so never a link)."""
    return key_file.with_name(f".{key_file.name}.lock")


def key_id(key: bytes) -> str:
    """A public name for a key, so verify can pick the right one; it reveals nothing of the key."""
    return hmac.new(key, b"anonymiser audit key id", hashlib.sha256).hexdigest()[:16]


def _slot(case: str) -> str:
    # The case label can itself identify the family, so the file holds only its hash.
    return hashlib.sha256(case.encode("utf-8")).hexdigest()


def _damaged(path: Path) -> InputError:
    return InputError(path, "the audit key file is damaged",
                      "Restore it from the case file's backup; audit logs sealed with it cannot be "
                      "authenticated without it.")


def _read(path: Path) -> dict[str, str]:
    """Case slot -> key in hex; a damaged file stops the run rather than replacing a case's key."""
    if path.is_symlink():
        raise InputError(path, "the audit key file is a symbolic link",
                         "Put the case's key file itself there (a link could point at another case's key).")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged(path) from None
    keys = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise _damaged(path)
    try:
        for v in keys.values():
            bytes.fromhex(v)
    except ValueError:
        raise _damaged(path) from None
    return keys


def _write(path: Path, keys: dict[str, str]) -> None:
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    if stat.S_IMODE(folder.stat().st_mode) & 0o077:
        # The folder holds the pseudonym map and this key: owner-only, whatever the umask.
        try:
            os.chmod(folder, 0o700)
        except PermissionError:
            pass  # not our folder; the key file itself is still owner-only
    # A pid-named temporary, so a killed run's leftover is cleared like any other output temporary.
    tmp = temp_beside(path)
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"version": KEY_VERSION, "keys": keys}, f, indent=2, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def case_key(map_path: Path, case: str) -> bytes:
    """The case's audit key, created with `secrets` the first time the case is run."""
    path = key_file_beside(map_path)
    slot = _slot(case)
    if path.exists() or path.is_symlink():
        keys = _read(path)
        if slot in keys:
            return bytes.fromhex(keys[slot])
    path.parent.mkdir(parents=True, exist_ok=True)
    # Parallel workers may meet a new case at once: only one may make its key, or logs sealed
    # with the losing key could never be authenticated.
    with FileLock(str(key_lock(path)), mode=0o600):
        keys = _read(path) if path.exists() or path.is_symlink() else {}
        if slot not in keys:
            keys[slot] = secrets.token_hex(32)
            _write(path, keys)
        return bytes.fromhex(keys[slot])


def keys_in(path: Path) -> dict[str, bytes] | None:
    """Every key in a key file, by key id; None when there is no key file."""
    if not path.exists() and not path.is_symlink():
        return None
    return {key_id(k): k for k in (bytes.fromhex(v) for v in _read(path).values())}
