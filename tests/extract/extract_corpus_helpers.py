"""Loading the labeled corpora and the shared scorer (tests/data)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"


def load_jsonl(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_scorer() -> Any:
    """tests/data/score_corpus.py, the corpus's own scorer (a copy of the shared tool)."""
    spec = importlib.util.spec_from_file_location("score_corpus", DATA / "score_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
