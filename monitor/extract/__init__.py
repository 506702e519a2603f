"""Extraction engine: a listing's title and text in, an :class:`Analysis` out.

Pure Python, no Scrapy import. ``analyze`` never raises on any ``str`` input.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["Analysis", "analyze"]

SEVERITY_LABELS = ("none", "serious", "especially_serious")


@dataclass(slots=True)
class Analysis:
    """What a listing claims, and whether it is an offer of job seekers' data."""

    is_offer: bool = False
    score: float = 0.0
    signals: list[str] = field(default_factory=list)
    unit_price: dict[str, Any] | None = None
    tiers: list[dict[str, Any]] = field(default_factory=list)
    volume_records: int | None = None
    sources: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    contacts: list[dict[str, str]] = field(default_factory=list)
    severity: int = 0

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]

    def to_dict(self) -> dict[str, Any]:
        return {
            "is_offer": self.is_offer,
            "score": self.score,
            "unit_price": dict(self.unit_price) if self.unit_price else None,
            "tiers": [dict(t) for t in self.tiers],
            "volume_records": self.volume_records,
            "sources": list(self.sources),
            "categories": list(self.categories),
            "contacts": [dict(c) for c in self.contacts],
            "severity": self.severity,
            "severity_label": self.severity_label,
            "signals": list(self.signals),
        }


_KEYWORDS = ("简历", "求职者", "履历", "resume", "cv", "job seeker", "jobseeker", "candidate")
_SALE = ("出售", "出", "卖", "元", "条", "份", "$", "per", "sell", "price", "usdt")


def analyze(title: str, text: str) -> Analysis:
    """Analyse one listing. Provisional keyword version; replaced by the rule model."""
    try:
        blob = f"{title}\n{text}".lower()
    except Exception:  # non-str input must not crash the crawl
        logger.warning("analyze got non-str input", exc_info=True)
        return Analysis(signals=["error:input"])
    signals = [f"kw:{k}" for k in _KEYWORDS if k in blob]
    sale = [f"sale:{k}" for k in _SALE if k in blob]
    is_offer = bool(signals) and len(sale) >= 2
    score = 0.8 if is_offer else (0.3 if signals else 0.0)
    return Analysis(is_offer=is_offer, score=score, signals=signals + sale)
