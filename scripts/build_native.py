"""Compile the extraction engine with mypyc into build/native/ (see monitor/extract/_native.py).

    .venv/bin/python scripts/build_native.py

The modules are copied to a scratch directory and compiled there together (one shared
library, ``monitor.extract.native__mypyc``), then the extension modules are copied to
build/native/monitor/extract/ with the digest of the sources they were built from. A failed
build (no C compiler, no Python headers, a mypyc error) leaves the Python sources in use: it
is reported and the exit status is still 0, so ``make`` goes on.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.extract._native import (  # noqa: E402
    DIGEST_FILE,
    NATIVE_DIR,
    NATIVE_MODULES,
    PACKAGE_DIR,
    sources_digest,
)

# The type-check mypyc runs first: the project's settings (pyproject.toml, [tool.mypy]).
MYPY_INI = "[mypy]\npython_version = 3.11\nstrict = True\nignore_missing_imports = True\n"
SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

paths = [f"monitor/extract/{name}.py" for name in sys.argv[1].split(",")]
sys.argv = [sys.argv[0], "build_ext", "--inplace"]
setup(
    name="monitor-extract-native",
    ext_modules=mypycify(paths, group_name="monitor.extract.native", opt_level="3"),
)
"""


def build() -> bool:
    digest = sources_digest()
    with tempfile.TemporaryDirectory(prefix="extract-native-") as scratch:
        work = Path(scratch)
        package = work / "monitor" / "extract"
        package.mkdir(parents=True)
        (work / "monitor" / "__init__.py").write_text("")
        (package / "__init__.py").write_text("")
        for name in NATIVE_MODULES:
            shutil.copy2(PACKAGE_DIR / f"{name}.py", package / f"{name}.py")
        (work / "mypy.ini").write_text(MYPY_INI)
        (work / "setup_native.py").write_text(SETUP)
        print(f"compiling {len(NATIVE_MODULES)} modules with mypyc (about a minute)...")
        done = subprocess.run(
            [sys.executable, "setup_native.py", ",".join(NATIVE_MODULES)],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
            print(f"native build failed; the engine runs as Python:\n{tail}", file=sys.stderr)
            return False
        built = sorted(package.glob("*.so"))
        if NATIVE_DIR.exists():
            shutil.rmtree(NATIVE_DIR)
        NATIVE_DIR.mkdir(parents=True)
        for path in built:
            shutil.copy2(path, NATIVE_DIR / path.name)
    DIGEST_FILE.write_text(digest + "\n", encoding="ascii")
    print(f"native engine: {len(built)} extension modules in {NATIVE_DIR.relative_to(ROOT)}")
    return True


if __name__ == "__main__":
    build()
