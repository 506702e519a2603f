"""``POST /api/saved_objects/_import?overwrite=true`` of the shipped saved objects."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import quote

import urllib3

from monitor.kibana.objects import DATA_VIEW_ID


class KibanaError(RuntimeError):
    """Kibana cannot be reached or refused the import; the message says which."""


@dataclass
class ImportResult:
    success: bool
    count: int
    errors: list[dict[str, Any]] = field(default_factory=list)


def shipped_ndjson() -> str:
    return resources.files("monitor.kibana").joinpath("saved_objects.ndjson").read_text("utf-8")


def with_index(ndjson: str, index: str) -> str:
    """The objects with the data view pointed at ``index`` (the alias in use)."""
    out = []
    for line in ndjson.splitlines():
        obj = json.loads(line)
        if obj["id"] == DATA_VIEW_ID and obj["type"] == "index-pattern":
            obj["attributes"]["title"] = index
        out.append(json.dumps(obj, ensure_ascii=False, sort_keys=True))
    return "\n".join(out) + "\n"


def _auth_headers() -> dict[str, str]:
    api_key = os.environ.get("KIBANA_API_KEY")
    if api_key:
        return {"Authorization": f"ApiKey {api_key}"}
    user, password = os.environ.get("KIBANA_USERNAME"), os.environ.get("KIBANA_PASSWORD")
    if user and password:
        return urllib3.make_headers(basic_auth=f"{user}:{password}")
    return {}


def import_objects(
    url: str,
    ndjson: str,
    space: str | None = None,
    timeout: float = 30.0,
    verify_certs: bool = True,
) -> ImportResult:
    base = url.rstrip("/")
    if space:
        base += f"/s/{quote(space, safe='')}"
    body, content_type = urllib3.encode_multipart_formdata(
        {"file": ("saved_objects.ndjson", ndjson.encode("utf-8"), "application/ndjson")}
    )
    headers = {"kbn-xsrf": "true", "Content-Type": content_type, **_auth_headers()}
    http = urllib3.PoolManager(
        cert_reqs="CERT_REQUIRED" if verify_certs else "CERT_NONE", retries=False, timeout=timeout
    )
    try:
        resp = http.request(
            "POST", f"{base}/api/saved_objects/_import?overwrite=true", body=body, headers=headers
        )
    except urllib3.exceptions.HTTPError as exc:
        raise KibanaError(f"cannot reach Kibana at {url}: {exc}") from None
    if resp.status in (401, 403):
        raise KibanaError(
            f"Kibana at {url} refused the credentials (HTTP {resp.status}); set "
            "KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY"
        )
    try:
        data = json.loads(resp.data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise KibanaError(
            f"Kibana at {url} answered HTTP {resp.status} without JSON; is this Kibana?"
        ) from None
    if resp.status != 200:
        raise KibanaError(
            f"Kibana at {url} refused the import (HTTP {resp.status}): "
            f"{data.get('message') or data}"
        )
    return ImportResult(
        success=bool(data.get("success")),
        count=int(data.get("successCount", 0)),
        errors=list(data.get("errors") or []),
    )
