"""Regex rewriting for speed: keep Python's first-character prefilter working.

CPython's ``re`` scans quickly to the next position whose character can start a match,
but only when *every* top-level alternative begins with a literal or a character class.
One alternative that opens with a lookbehind (``(?<![a-z])dm``) or a group
(``(?:free|instant) sample``) turns the prefilter off and a keyword rule gets 3-10x slower.

:func:`compile_fast` rewrites such alternatives into equivalent ones that start with a
literal: ``(?<![a-z])dm(?![a-z])`` becomes ``dm(?<![a-z]dm)(?![a-z])`` (the same check,
made after the literal), and a leading ``(?:a|b)rest`` is expanded into ``arest|brest``.
Patterns it cannot rewrite are left as they are; the result always matches the same text
(tests compare both on the corpora).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from importlib import import_module
from typing import Any

import re2
from re2 import _re2

logger = logging.getLogger(__name__)

_LEADING_LOOKBEHIND = re.compile(r"^\(\?<!(\[[^\]]*\])\)([^\\()\[\]|?*+{}.^$]+)(.*)$", re.DOTALL)
# "(?<!使用)教程": a lookbehind of a literal before a literal.
_LITERAL_LOOKBEHIND = re.compile(
    r"^\(\?<!([^\\()\[\]|?*+{}.^$]+)\)([^\\()\[\]|?*+{}.^$]+)(.*)$", re.DOTALL
)
_LOOKBEHIND_GROUP = re.compile(r"^(\(\?<!\[[^\]]*\]\))\(\?:([^()]*)\)(\??)(.*)$", re.DOTALL)
_LEADING_GROUP = re.compile(r"^\(\?:([^()]*)\)(\??)(.*)$", re.DOTALL)


def _structural(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` of the characters of ``pattern`` from ``start`` that shape it:
    parentheses and ``|``, outside escapes and character classes; ``depth`` is the group
    depth after the character (a ``)`` reports the depth it closes to)."""
    depth = 0
    in_class = False
    i = start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch in "()|":
            depth += 1 if ch == "(" else -1 if ch == ")" else 0
            yield i, ch, depth
        i += 1


def split_alternatives(pattern: str) -> list[str]:
    """Top-level ``|`` alternatives of a pattern (groups and classes respected)."""
    parts: list[str] = []
    start = 0
    for i, ch, depth in _structural(pattern):
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _rewrite(alt: str) -> list[str]:
    m = _LEADING_LOOKBEHIND.match(alt)
    if m is not None:
        cls, literal, rest = m.groups()
        if rest[:1] in ("?", "*", "+", "{"):
            # The quantifier binds to the literal's last character: leave that one in rest.
            literal, rest = literal[:-1], literal[-1] + rest
        if literal:
            return [f"{literal}(?<!{cls}{re.escape(literal)}){rest}"]
        return [alt]
    ml = _LITERAL_LOOKBEHIND.match(alt)
    if ml is not None:
        behind, literal, rest = ml.groups()
        if rest[:1] in ("?", "*", "+", "{"):
            literal, rest = literal[:-1], literal[-1] + rest
        if literal:
            # "(?<!使用)教程" -> "教程(?<!使用教程)": the same check, made after the literal.
            return [f"{literal}(?<!{re.escape(behind)}{re.escape(literal)}){rest}"]
        return [alt]
    lg = _LOOKBEHIND_GROUP.match(alt)
    if lg is not None:
        # "(?<![a-z])(?:i|we) have" -> "(?<![a-z])i have|(?<![a-z])we have", then as above.
        look, inner, optional, rest = lg.groups()
        if rest[:1] in ("*", "+", "{"):
            return [alt]
        options = split_alternatives(inner) + ([""] if optional else [])
        return [out for option in options for out in _rewrite(look + option + rest)]
    g = _LEADING_GROUP.match(alt)
    if g is not None:
        inner, optional, rest = g.groups()
        if rest[:1] in ("*", "+", "{"):
            return [alt]
        options = split_alternatives(inner) + ([""] if optional else [])
        return [out for option in options for out in _rewrite(option + rest)]
    return [alt]


_PLAIN = re.compile(r"[^\\()\[\]|?*+{}.^$]+")


def rewrite(pattern: str) -> str:
    """The pattern with every top-level alternative starting with a literal where possible,
    and its plain-word alternatives merged into a prefix trie."""
    alts = [out for alt in split_alternatives(pattern) for out in _rewrite(alt)]
    plain = [a for a in alts if _PLAIN.fullmatch(a)]
    other = [a for a in alts if not _PLAIN.fullmatch(a)]
    if len(plain) < 2:
        return "|".join(alts)
    # The trie's root branches go in unwrapped so each still starts with a literal.
    return "|".join([*_trie_branches(plain), *other])


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rewrite(pattern), flags)


_Trie = dict[str, "_Trie"]


