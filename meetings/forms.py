"""Forms of the meetings app (residents' questions and needs use moderation's form)."""

from __future__ import annotations

import functools

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Village


class VillageSelect(forms.Select):
    """The village select, written in Python: the same markup as Django's Select, but without
    a template per option (200 villages through the option templates cost ~20 ms a page)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = []
        chosen = False
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            is_selected = not chosen and text in selected
            chosen = chosen or is_selected
            options.append(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    text,
                    mark_safe(" selected") if is_selected else "",
                    label,
                )
            )
        attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        return format_html("<select{}>{}</select>", flatatt(attrs), mark_safe("".join(options)))


class VillageFilterForm(forms.Form):
    by = forms.ModelChoiceField(
        label=_("Village"),
        queryset=Village.objects.only("id", "name", "slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("All villages"),
        widget=VillageSelect,
    )


class PastSearchForm(VillageFilterForm):
    q = forms.CharField(
        label=_("Search in titles, agendas and notes"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class SubscriptionForm(forms.Form):
    village = forms.ModelChoiceField(
        label=_("Village"),
        queryset=Village.objects.only("id", "name", "slug"),
        to_field_name="slug",
        widget=VillageSelect,
    )
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
