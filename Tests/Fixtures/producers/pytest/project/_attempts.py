"""Attempt counter kept in a state file, so "flaky" tests fail on fixed attempts, never at random.

The directory comes from OOT_FLAKY_STATE_DIR; make-producer-fixtures.sh empties it before every run.
"""
import os
import pathlib


def attempt(name: str) -> int:
    """Count this call for `name` and return the attempt number (1 on the first call)."""
    state_dir = os.environ.get("OOT_FLAKY_STATE_DIR")
    if not state_dir:
        raise RuntimeError("OOT_FLAKY_STATE_DIR is not set")
    path = pathlib.Path(state_dir) / f"{name}.count"
    n = int(path.read_text()) + 1 if path.exists() else 1
    path.write_text(str(n))
    return n