def trie_alternation(words: list[str]) -> str:
    """One regex matching any of ``words`` (longest first), shaped as a prefix trie.

    ``usd|usdt|us$`` becomes ``us(?:dt|d|\\$)``: the engine tries one branch per
    position instead of every word, which matters for long keyword and currency lists.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_branches(words: list[str]) -> list[str]:
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return [re.escape(ch) + _trie_regex(child) for ch, child in trie.items()]


def _trie_regex(node: _Trie) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in node.items() if ch]
    # Longer continuations first so the longest word wins, as in a sorted alternation.
    branches.sort(key=len, reverse=True)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


# ---------------------------------------------------------------------------------------------
# Literal gates: skip a regex scan when none of the strings every match must contain is there.
#
# A Python ``substring in text`` check costs tens of nanoseconds, a regex scan of a listing a
# few microseconds, and most rules find nothing in most listings. ``required_literals`` reads
# the parsed pattern and returns strings such that every match contains at least one of them
# (one per top-level alternative, the longest literal run it cannot match without), or None
# when some alternative has no such string. The gate only ever skips scans that would have
# found nothing, so results are unchanged (tests check it against the plain scan).

# The regex parser's own parse tree (CPython's re._parser, stable across 3.11-3.13; typeshed
# does not describe it, hence Any).
_sre_parse: Any = import_module("re._parser")
_sre_constants: Any = import_module("re._constants")
_LITERAL = _sre_constants.LITERAL
_ZERO_WIDTH = (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT)
_REPEATS = (
    _sre_constants.MAX_REPEAT,
    _sre_constants.MIN_REPEAT,
    _sre_constants.POSSESSIVE_REPEAT,
)

# Characters that re.IGNORECASE matches to a letter other than their str.lower() (Turkish
# dotless i, long s, Greek and Cyrillic variants...), or whose str.lower() changes length.
# A lower-cased text holding one cannot be gated for a case-insensitive pattern. Computed from
# re._casefix and _sre.unicode_tolower; a test recomputes it.
CASE_RISKY = (
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0"
    "\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e"
    "\u0441\u0442\u044a\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61"
    "\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06"
)
_CASE_RISKY_RE = re.compile(f"[{CASE_RISKY}]")


def case_gate_ok(text: str) -> bool:
    """Whether ``text.lower()`` may gate case-insensitive patterns run on ``text``."""
    # Every CASE_RISKY character is non-ASCII: an ASCII text (isascii() is a flag) skips the scan.
    return text.isascii() or _CASE_RISKY_RE.search(text) is None


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    if not candidates:
        return None
    # The most selective: the longest shortest string, then the fewest strings.
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _small_class(items: list[tuple[Any, Any]], fold: bool) -> list[str] | None:
    """The characters of a class made of at most 8 plain characters, else None."""
    chars: list[str] = []
    for op, av in items:
        if op is not _LITERAL:
            return None  # a range, a category or a negation
        ch = chr(av)
        if fold:
            if len(ch.lower()) != 1 or ch in CASE_RISKY:
                return None
            ch = ch.lower()
        chars.append(ch)
    return chars if 0 < len(chars) <= 8 else None


def _required(items: list[tuple[Any, Any]], fold: bool) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _LITERAL:
            ch = chr(av)
            if fold:
                if len(ch.lower()) != 1 or ch in CASE_RISKY:
                    return None
                ch = ch.lower()
            run.append(ch)
        elif op is _sre_constants.IN and _small_class(av, fold) is not None:
            # a class of a few plain characters ("[-~至到]"): one of them is in the match
            flush()
            candidates.append(frozenset(_small_class(av, fold) or ()))
        elif op in _ZERO_WIDTH:
            continue  # consumes nothing: the literals around it stay adjacent
        elif op is _sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            flush()
            if add_flags or del_flags:
                continue
            found = _required(list(sub.data), fold)
            if found:
                candidates.append(found)
        elif op is _sre_constants.BRANCH:
            flush()
            union: set[str] = set()
            for alt in av[1]:
                found = _required(list(alt.data), fold)
                if found is None:
                    break
                union |= found
            else:
                candidates.append(frozenset(union))
        elif op in _REPEATS:
            flush()
            low, _high, sub = av
            if low >= 1:
                found = _required(list(sub.data), fold)
                if found:
                    candidates.append(found)
        else:
            flush()
    flush()
    return _best(candidates)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased when the pattern
    ignores case), shortest first; None when no such set is known."""
    fold = bool(pattern.flags & re.IGNORECASE)
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return None
    found = _required(list(parsed.data), fold)
    if not found or "" in found:
        return None
    # Drop strings that contain another one: the shorter is found wherever the longer is.
    kept = sorted(found, key=lambda s: (len(s), s))  # deterministic order
    kept = [s for i, s in enumerate(kept) if not any(t in s for t in kept[:i])]
    return tuple(kept)


class Gate:
    """``gate.open(view)``: False only when ``pattern`` cannot match the text ``view`` shows.

    ``view`` is the text itself, or its ``.lower()`` for a case-insensitive pattern (and then
    only when :func:`case_gate_ok` holds for the text)."""

    __slots__ = ("_ascii_set", "_set", "ascii_literals", "literals")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.literals = required_literals(pattern)
        # (an ASCII text holds none of the others: str.isascii() is a flag, not a scan)
        self.ascii_literals = (
            None if self.literals is None else tuple(x for x in self.literals if x.isascii())
        )
        # Each "literal in view" scans the text (~100 ns a literal on a listing): past
        # _MANY_LITERALS of them one RE2 pass over the UTF-8 text (~1.5 us) costs less.
        self._set = _literal_set(self.literals)
        self._ascii_set = _literal_set(self.ascii_literals)

    def open(self, view: str) -> bool:
        ascii_view = view.isascii()
        literals = self.literals if not ascii_view else self.ascii_literals
        if literals is None:
            return True
        literal_set = self._ascii_set if ascii_view else self._set
        if literal_set is not None:
            try:
                data = view.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
                return True
            matched = literal_set(data)
            # (no sentinel in the result: RE2 ran out of memory, the gate stays open)
            return not matched or len(matched) > 1 or matched[0] == 0
        # A plain loop: any() over a generator costs more than the checks themselves.
        for literal in literals:  # noqa: SIM110
            if literal in view:
                return True
        return False


_MANY_LITERALS = 16


