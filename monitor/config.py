"""Errors and small helpers shared by every configurable part."""

from __future__ import annotations


class ConfigError(ValueError):
    """A setting or configuration file is missing or invalid; the message names it."""
