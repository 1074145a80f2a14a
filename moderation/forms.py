"""Forms every app plugs in to hand a contribution to moderation, and the moderators' forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Contribution, EvidenceRecord, Report
from .services import MAX_TEXT, contribution_preview


class ContributionForm(forms.Form):
    """Text, chosen name, optional e-mail; after `is_valid()` `.screening` holds the result.

    The view decides from `.screening` and the pressed button whether to warn (RULE-1), or to
    hand the contribution to `contribution_submit` with `post_anyway`.
    """

    text = forms.CharField(
        label=_("Your contribution"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_TEXT,
        help_text=_("Do not write personal data or confidential matters here."),
    )
    display_name = forms.CharField(
        label=_("Name shown with your contribution"),
        max_length=80,
        required=False,
        help_text=_("Shown publicly. Leave empty to be shown as Anonymous."),
    )
    email = forms.EmailField(
        label=_("E-mail (optional, never published)"),
        required=False,
        help_text=_("So we can tell you if your contribution is not published."),
    )
    post_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)

    screening = None

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("text")
        if text:
            self.screening = contribution_preview(text=text)
        return cleaned


KEPT_HELP = _("The photo you chose is kept. Choose a file only to replace it.")


class PhotoContributionForm(ContributionForm):
    """A photo with the consents of RULE-4."""

    photo = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 5 MB. Location data is removed."),
    )
    photo_consent = forms.BooleanField(
        label=_("Everyone in the photo knows about it and agrees to its publication."),
        required=True,
    )
    child_pictured = forms.BooleanField(
        label=_("A child under 15 is in the photo."), required=False
    )
    guardian_consent = forms.BooleanField(
        label=_("The child's guardian has agreed to the publication."), required=False
    )

    # A photo already cleaned and kept across the warning step (signed token, one hour).
    pending_photo = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False
        self.fields["text"].label = _("Caption")
        self.fields["photo"].required = False  # a kept photo (pending_photo) will do
        if self.is_bound and self.data.get("pending_photo"):
            self.fields["photo"].help_text = KEPT_HELP

    def clean(self):
        from .photos import pending_photo_load, photo_clean

        cleaned = super().clean()
        if cleaned.get("child_pictured") and not cleaned.get("guardian_consent"):
            self.add_error(
                "guardian_consent",
                _("A child under 15 is pictured: confirm that a guardian has agreed."),
            )
        if "photo" in self.errors:
            return cleaned
        try:
            if cleaned.get("photo"):
                # validated and re-encoded (no EXIF) now, so it can be kept if needed
                cleaned["photo"] = photo_clean(cleaned["photo"])
                cleaned["pending_photo"] = ""
            elif cleaned.get("pending_photo"):
                cleaned["photo"] = pending_photo_load(cleaned["pending_photo"])
            else:
                self.add_error("photo", _("Choose a photo to upload."))
        except ValidationError as exc:
            cleaned["pending_photo"] = ""
            self.add_error("photo", exc)
        return cleaned

    def keep_photo(self) -> str:
        """Keep the cleaned photo for the next step; returns the token (also rendered in the
        hidden field, so "Skicka ändå" needs no new choice of file)."""
        from .photos import pending_photo_store

        token = self.cleaned_data.get("pending_photo") or ""
        photo = self.cleaned_data.get("photo")
        if not token and photo is not None:
            token = pending_photo_store(photo)
            self.cleaned_data["pending_photo"] = token
        data = self.data.copy()
        data["pending_photo"] = token
        self.data = data
        # the bound field copies its help text when first built, so set both
        self.fields["photo"].help_text = self["photo"].help_text = KEPT_HELP
        return token


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you report this?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Anything to add (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Leave your address if you want to hear the outcome."),
    )


class TakedownForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("We confirm by e-mail when the photo is gone."),
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the author sees it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RedactForm(forms.Form):
    phrase = forms.CharField(
        label=_("Exact text to mask"),
        max_length=500,
        help_text=_("Every occurrence is replaced by [borttaget] in public view."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class CriminalForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category of crime"), choices=EvidenceRecord.Category.choices
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class PoliceDecisionForm(forms.Form):
    reported = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Report to the police")), ("0", _("Do not report"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    police_reference = forms.CharField(
        label=_("Police reference (if known)"), max_length=80, required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ImportanceForm(forms.Form):
    minor = forms.TypedChoiceField(
        label=_("Minor importance"),
        choices=[("1", _("Of minor importance (not registered)")), ("0", _("Register it"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)


class QueueFilterForm(forms.Form):
    """The queue's filters (GET, so a filtered page can be linked and bookmarked).

    State, kind, screening verdict, age and open reports only: there is deliberately no
    filter or facet by finding or sensitive category (GDPR-2).
    """

    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("All")),
            (Contribution.State.PENDING, Contribution.State.PENDING.label),
            (Contribution.State.PUBLISHED, Contribution.State.PUBLISHED.label),
            (Contribution.State.HIDDEN, Contribution.State.HIDDEN.label),
        ],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *Contribution.Kind.choices]
    )
    verdict = forms.ChoiceField(
        label=_("Screening verdict"),
        required=False,
        choices=[
            ("", _("All")),
            ("block", _("blocked")),
            ("review", _("to review")),
            ("publish", _("clean")),
        ],
    )
    overdue = forms.BooleanField(label=_("Waited over 24 hours"), required=False)
    reported = forms.BooleanField(label=_("Has open reports"), required=False)
