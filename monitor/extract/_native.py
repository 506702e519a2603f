"""Which build of the engine to import: the mypyc-compiled modules or the Python sources.

``make`` compiles the engine's modules (``NATIVE_MODULES``) with mypyc into
``build/native/monitor/extract/`` (``scripts/build_native.py``) and writes there the digest
of the sources it compiled. The package puts that directory first on its ``__path__`` only
when the digest still matches the sources: a compiled module built from older sources is never
imported (an edit takes effect at once, in Python, until the next build). The two builds give
the same results (tests/extract/test_native.py); the compiled one is faster (see README.md,
"Speed and safety"). ``MONITOR_EXTRACT_PURE=1`` forces the Python sources.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

# The engine's modules, compiled together (cli.py, this module and the package's __init__
# stay Python).
NATIVE_MODULES = (
    "fastre",
    "spans",
    "numbers",
    "normalize",
    "money",
    "volume",
    "prices",
    "contacts",
    "sources",
    "classify",
    "threads",
    "categories",
    "severity",
    "engine",
)
PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_ROOT = PACKAGE_DIR.parent.parent / "build" / "native"
NATIVE_DIR = NATIVE_ROOT / "monitor" / "extract"
DIGEST_FILE = NATIVE_ROOT / "SOURCES.sha256"


def sources_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """SHA-256 over the compiled modules' sources, in order."""
    digest = hashlib.sha256()
    for name in NATIVE_MODULES:
        digest.update(name.encode())
        digest.update((package_dir / f"{name}.py").read_bytes())
    return digest.hexdigest()


def native_dir(digest_file: Path = DIGEST_FILE, package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The compiled modules' directory, when they are built from the current sources."""
    if os.environ.get("MONITOR_EXTRACT_PURE"):
        return None
    try:
        built = digest_file.read_text(encoding="ascii").strip()
    except OSError:
        return None  # never built (or not readable): the Python sources
    if built != sources_digest(package_dir):
        logger.info("compiled extraction engine is stale; using the Python sources")
        return None
    return digest_file.parent / "monitor" / "extract"
