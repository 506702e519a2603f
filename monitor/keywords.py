"""The shared keyword list (``monitor/keywords.yaml``), extended or replaced by settings."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from monitor.config import ConfigError


def _flatten(data: Any, source: str) -> list[str]:
    if isinstance(data, list):
        values = data
    elif isinstance(data, dict):
        values = [kw for group in data.values() for kw in (group or [])]
    else:
        raise ConfigError(f"{source}: expected a list or a mapping of lists of keywords")
    keywords = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{source}: keyword {value!r} is not a non-empty string")
        keywords.append(value.strip())
    return keywords


def default_keywords() -> list[str]:
    text = resources.files("monitor").joinpath("keywords.yaml").read_text("utf-8")
    return _flatten(yaml.safe_load(text), "monitor/keywords.yaml")


def load_keywords(replace: list[str] | None = None, extra_file: str | None = None) -> list[str]:
    """Keywords in order, duplicates removed: ``replace`` or the defaults, then the file's."""
    keywords = list(replace) if replace else default_keywords()
    if extra_file:
        path = Path(extra_file)
        if not path.is_file():
            raise ConfigError(f"MONITOR_KEYWORDS_FILE: no such file: {path}")
        keywords += _flatten(yaml.safe_load(path.read_text("utf-8")), str(path))
    return list(dict.fromkeys(keywords))
