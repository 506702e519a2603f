"""The speed helpers must never change a result: gates only skip scans that find nothing,
rewritten and case-folded patterns match exactly what the originals match."""

from __future__ import annotations

import importlib
import random
import re
from typing import Any

import pytest
import re2
from extract_corpus_helpers import load_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract.classify import SUBJECT
from monitor.extract.fastre import (
    CASE_RISKY,
    Folded,
    Gate,
    GateGroups,
    GateSet,
    Re2Led,
    SplitSearch,
    case_gate_ok,
    compile_lookahead_led,
    final_chars,
    lower_view,
    may_end_with,
    re2_superset,
    required_literals,
    rewrite_lead,
)
from monitor.extract.normalize import normalize
from monitor.extract.numbers import QUANTITY
from monitor.extract.spans import Spans

categories: Any = importlib.import_module("monitor.extract.categories")
classify: Any = importlib.import_module("monitor.extract.classify")
contacts: Any = importlib.import_module("monitor.extract.contacts")
money: Any = importlib.import_module("monitor.extract.money")
normalize_module: Any = importlib.import_module("monitor.extract.normalize")
prices: Any = importlib.import_module("monitor.extract.prices")
sources: Any = importlib.import_module("monitor.extract.sources")
volume: Any = importlib.import_module("monitor.extract.volume")

ROWS = load_jsonl("dev.jsonl") + load_jsonl("extra_cases.jsonl")
NORMS = [normalize(r["title"], r["text"]) for r in ROWS]
# Corpus texts plus random splices and case changes of them.
_rng = random.Random(7)
TEXTS = [n.text for n in NORMS] + [
    _rng.choice(NORMS).text[: _rng.randrange(400)].swapcase() + _rng.choice(NORMS).text[-80:]
    for _ in range(300)
]


def test_case_risky_is_every_character_ignorecase_folds_differently() -> None:
    # Recomputed from the regex engine's own case tables (takes a second).
    import _sre
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

    risky = {chr(k) for k in _EXTRA_CASES} | {chr(v) for vs in _EXTRA_CASES.values() for v in vs}
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1 or ord(low) != _sre.unicode_tolower(code):
            risky.add(ch)
    assert {c for c in risky if not c.isascii()} == set(CASE_RISKY)


def _gated_patterns() -> list[tuple[str, re.Pattern[str]]]:
    pats = [(r.id, r.pattern) for r in classify._RULES]
    pats += [("subject", classify.SUBJECT), ("pinyin", normalize_module._PINYIN_RE)]
    pats += [(f"money{i}", p) for i, p in enumerate(money.MONEY_PATTERNS)]
    pats += [(f"source{i}", p) for i, p in enumerate(sources.GATED)]
    pats += [(f"category{i}", p) for i, p in enumerate(categories.GATED)]
    for name in ("_THRESHOLD_BEFORE", "_THRESHOLD_AFTER", "_DISCOUNT", "_PER_N_BEFORE"):
        pats.append((name, getattr(prices, name)))
    return pats


@pytest.mark.parametrize(("name", "pattern"), _gated_patterns())
def test_a_closed_gate_means_no_match(name: str, pattern: re.Pattern[str]) -> None:
    gate = Gate(pattern)
    fold = bool(pattern.flags & re.IGNORECASE)
    for text in TEXTS + [n.compact for n in NORMS]:
        view = text.lower() if fold else text
        if fold and not case_gate_ok(text):
            continue
        if not gate.open(view):
            assert pattern.search(text) is None, (name, text[:200])


