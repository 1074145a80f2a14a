"""Forms of the meetings app (residents' questions and needs use moderation's form)."""

from __future__ import annotations

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


class DirectorySelect(forms.Select):
    """VillageField's select: the empty choice, then the village options kept ready in the
    village directory (`selectors.village_options_html`)."""

    empty_label = ""

    def use_required_attribute(self, initial):
        # Select looks at the first choice, which builds all 200: here it is always the
        # empty option (render), so `required` may be used exactly when a Widget's may.
        return not self.is_hidden

    def render(self, name, value, attrs=None, renderer=None):
        from .selectors import village_options_html

        chosen = next(iter(self.format_value(value)), "")
        empty = (
            f'<option value=""{" selected" if not chosen else ""}>{escape(self.empty_label)}'
            "</option>"
        )
        attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        return format_html(
            "<select{}>{}{}</select>",
            flatatt(attrs),
            mark_safe(empty),  # noqa: S308 - escaped above
            mark_safe(village_options_html(chosen)),  # noqa: S308 - escaped by the directory
        )


class VillageField(forms.ChoiceField):
    """A village chosen by its slug. The choices come from the village directory kept per
    process (`selectors.village_directory`), so showing the form reads no rows, and a chosen
    village is cleaned to its `Village` from the directory too (no query, no walk through 200
    choices); an empty choice is None."""

    widget = DirectorySelect

    def __init__(self, *, empty_label, **kwargs):
        self.empty_label = empty_label
        super().__init__(choices=self._village_choices, **kwargs)
        self.widget.empty_label = empty_label

    def _village_choices(self):
        from .selectors import village_directory

        return [("", self.empty_label), *village_directory()]

    def validate(self, value):
        forms.Field.validate(self, value)  # required; membership is checked in clean()

    def clean(self, value):
        from .selectors import village_from_directory

        slug = super().clean(value)
        if not slug:
            return None
        village = village_from_directory(slug)
        if village is None:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": slug}
            )
        return village


class VillageFilterForm(forms.Form):
    by = VillageField(label=_("Village"), required=False, empty_label=_("All villages"))


class PastSearchForm(VillageFilterForm):
    q = forms.CharField(
        label=_("Search in titles, agendas and notes"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class SubscriptionForm(forms.Form):
    village = VillageField(label=_("Village"), empty_label=_("Choose a village"))
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send a link to confirm. We use the address only for these notices, and you can unsubscribe with one click in every mail."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("For the confirmation and a link to cancel."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CancelMeetingForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        help_text=_("The subscribers of the village receive this text."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CloseMeetingForm(forms.Form):
    notes = forms.CharField(label=_("Notes from the meeting"), widget=forms.Textarea)
    finished_on = forms.DateField(
        label=_("Date the notes were finished"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    participant_count = forms.IntegerField(label=_("Number of participants"), min_value=0)
    dealt_with = forms.TypedMultipleChoiceField(
        label=_("Questions and needs the meeting dealt with"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@functools.cache
def meeting_contribution_form_class():
    """Moderation's ContributionForm with the choice of a question or a need first (the form
    include accepts a subclass). Built lazily: meetings imports moderation, never the reverse."""
    from moderation.forms import ContributionForm

    class MeetingContributionForm(ContributionForm):
        kind = forms.ChoiceField(
            label=_("What do you want to send?"),
            choices=[("question", _("A question")), ("need", _("A need in the village"))],
            initial="question",
            widget=forms.RadioSelect,
        )
        field_order = ["kind", "text", "display_name", "email", "post_anyway"]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["text"].label = _("Your question or need")

    return MeetingContributionForm
