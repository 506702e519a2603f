"""Screenshots of redacted snapshots in headless Chromium (Playwright), JavaScript off.

One browser for the whole crawl, started on first use. The snapshot is loaded with
``set_content`` under its ``<base href>``; only stylesheets and fonts may load, so a rendering
neither runs the seller's code nor shows the seller's pictures (which may show sample rows).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from playwright.async_api import async_playwright

logger = logging.getLogger(__name__)

# Stylesheets and fonts only: images may be pictures of sample rows (the snapshot replaces
# <img> elements; this also stops CSS background images).
_ALLOWED = {"document", "stylesheet", "font"}


def default_launch_options() -> dict[str, Any]:
    """Headless Debian Chromium (``MONITOR_CHROMIUM`` or ``chromium`` on PATH): Playwright
    cannot download its own browsers on these machines."""
    path = os.environ.get("MONITOR_CHROMIUM") or shutil.which("chromium") or ""
    return {
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu"],
        **({"executable_path": path} if path else {}),
    }


class RenderError(RuntimeError):
    """The browser could not start or could not render a page."""


@dataclass(frozen=True)
class Screenshot:
    png: bytes
    truncated: bool


class ScreenshotRenderer:
    """One browser, started on first use; at most ``concurrency`` pages render at once (a
    crawl runs several spiders, each with its own pipeline: they share one renderer through
    ``shared_renderer``)."""

    def __init__(
        self,
        launch_options: Mapping[str, Any] | None = None,
        timeout: float = 20.0,
        max_height: int = 15000,
        concurrency: int = 2,
    ) -> None:
        self.launch_options = dict(launch_options or default_launch_options())
        self.timeout_ms = timeout * 1000
        self.max_height = max_height
        self._playwright: Any = None
        self._browser: Any = None
        self._context: Any = None
        self._start_lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(concurrency)
        self.users = 0

    async def _start(self) -> None:
        try:
            self._playwright = await async_playwright().start()
            self._browser = await self._playwright.chromium.launch(**self.launch_options)
            self._context = await self._browser.new_context(
                java_script_enabled=False,
                viewport={"width": 1280, "height": 900},
                locale="zh-CN",
                timezone_id="UTC",
            )
        except Exception as exc:  # Playwright raises its own Error and plain OSError
            await self.close()
            raise RenderError(f"cannot start headless Chromium for screenshots: {exc}") from exc

    async def render(self, html: str) -> Screenshot:
        started = time.monotonic()
        async with self._start_lock:
            if self._context is None:
                await self._start()
                logger.debug("screenshot browser started in %.1fs", time.monotonic() - started)
        async with self._slots:
            return await self._render(html, started)

    async def _render(self, html: str, started: float) -> Screenshot:
        page = await self._context.new_page()
        try:
            await page.route("**/*", _only_assets)
            await page.set_content(html, wait_until="load", timeout=self.timeout_ms)
            shot = await self._shoot(page)
            logger.debug("screenshot rendered in %.1fs", time.monotonic() - started)
            return shot
        except RenderError:
            raise
        except Exception as exc:
            raise RenderError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            await page.close()

    async def _shoot(self, page: Any) -> Screenshot:
        png: bytes = await page.screenshot(full_page=True, type="png", timeout=self.timeout_ms)
        size = _png_size(png)
        if size is not None and size[1] > self.max_height:
            png = await page.screenshot(
                type="png",
                timeout=self.timeout_ms,
                clip={"x": 0, "y": 0, "width": size[0], "height": self.max_height},
                full_page=True,
            )
            return Screenshot(png, truncated=True)
        return Screenshot(png, truncated=False)

    async def close(self) -> None:
        for obj in (self._context, self._browser):
            if obj is not None:
                try:
                    await obj.close()
                except Exception:  # already gone with the browser process
                    logger.debug("closing %r failed", obj, exc_info=True)
        if self._playwright is not None:
            await self._playwright.stop()
        self._playwright = self._browser = self._context = None


_SHARED: dict[str, ScreenshotRenderer] = {}


def shared_renderer(
    launch_options: Mapping[str, Any] | None = None, timeout: float = 20.0, max_height: int = 15000
) -> ScreenshotRenderer:
    """The process's renderer for these options; pair every call with ``release_renderer``."""
    key = repr((sorted((launch_options or {}).items()), timeout, max_height))
    if key not in _SHARED:
        _SHARED[key] = ScreenshotRenderer(launch_options, timeout, max_height)
    renderer = _SHARED[key]
    renderer.users += 1
    return renderer


async def release_renderer(renderer: ScreenshotRenderer) -> None:
    renderer.users -= 1
    if renderer.users <= 0:
        for key, value in list(_SHARED.items()):
            if value is renderer:
                del _SHARED[key]
        await renderer.close()


async def _only_assets(route: Any) -> None:
    if route.request.resource_type in _ALLOWED:
        await route.continue_()
    else:
        await route.abort()


def _png_size(png: bytes) -> tuple[int, int] | None:
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return None
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