def test_gate_set_opens_whenever_the_pattern_matches_and_never_beyond_its_literals() -> None:
    # A set gate (the pattern's RE2 superset) must open wherever the pattern matches, and its
    # bit is never set where the literal gate (Gate) is closed; text with a lone surrogate
    # opens every gate.
    patterns = [p for _, p in _gated_patterns() if not p.flags & re.IGNORECASE]
    patterns.append(re.compile(r"a|\d+"))
    gates = [Gate(p) for p in patterns]
    gate_set = GateSet(patterns)
    extra = ["", "\n收", "open to work 🙏", "reporter", "x" * 50, "١٢٣", "a\u3000b"]
    tighter = 0
    for text in TEXTS + [n.compact for n in NORMS] + extra:
        mask = gate_set.open_mask(text)
        for i, (pattern, gate) in enumerate(zip(patterns, gates, strict=True)):
            is_open = bool(mask >> i & 1)
            if pattern.search(text) is not None:
                assert is_open, (pattern.pattern[:80], text[:200])
            if is_open:
                assert gate.open(text), (pattern.pattern[:80], text[:200])
            tighter += gate.open(text) and not is_open
    assert tighter > 0  # the superset closes gates that a literal alone leaves open
    assert gate_set.open_mask("\ud800简历\udfff") == (1 << len(patterns)) - 1


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\b简历\b", "简历"),
        (r"(?<![a-z])cv(?![a-z])", "xcvx"),  # assertions dropped: a superset
        (r"\d+份", "٣٠٠份"),  # Unicode digits
        (r"简历\s+出售", "简历\u3000出售"),
        (r"简历\s出售", "简历\x1c出售"),
        (r"\w+@", "用户名@"),
        (r"[^\d\s]+x", "٣x"),
        (r"[^\w]x", "_x"),
        (r"[\D]x", "ax"),
        (r"(a)b\1", "aba"),
        (r"(?:(a)|b)c(?(1)d|e)", "bce"),
        (r"a.{0,400}b", "a" + "-" * 300 + "b"),
        (r"a(?s:.)b", "a\nb"),
        (r"a.b", "a\u2028b"),
        (r"(?>ab|a)bc", "abc"),  # atomic: Python fails, the superset may match
        (r"x*+x", "xx"),
        (r"^出售$", "求购\n出售\n"),
        (r"[-~.\]]k", "]k"),
    ],
)
def test_re2_superset_matches_wherever_python_does(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    source = re2_superset(compiled)
    assert source is not None
    if compiled.search(text) is not None:
        assert re2.search(source, text) is not None
    gate = GateSet([compiled])
    assert gate.open_mask(text) == 1 or compiled.search(text) is None


def test_re2_superset_is_tighter_than_the_literals() -> None:
    source = re2_superset(re.compile(r"出售[^\n]{0,8}简历"))
    assert source is not None
    assert re2.search(source, "出售手机\n求简历") is None
    assert re2.search(source, "出售手机\n简历") is None
    assert re2.search(source, "出售全国简历") is not None
    assert re2_superset(re.compile("abc", re.IGNORECASE)) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1٣ \u3000\n简历-_", max_size=30))
def test_re2_superset_on_random_text(text: str) -> None:
    for pattern in [r"\bab\b", r"\d+\s*简历", r"[^\W\d]+-", r"(a|b)\1", r"a.{2,9}b", r"\w\s\w"]:
        compiled = re.compile(pattern)
        if compiled.search(text) is not None:
            source = re2_superset(compiled)
            assert source is not None and re2.search(source, text) is not None, (pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="简历数据出售收有模板?\nreportsel dm", max_size=40))
def test_gate_set_never_skips_a_rule_that_matches(text: str) -> None:
    mask = classify._GATES.open_mask(text)
    for bit, rule in classify._GATED_RULES:
        if not mask & bit:
            assert rule.pattern.search(text) is None, (rule.id, text)
    if not mask & classify._SUBJECT_BIT:
        assert classify.SUBJECT.search(text) is None


def test_gate_groups_split_one_pass_into_each_groups_own_mask() -> None:
    groups = [classify.GATED, sources.GATED, categories.GATED]
    shared = GateGroups(groups)
    own = [GateSet(group) for group in groups]
    for text in TEXTS + [n.compact for n in NORMS]:
        assert shared.open_masks(text) == [g.open_mask(text) for g in own], text[:200]


def test_gated_sources_and_categories_find_what_ungated_ones_find() -> None:
    everything = (1 << 1024) - 1  # every gate open: each pattern is run
    for norm in NORMS:
        assert sources.find_sources(norm) == sources.find_sources(norm, everything)
        assert categories.find_categories(norm.compact) == categories.find_categories(
            norm.compact, everything
        )


