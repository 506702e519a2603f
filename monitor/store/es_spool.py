"""The spool: documents that could not reach Elasticsearch wait in a local JSON Lines file.

Appends are one ``write`` on an ``O_APPEND`` descriptor under ``flock``, so several crawls
(processes, or spiders of one process) can spool into the same file. A replay first *claims*
the file by renaming it (atomic: only one replayer gets it), upserts its documents in order
and, if the node goes away again, appends what is left back to the spool. A claimed file left
by a process that died is claimed again by the next replay. The file holds stored documents
(redacted, as in the store); it is created 0600.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor.store.base import StoreError
from monitor.store.elasticsearch import EsUpsertResult, StoreUnavailable

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from monitor.store.base import UpsertResult
    from monitor.store.elasticsearch import ElasticsearchStore

logger = logging.getLogger(__name__)


@dataclass
class ReplayResult:
    replayed: int = 0  # documents written (created or updated)
    created: int = 0
    updated: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    bad_lines: int = 0
    left: int = 0  # documents put back into the spool (the node went away again)
    rejected: int = 0  # documents Elasticsearch refuses outright (kept in the rejected file)


def upsert_isolating(
    store: ElasticsearchStore, docs: Sequence[dict[str, Any]]
) -> tuple[UpsertResult, list[dict[str, Any]]]:
    """``store.upsert``; when the whole request is refused (not an outage: a document that
    cannot be serialized, a 400 or 403), one document at a time, so that one bad document
    cannot hold back the others. Returns the result and the refused documents."""
    try:
        return store.upsert(docs), []
    except StoreUnavailable:
        raise
    except StoreError as exc:
        if len(docs) == 1:
            refused = EsUpsertResult(errors=[(str(docs[0].get("id")), f"request_refused: {exc}")])
            return refused, list(docs)
    total, rejected = EsUpsertResult(), []
    for doc in docs:
        result, refused_docs = upsert_isolating(store, [doc])
        total.created += result.created
        total.updated += result.updated
        total.errors.extend(result.errors)
        total.deferred.extend(getattr(result, "deferred", []))
        rejected.extend(refused_docs)
    return total, rejected


class Spool:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.rejected_path = self.path.with_name(f"{self.path.stem}.rejected{self.path.suffix}")

    def append(self, docs: Sequence[dict[str, Any]]) -> None:
        self._append(self.path, docs)

    def reject(self, docs: Sequence[dict[str, Any]]) -> None:
        """Keep documents Elasticsearch refused, for a person to look at (never replayed)."""
        self._append(self.rejected_path, docs)

    @staticmethod
    def _append(path: Path, docs: Sequence[dict[str, Any]]) -> None:
        if not docs:
            return
        data = "".join(json.dumps(d, ensure_ascii=False, default=repr) + "\n" for d in docs).encode(
            "utf-8"
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)

    def pending(self) -> bool:
        try:
            if self.path.stat().st_size > 0:
                return True
        except FileNotFoundError:
            pass
        return any(self._orphans())

    def count(self) -> int:
        files = [self.path, *self._orphans()] if self.path.exists() else list(self._orphans())
        total = 0
        for path in files:
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        return total

    def _orphans(self) -> Iterator[Path]:
        """Claimed files whose replaying process is gone."""
        for path in self.path.parent.glob(f"{self.path.name}.replaying-*"):
            pid = path.name.rsplit(".replaying-", 1)[1].split("-", 1)[0]
            if not pid.isdigit() or not _alive(int(pid)):
                yield path

    def claim(self) -> list[Path]:
        """Take the spooled files for a replay; nobody else will get them."""
        claimed = []
        for source in [self.path, *self._orphans()]:
            target = self.path.with_name(
                f"{self.path.name}.replaying-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            )
            try:
                source.rename(target)
            except FileNotFoundError:
                continue
            claimed.append(target)
        return claimed

    def replay(self, store: ElasticsearchStore, batch_size: int) -> ReplayResult:
        """Upsert every spooled document, oldest first. Blocking: run it in a thread."""
        result = ReplayResult()
        unavailable = False
        for path in self.claim():
            docs, bad = _read(path)
            result.bad_lines += bad
            start = 0
            while start < len(docs) and not unavailable:
                batch = docs[start : start + batch_size]
                try:
                    res, refused = upsert_isolating(store, batch)
                except StoreUnavailable:  # gone again: keep the rest for later
                    unavailable = True
                    break
                self.reject(refused)
                result.rejected += len(refused)
                start += len(batch)
                result.created += res.created
                result.updated += res.updated
                result.replayed += res.created + res.updated
                result.errors.extend(res.errors)
                deferred = getattr(res, "deferred", [])
                self.append(deferred)
                result.left += len(deferred)
            self.append(docs[start:])
            result.left += len(docs) - start
            path.unlink()
        return result


def _read(path: Path) -> tuple[list[dict[str, Any]], int]:
    docs, bad = [], 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                # A line cut by a crash; everything else in the file is still replayed.
                logger.error("spool %s line %d is not JSON (%s); skipped", path, n, exc)
                bad += 1
                continue
            docs.append(doc)
    return docs, bad


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
