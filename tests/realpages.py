"""The saved real pages of tests/fixtures/real-pages (see SOURCES.md there)."""

from __future__ import annotations

from pathlib import Path

from parsel import Selector

REAL = Path(__file__).resolve().parent / "fixtures" / "real-pages"


def real_text(name: str, encoding: str = "utf-8") -> str:
    """A saved real page, decoded with the encoding its site served it in (passed
    explicitly: several files declare a misleading charset early on)."""
    return (REAL / name).read_bytes().decode(encoding)


def real_page(name: str, encoding: str = "utf-8") -> Selector:
    return Selector(text=real_text(name, encoding))