def test_strong_aliases_are_found_as_the_trie_finds_them() -> None:
    every = (1 << len(sources._STRONG_ALIASES)) - 1
    extra = [
        "智联招聘智联前程无忧",
        "58同城58.com五八同城",
        "linkedinlinked in",
        "naukrigulfnaukri",
    ]
    for view in [n.compact for n in NORMS] + extra + [t.lower() for t in TEXTS]:
        expected = [(m.start(), m.end(), m.group("a")) for m in sources._STRONG_RE.finditer(view)]
        assert sources._strong_matches(view, every) == expected, view[:200]
        mask = sources._GATES.open_mask(view) >> sources._STRONG_SHIFT
        assert sources._strong_matches(view, mask) == expected, view[:200]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="智联招聘前程无忧58同城五八.comlinked inaukrigulf", max_size=40))
def test_strong_aliases_on_random_text(text: str) -> None:
    every = (1 << len(sources._STRONG_ALIASES)) - 1
    expected = [(m.start(), m.end(), m.group("a")) for m in sources._STRONG_RE.finditer(text)]
    assert sources._strong_matches(text, every) == expected


def test_gate_set_without_literals() -> None:
    # (\d+ in the set as its superset closes on "abc"; x? matches everywhere)
    assert GateSet([re.compile(r"\d+"), re.compile(r"x?")]).open_mask("abc") == 0b10
    assert GateSet([]).open_mask("abc") == 0


def test_a_failed_re2_match_opens_every_gate() -> None:
    gates = GateSet([re.compile("abc"), re.compile("xyz"), re.compile(r"\d+")])
    assert gates.open_mask("--abc--") == 0b001
    assert gates.open_mask("--abc-1-") == 0b101

    def failing(text: bytes) -> list[int]:  # RE2 reports a DFA out of memory as no match
        return []

    gates._match = failing
    assert gates.open_mask("--abc--") == 0b111


def test_required_literals() -> None:
    def lits(p: str, flags: int = 0) -> tuple[str, ...] | None:
        return required_literals(re.compile(p, flags))

    assert lits(r"(?<![a-z])cvs?(?![a-z])") == ("cv",)
    assert lits(r"\d[kmw+]? available") == (" available",)
    assert lits(r"[?]$|请问") == ("?", "请问")
    assert lits(r"qq|微信|a(?:b|cd)e") == ("a", "qq", "微信")
    assert lits(r"\d[-~至到]") == ("-", "~", "到", "至")
    assert lits(r"QQ|微信", re.IGNORECASE) == ("qq", "微信")
    assert lits(r"a|\d+") is None  # an alternative without a literal: no gate
    assert lits(r"x?") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="vVwWxXqQ微信号:= _-1234567890abcABCıİſK\n", max_size=60))
def test_folded_patterns_match_like_ignorecase(text: str) -> None:
    lower = text.lower()
    usable = len(lower) == len(text) and case_gate_ok(text)
    for pattern in (contacts._WX, contacts._QQ, contacts._TG_CUE, contacts._NUM_CUE):
        slow = [(m.span(), m.groupdict()) for m in pattern.folded.finditer(text)]
        fast = [
            (
                m.span(),
                {
                    k: text[m.start(k) : m.end(k)] if m.start(k) >= 0 else None
                    for k in m.groupdict()
                },
            )
            for m in pattern.finditer(text, lower if usable else None)
        ]
        # the same spans and the same group values (read from the case-kept text)
        assert fast == slow, (text, pattern.lower.pattern[:80])


def test_folded_money_patterns_on_the_corpus() -> None:
    for text in TEXTS:
        lower = text.lower()
        if len(lower) != len(text) or not case_gate_ok(text):
            continue
        for slow, fast in zip(money.MONEY_PATTERNS, money._MONEY_LOWER, strict=True):
            assert [m.span() for m in slow.finditer(text)] == [
                m.span() for m in fast.finditer(lower)
            ]


