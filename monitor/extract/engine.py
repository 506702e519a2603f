"""The engine behind :func:`monitor.extract.analyze`: normalize, scan, read the facts, score.

Compiled with mypyc when the native build is present (see ``_native.py``); imported through
the package either way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from monitor.extract.categories import GATED as CATEGORY_PATTERNS
from monitor.extract.categories import find_categories
from monitor.extract.classify import GATED as RULE_PATTERNS
from monitor.extract.classify import (
    SUBJECT,
    Evidence,
    KeywordScan,
    cannot_be_offer,
    classify,
    is_offer,
    scan,
)
from monitor.extract.contacts import find_contacts, has_authors_reply
from monitor.extract.fastre import GateGroups
from monitor.extract.money import find_money
from monitor.extract.normalize import MAX_CHARS, Normalized, compact, normalize
from monitor.extract.prices import extract_prices
from monitor.extract.severity import severity as severity_of
from monitor.extract.sources import GATED as SOURCE_PATTERNS
from monitor.extract.sources import find_sources
from monitor.extract.spans import Spans
from monitor.extract.threads import (
    PRICED,
    chrome_sections,
    furniture,
    other_ads,
    other_posts,
    thread_posts,
)
from monitor.extract.volume import find_counts, largest

logger = logging.getLogger(__name__)

__all__ = ["MAX_CHARS", "Analysis", "analyze"]

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


def analyze(title: object, text: object) -> Analysis:
    """Analyse one listing. Never raises: a failure is logged and reported as a signal, and
    a title or text that is not a ``str`` is read as empty. (Typed ``object`` so that the
    compiled build, which checks argument types, takes anything too.)"""
    try:
        return _analyze(
            title if isinstance(title, str) else "", text if isinstance(text, str) else ""
        )
    except Exception:  # the crawl must go on whatever a seller writes
        logger.exception("extraction failed on a listing (title %.40r)", title)
        return Analysis(signals=["error:extraction_failed"])


# The keyword rules, source and category patterns all read the compact view: their gates are
# opened in one pass (fastre.GateGroups), on the "\n"-led text scan() reads.
_COMPACT_GATES = GateGroups([RULE_PATTERNS, SOURCE_PATTERNS, CATEGORY_PATTERNS])


def _seller_negatives(norm: Normalized, keywords: KeywordScan) -> KeywordScan:
    """In a pasted thread, the warnings, questions and reports of other people's replies
    ("呢啲係咪犯法㗎", "reported to the mods") say nothing against the seller's own post: the
    negative rules are read from the thread's author's posts only. So for the page furniture
    around a listing (reviews, comments, FAQ, breadcrumbs: _furniture)."""
    thread = thread_posts(norm.text)
    others = Spans() if thread is None else Spans(thread.others.intervals())
    page = furniture(norm.text, norm.fold)
    for start, end in other_posts(norm.text):  # a channel's other ads
        page.add(start, end)
    for start, end in page.intervals():
        others.add(start, end)
    if not len(others):
        return keywords
    own_text = _without(norm.lower, others)
    if not PRICED.search(own_text):
        return keywords  # the author sells nothing: the others' talk is the listing's
    own = scan(compact(own_text, norm.cjk))
    result = keywords.with_negatives_of(own)
    # "为你推荐 ¥9.9 简历模板" under a list of companies: resumes named only by the page
    if (
        len(page)
        and result.subjects
        and not own.subjects
        and SUBJECT.search(compact(_without(norm.lower, page), norm.cjk)) is None
    ):
        result = result.without_subjects()
    return result


def _head(norm: Normalized, end: int) -> Normalized:
    """The listing's views up to ``end`` (a position in ``norm.text``)."""
    lower = norm.lower[:end]
    return Normalized(
        norm.text[:end],
        lower,
        compact(lower, norm.cjk),
        None if norm.fold is None else norm.fold[:end],
        norm.truncated,
        norm.cjk,
    )


def _cut(norm: Normalized, spans: list[tuple[int, int]]) -> Normalized:
    """The listing's views without ``spans`` (position ranges in ``norm.text``)."""
    cut = Spans(spans)
    lower = _without(norm.lower, cut)
    return Normalized(
        _without(norm.text, cut),
        lower,
        compact(lower, norm.cjk),
        None if norm.fold is None else _without(norm.fold, cut),
        norm.truncated,
        norm.cjk,
    )


def _without(text: str, spans: Spans) -> str:
    """``text`` without the ``spans``, the parts left joined by line breaks."""
    kept: list[str] = []
    pos = 0
    for start, end in spans.intervals():
        kept.append(text[pos:start])
        pos = end
    kept.append(text[pos:])
    return "\n".join(kept)


def _analyze(title: str, text: str) -> Analysis:
    norm = normalize(title, text)
    result = _analyze_normalized(norm)
    if result.is_offer or not any(s.startswith("kw:") for s in result.signals):
        return result  # (a reply can only be an offer of job seekers' data if they are named)
    return _offer_in_reply(norm) or result


def _offer_in_reply(norm: Normalized) -> Analysis | None:
    """A thread pasted as one text whose author asks ("求58同城普工简历", "WTB US resume
    database") while someone answers with an offer: the listing holds that offer. The
    others' posts that name a price are read on their own, in order; the first offer wins."""
    thread = thread_posts(norm.text)
    if thread is None:
        return None
    for start, end in thread.priced:
        reply = _analyze_normalized(normalize("", norm.text[start:end]))
        if reply.is_offer:
            reply.signals.append("thread:offer_in_reply")
            return reply
    return None


