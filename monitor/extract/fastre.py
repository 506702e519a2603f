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

logger = logging.getLogger(__name__)

_LEADING_LOOKBEHIND = re.compile(r"^\(\?<!(\[[^\]]*\])\)([^\\()\[\]|?*+{}.^$]+)(.*)$", re.DOTALL)
_LOOKBEHIND_GROUP = re.compile(r"^(\(\?<!\[[^\]]*\]\))\(\?:([^()]*)\)(\??)(.*)$", re.DOTALL)
_LEADING_GROUP = re.compile(r"^\(\?:([^()]*)\)(\??)(.*)$", re.DOTALL)


def split_alternatives(pattern: str) -> list[str]:
    """Top-level ``|`` alternatives of a pattern (groups and classes respected)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
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
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
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
