"""Unguessable tokens for links and cookies: one helper for every app.

A token is 256 bits from ``secrets`` in URL-safe base64 (43 characters). Where only the
holder needs to present it again (a participant's cookie) the database keeps its SHA-256
hash, so a leaked database does not let anyone act as its holder; compare a presented
token with ``token_matches`` (constant time).
"""

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32  # 256 bits


def new_token() -> str:
    """A new unguessable token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str, stored_hash: str) -> bool:
    """Does the presented token belong to the stored hash? (constant time)"""
    return hmac.compare_digest(token_hash(token), stored_hash)
