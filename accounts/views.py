from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from accounts.tokens import invitation_token_generator


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """An invited staff member chooses their first password through the e-mail's link.

    Django's password-reset machinery with the invitation tokens; afterwards they are
    logged in and land on their organisation's engagements.
    """

    token_generator = invitation_token_generator
    reset_url_token = "wachtwoord-kiezen"  # noqa: S105 (a URL segment, not a password)
    template_name = "registration/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("engagements:home")
