"""Who sends the notices: the reporter's details from a YAML file (``reporter.yaml``).

Path: ``--reporter PATH``, else ``MONITOR_REPORTER_CONFIG``. Required: organisation, name,
email, address, jurisdiction. Optional: phone, website, principal (on whose behalf, default the
organisation), role.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from monitor.config import ConfigError

REQUIRED = ("organisation", "name", "email", "address", "jurisdiction")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Reporter:
    organisation: str
    name: str
    email: str
    address: str
    jurisdiction: str
    phone: str = ""
    website: str = ""
    principal: str = ""
    role: str = ""

    @property
    def principal_name(self) -> str:
        return self.principal or self.organisation


def reporter_path(cli_value: str | None) -> Path:
    value = cli_value or os.environ.get("MONITOR_REPORTER_CONFIG")
    if not value:
        raise ConfigError(
            "no reporter config: pass --reporter PATH or set "
            "MONITOR_REPORTER_CONFIG (see README, 'Takedown')"
        )
    return Path(value)


def load_reporter(path: Path) -> Reporter:
    try:
        raw = yaml.safe_load(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the reporter config {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"the reporter config {path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"the reporter config {path} must be a mapping of fields")
    missing = [k for k in REQUIRED if not str(raw.get(k) or "").strip()]
    if missing:
        raise ConfigError(
            f"the reporter config {path} lacks {', '.join(missing)} "
            f"(required: {', '.join(REQUIRED)})"
        )
    if not _EMAIL.match(str(raw["email"]).strip()):
        raise ConfigError(f"the reporter config {path}: email {raw['email']!r} is not an address")
    unknown = set(raw) - {*REQUIRED, "phone", "website", "principal", "role"}
    if unknown:
        names = ", ".join(sorted(unknown))
        raise ConfigError(f"the reporter config {path} has unknown fields: {names}")
    return Reporter(**{k: str(v).strip() for k, v in raw.items() if v is not None})
