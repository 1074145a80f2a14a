"""Account URLs under /konto/: our own pages, then allauth's.

The forms anonymous visitors can post (sign-up, login, password reset) are rate-limited per
client address with django-ratelimit (`RATELIMIT_FORM_RATE`, off with `RATELIMIT_ENABLE=0`);
a blocked post gets the Swedish 429 page from `views.ratelimited`. Failed logins are counted
separately by django-axes (lockout after `AXES_FAILURE_LIMIT`).
"""

from allauth.account import views as allauth_views
from django.urls import include, path

from . import accounts
from .ratelimits import form_ratelimit


def limited(view, group: str):
    return form_ratelimit(view, group=group)


urlpatterns = [
    path("", accounts.account_overview, name="account-overview"),
    path("radera/", accounts.account_delete_view, name="account-delete"),
    path("login/", limited(allauth_views.login, "account-login"), name="account_login"),
    path("signup/", limited(allauth_views.signup, "account-signup"), name="account_signup"),
    path(
        "password/reset/",
        limited(allauth_views.password_reset, "account-password-reset"),
        name="account_reset_password",
    ),
    path("", include("allauth.urls")),
]
