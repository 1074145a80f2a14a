from django.urls import include, path

from . import accounts

urlpatterns = [
    path("", accounts.account_overview, name="account-overview"),
    path("radera/", accounts.account_delete_view, name="account-delete"),
    path("", include("allauth.urls")),
]
