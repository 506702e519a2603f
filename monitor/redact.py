"""Redaction of data subjects' personal data in stored text.

Sellers paste sample rows holding real people's phone numbers, ID-card numbers and emails.
Those never reach the store. The seller's own contact handles (found by the extraction
engine) are kept: they are what a takedown request names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Mainland ID card (18 characters, with a plausible birth date) and mobile numbers, allowing
# the spaces and dashes sellers put between digit groups. Bounded quantifiers only.
_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]"
    r"(?![0-9A-Za-z])"
)
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")

PLACEHOLDERS = {"id_number": "[身份证号已隐去]", "phone": "[手机号已隐去]", "email": "[邮箱已隐去]"}


@dataclass(frozen=True)
class Redaction:
    text: str
    count: int


def _digits(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits


def redact(text: str, keep_contacts: Iterable[dict[str, str]] = ()) -> Redaction:
    """``text`` with personal data replaced; ``keep_contacts`` are the seller's own."""
    keep_phones = {_digits(c["value"]) for c in keep_contacts if c.get("type") in ("phone", "wechat")}
    keep_emails = {c["value"].lower() for c in keep_contacts if c.get("type") == "email"}
    count = 0

    def sub_id(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return PLACEHOLDERS["id_number"]

    def sub_phone(match: re.Match[str]) -> str:
        nonlocal count
        if _digits(match.group(0)) in keep_phones:
            return match.group(0)
        count += 1
        return PLACEHOLDERS["phone"]

    def sub_email(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(0).lower() in keep_emails:
            return match.group(0)
        count += 1
        return PLACEHOLDERS["email"]

    text = _ID_NUMBER.sub(sub_id, text)
    text = _MOBILE.sub(sub_phone, text)
    text = _EMAIL.sub(sub_email, text)
    return Redaction(text, count)
