"""Evidence of what a listing page showed, when: the raw exchange as a WARC record, a redacted
HTML snapshot and a screenshot rendered from it, each with its SHA-256 and capture time."""

from monitor.evidence.config import EvidenceConfig
from monitor.evidence.files import EvidenceFileError, EvidenceFiles, sha256_hex

__all__ = ["EvidenceConfig", "EvidenceFileError", "EvidenceFiles", "sha256_hex"]