_SUFFIX_MONEY_TEXT = st.text(
    alphabet="0123456789١٢.,  \t一二两十百千万亿元块毛分人民币usdtcentkmwlakh$a-z\n美刀港币ſKıİ",
    max_size=40,
)


def _suffix_money_twins() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    guarded = money._MONEY_SOURCES[3]
    unguarded = guarded.replace(money._NUMBER2, money._UNGUARDED_NUMBER2)
    unguarded = unguarded.replace(money._SUFFIX_AHEAD, "")  # and without the run check
    assert unguarded != guarded and money._SUFFIX_AHEAD in guarded
    return [(re.compile(guarded, f), re.compile(unguarded, f)) for f in (0, re.IGNORECASE)]


def _same_matches(fast: re.Pattern[str], slow: re.Pattern[str], text: str) -> None:
    assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
        (m.span(), m.groupdict()) for m in slow.finditer(text)
    ], text


def test_guarded_suffix_money_pattern_matches_like_the_plain_one_on_the_corpus() -> None:
    for fast, slow in _suffix_money_twins():
        for text in [
            *TEXTS,
            "1234567890123456元",
            "12,34元",
            "1.5.3元",
            "5 万元 2024 0.3u",
            "5万 元 三百 万元 7 k usd 8\tdollars 9  元 1,000,000.5 lakh 2.元 3,元",
            # the longest number and multiplier a match can hold (42 characters), and longer
            "123,456,789,012,345,678,901,234.12345678百万元 1,234,567,890,123,456,789,012,345元",
        ]:
            _same_matches(fast, slow, text)
            _same_matches(fast, slow, text.lower())


@settings(max_examples=500, deadline=None)
@given(_SUFFIX_MONEY_TEXT)
def test_guarded_suffix_money_pattern_matches_like_the_plain_one(text: str) -> None:
    for fast, slow in _suffix_money_twins():
        _same_matches(fast, slow, text)


def _window_patterns() -> list[Any]:
    return [
        volume._CUE_BEFORE_W,
        volume._REJECT_BEFORE_W,
        *(getattr(prices, name) for name in dir(prices) if name.endswith("_BEFORE_W")),
    ]


def _same_window_matches(text: str) -> None:
    lower = lower_view(text)
    if lower is None:
        return
    for window in _window_patterns():
        for end in range(len(text) + 1):
            start = max(0, end - 30)
            slow = window.folded.search(text[start:end])
            fast = window.search(text[start:end], lower[start:end])
            # same span, same group values once lower-cased (the fast one reads the
            # lower-cased window)
            slow_dict = slow.groupdict() if slow else {}
            fast_dict = fast.groupdict() if fast else {}
            slow_groups = {k: (v or "").lower() for k, v in slow_dict.items()}
            fast_groups = {k: v or "" for k, v in fast_dict.items()}
            assert (slow and slow.span(), slow_groups) == (fast and fast.span(), fast_groups), (
                window.folded.pattern[:60],
                text[start:end],
            )


def test_folded_windows_match_like_ignorecase_on_the_corpus() -> None:
    for text in TEXTS[:150]:
        _same_window_matches(text)


_WINDOW_TEXT = st.text(
    alphabet="满起Min Order of总量Total:=约 ~1234567890wWkK万条份Per每/ \tLot全包-至\n", max_size=30
)


@settings(max_examples=200, deadline=None)
@given(_WINDOW_TEXT)
def test_folded_windows_match_like_ignorecase(text: str) -> None:
    _same_window_matches(text)


def test_final_chars_of_end_anchored_patterns() -> None:
    assert final_chars(re.compile(r"(?:满|over)[ \t]*$")) == (frozenset("满r"), True)
    assert final_chars(re.compile(r"(?:每|per)[ \t]*\d?[:=]?\Z")) == (
        frozenset(["每", "r", ":", "=", "\\d"]),
        False,
    )
    # not anchored, a class of unknown extent at the end, possibly blank, case-insensitive
    assert final_chars(re.compile(r"满[ \t]*")) is None
    assert final_chars(re.compile(r"满[^x]$")) is None
    assert final_chars(re.compile(r"满?[ \t]*$")) is None
    assert final_chars(re.compile(r"over$", re.IGNORECASE)) is None
    assert final_chars(re.compile(r"a$|b")) is None
    final = final_chars(re.compile(r"(?:满|over)[ \t]*$"))
    assert final is not None
    assert may_end_with("总共满 \t", final) and may_end_with("over \n", final)
    assert not may_end_with("总共满 1", final) and not may_end_with("over\n\n", final)