def _literal_set(literals: tuple[str, ...] | None) -> Any:
    """An RE2 set of the alternation of ``literals`` (index 0) and the empty pattern (index 1,
    a sentinel matching every text), or None for a few literals."""
    if literals is None or len(literals) < _MANY_LITERALS:
        return None
    options = re2.Options()
    options.max_mem = 8 << 20
    literal_set = re2.Set.SearchSet(options)
    literal_set.Add("|".join(re2_literal(lit) for lit in literals))
    literal_set.Add("")
    literal_set.Compile()
    return _set_matcher(literal_set)


def _set_matcher(compiled: Any) -> Any:
    """``compiled.Match`` for UTF-8 bytes, without google-re2's Python wrapper around it (an
    interpreted call per match, ~0.5 us) when the wrapped set is there; the bound method
    returns the list of matched indexes ([] for none, as the wrapper's None)."""
    inner = getattr(compiled, "_set", None)
    match = getattr(inner, "Match", None)
    return match if callable(match) else compiled.Match


def re2_literal(literal: str) -> str:
    """``literal`` as an RE2 pattern matching exactly it: every character that is not an ASCII
    letter or digit written as ``\\x{hex}`` (no escaping rule of RE2's to get wrong)."""
    return "".join(ch if ch.isascii() and ch.isalnum() else f"\\x{{{ord(ch):x}}}" for ch in literal)


# ---------------------------------------------------------------------------------------------
# A pattern's RE2 superset.
#
# A literal gate stays open whenever its literal occurs, though the rule itself mostly finds
# nothing ("出售" is in most Chinese listings, the rule wants "出售…简历"): of the ~10 keyword
# rules a listing's literals open, ~6 are searched in vain, ~18 us. re2_superset() writes a
# pattern in RE2's syntax so that it matches wherever the Python pattern matches (and may match
# more): zero-width assertions (\b, ^, lookarounds) dropped, \d \w \s widened to Unicode classes
# at least as wide as Python's, a backreference read as any text, counted repeats above four
# read as * or +. Dropping every assertion also makes a match in a part of a text a match in
# the whole text. The set of such patterns then says which rules can match at all, in the same
# single RE2 pass as the literal gates.

_POSITIVE_CATEGORIES = {
    # Python's \d is Unicode Nd, its \w str.isalnum() or "_", its \s str.isspace(): each inside
    # the class given (\p{M} and \p{Z} are more than needed, never less).
    _sre_constants.CATEGORY_DIGIT: r"\p{Nd}",
    _sre_constants.CATEGORY_WORD: r"\p{L}\p{N}\p{M}_",
    _sre_constants.CATEGORY_SPACE: r"\s\p{Z}\x0b\x1c-\x1f\x{85}",
}
# Inside a negated class a category must stand for no more than Python's: RE2's ASCII ones.
_NEGATED_CATEGORIES = {
    _sre_constants.CATEGORY_DIGIT: "0-9",
    _sre_constants.CATEGORY_WORD: "0-9A-Za-z_",
    _sre_constants.CATEGORY_SPACE: r"\t\n\f\r ",
}
_ANY_CHAR = "(?s:.)"


class _Untranslatable(Exception):
    pass


def _re2_class(items: list[tuple[Any, Any]]) -> str:
    negated = bool(items) and items[0][0] is _sre_constants.NEGATE
    parts: list[str] = []
    categories = _NEGATED_CATEGORIES if negated else _POSITIVE_CATEGORIES
    for op, av in items[1:] if negated else items:
        if op is _LITERAL:
            parts.append(re2_literal(chr(av)))
        elif op is _sre_constants.RANGE:
            parts.append(f"{re2_literal(chr(av[0]))}-{re2_literal(chr(av[1]))}")
        elif op is _sre_constants.CATEGORY and av in categories:
            parts.append(categories[av])
        elif op is _sre_constants.CATEGORY:
            return _ANY_CHAR  # \D \W \S in a class: any character is a superset
        else:
            raise _Untranslatable(op)
    if not parts:
        return _ANY_CHAR
    return f"[{'^' if negated else ''}{''.join(parts)}]"


def _re2_sequence(items: list[tuple[Any, Any]], dotall: bool) -> str:
    out: list[str] = []
    for op, av in items:
        if op is _LITERAL:
            out.append(re2_literal(chr(av)))
        elif op is _sre_constants.NOT_LITERAL:
            out.append(f"[^{re2_literal(chr(av))}]")
        elif op is _sre_constants.ANY:
            out.append(_ANY_CHAR if dotall else r"[^\n]")
        elif op is _sre_constants.IN:
            out.append(_re2_class(av))
        elif op is _sre_constants.BRANCH:
            out.append("(?:" + "|".join(_re2_sequence(alt.data, dotall) for alt in av[1]) + ")")
        elif op is _sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~(re.DOTALL | re.MULTILINE | re.VERBOSE):
                raise _Untranslatable("inline flags")
            inner = (dotall or bool(add_flags & re.DOTALL)) and not del_flags & re.DOTALL
            out.append("(?:" + _re2_sequence(sub.data, inner) + ")")
        elif op is _sre_constants.ATOMIC_GROUP:
            out.append("(?:" + _re2_sequence(av.data, dotall) + ")")
        elif op in _REPEATS:
            low, high, sub = av
            body = "(?:" + _re2_sequence(sub.data, dotall) + ")"
            if high is _sre_constants.MAXREPEAT or high > 4:
                out.append(body + ("*" if low == 0 else "+"))
            else:
                out.append(f"{body}{{{low},{high}}}")
        elif op in _ZERO_WIDTH:
            continue
        elif op is _sre_constants.GROUPREF:
            out.append(_ANY_CHAR + "*")
        elif op is _sre_constants.GROUPREF_EXISTS:
            _group, yes, no = av
            other = "" if no is None else _re2_sequence(no.data, dotall)
            out.append(f"(?:{_re2_sequence(yes.data, dotall)}|{other})")
        else:
            raise _Untranslatable(op)
    return "".join(out)


