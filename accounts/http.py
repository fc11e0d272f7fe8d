"""Request types for views.

Behind ``@login_required`` the request's user is a ``User``, never ``AnonymousUser``;
annotating such views with ``AuthenticatedHttpRequest`` lets mypy check what they pass
on to access helpers and services (the pattern django-stubs documents).
"""

from django.http import HttpRequest

from accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