_END_TEXT = st.text(alphabet="满over每per 1\t\n:=xX٣", max_size=12)


@settings(max_examples=500, deadline=None)
@given(_END_TEXT)
def test_may_end_with_is_false_only_without_a_match(text: str) -> None:
    for source in [
        r"(?:满|over)[ \t]*$",
        r"(?:每|per)[ \t]*\d?[:=]?\Z",
        r"(?:per[ \t]+(?:1[ \t])?|每)[ \t]*[:=]?[ \t]*$",
    ]:
        pattern = re.compile(source)
        final = final_chars(pattern)
        assert final is not None
        if not may_end_with(text, final):
            assert pattern.search(text) is None, (source, text)


def test_counts_and_prices_are_the_same_with_or_without_the_lower_view() -> None:
    for norm in NORMS:
        fold = lower_view(norm.text)
        monies = money.find_money(norm.text)
        taken = [(m.start, m.end) for m in monies]
        counts = volume.find_counts(norm.text, Spans(taken), fold)
        # (the records compare by their repr: every field, in order)
        assert repr(counts) == repr(volume.find_counts(norm.text, Spans(taken)))
        best = volume.largest(counts)
        assert repr(prices.extract_prices(norm.text, monies, best, norm.cjk, fold)) == repr(
            prices.extract_prices(norm.text, monies, best, norm.cjk)
        )


def test_rewrite_lead_keeps_the_matches() -> None:
    source = r"(?<![A-Za-z])(?:qq|扣扣|q号)[ \t]*(?P<d>\d{5,})"
    fast = re.compile(rewrite_lead(source))
    slow = re.compile(source)
    for text in ["qq 12345", "aqq 12345", "扣扣123456 q号 99999", "QQ12345", "xq号12345"]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_split_search_finds_what_search_finds() -> None:
    full = re.compile(r"出售|for sale|\d[kmw+]? available|\dk\+? ready|dm(?![a-z])")
    split = SplitSearch(full)
    assert len(split.parts) == 2
    for text in [*TEXTS, "5k available", "10k+ ready, for sale", "admin dm 3m available"]:
        a, b = full.search(text), split.search(text)
        assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0)))


def test_rewritten_normalization_steps_match_the_original_patterns() -> None:
    cjk = "\u3400-\u9fff\uf900-\ufaff"
    space = re.compile(f"(?<=[{cjk}])[ \t\u3000]+(?=[{cjk}])")
    split = re.compile(f"(?<=[{cjk}])[ \\t\\r\\f\\v\\-_*·.~|\\\\+=#^`'\"]{{1,3}}(?=[{cjk}])")
    samples = [*TEXTS, "中 文  字\t\u3000符 x 中", "简-历 智 - 联 简**历 a 中    ..文"]
    for text in samples:
        _same_cjk_joins(text, space, split)


def _same_cjk_joins(text: str, space: re.Pattern[str], split: re.Pattern[str]) -> None:
    assert normalize_module._CJK_SPACE.sub("", text) == space.sub("", text), text
    low = text.lower()
    assert normalize_module._CJK_SPLIT.sub("", low) == split.sub("", low), text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="中文\uf900a1 \t\u3000\n-_*·.~|\\+=#^`'\"", max_size=30))
def test_rewritten_normalization_steps_on_random_text(text: str) -> None:
    cjk = "\u3400-\u9fff\uf900-\ufaff"
    space = re.compile(f"(?<=[{cjk}])[ \t\u3000]+(?=[{cjk}])")
    split = re.compile(f"(?<=[{cjk}])[ \\t\\r\\f\\v\\-_*·.~|\\\\+=#^`'\"]{{1,3}}(?=[{cjk}])")
    _same_cjk_joins(text, space, split)