def re2_superset(pattern: re.Pattern[str]) -> str | None:
    """An RE2 pattern matching wherever ``pattern`` matches, in any text holding that
    match; None for a case-insensitive pattern or one with a construct not handled."""
    if pattern.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        return _re2_sequence(parsed.data, bool(pattern.flags & re.DOTALL))
    except (_Untranslatable, re.error):  # pragma: no cover - every pattern here translates
        return None


_GATE_SET_MEMORY = 64 << 20


class GateSet:
    """The gates of many patterns opened in one pass over the text.

    Checking ``literal in view`` for every literal of every gate costs ~100 ns per literal,
    and the keyword rules have ~350 of them: ~40 us per listing, more than the scans the
    gates save. One RE2 set match (google-re2: a DFA over the UTF-8 bytes) tells which
    gates are open in a few microseconds whatever the number of patterns. Each pattern is in
    the set as its :func:`re2_superset`, so a gate opens only when the whole pattern (less its
    assertions) matches, not just one of its literals; a pattern that has none is in it as the
    alternation of its required literals, as :class:`Gate` reads them. ``open_mask(view)`` has
    bit ``i`` clear only when pattern ``i`` cannot match ``view`` or any part of it; a pattern
    with neither always has its bit set.

    (pyahocorasick was tried first: its root node looks up each character among the ~200
    first characters of the literals, ~50 ns a character, 3-4x slower here.)
    """

    __slots__ = ("_all", "_always", "_bits", "_match", "_sentinel", "_set")

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._always = 0
        self._all = (1 << len(patterns)) - 1
        self._bits: list[int] = []  # RE2 set index -> pattern bit
        self._set: Any = None
        self._sentinel = -1
        self._match: Any = None
        for i, pattern in enumerate(patterns):
            source = re2_superset(pattern)
            if source is None:
                literals = required_literals(pattern)
                if literals is None:
                    self._always |= 1 << i
                    continue
                source = "|".join(re2_literal(lit) for lit in literals)
            if self._set is None:
                options = re2.Options()
                # The DFA's state cache: RE2's default 8 MiB fills on these patterns and the
                # cache is then rebuilt every few listings (~10x slower matches).
                options.max_mem = _GATE_SET_MEMORY
                self._set = re2.Set.SearchSet(options)
            self._set.Add(source)
            self._bits.append(1 << i)
        if self._set is not None:
            # The empty pattern matches every text: if it is missing from a result, the
            # match failed (RE2 reports a DFA out of memory as "nothing matched"), and then
            # every gate is left open rather than wrongly closed.
            self._sentinel = self._set.Add("")
            self._bits.append(0)
            self._set.Compile()
            self._match = _set_matcher(self._set)

    def open_mask(self, view: str) -> int:
        if self._set is None:
            return self._always
        try:
            data = view.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (possible in a Python str): RE2 reads
            return self._all  # UTF-8 only, and "." would not match it where Python's does
        matched = self._match(data)
        if not matched or self._sentinel not in matched:
            return self._all
        mask: int = self._always
        bits = self._bits
        for index in matched:
            mask |= bits[index]
        return mask


class GateGroups:
    """Several modules' :class:`GateSet` gates on one view, opened in a single pass.

    The keyword rules, the source patterns and the category patterns all read a listing's
    compact view; one RE2 pass costs about as much as each of three would (most of it is the
    call and the UTF-8 encoding). ``open_masks(view)`` gives one mask per group, bit ``i`` of
    a group's mask standing for that group's pattern ``i``, as its own GateSet would.
    """

    __slots__ = ("_gates", "_slices")

    def __init__(self, groups: Sequence[Sequence[re.Pattern[str]]]) -> None:
        self._gates = GateSet([pattern for group in groups for pattern in group])
        slices: list[tuple[int, int]] = []
        shift = 0
        for group in groups:
            slices.append((shift, (1 << len(group)) - 1))
            shift += len(group)
        self._slices = tuple(slices)

    def open_masks(self, view: str) -> list[int]:
        mask = self._gates.open_mask(view)
        return [mask >> shift & width for shift, width in self._slices]


# ---------------------------------------------------------------------------------------------
# Alternatives grouped by their first character.
#
# At each position the regex prefilter lets through, a top-level alternation is tried one
# alternative after the other: the engine skips one whose leading literal differs from the
# text's character in ~10 instructions, but a keyword rule has 30-60 alternatives, and in an
# English listing nearly every letter can start one of them. compile_fast's trie only merges
# the plain words; the others ("sell(?<![a-z]sell)(?![a-z])", "samples? (?:on request|for)")
# stay separate. group_leads() puts all alternatives that open with the same literal
# character under it ("s(?:elling|wap|ell(?<!...)...|amples? ...)"), so a position costs one
# skip per distinct first character. Two alternatives opening with different characters
# never match at the same position of a case-sensitive pattern, and those sharing one keep
# their order: the pattern matches the same text at every position.
#
# The grouped pattern is only used to search: the gates keep reading the ungrouped one
# (required_literals takes "elling" from "s(?:elling|...)", which gates worse than
# "selling").

_LEAD_ESCAPES = {"n": "\n", "t": "\t"}


