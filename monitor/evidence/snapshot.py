"""The redacted HTML snapshot: the page as fetched, with the data subjects' personal data
replaced, scripts removed and a banner saying what it is. The screenshot is rendered from it."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lhtml
from w3lib.encoding import html_to_unicode

from monitor.pages.common import BLOCK_TAGS
from monitor.redact import find_personal, language_of, redact, redact_values

if TYPE_CHECKING:
    from monitor.items import PageSnapshot

# Table cells: one row per line.
_CELLS = {"td", "th"}
_DROP = "//script|//noscript|//iframe|//object|//embed|//template"
# Sellers post pictures of their sample rows: no image reaches the redacted snapshot.
_IMAGES = "//img|//picture|//video|//audio|//canvas|//svg|//input[@type='image']"
# Attributes a reader sees (tooltips, form values): redactions there count in the banner.
# Others (data-*, JSON blobs) are redacted too, but numeric ids there would inflate the count.
_VISIBLE_ATTRS = {"title", "alt", "value", "placeholder", "aria-label", "label", "href"}
_URL_ATTRS = {"href", "src", "action", "srcset", "poster", "background", "cite", "formaction"}


@dataclass(frozen=True)
class RedactedPage:
    html: str
    count: int


def page_text(snap: PageSnapshot) -> str:
    content_type = next((v for k, v in snap.response_headers if k.lower() == "content-type"), None)
    if snap.encoding and not content_type:
        content_type = f"text/html; charset={snap.encoding}"
    _, text = html_to_unicode(content_type, snap.body)
    return text


def _rendering(root: lhtml.HtmlElement) -> str:
    """The text as a reader sees its lines: blocks on their own line, table cells by tabs."""
    parts: list[str] = []

    def walk(el: lhtml.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in BLOCK_TAGS:
            parts.append("\n")
        elif tag in _CELLS:
            parts.append("\t")
        if el.text and tag not in ("style", "title"):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(root)
    return "".join(parts)


def _banner(snap: PageSnapshot, count: int, lang: str) -> lhtml.HtmlElement:
    sha = hashlib.sha256(snap.body).hexdigest()
    if lang == "zh":
        text = (
            f"证据快照（已隐去数据主体个人信息 {count} 处）· 原网址 {snap.url} · "
            f"抓取时间 {snap.captured_at} UTC · 原始页面 SHA-256 {sha}"
        )
    else:
        text = (
            f"Evidence snapshot ({count} items of data subjects' personal data redacted) · "
            f"{snap.url} · captured {snap.captured_at} UTC · original page SHA-256 {sha}"
        )
    style = (
        "font:12px/1.4 'WenQuanYi Micro Hei',sans-serif;background:#fff3cd;color:#000;"
        "border-bottom:2px solid #c90;padding:6px 10px;word-break:break-all"
    )
    return lhtml.fragment_fromstring(
        f'<div id="monitor-evidence-banner" style="{style}">{html.escape(text)}</div>'
    )


def redacted_snapshot(
    snap: PageSnapshot, keep_contacts: Iterable[Mapping[str, str]] = ()
) -> RedactedPage:
    """The redacted HTML of ``snap``; ``keep_contacts`` are the seller's own handles."""
    keep = list(keep_contacts)
    text = page_text(snap)
    try:
        root = lhtml.document_fromstring(text or "<html><body></body></html>")
    except (etree.ParserError, ValueError):
        escaped = html.escape(text)
        root = lhtml.document_fromstring(f"<html><body><pre>{escaped}</pre></body></html>")
    for el in root.xpath(_DROP):
        el.drop_tree()
    for comment in root.xpath("//comment()"):
        comment.drop_tree()
    lang = language_of(text)
    _replace_images(root, lang)
    values = {(f.kind, f.value) for f in find_personal(_rendering(root), keep)}
    count = 0

    def clean(value: str, visible: bool = True) -> str:
        nonlocal count
        result = redact(value, keep, lang)
        out = redact_values(result.text, values, lang)
        if visible:
            count += result.count + (out != result.text)
        return out

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.text and el.tag != "style":
            el.text = clean(el.text)
        if el.tail:
            el.tail = clean(el.tail)
        for name, value in list(el.attrib.items()):
            low = value.strip().lower()
            if name.lower().startswith("on") or low.startswith("javascript:"):
                del el.attrib[name]
            elif name.lower() not in _URL_ATTRS or low.startswith(("mailto:", "tel:")):
                el.attrib[name] = clean(value, name.lower() in _VISIBLE_ATTRS)
    _finish(root, snap, count, lang)
    body = etree.tostring(root, encoding="unicode", method="html", doctype="<!DOCTYPE html>")
    return RedactedPage(body, count)


def _replace_images(root: lhtml.HtmlElement, lang: str) -> None:
    label = (
        "[图片未显示：可能含个人信息]"
        if lang == "zh"
        else "[image not shown: may hold personal data]"
    )
    style = (
        "display:inline-block;border:1px dashed #888;color:#555;padding:2px 6px;"
        "font:12px 'WenQuanYi Micro Hei',sans-serif"
    )
    for el in root.xpath(_IMAGES):
        if el.getparent() is None:
            continue
        placeholder = lhtml.fragment_fromstring(
            f'<span class="monitor-image-withheld" style="{style}">{html.escape(label)}</span>'
        )
        placeholder.tail = el.tail
        el.getparent().replace(el, placeholder)


def _finish(root: lhtml.HtmlElement, snap: PageSnapshot, count: int, lang: str) -> None:
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    for meta in head.xpath("meta[@charset]|meta[@http-equiv]"):
        meta.drop_tree()
    head.insert(0, lhtml.fragment_fromstring('<meta charset="utf-8">'))
    if head.find("base") is None:
        base = etree.SubElement(head, "base")
        base.set("href", snap.url)
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    body.insert(0, _banner(snap, count, lang))