# The best a fact not read yet could add: a price quoted per record, a volume of thousands.
_BEST_CASE_PRICE: tuple[str | None, float | None] = ("per_record", None)
_BEST_CASE_VOLUME = 1_000_000


def _may_be_offer(
    keywords: KeywordScan,
    price: tuple[str | None, float | None],
    volume: int | None,
    has_contact: bool,
    has_source: bool,
) -> bool:
    """Whether the listing would be an offer with these facts (the unread ones at their best)."""
    return is_offer(keywords, Evidence(*price, volume, has_contact, has_source))


def _near_miss(
    keywords: KeywordScan, evidence: Evidence, extra: list[str], more: list[str] | None = None
) -> Analysis:
    """A non-offer scored on the facts read before it was clear (the rest were not read)."""
    verdict = classify(keywords, evidence)
    signals = [*verdict.signals, *(more or []), *extra]
    return Analysis(is_offer=False, score=verdict.score, signals=signals)


def _analyze_normalized(norm: Normalized) -> Analysis:
    rule_gates, *gates = _COMPACT_GATES.open_masks("\n" + norm.compact)
    source_gates: int | None = gates[0]
    category_gates: int | None = gates[1]
    keywords = scan(norm.compact, rule_gates)
    if keywords.negative_logit:
        keywords = _seller_negatives(norm, keywords)
    extra = ["input:truncated"] if norm.truncated else []
    if cannot_be_offer(keywords):
        return _near_miss(keywords, Evidence(None, None, None, False, False), extra)
    # The facts are the seller's: not the reviews', comments' and recommendations' below them.
    cuts = chrome_sections(norm.text, norm.fold)
    # (the author answering in the comments leaves the seller's contact there: contacts then
    # read the whole page, without the furniture but for the author's replies)
    page = norm if cuts and has_authors_reply(norm.text) else None
    if len(cuts) == 1 and cuts[0][1] >= len(norm.text):
        norm = _head(norm, cuts[0][0])
    elif cuts:
        # (the text left is no part of the one the gates read: its own gates are opened)
        norm, source_gates, category_gates = _cut(norm, cuts), None, None
    # In a thread whose author names a price, the facts are the author's: not the sums,
    # stocks and platforms of other people's replies (a buyer's "1块出不出", a rival's "我这也有，
    # 0.3一份", "I've got 300k of these", "有冇 Indeed HK?"). Contacts read the whole thread
    # (contacts.py keeps the seller's).
    full = norm
    thread = thread_posts(norm.text)
    if thread is not None and thread.author_prices and len(thread.others):
        norm, source_gates, category_gates = _cut(norm, thread.others.intervals()), None, None
    # In a channel export, the facts are the posts' that offer job seekers' records: not the
    # channel's other ads' ("【车主数据】2024 新车车主 0.05/条", a forwarded "1.2 crore companies").
    ads = other_ads(norm.text)
    if ads:
        norm, source_gates, category_gates = _cut(norm, ads), None, None
    # Extract the cheap facts first and stop as soon as even the best case of the facts not
    # read yet could not make an offer (classify's score only rises with each fact):
    # most near-misses that pass cannot_be_offer end here without the price reading.
    sources = find_sources(norm, source_gates)
    if (
        sources
        and thread is not None
        and not thread.author_prices
        and not thread.priced
        and len(thread.others)
    ):
        # A thread with no price: the platforms are the author's, when the author names one,
        # not those other people ask for or offer ("有人出智联的吗", "I have Indeed CA ~70k").
        sources = find_sources(_cut(norm, thread.others.intervals())) or sources
    if not _may_be_offer(keywords, _BEST_CASE_PRICE, _BEST_CASE_VOLUME, True, bool(sources)):
        return _near_miss(keywords, Evidence(None, None, None, False, bool(sources)), extra)
    # norm.fold: the lower-cased text, when case-insensitive patterns may run on it (fastre).
    fold = norm.fold
    monies = find_money(norm.text, fold)
    counts = find_counts(norm.text, Spans((m.start, m.end) for m in monies), fold)
    volume = largest(counts, norm.text)
    prices = extract_prices(norm.text, monies, volume, norm.cjk, fold, counts)
    price = (prices.kind, prices.cny)
    if not _may_be_offer(keywords, price, volume, True, bool(sources)):
        evidence = Evidence(prices.kind, prices.cny, volume, False, bool(sources))
        return _near_miss(keywords, evidence, extra, prices.signals)
    contacts = (
        find_contacts(full.text, full.fold, furnished=False)
        if page is None
        else find_contacts(page.text, page.fold)
    )
    evidence = Evidence(
        price_kind=prices.kind,
        price_cny=prices.cny,
        volume=volume,
        has_contact=bool(contacts),
        has_source=bool(sources),
    )
    verdict = classify(keywords, evidence)
    signals = [*verdict.signals, *prices.signals, *extra]
    if not verdict.is_offer:
        return Analysis(is_offer=False, score=verdict.score, signals=signals)
    return Analysis(
        is_offer=True,
        score=verdict.score,
        signals=signals,
        unit_price=prices.unit_price,
        tiers=prices.tiers,
        volume_records=volume,
        sources=sources,
        categories=find_categories(norm.compact, category_gates),
        contacts=contacts,
        severity=severity_of(volume, prices.unit_price),
    )