def test_characters_ascii_texts_skip_are_all_non_ascii() -> None:
    # normalize skips the invisible-character scan and case_gate_ok the CASE_RISKY scan on an
    # ASCII text: neither set may hold an ASCII character.
    assert all(code > 0x7F for code in normalize_module._INVISIBLE)
    assert not any(ch.isascii() for ch in CASE_RISKY)
    assert case_gate_ok("plain ASCII text")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="〇零一二三四五六七八九十 a1-", max_size=40))
def test_chinese_digit_run_pattern_is_the_plain_repeat(text: str) -> None:
    plain = re.compile(
        "[〇零一二三四五六七八九]{5,20}"
        "|[〇零一二三四五六七八九]{1,4}(?:[ \t-][〇零一二三四五六七八九]{1,5}){1,11}"
    )
    fast = normalize_module._CN_DIGIT_RUN
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_folded_is_used_only_with_a_usable_lower_view() -> None:
    pattern = Folded(r"(?<![a-z])(?:vx|wx)[ \t]*(?P<id>[a-z]{3,})")
    text = "VX abcd"
    assert [m.span() for m in pattern.finditer(text, text.lower())] == [(0, 7)]
    assert [m.span() for m in pattern.finditer(text, None)] == [(0, 7)]


def test_money_and_contacts_are_the_same_with_or_without_the_lower_view() -> None:
    for text in TEXTS:
        fold = lower_view(text)
        assert repr(money.find_money(text, fold)) == repr(money.find_money(text))
        assert contacts.find_contacts(text, fold) == contacts.find_contacts(text)
    assert normalize("", "QQ ıİ 12345").fold is None  # risky characters: no lower view


