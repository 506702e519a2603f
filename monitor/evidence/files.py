"""Where evidence files live: Scrapy's files stores (a folder by default, S3/GCS/FTP by URI).

Two stores: the evidence store (redacted files, fit to share) and the raw store (the untouched
exchange, personal data inside). On a local folder the raw store writes folders 0700 and
files 0600; on S3 the object ACL is Scrapy's ``FILES_STORE_S3_ACL`` (``private`` by default).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from io import BytesIO
from pathlib import Path
from typing import Any

from scrapy.pipelines.files import FilesPipeline, FSFilesStore
from scrapy.settings import Settings
from twisted.internet.defer import Deferred

from monitor.evidence.config import EvidenceConfig


class EvidenceFileError(RuntimeError):
    """An evidence file cannot be written or read; the message names it."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class RestrictedFSFilesStore(FSFilesStore):
    """``FSFilesStore`` whose folders are 0700 and files 0600 from the moment they exist."""

    def persist_file(
        self, path: Any, buf: BytesIO, info: Any, meta: Any = None, headers: Any = None
    ) -> None:
        absolute = self._get_filesystem_path(path)
        self._mkdir(absolute.parent, info)
        fd = os.open(absolute, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(buf.getvalue())
        os.chmod(absolute, 0o600)  # an existing file keeps its old mode through O_CREAT

    def _mkdir(self, dirname: Path, domain: Any = None) -> None:
        base = Path(self.basedir)
        missing = [p for p in [dirname, *dirname.parents] if not p.exists()]
        dirname.mkdir(mode=0o700, parents=True, exist_ok=True)
        for p in [*missing, base]:
            if p == base or base in p.parents:
                os.chmod(p, 0o700)


def _is_local(uri: str) -> bool:
    return "://" not in uri or uri.startswith("file://")


def _local_dir(uri: str) -> Path:
    return Path(uri.split("://", 1)[1] if uri.startswith("file://") else uri)


def _open_store(uri: str, settings: Mapping[str, Any], restricted: bool) -> Any:
    if _is_local(uri):
        return RestrictedFSFilesStore(str(_local_dir(uri))) if restricted else FSFilesStore(uri)
    scheme = uri.split("://", 1)[0]
    if scheme not in FilesPipeline.STORE_SCHEMES:
        raise EvidenceFileError(
            f"unsupported evidence store {uri!r} (folder, s3://, gs://, ftp://)"
        )
    # Scrapy's stores read their credentials (AWS_*, GCS_*, FTP_*) from class attributes that
    # FilesPipeline fills from the settings; do the same.
    FilesPipeline._update_stores(settings if isinstance(settings, Settings) else Settings(settings))
    return FilesPipeline.STORE_SCHEMES[scheme](uri)


class EvidenceFiles:
    """Writes and reads evidence files by name, in the evidence or the raw store."""

    def __init__(self, config: EvidenceConfig, settings: Mapping[str, Any] | None = None) -> None:
        self.config = config
        self._settings = settings or {}
        self._stores: dict[bool, Any] = {}

    def _store(self, restricted: bool) -> Any:
        if restricted not in self._stores:
            uri = self.config.raw_store if restricted else self.config.store
            try:
                self._stores[restricted] = _open_store(uri, self._settings, restricted)
            except OSError as exc:
                raise EvidenceFileError(f"cannot open the evidence store {uri!r}: {exc}") from exc
        return self._stores[restricted]

    async def put(self, name: str, data: bytes, *, restricted: bool, media_type: str) -> None:
        store = self._store(restricted)
        try:
            result = store.persist_file(
                name, BytesIO(data), None, headers={"Content-Type": media_type}
            )
            if isinstance(result, Deferred):
                await result
        except OSError as exc:
            raise EvidenceFileError(f"cannot write evidence file {name!r}: {exc}") from exc

    def local_path(self, name: str, *, restricted: bool) -> Path | None:
        uri = self.config.raw_store if restricted else self.config.store
        return _local_dir(uri).joinpath(*name.split("/")) if _is_local(uri) else None

    def read(self, name: str, *, restricted: bool) -> bytes:
        """The file's bytes (local folders and S3); raises ``EvidenceFileError`` if missing."""
        path = self.local_path(name, restricted=restricted)
        try:
            if path is not None:
                return path.read_bytes()
            store = self._store(restricted)
            if hasattr(store, "s3_client"):
                obj = store.s3_client.get_object(Bucket=store.bucket, Key=f"{store.prefix}{name}")
                data: bytes = obj["Body"].read()
                return data
        except Exception as exc:  # botocore errors have no common base we can import here
            raise EvidenceFileError(f"cannot read evidence file {name!r}: {exc}") from exc
        uri = self.config.raw_store if restricted else self.config.store
        raise EvidenceFileError(f"reading evidence back from {uri!r} is not supported")
