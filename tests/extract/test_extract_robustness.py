"""Sellers' text is adversarial: analyze must stay fast and never raise."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract import MAX_CHARS, Analysis, analyze
from monitor.extract.spans import Spans

ONE_MB = 1_000_000

# Each piece is repeated to ~1 MB: long digit runs, separators, Chinese numerals,
# nested brackets, repeated keywords, spaces and dots, obfuscated e-mail/handle shapes.
ADVERSARIAL = [
    "9" * 64 + ",",
    "1,2,3,4,5,6,7,8,9,0,",
    "万万万万万万万万千千千百百十十",
    "(((([[[[{{{{【【（（",
    "简历简历简历简历",
    " " * 50 + "." * 50,
    "0.3元/条 5w起 ",
    "QQ 1 2 3 4 5 6 7 8 9 0 1 2 ",
    "a[at]b(dot)c[at]d(dot)",
    "@@@@aaaa____@",
    "$$$$$¥¥¥¥€€€€ 1 k k k w w w ",
    "1-1-1-1-1-1-1-1-1-1-1-",
    "http://" + "a" * 100 + "/",
    "两毛五两毛五一块五",
    "t.me/" + "x" * 40 + " ",
    "\u200b" * 30 + "简\u200b历",
    "a.b.",  # spelled-out words that never end
    "1,00",  # digit groups that never close
    "x [at] y (dot) ",
]
# Single runs as long as the whole page: a failing match must not rescan them per position.
LONG_RUNS = ["9", " ", "万", "a.", "1,00", "简 ", "@a.", "*", "-1"]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("piece", ADVERSARIAL)
def test_one_megabyte_of_adversarial_text_finishes(piece: str) -> None:
    text = piece * (ONE_MB // len(piece) + 1)
    start = time.perf_counter()
    a = analyze("出售简历 " + piece[:50], text)
    elapsed = time.perf_counter() - start
    assert isinstance(a, Analysis)
    assert 0.0 <= a.score <= 1.0
    assert "input:truncated" in a.signals  # only MAX_CHARS were read
    assert elapsed < 20, f"{elapsed:.1f}s on {piece[:20]!r}"


@pytest.mark.timeout(30)
@pytest.mark.parametrize("unit", LONG_RUNS)
def test_one_long_run_finishes(unit: str) -> None:
    start = time.perf_counter()
    a = analyze("简历", "出售 " + unit * (ONE_MB // len(unit)) + " 0.3元/条")
    assert 0.0 <= a.score <= 1.0
    assert time.perf_counter() - start < 20


@pytest.mark.timeout(30)
def test_mixed_adversarial_megabyte() -> None:
    text = "".join(ADVERSARIAL) * (ONE_MB // len("".join(ADVERSARIAL)) + 1)
    a = analyze("", text)
    assert 0.0 <= a.score <= 1.0
    assert len(text) > MAX_CHARS


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.text(max_size=2000))
def test_random_unicode_never_raises(title: str, text: str) -> None:
    a = analyze(title, text)
    assert isinstance(a.is_offer, bool)
    assert isinstance(a.score, float) and 0.0 <= a.score <= 1.0
    assert all(isinstance(s, str) for s in a.signals)
    assert a.severity in (0, 1, 2)
    assert a.unit_price is None or (
        a.unit_price["amount"] >= 0 and isinstance(a.unit_price["currency"], str)
    )
    assert a.volume_records is None or isinstance(a.volume_records, int)
    assert all(set(c) == {"type", "value"} for c in a.contacts)
    a.to_dict()


ALPHABET = st.sampled_from(list("0123456789.,/ 万千wkK元毛分条份$¥€₹QqVv@:：简历出售求职者\n-*|()"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=600))
def test_random_listing_shaped_text_never_raises(text: str) -> None:
    a = analyze("简历出售", text)
    assert 0.0 <= a.score <= 1.0
    assert a.is_offer == (a.score >= 0.5)


def test_non_str_input_does_not_raise() -> None:
    a = analyze(None, 42)  # type: ignore[arg-type]
    assert not a.is_offer


@pytest.mark.parametrize(
    ("spans", "inside", "outside"),
    [
        ([(0, 3), (5, 8)], [0, 2, 5, 7], [3, 4, 8, 100]),
        ([(5, 8), (0, 3), (2, 6)], [0, 4, 7], [8, -1]),
        ([(10, 10)], [], [10]),
    ],
)
def test_spans(spans: list[tuple[int, int]], inside: list[int], outside: list[int]) -> None:
    s = Spans(spans)
    assert all(p in s for p in inside)
    assert not any(p in s for p in outside)