def _deobfuscate_ungated(text: str) -> str:
    if "at" not in text.lower() and "艾特" not in text:
        return text
    return str(contacts._DOT.sub(".", contacts._AT.sub("@", text)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab at AT dot点艾特 \t[](){}<>【】（）@.\n", max_size=50))
def test_deobfuscation_gates_change_nothing(text: str) -> None:
    assert contacts._deobfuscate(text) == _deobfuscate_ungated(text)


def test_deobfuscation_gates_on_the_corpus() -> None:
    for text in [*TEXTS, "name [at] example (dot) com", "a ( AT ) b 【点】 c", "x[dot]y at"]:
        assert contacts._deobfuscate(text) == _deobfuscate_ungated(text)


# The patterns compiled with a prefilter from their leading lookahead class.
_LOOKAHEAD_LED = (QUANTITY, money.MONEY_PATTERNS[3], money._MONEY_LOWER[3], prices._BARE)


def _plain_and_fast(pattern: re.Pattern[str], text: str) -> tuple[list[Any], list[Any]]:
    plain = re.compile(pattern.pattern, pattern.flags)
    return (
        [(m.span(), m.groupdict()) for m in plain.finditer(text)],
        [(m.span(), m.groupdict()) for m in pattern.finditer(text)],
    )


def test_lookahead_led_patterns_have_a_prefilter_and_the_same_matches() -> None:
    fastre: Any = importlib.import_module("monitor.extract.fastre")
    for pattern in _LOOKAHEAD_LED:
        assert fastre._lookahead_class_code(pattern.pattern, pattern.flags) is not None
        for text in [*TEXTS, "5", "a5", "x 0.5元", "五", "一万二", "3w", "..", ".5"]:
            for view in (text, text.lower()):
                slow, fast = _plain_and_fast(pattern, view)
                assert fast == slow, (view, pattern.pattern[:40])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,一二两十百千万亿元毛分条wkmWK usdtUSD$a\n", max_size=30))
def test_lookahead_led_patterns_on_random_text(text: str) -> None:
    for pattern in _LOOKAHEAD_LED:
        slow, fast = _plain_and_fast(pattern, text)
        assert fast == slow


def test_compile_lookahead_led_leaves_other_shapes_alone() -> None:
    fastre: Any = importlib.import_module("monitor.extract.fastre")
    for source, flags in [
        (r"(?=\d)\d+", 0),  # \d parses as a one-item class: prefilter on
        (r"(?=[a-z])\w+", re.IGNORECASE),  # cased letters: no prefilter, plain compile
        (r"(?=[0-9])\d*", 0),  # may match "": plain compile
        (r"(?![0-9])x", 0),
        (r"abc", 0),
    ]:
        fast = compile_lookahead_led(source, flags)
        plain = re.compile(source, flags)
        for text in ["a1b22 c333", "", "ABC abc 9x"]:
            spans = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == spans
    assert fastre._lookahead_class_code(r"(?=[a-z])\w+", re.IGNORECASE) is None
    assert fastre._lookahead_class_code(r"(?=[0-9])\d*", 0) is None
    assert fastre._lookahead_class_code(r"abc", 0) is None


# Round 4: NFKC with the full-width forms replaced first.
def _raw_texts() -> list[str]:
    raws = [f"{r['title']}\n{r['text']}" for r in ROWS]
    for name in ("blind3.jsonl", "blind4.jsonl", "blind5.jsonl"):
        raws += [f"{r['title']}\n{r['text']}" for r in load_jsonl(name)]
    return raws


_FULLWIDTH_MIX = "".join(normalize_module._FULLWIDTH) + "\u0301\u0308\u0327\u3099ａA中ｶ①Å\u212b"


def test_nfkc_is_unicodedata_nfkc_on_the_corpora() -> None:
    unicodedata = importlib.import_module("unicodedata")
    for raw in _raw_texts():
        for text in (raw, raw.upper(), raw.translate({ord(","): "，", ord(":"): "："})):
            assert normalize_module.nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_FULLWIDTH_MIX, max_size=30) | st.text(max_size=30))
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    unicodedata = importlib.import_module("unicodedata")
    assert normalize_module.nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_replacements_are_each_characters_own_nfkc() -> None:
    unicodedata = importlib.import_module("unicodedata")
    for ch, ascii_form in normalize_module._FULLWIDTH.items():
        assert ascii_form == unicodedata.normalize("NFKC", ch) and ascii_form.isascii()
        # Before and after every combining mark of the BMP.
        text = "".join(ch + mark + ch + "a" + mark for mark in _MARKS)
        assert normalize_module.nfkc(text) == unicodedata.normalize("NFKC", text)


_MARKS = [
    chr(c)
    for c in range(0x300, 0x10000)
    if importlib.import_module("unicodedata").combining(chr(c))
]


# Round 4: prefilters without the \d test, and patterns reshaped to get a prefilter at all.
def test_widened_prefilter_class_holds_every_digit() -> None:
    fastre: Any = importlib.import_module("monitor.extract.fastre")
    digit = re.compile(r"\d")
    wide = set(fastre._BMP_DIGITS)
    for code in range(0x110000):
        if digit.match(chr(code)) is not None:
            assert code in wide or code > 0xFFFF, hex(code)
    for pattern in (*_LOOKAHEAD_LED, money._MONEY_LOWER[0], contacts._NUMBER_RUN):
        built = fastre._lookahead_class_code(pattern.pattern, pattern.flags)
        assert built is not None
        code = built[1]
        info = code[5 : code[1] + 1]
        assert fastre._sre_constants.CATEGORY not in info  # no Unicode-database call per char


# Each reshaped pattern and the one it replaces (as it was written before round 4).
_RESHAPED = (
    (
        contacts._EMAIL,
        r"(?<![\w.+-])[A-Za-z0-9][\w.+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,12}"
        r"(?![\w])",
    ),
    (
        contacts._HANDLE,
        r"(?<![\w.@])@(?P<h>[A-Za-z][A-Za-z0-9_]{3,31})(?![\w@]|\.[A-Za-z])",
    ),
    (contacts._MOBILE, r"(?<![\d+])(?:\+?86[ \t-]?)?1[3-9]\d(?:[ \t-]?\d){8}(?!\d)"),
    (contacts._NUMBER_RUN, r"\d(?:[ \t\-().]?\d){4}"),
    (normalize_module._DECOR_ANY, f"[{normalize_module._DECOR}]+"),
    *(
        (fast, slow.replace("(?=[零〇一二两三四五六七八九\\d])", "", 1))
        for fast, slow in [
            (money._MONEY_LOWER[0], money._MONEY_LOWER[0].pattern),
            (money.MONEY_PATTERNS[0], money.MONEY_PATTERNS[0].pattern),
        ]
    ),
)


