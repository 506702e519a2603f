"""Extraction engine: a listing's title and text in, an :class:`Analysis` out.

Pure Python, no Scrapy import. ``analyze`` never raises on any ``str`` input::

    from monitor.extract import analyze
    a = analyze("出zl简历 量大从优", "单价:5毛 5w以上:3毛 总量:200w 私聊 @zl_cv")
    a.is_offer, a.unit_price, a.volume_records, a.sources, a.contacts, a.severity_label

As in the labeled corpus, price, tiers, volume, sources, categories and contacts are left
empty when the listing is not an offer (the signals still say what fired), and severity is 0.
See README.md in this package for the rules and the libraries used. The modules may be
compiled with mypyc (``make`` does it); they are then imported from the build directory, see
``_native.py``.
"""

from __future__ import annotations

from monitor.extract._native import native_dir

_NATIVE = native_dir()
if _NATIVE is not None:
    # the compiled modules first (the package's own directory still holds cli.py, _native.py)
    __path__.insert(0, str(_NATIVE))

from monitor.extract.engine import MAX_CHARS, Analysis, analyze  # noqa: E402

NATIVE = _NATIVE is not None  # whether the compiled engine is in use

__all__ = ["MAX_CHARS", "NATIVE", "Analysis", "analyze"]