def _lead(alt: str) -> tuple[str, str, str] | None:
    """``(character, its regex text, rest)`` of an alternative opening with one literal
    character that no quantifier follows, else None."""
    if not alt:
        return None
    if alt[0] == "\\":
        ch = alt[1:2]
        if ch in _LEAD_ESCAPES:
            key, size = _LEAD_ESCAPES[ch], 2
        elif ch and not ch.isalnum() and ch.isascii():
            key, size = ch, 2  # an escaped punctuation character ("\[", "\ ")
        else:
            return None  # a class escape (\d, \w), a code (\x41), a back-reference
    elif alt[0] in "()[]|?*+{}.^$":
        return None
    else:
        key, size = alt[0], 1
    if alt[size : size + 1] in ("?", "*", "+", "{"):
        return None  # the quantifier binds to the leading character
    return key, alt[:size], alt[size:]


def grouped_alternatives(alts: list[str]) -> list[str] | None:
    """``alts`` with those sharing a leading literal character merged under it (in their
    order), or None when some alternative does not open with a literal character."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for alt in alts:
        lead = _lead(alt)
        if lead is None:
            return None
        key, text, rest = lead
        groups.setdefault(key, (text, []))[1].append(rest)
    out: list[str] = []
    for text, rests in groups.values():
        out.append(text + rests[0] if len(rests) == 1 else f"{text}(?:{'|'.join(rests)})")
    return out


def group_leads(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with its top-level alternatives grouped by their first character (see
    above): the same matches at every position. Case-insensitive patterns and patterns with
    an alternative that does not open with a literal are returned as they are."""
    if pattern.flags & re.IGNORECASE:
        return pattern  # "S..." and "s..." could both match at one position
    alts = split_alternatives(pattern.pattern)
    grouped = grouped_alternatives(alts)
    if grouped is None or len(grouped) == len(alts):
        return pattern
    return re.compile("|".join(grouped), pattern.flags)


_LEADING_CLASS = re.compile(r"^(\\[dws]|\[(?:\\.|[^\]\\])+\])(.*)$", re.DOTALL)


class Re2Led:
    """``search(text)``: the same match as ``pattern.search(text)``, the Python search started
    where the pattern's :func:`re2_superset` first matches (RE2: a DFA over the UTF-8 text).

    For a long alternation with no regex prefilter (a keyword rule of ~150 phrases, Chinese
    and English) the Python search tries every alternative at nearly every position, ~8 us
    a listing; RE2 finds where a match can start in ~1 us. The superset matches wherever
    the pattern does, so no match of the pattern starts before the superset's leftmost one,
    and the Python search from there finds the pattern's leftmost match (its lookbehinds
    still see the text before that position). No superset match: no match at all."""

    __slots__ = ("_fallback", "_pattern", "_re2")

    def __init__(self, pattern: re.Pattern[str], fallback: Callable[[str], re.Match[str] | None]):
        self._pattern = pattern
        self._fallback = fallback
        self._re2: Any = None
        source = re2_superset(pattern)
        if source is not None:
            options = re2.Options()
            options.max_mem = 16 << 20
            compiled = _re2.RE2(source.encode("utf-8"), options)
            if compiled.ok():
                self._re2 = compiled

    def search(self, text: str) -> re.Match[str] | None:
        if self._re2 is None:
            return self._fallback(text)
        data = _utf8(text)
        if data is None:  # a lone surrogate: RE2 reads UTF-8 only
            return self._fallback(text)
        start = self._re2.Match(_UNANCHORED, data, 0, len(data))[0][0]
        if start < 0:
            return None
        pos = start if len(data) == len(text) else _re2.BytesToCharLen(data, 0, start)
        return self._pattern.search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``: each next one searched from where RE2
        finds the superset's next start (no match of the pattern starts before it)."""
        data = None if self._re2 is None else _utf8(text)
        if data is None:
            yield from self._pattern.finditer(text)
            return
        ascii = len(data) == len(text)
        pos = at = 0  # the next search's start, in characters and in bytes
        while pos <= len(text):
            start = self._re2.Match(_UNANCHORED, data, at, len(data))[0][0]
            if start < 0:
                return
            # (offsets converted from the last known pair: linear over the whole text)
            char = start if ascii else pos + _re2.BytesToCharLen(data, at, start)
            m = self._pattern.search(text, char)
            if m is None:
                return
            yield m
            end = m.end() if m.end() > m.start() else m.end() + 1
            if not ascii:
                # (from the match's start, whose byte offset is known: RE2's or the pattern's
                # own, at or after it)
                base = start + _re2.CharLenToBytes(data, start, m.start() - char)
                at = base + _re2.CharLenToBytes(data, base, end - m.start())
            else:
                at = end
            pos = end


_UNANCHORED = _re2.RE2.Anchor.UNANCHORED
# The last text encoded and its UTF-8 (the keyword rules searched through Re2Led all read the
# same compact view of a listing: it is encoded once). One tuple, so that a thread never pairs
# one text with another's bytes.
_LAST_UTF8: list[tuple[str, bytes | None]] = [("", b"")]


def _utf8(text: str) -> bytes | None:
    """``text`` in UTF-8, or None when it holds a lone surrogate."""
    last = _LAST_UTF8[0]
    if last[0] is text:
        return last[1]
    try:
        data: bytes | None = text.encode("utf-8")
    except UnicodeEncodeError:
        data = None
    _LAST_UTF8[0] = (text, data)
    return data


