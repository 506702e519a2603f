"""The style gates of STYLE.md: ruff on the whole tree, mypy strict on monitor/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [str(BIN / "ruff"), "check", "."], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-4000:]


def test_mypy_strict_on_monitor() -> None:
    done = subprocess.run(
        [str(BIN / "mypy"), "--no-incremental", "monitor"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-4000:]
