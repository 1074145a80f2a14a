"""Account pages of our own: the overview and deleting one's own account (GDPR art. 17).

Deleting an account never deletes contributions, which are allmänna handlingar (GDPR-5,
TF-1): later capabilities detach them from the account (the author link is SET_NULL).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that my account is deleted and cannot be restored."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete the user's account; what they contributed stays as allmänna handlingar."""
    get_user_model().objects.filter(pk=user.pk).delete()


@login_required
def account_overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    emails = user.emailaddress_set.all() if hasattr(user, "emailaddress_set") else []
    groups = user.groups.values_list("name", flat=True)
    return render(
        request,
        "account/overview.html",
        {"emails": emails, "groups": list(groups)},
    )


@login_required
def account_delete_view(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        messages.success(request, _("Your account has been deleted."))
        return redirect("home")
    return render(request, "account/delete.html", {"form": form})
