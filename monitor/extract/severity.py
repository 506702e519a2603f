"""Severity indicator after 法释〔2017〕10号 art. 5 (personal-information crimes).

Resumes are "other personal information" (art. 5 para. 1 item 5): selling 5,000 records or
more, or making 5,000 yuan or more, is "serious" (情节严重); ten times either figure is
"especially serious" (情节特别严重, art. 5 para. 2 item 3). The figures here are what the
seller *claims*; the indicator ranks offers for review, it is not a legal finding.

Gains are estimated as claimed volume x unit price, when both are known, converted to CNY
with the fixed table ``prices.CNY_RATE`` (rough rates; unknown currencies count 1:1).
"""

from __future__ import annotations

import logging

from monitor.extract.prices import CNY_RATE

logger = logging.getLogger(__name__)

SERIOUS_RECORDS = 5_000
SERIOUS_GAINS_CNY = 5_000.0
ESPECIALLY_FACTOR = 10


def estimated_gains_cny(
    volume: int | None, unit_price: dict[str, float | str] | None
) -> float | None:
    """Claimed volume times unit price, in CNY; None when either is unknown."""
    if volume is None or unit_price is None:
        return None
    amount = float(unit_price["amount"])
    rate = CNY_RATE.get(str(unit_price["currency"]), 1.0)
    return volume * amount * rate


def severity(volume: int | None, unit_price: dict[str, float | str] | None) -> int:
    """0 none, 1 serious, 2 especially serious."""
    records = volume or 0
    gains = estimated_gains_cny(volume, unit_price) or 0.0
    if (
        records >= SERIOUS_RECORDS * ESPECIALLY_FACTOR
        or gains >= SERIOUS_GAINS_CNY * ESPECIALLY_FACTOR
    ):
        return 2
    if records >= SERIOUS_RECORDS or gains >= SERIOUS_GAINS_CNY:
        return 1
    return 0
