"""Unguessable tokens for links and cookies: one helper for every app.

A token is 256 bits from ``secrets`` in URL-safe base64 (43 characters). The database never
keeps a token as it is: it keeps its SHA-256 hash (``token_hash``), and a presented token is
found by its hash (an indexed, unique column) or compared with ``token_matches`` (constant
time). A leaked database therefore does not let anyone open a link or act as a cookie's
holder.

Two kinds of token:

- **Cookie and resume tokens** (a workshop participant's cookie, the resume link of a survey
  response started through the open link): only the holder ever presents them again, so
  the hash is all there is. (Where a session must remember one, it keeps it sealed, see
  below: sessions are stored in the database too.)
- **Links given again** (a survey invitation, a nulmeting respondent, a survey's open link;
  ``PersonalLinkToken``): the portal must be able to give the same link again, in a
  reminder, a re-sent invitation or the consultant's "Copy link" button, and e-mails are
  sent later by a background task.
  Next to the hash the row keeps the token *sealed*: encrypted (Fernet: AES and an HMAC)
  with a key derived from ``SECRET_KEY``, which is not in the database. Whoever has only the
  database has neither a link nor a way to make one; whoever has the database *and* the
  secret key can read the links (as they could forge sessions and password-reset links).
  The task queue gets row ids only, never a link. Rotating the key: put the old key in
  ``SECRET_KEY_FALLBACKS`` until every open survey and nulmeting is closed; links sealed
  under a key that is in neither setting still open (the hash finds them) but can no longer
  be shown or e-mailed.

Why not "show the link only once"? Reminders and the copy button would then have to replace
the link each time, and the first e-mail's link would stop working after a reminder; the
sealed copy keeps every link someone received working until the survey ends.
"""

import base64
import functools
import hashlib
import hmac
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

TOKEN_BYTES = 32  # 256 bits
_SEAL_SALT = "engagements.tokens.seal"


def new_token() -> str:
    """A new unguessable token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str, stored_hash: str) -> bool:
    """Does the presented token belong to the stored hash? (constant time)"""
    return hmac.compare_digest(token_hash(token), stored_hash)


@functools.cache
def _sealer(secrets_in_use: tuple[str, ...]) -> MultiFernet:
    digests = [
        salted_hmac(_SEAL_SALT, "", secret=secret, algorithm="sha256").digest()
        for secret in secrets_in_use
    ]
    return MultiFernet([Fernet(base64.urlsafe_b64encode(digest)) for digest in digests])


def _current_sealer() -> MultiFernet:
    return _sealer((settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS))


def token_seal(token: str) -> str:
    """The token encrypted under the current ``SECRET_KEY`` (for storing next to its hash)."""
    return _current_sealer().encrypt(token.encode()).decode()


def token_unseal(sealed: str) -> str:
    """The token back from ``token_seal``; "" when no key in use can open it."""
    if not sealed:
        return ""
    try:
        return _current_sealer().decrypt(sealed.encode()).decode()
    except InvalidToken:
        return ""


class PersonalLinkToken(models.Model):
    """The token of a personal link: found by its hash, kept sealed to be sent again.

    ``token`` reads the link's token and, when set (``Model(token=new_token())`` or
    ``row.token = new_token()``, which replaces the link), stores its hash and sealed copy.
    """

    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    token_sealed = models.CharField(_("sealed token"), max_length=255, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Exact(Length("token_hash"), 64),
                name="%(app_label)s_%(class)s_token_hash_is_sha256",
            ),
        ]

    @property
    def token(self) -> str:
        known = self.__dict__.get("_token_known")
        if known is None or known[0] != self.token_sealed:
            known = (self.token_sealed, token_unseal(self.token_sealed))
            self.__dict__["_token_known"] = known
        return known[1]

    @token.setter
    def token(self, value: str) -> None:
        self.token_hash = token_hash(value)
        self.token_sealed = token_seal(value)
        self.__dict__["_token_known"] = (self.token_sealed, value)

    def token_presented(self, value: str) -> None:
        """Remember the token this row was just found by, so its pages need not unseal it."""
        self.__dict__["_token_known"] = (self.token_sealed, value)

    def token_revoke(self) -> None:
        """Replace the link by one nobody has or can ever get (the caller saves)."""
        self.token_hash = token_hash(new_token())
        self.token_sealed = ""
