"""Takedown: notices per platform with evidence and hashes, 12377 reports, and checks that the
listings came down."""