class SplitSearch:
    """``search()`` of a pattern some of whose top-level alternatives start with a class
    (``\\d[kmw+]? available``), which turns the regex prefilter off for all of them.

    The literal-first alternatives and each group of alternatives opening with the same
    class are searched apart, each part with its prefilter on; the full pattern is then
    matched at the leftmost start any part found, which is the match ``search()`` returns
    (the leftmost position where some alternative matches, the full pattern's choice there).
    A part whose matches need one of a few literals (``\\d(?:[kmw+]? available|k\\+? ready)``:
    " available" or " ready") is skipped when none is in the text: its class prefilter
    (``\\d``, a Unicode lookup for every character) scans the whole text otherwise.
    """

    __slots__ = ("full", "parts")

    def __init__(self, full: re.Pattern[str]) -> None:
        self.full = full
        literal_first: list[str] = []
        by_class: dict[str, list[str]] = {}
        for alt in split_alternatives(full.pattern):
            lead = _LEADING_CLASS.match(alt)
            if lead is not None:
                by_class.setdefault(lead.group(1), []).append(lead.group(2))
            else:
                literal_first.append(alt)
        # A part only gives the leftmost start (the full pattern is matched there), so the
        # order of its alternatives does not matter: they are grouped by their first character
        # whatever the flags (see group_leads).
        if literal_first:
            literal_first = grouped_alternatives(literal_first) or literal_first
        sources = ["|".join(literal_first)] if literal_first else []
        sources += [f"{cls}(?:{'|'.join(rests)})" for cls, rests in by_class.items()]
        compiled = [re.compile(src, full.flags) for src in sources]
        # (part, its literals when a few `in` checks cost less than its scan, else None)
        self.parts = tuple((part, _few_literals(part)) for part in compiled)

    def search(self, text: str) -> re.Match[str] | None:
        best = -1
        for part, literals in self.parts:
            if literals is not None:
                for literal in literals:
                    if literal in text:
                        break
                else:
                    continue  # none of the literals: no match of this part in the text
            m = part.search(text)
            if m is not None and (best < 0 or m.start() < best):
                best = m.start()
        return None if best < 0 else self.full.match(text, best)


def _few_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """``required_literals(pattern)`` when there are at most four (case-sensitive patterns
    only: the text is not lower-cased here), else None."""
    if pattern.flags & re.IGNORECASE:
        return None
    literals = required_literals(pattern)
    return literals if literals is not None and len(literals) <= 4 else None


def has_prefilter(pattern: re.Pattern[str]) -> bool:
    """Whether the regex engine can skip to positions where a match may start."""
    compiler: Any = import_module("re._compiler")
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    prefix = compiler._get_literal_prefix(parsed, pattern.flags)[0]
    return bool(prefix) or compiler._get_charset_prefix(parsed, pattern.flags) is not None


# ---------------------------------------------------------------------------------------------
# A prefilter for patterns that open with a lookahead of one class.
#
# The number patterns (QUANTITY, suffix money, bare prices) open with ``(?=[\d.一二...])``:
# their alternatives start with different named groups, so no consumed class can lead them.
# CPython's compiler derives its prefilter ("skip to the next character that can start a
# match") only from a leading literal or consumed class, not from a lookahead, so these were
# entered at every position of a listing. The lookahead states the same fact a class prefix
# does: no match starts at a character outside the class. compile_lookahead_led gives such a
# pattern the info block the compiler itself builds for that class (its own _compile_info on
# the class alone, then the pattern's real width); the body is compiled unchanged and the
# lookahead still checks each candidate, so the matches are the same (tests compare them).

_compiler: Any = import_module("re._compiler")
_sre_module: Any = import_module("_sre")


_IN = _sre_constants.IN
# Every BMP character ``\d`` matches (str.isdecimal is the engine's own test, a test checks it).
_BMP_DIGITS = [c for c in range(0x10000) if chr(c).isdecimal()]


def _widened(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]] | None:
    r"""A class holding every character of ``items`` (a class with ``\d`` in it) written as
    plain characters and ranges, plus all of the planes above the BMP; None when ``items`` has
    no ``\d`` or holds anything else than characters, ranges and ``\d``.

    In a prefilter ``\d`` costs a call to the Unicode database for every character of the
    text; a class of plain characters is one bitmap lookup. A wider prefilter class is safe:
    the lookahead still checks each candidate, a non-BMP character only costs one try."""
    codes: list[int] = []
    has_digit = False
    for op, av in items:
        if op is _LITERAL:
            codes.append(av)
        elif op is _sre_constants.RANGE and av[1] <= 0xFFFF:
            codes.extend(range(av[0], av[1] + 1))
        elif op is _sre_constants.CATEGORY and av is _sre_constants.CATEGORY_DIGIT:
            has_digit = True
            codes.extend(_BMP_DIGITS)
        else:
            return None
    if not has_digit or max(codes) > 0xFFFF:
        return None
    out: list[tuple[Any, Any]] = []
    for code in sorted(set(codes)):
        if out and out[-1][1][1] == code - 1:
            out[-1] = (_sre_constants.RANGE, (out[-1][1][0], code))
        else:
            out.append((_sre_constants.RANGE, (code, code)))
    return [*out, (_sre_constants.RANGE, (0x10000, 0x10FFFF))]


