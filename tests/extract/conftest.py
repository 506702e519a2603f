"""Fixtures for the extraction tests."""

from __future__ import annotations

from typing import Any

import pytest
from extract_corpus_helpers import load_scorer


@pytest.fixture(scope="session")
def scorer() -> Any:
    return load_scorer()
