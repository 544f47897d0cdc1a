"""The Python bundle's address (`pyodide/<digest>/`): the same for the same inputs, on
any machine. Readers keep the bundle under that address, so a redeploy of unchanged code
must not move it, while any changed file must."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.python_bundle import bundle


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "snapshots"
    monkeypatch.setattr(bundle, "SNAPSHOT_CACHE_DIR", folder)
    return folder


def files(tmp_path: Path, cache: Path, key: str, memory: bytes, wheel: bytes) -> dict:
    """A bundle's files: a wheel, and the snapshot's three made under `key`."""
    made = cache / key
    made.mkdir(parents=True, exist_ok=True)
    for name in bundle.SNAPSHOT_MADE:
        (made / name).write_bytes(memory + name.encode())
    (tmp_path / "w.whl").write_bytes(wheel)
    return {"w.whl": tmp_path / "w.whl"} | {name: made / name for name in bundle.SNAPSHOT_MADE}


def test_snapshots_of_the_same_inputs_give_the_same_address(tmp_path: Path, cache: Path) -> None:
    # Python's memory differs from one making to the next (hash seed, random state):
    # two snapshots of the same inputs restore alike, so the address stays.
    first = bundle.bundle_digest(files(tmp_path, cache, "k1", b"memory one", b"wheel"))
    second = bundle.bundle_digest(files(tmp_path, cache, "k1", b"memory two", b"wheel"))
    assert first == second


def test_other_inputs_or_any_other_changed_file_move_the_address(
    tmp_path: Path, cache: Path
) -> None:
    base = bundle.bundle_digest(files(tmp_path, cache, "k1", b"memory", b"wheel"))
    assert bundle.bundle_digest(files(tmp_path, cache, "k2", b"memory", b"wheel")) != base
    assert bundle.bundle_digest(files(tmp_path, cache, "k1", b"memory", b"wheel 2")) != base


def test_a_snapshot_from_elsewhere_counts_by_its_bytes(tmp_path: Path, cache: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / bundle.SNAPSHOT_NAME).write_bytes(b"one")
    first = bundle.bundle_digest({bundle.SNAPSHOT_NAME: loose / bundle.SNAPSHOT_NAME})
    (loose / bundle.SNAPSHOT_NAME).write_bytes(b"two")
    assert bundle.bundle_digest({bundle.SNAPSHOT_NAME: loose / bundle.SNAPSHOT_NAME}) != first