def _lookahead_class_code(source: str, flags: int) -> tuple[Any, list[int]] | None:
    """The parsed pattern and its code with a class prefilter taken from its leading
    lookahead, or None when it has no such lookahead (or the class holds a cased letter)."""
    parsed = _sre_parse.parse(source, flags)
    if not parsed.data:
        return None
    op, av = parsed.data[0]
    if op is not _sre_constants.ASSERT or av[0] != 1:  # not a positive lookahead
        return None
    inner = av[1].data
    if len(inner) != 1 or inner[0][0] is not _sre_constants.IN:
        return None
    low, high = parsed.getwidth()
    if low == 0:
        return None  # the compiler builds no prefilter for patterns that may match ""
    all_flags = parsed.state.flags | flags
    code: list[int] = []
    _compiler._compile_info(code, _sre_parse.SubPattern(parsed.state, [inner[0]]), all_flags)
    # [INFO, skip, mask, min, max, charset...]: a class prefix, or none (a cased class).
    if code[2] != _sre_constants.SRE_INFO_CHARSET:
        return None
    wide = _widened(inner[0][1])
    if wide is not None:
        # The compiler accepted the class as a prefix, so it holds no cased character and the
        # case flag does not matter to it; without the flag the non-BMP range is accepted.
        code = []
        no_case = all_flags & ~_sre_constants.SRE_FLAG_IGNORECASE
        _compiler._compile_info(code, _sre_parse.SubPattern(parsed.state, [(_IN, wide)]), no_case)
        if code[2] != _sre_constants.SRE_INFO_CHARSET:  # pragma: no cover - other internals
            return None
    code[3] = min(low, _compiler.MAXCODE)
    code[4] = min(high, _compiler.MAXCODE)
    _compiler._compile(code, parsed.data, all_flags)
    code.append(_sre_constants.SUCCESS)
    return parsed, code


