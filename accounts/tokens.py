"""One-time links for invited staff to choose their first password."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset tokens under their own salt.

    A token is valid once: it hashes the password, so choosing one (or the inviter
    resending or revoking, which renews the unusable password) ends it. It expires after
    ``PASSWORD_RESET_TIMEOUT`` (three days by default).
    """

    key_salt = "accounts.tokens.InvitationTokenGenerator"


invitation_token_generator = InvitationTokenGenerator()
