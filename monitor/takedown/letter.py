"""The ready-to-send letter: HTML from a Jinja2 template, PDF from that HTML with WeasyPrint
(Pango finds the WenQuanYi font through fontconfig, so Chinese renders and is embedded)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

if TYPE_CHECKING:
    from monitor.takedown.platforms import Platform
    from monitor.takedown.reporter import Reporter

_ENV = Environment(
    loader=PackageLoader("monitor.takedown", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    undefined=StrictUndefined,
)


def template_name(kind: str, language: str) -> str:
    return "report_12377.html.j2" if kind == "report_12377" else f"letter_{language}.html.j2"


def render_letter(notice: dict[str, Any], platform: Platform, reporter: Reporter) -> str:
    template = _ENV.get_template(template_name(notice["kind"], notice["language"]))
    return template.render(notice=notice, platform=platform, reporter=reporter)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    # A glyph missing from the fonts (emoji in a title) is a warning per glyph; not news.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
