"""The shipped platform table (``platforms.yaml``): recipients, language, gone-page marks."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from monitor.config import ConfigError


@dataclass(frozen=True)
class Platform:
    key: str
    name: str
    operator: str
    language: str  # "zh" or "en": the letter's language
    jurisdiction: str
    kind: str
    recipients: tuple[dict[str, str], ...]
    gone_status: frozenset[int] = frozenset({404, 410})
    gone_text: tuple[str, ...] = ()
    gone_url: tuple[str, ...] = ()
    ignores_notices: bool = False
    # Block kinds of the platform's spider that do not apply to a listing's own URL.
    ignore_blocks: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)


def _platform(key: str, raw: dict[str, Any]) -> Platform:
    gone = raw.get("gone") or {}
    language = raw.get("language", "en")
    if language not in ("zh", "en"):
        raise ConfigError(f"platforms.yaml: {key}.language must be zh or en, got {language!r}")
    if not raw.get("recipients"):
        raise ConfigError(f"platforms.yaml: {key} has no recipients")
    return Platform(
        key=key,
        name=str(raw["name"]),
        operator=str(raw.get("operator", "")),
        language=language,
        jurisdiction=str(raw.get("jurisdiction") or ""),
        kind=str(raw.get("kind", "")),
        recipients=tuple({"channel": "", "url": "", "email": "", **r} for r in raw["recipients"]),
        gone_status=frozenset(int(s) for s in gone.get("status") or (404, 410)),
        gone_text=tuple(gone.get("text") or ()),
        gone_url=tuple(gone.get("url") or ()),
        ignores_notices=bool(raw.get("ignores_notices", False)),
        ignore_blocks=frozenset((raw.get("verify") or {}).get("ignore_blocks") or ()),
    )


@cache
def platforms() -> dict[str, Platform]:
    text = resources.files("monitor.takedown").joinpath("platforms.yaml").read_text("utf-8")
    return {key: _platform(key, raw) for key, raw in yaml.safe_load(text).items()}


def platform(key: str) -> Platform:
    """The platform named ``key``; an unknown name is a ``ConfigError`` listing the known."""
    known = platforms()
    if key not in known:
        raise ConfigError(f"unknown platform {key!r}; known: {', '.join(sorted(known))}")
    return known[key]