def _same_finditer(fast: re.Pattern[str], slow_source: str, text: str) -> None:
    slow = re.compile(slow_source, fast.flags)
    got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in slow.finditer(text)], text


def test_reshaped_patterns_match_like_the_originals_on_the_corpus() -> None:
    assert all(fast.pattern != slow for fast, slow in _RESHAPED)
    extra = [
        "a@bcde x@@abcd 1@x.io @abcd",
        "+8613800138000 8613912345678 113912345678",
        "两毛五 3块5",
    ]
    for text in [*TEXTS, *extra, *_raw_texts()]:
        for fast, slow in _RESHAPED:
            _same_finditer(fast, slow, text)
            _same_finditer(fast, slow, text.lower())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789+86 \t-.@_aZ中两毛块五\U0001f600\u2600\n٣", max_size=40))
def test_reshaped_patterns_match_like_the_originals(text: str) -> None:
    for fast, slow in _RESHAPED:
        _same_finditer(fast, slow, text)


_LED_PATTERNS = [
    re.compile(r"(?<![支付])出(?:简历|求职)|sell(?<![a-z]sell)(?![a-z])|dm(?<![a-z]dm)(?![a-z])"),
    re.compile(r"价格[^\n,、。]{0,4}(?:私聊|面议)|\d+[kw]?\+? ?(?:份|条)|(?<=\n)出"),
    re.compile(r"a|b\Z"),
]


@given(
    st.sampled_from(range(len(_LED_PATTERNS))),
    st.text(alphabet="出简历求职支付价格私聊面议selldm admin12kw+份条\n,", max_size=40),
)
@settings(max_examples=500, deadline=None)
def test_re2_led_search_finds_the_same_match(index: int, text: str) -> None:
    pattern = _LED_PATTERNS[index]
    found = Re2Led(pattern, pattern.search).search(text)
    expected = pattern.search(text)
    assert (found and (found.span(), found.group(0))) == (
        expected and (expected.span(), expected.group(0))
    )


def test_re2_led_search_on_the_corpus_and_odd_text() -> None:
    pattern = _LED_PATTERNS[0]
    led = Re2Led(pattern, pattern.search)
    texts = [normalize(r["title"], r["text"]).compact for r in load_jsonl("dev.jsonl")]
    texts += ["admin sells", "支付出简历 出简历", "x\ud800 dm", "dm"]
    for text in texts:
        found, expected = led.search(text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span()), text


@given(
    st.sampled_from(range(len(_LED_PATTERNS))),
    st.text(alphabet="出简历求职支付价格私聊面议selldm admin12kw+份条\n,é€\U0001f600", max_size=60),
)
@settings(max_examples=500, deadline=None)
def test_re2_led_finditer_finds_the_same_matches(index: int, text: str) -> None:
    pattern = _LED_PATTERNS[index]
    found = [(m.span(), m.group(0)) for m in Re2Led(pattern, pattern.search).finditer(text)]
    assert found == [(m.span(), m.group(0)) for m in pattern.finditer(text)]


def test_re2_led_finditer_on_the_subject_words_of_every_corpus() -> None:
    led = Re2Led(SUBJECT, SUBJECT.search)
    rows = load_jsonl("dev.jsonl") + load_jsonl("blind100.jsonl") + load_jsonl("blind104.jsonl")
    texts = ["\n" + normalize(r["title"], r["text"]).compact for r in rows]
    texts += ["简历" * 1000, "x\ud800 cv", "резюме и CV ứng viên"]
    for text in texts:
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in SUBJECT.finditer(text)]