def compile_lookahead_led(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, with the regex prefilter on when ``source`` opens with a
    lookahead of one class (see above). Falls back to the plain compile when the pattern has
    another shape or the engine's internals are not the ones this was written for."""
    plain = re.compile(source, flags)
    try:
        built = _lookahead_class_code(source, flags)
        if built is None:
            return plain
        parsed, code = built
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        fast: re.Pattern[str] = _sre_module.compile(
            source,
            flags | parsed.state.flags,
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except (AttributeError, TypeError, ValueError, IndexError, RuntimeError, re.error):
        logger.warning("no lookahead prefilter for %.40r: re internals differ", source)
        return plain
    if (fast.flags, fast.groups, fast.groupindex) != (plain.flags, plain.groups, plain.groupindex):
        return plain  # pragma: no cover - a compiler this was not written for
    return fast


def rewrite_lead(source: str) -> str:
    """``source`` with its leading group's alternatives made to start with a literal, the rest
    left as it is (it may hold named groups, which must not be repeated):
    ``(?<![a-z])(?:qq|扣扣)REST`` -> ``(?:qq(?<![a-z]qq)|扣扣(?<![a-z]扣扣))REST``. The group
    keeps its alternatives in order, so it matches the same text."""
    lg = _LOOKBEHIND_GROUP.match(source)
    if lg is not None:
        look, inner, optional, rest = lg.groups()
        if optional or rest[:1] in ("*", "+", "{", "?"):
            return source
        alts = [out for option in split_alternatives(inner) for out in _rewrite(look + option)]
        return f"(?:{'|'.join(alts)}){rest}"
    if not source.startswith("(?:"):
        return source
    close = _closing_paren(source, 0)
    if close < 0 or source[close + 1 : close + 2] in ("*", "+", "{", "?"):
        return source
    inner, rest = source[3:close], source[close + 1 :]
    alts = [out for alt in split_alternatives(inner) for out in _rewrite(alt)]
    return f"(?:{'|'.join(alts)}){rest}"


def _closing_paren(pattern: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start``, or -1."""
    for i, ch, depth in _structural(pattern, start):
        if ch == ")" and depth == 0:
            return i
    return -1


class Folded:
    """A case-insensitive pattern and its twin for the lower-cased text.

    With re.IGNORECASE a pattern whose matches start with a letter gets no regex prefilter
    and is tried at every position. The twin is the same pattern, case-sensitive and led by
    literals, run on ``text.lower()`` (same positions, same matches: see :func:`case_gate_ok`).
    """

    __slots__ = ("folded", "lower")

    def __init__(self, source: str, lower_source: str | None = None) -> None:
        self.folded = re.compile(source, re.IGNORECASE)
        # lower_source: the same pattern written by hand to start with literals, when
        # rewrite_lead cannot do it.
        self.lower = re.compile(lower_source or rewrite_lead(source))

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        """Matches in ``text``, found on ``lower`` when it is given (callers pass it only when
        ``len(lower) == len(text)`` and :func:`case_gate_ok` holds); read values from ``text``."""
        if lower is None:
            return self.folded.finditer(text)
        return self.lower.finditer(lower)

    def search(self, text: str, lower: str | None) -> re.Match[str] | None:
        """The first match in ``text`` (on ``lower`` when it is given, as for finditer)."""
        if lower is None:
            return self.folded.search(text)
        return self.lower.search(lower)

    def match(self, text: str, lower: str | None, pos: int) -> re.Match[str] | None:
        """A match starting at ``pos`` (on ``lower`` when it is given, as for finditer)."""
        if lower is None:
            return self.folded.match(text, pos)
        return self.lower.match(lower, pos)


# ---------------------------------------------------------------------------------------------
# End gates for window patterns anchored at the end ("...[ \t]*$").
#
# The "before" context patterns (counts, prices) are searched in the 16-30 characters before a
# number and must match up to the window's end. search() still tries every position of the
# window, each with ~50 alternatives. But a match can only exist when the window's last
# character that is not a space or a tab is one a match can end with (a match ends at the
# window's end, or before a final newline for "$", and whatever follows its last non-blank
# character is blank): "总量:" ends with ":", which a cue can end with; "手机号码 138 " ends with
# "8", which no reject word ends with, so the search is skipped. final_chars() reads those
# characters from the parsed pattern.

_BLANKS = frozenset(" \t")
_AT_END = _sre_constants.AT_END  # "$": the end, or before a final newline
_AT_END_STRING = _sre_constants.AT_END_STRING  # "\Z"

# (characters a match may end with, ignoring blanks; whether it may be blank) or None.
# DIGIT in the set stands for every character ``\d`` matches (str.isdecimal).
_Final = tuple[frozenset[str], bool] | None
DIGIT = "\\d"


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    r"""The characters of a parsed class of plain characters, short ranges and ``\d``
    (as DIGIT), else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is _LITERAL:
            chars.add(chr(av))
        elif op is _sre_constants.RANGE and av[1] - av[0] < 256:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre_constants.CATEGORY and av is _sre_constants.CATEGORY_DIGIT:
            chars.add(DIGIT)
        else:
            return None  # another category (\s, \w...), a negation, a wide range
    return chars


def _final_of_item(op: Any, av: Any) -> _Final:
    if op is _LITERAL:
        ch = chr(av)
        return (frozenset(), True) if ch in _BLANKS else (frozenset(ch), False)
    if op is _sre_constants.IN:
        chars = _class_chars(av)
        if chars is None:
            return None
        return frozenset(chars - _BLANKS), bool(chars & _BLANKS)
    if op in _ZERO_WIDTH:
        return frozenset(), True  # consumes nothing
    if op is _sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _final_of(list(sub.data))
    if op is _sre_constants.BRANCH:
        union: set[str] = set()
        blank = False
        for alt in av[1]:
            found = _final_of(list(alt.data))
            if found is None:
                return None
            union |= found[0]
            blank = blank or found[1]
        return frozenset(union), blank
    if op in _REPEATS:
        low, _high, sub = av
        found = _final_of(list(sub.data))
        return None if found is None else (found[0], low == 0 or found[1])
    return None  # any character, a negated literal, a group reference...


def _final_of(items: list[tuple[Any, Any]]) -> _Final:
    """The characters a match of the sequence ``items`` may have as its last non-blank
    character, and whether the match may be all blank (or empty)."""
    chars: set[str] = set()
    for op, av in items[::-1]:  # (not reversed(): mypyc 1.x fails on it over Any items)
        found = _final_of_item(op, av)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _end_anchor(items: list[tuple[Any, Any]]) -> Any:
    """``AT_END`` or ``AT_END_STRING`` when every match of ``items`` ends with that anchor
    (``AT_END`` when some alternative uses it), else None."""
    if not items:
        return None
    op, av = items[-1]
    if op is _sre_constants.AT:
        return av if av in (_AT_END, _AT_END_STRING) else None
    if op is _sre_constants.SUBPATTERN:
        return None if av[1] or av[2] else _end_anchor(list(av[3].data))
    if op is _sre_constants.BRANCH:
        anchors = [_end_anchor(list(alt.data)) for alt in av[1]]
        if None in anchors:
            return None
        return _AT_END if _AT_END in anchors else _AT_END_STRING
    return None


def final_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    r"""For a case-sensitive pattern whose every match ends at the end of the text (``$`` or
    ``\Z``): the characters a match may end with, blanks (space, tab) aside, and whether the
    anchor is ``$``. None when not known (another shape, a class such as ``\d`` or ``[^x]``
    at the end, a match that may be blank or empty, case-insensitive matching)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return None
    items = list(parsed.data)
    anchor = _end_anchor(items)
    found = _final_of(items)
    if anchor is None or found is None or found[1]:
        return None
    return found[0], anchor is _AT_END


def may_end_with(window: str, final: tuple[frozenset[str], bool]) -> bool:
    """False only when no match of the pattern ``final`` describes (:func:`final_chars`) can
    exist in ``window``: its last non-blank character (before a final newline, for ``$``)
    is none a match can end with."""
    chars, dollar = final
    tail = window.rstrip(" \t")
    if tail and (tail[-1] in chars or (DIGIT in chars and tail[-1].isdecimal())):
        return True
    if dollar and window.endswith("\n"):
        tail = window[:-1].rstrip(" \t")
        return bool(tail) and (tail[-1] in chars or (DIGIT in chars and tail[-1].isdecimal()))
    return False


class FoldedWindow:
    """A case-insensitive context pattern searched in short windows of a listing (the 16-30
    characters before a number or a sum), on the lower-cased window when the text allows it.

    With re.IGNORECASE and no prefilter such a pattern tries its ~50 alternatives at every
    position of the window; its case-sensitive twin on the lower-cased window (led by literals,
    :func:`rewrite_lead`) skips to the few positions where one can start, 2-5x faster. Same
    matches, as for :class:`Folded`; group values come from the lower-cased window, so callers
    read only case-blind values from them (digits, Chinese numerals, lower-cased units).
    When the pattern is anchored at the window's end, the twin is only searched when the
    window ends with a character a match can end with (:func:`final_chars`).
    """

    __slots__ = ("final", "folded", "lower")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.folded = pattern
        self.lower = re.compile(rewrite_lead(pattern.pattern))
        self.final = final_chars(self.lower)

    def search(self, window: str, lower_window: str | None) -> re.Match[str] | None:
        """``pattern.search(window)``; ``lower_window`` is the same slice of the text's
        :func:`lower_view` when there is one, else None."""
        if lower_window is None:
            return self.folded.search(window)
        if self.final is not None and not may_end_with(lower_window, self.final):
            return None
        return self.lower.search(lower_window)


def lower_view(text: str) -> str | None:
    """``text.lower()`` when case-insensitive patterns may run on it instead of ``text``."""
    lower = text.lower()
    if len(lower) != len(text) or not case_gate_ok(text):
        return None
    return lower
