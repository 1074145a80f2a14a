from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    Annotation,
    Channel,
    DocumentRequest,
    DocumentType,
    InformationDisclosure,
    SecrecyProvision,
)


class DiarySearchForm(forms.Form):
    """The web diary's search. GDPR-2: words search the subject only; no sensitive filters."""

    q = forms.CharField(
        label=_("Words in the subject"),
        required=False,
        max_length=200,
        help_text=_("Searches the subject line only, never the documents' text."),
    )
    date_from = forms.DateField(
        label=_("From date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All channels")), *Channel.choices]
    )
    case = forms.CharField(
        label=_("Case number"),
        required=False,
        max_length=30,
        help_text=_("For example KS 2026/0042."),
    )


class RequestForm(forms.Form):
    """TF-5, TF-6: only the description is required; no field asks who you are or why."""

    description = forms.CharField(
        label=_("Which documents do you want?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("For example a diary number, a subject or a period."),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=200,
        help_text=_("You may stay anonymous."),
    )
    contact = forms.CharField(
        label=_("E-mail or postal address (optional)"),
        required=False,
        max_length=300,
        help_text=_("Only to deliver the documents to you. Leave it empty to stay anonymous."),
    )
    delivery = forms.ChoiceField(
        label=_("How do you want the documents?"),
        choices=DocumentRequest.Delivery.choices,
        initial=DocumentRequest.Delivery.PDF,
        widget=forms.RadioSelect,
    )
    entry = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("delivery") == DocumentRequest.Delivery.EMAIL and not data.get("contact"):
            self.add_error(
                "contact", _("Give an e-mail address if you want the documents by e-mail.")
            )
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ManualRegistrationForm(forms.Form):
    """A registrar registers a letter, telephone note, e-mail or visit by hand."""

    received_at = forms.DateTimeField(
        label=_("Received or drawn up"),
        initial=timezone.now,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    document_type = forms.ChoiceField(label=_("Document type"), choices=DocumentType.choices)
    sender_name = forms.CharField(label=_("Sender or recipient"), required=False, max_length=200)
    sender_is_organisation = forms.BooleanField(
        label=_("The sender is an organisation (the name may be shown on the web)"),
        required=False,
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=255,
        help_text=_("Must reveal nothing secret and no personal data."),
    )
    text = forms.CharField(
        label=_("Text or summary of the document"), widget=forms.Textarea(attrs={"rows": 6})
    )
    case_ref = forms.CharField(
        label=_("Existing case (optional)"),
        required=False,
        max_length=30,
        help_text=_("Leave empty to open a new case."),
    )
    secrecy_provision = forms.ModelChoiceField(
        label=_("Secrecy marking (optional)"),
        required=False,
        queryset=SecrecyProvision.objects.filter(is_active=True),
        to_field_name="code",
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)


class AnnotationForm(forms.Form):
    field = forms.ChoiceField(label=_("What is corrected"), choices=Annotation.Field.choices)
    new_value = forms.CharField(label=_("Corrected value"), required=False, max_length=255)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class SecrecyForm(forms.Form):
    provision = forms.ModelChoiceField(
        label=_("Secrecy provision"),
        required=False,
        queryset=SecrecyProvision.objects.filter(is_active=True),
        to_field_name="code",
        help_text=_("Empty removes the marking."),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class AddEntryForm(forms.Form):
    diary_number = forms.CharField(label=_("Diary number of a document"), max_length=36)


class ItemDecisionForm(forms.Form):
    """The sekretessprövning of one document (OSL-9, FL-2)."""

    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("release", _("Release in full")),
            ("redact", _("Release with redactions")),
            ("refuse", _("Refuse")),
            ("condition", _("Release with a condition (förbehåll)")),
        ],
        widget=forms.RadioSelect,
    )
    provision = forms.ModelChoiceField(
        label=_("OSL provision (for redaction, refusal or a condition)"),
        required=False,
        queryset=SecrecyProvision.objects.filter(is_active=True),
        to_field_name="code",
    )
    reasons = forms.CharField(
        label=_("Reasons (why the provision applies to this document)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    condition = forms.CharField(
        label=_("Condition (förbehåll) restricting the requester's use, e.g. not to publish names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    suggestions = forms.MultipleChoiceField(
        label=_("Personal data found by screening (suggested redactions)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    phrases = forms.CharField(
        label=_("Further text to mask (one phrase per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, text: str = "", pii_spans: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text
        choices = []
        for span in pii_spans or []:
            try:
                start, end = int(span["start"]), int(span["end"])
            except (KeyError, TypeError, ValueError):
                continue
            label = f"{text[start:end]} ({span.get('kind') or span.get('type') or '?'})"
            choices.append((f"{start}-{end}", label))
        self.fields["suggestions"].choices = choices
        self.fields["suggestions"].initial = [value for value, _label in choices]

    def redactions(self) -> list[dict]:
        spans = []
        for value in self.cleaned_data.get("suggestions") or []:
            start, end = value.split("-")
            spans.append({"start": int(start), "end": int(end)})
        for phrase in (self.cleaned_data.get("phrases") or "").splitlines():
            phrase = phrase.strip()
            if not phrase:
                continue
            found = self.text.find(phrase)
            if found < 0:
                self.add_error("phrases", _("Not found in the text: %(p)s") % {"p": phrase})
            while found >= 0:
                spans.append({"start": found, "end": found + len(phrase)})
                found = self.text.find(phrase, found + 1)
        return spans


class StaffRequestForm(forms.Form):
    """TF-5: a registrar enters a request made by telephone, letter, e-mail or in person."""

    channel = forms.ChoiceField(
        label=_("How the request came in"),
        choices=[
            (Channel.TELEPHONE, Channel.TELEPHONE.label),
            (Channel.LETTER, Channel.LETTER.label),
            (Channel.VISIT, Channel.VISIT.label),
            (Channel.EMAIL, Channel.EMAIL.label),
        ],
    )
    received_at = forms.DateTimeField(
        label=_("Received"),
        initial=timezone.now,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    description = forms.CharField(
        label=_("Which documents are wanted?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    name = forms.CharField(
        label=_("Requester's name (optional)"),
        required=False,
        max_length=200,
        help_text=_("Only if the requester offers it. Never ask who they are or why."),
    )
    contact = forms.CharField(
        label=_("E-mail or postal address (optional)"), required=False, max_length=300
    )
    delivery = forms.ChoiceField(
        label=_("Delivery"),
        choices=DocumentRequest.Delivery.choices,
        initial=DocumentRequest.Delivery.IN_PERSON,
    )

    def clean_received_at(self):
        value = self.cleaned_data["received_at"]
        if value > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("The arrival time cannot be in the future."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("delivery") == DocumentRequest.Delivery.EMAIL and not data.get("contact"):
            self.add_error("contact", _("Give an e-mail address for delivery by e-mail."))
        return data


class AppealForm(forms.Form):
    """FL-4: register an incoming appeal on arrival."""

    received_at = forms.DateTimeField(
        label=_("Appeal received"),
        initial=timezone.now,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("The day the appeal reached the municipality decides whether it is in time."),
    )
    channel = forms.ChoiceField(
        label=_("How it came in"),
        choices=[
            (Channel.LETTER, Channel.LETTER.label),
            (Channel.EMAIL, Channel.EMAIL.label),
            (Channel.VISIT, Channel.VISIT.label),
            (Channel.PORTAL, Channel.PORTAL.label),
        ],
    )
    appellant = forms.CharField(label=_("Appellant (optional)"), required=False, max_length=200)
    text = forms.CharField(
        label=_("The appeal (text or summary)"), widget=forms.Textarea(attrs={"rows": 4})
    )


class BulkAssessmentForm(forms.Form):
    """OSL-13: the assessment under OSL 21:7 before a bulk release of personal data."""

    text = forms.CharField(
        label=_("Assessment under OSL 21:7: what will the recipient do with the personal data?"),
        help_text=_(
            "For example research, journalism or publication on the internet; whether the "
            "release can be assumed to lead to processing that breaks the data protection rules."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class InformationDisclosureForm(forms.Form):
    """OSL-11: uppgifter given from a document on request (e.g. by phone), or refused."""

    channel = forms.ChoiceField(
        label=_("How it was asked"),
        choices=[
            (Channel.TELEPHONE, Channel.TELEPHONE.label),
            (Channel.VISIT, Channel.VISIT.label),
            (Channel.EMAIL, Channel.EMAIL.label),
            (Channel.LETTER, Channel.LETTER.label),
        ],
    )
    question = forms.CharField(label=_("What was asked"), widget=forms.Textarea(attrs={"rows": 2}))
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=InformationDisclosure.Outcome.choices,
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("What was answered, or what the asker was told"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    provision = forms.ModelChoiceField(
        label=_("OSL provision considered (required for a secrecy-marked document)"),
        required=False,
        queryset=SecrecyProvision.objects.filter(is_active=True),
        to_field_name="code",
    )


class CopyFeeForm(forms.Form):
    """TF-10: the fee for paper copies of the delivery, under the taxa in force."""

    paper = forms.ChoiceField(
        label=_("Paper copies"),
        choices=[
            ("none", _("No paper copies (read on site or delivered electronically): no fee")),
            ("pdf", _("Paper copies of the whole delivery (pages counted from its PDF)")),
            ("pages", _("Another number of paper pages")),
        ],
        widget=forms.RadioSelect,
        initial="none",
    )
    pages = forms.IntegerField(label=_("Number of paper pages"), required=False, min_value=0)
    in_advance = forms.BooleanField(
        label=_("Require payment in advance in this case"), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("paper") == "pages" and data.get("pages") is None:
            self.add_error("pages", _("Give the number of paper pages."))
        return data

    def page_count(self) -> int | None:
        """0 for none, None to count the delivery's PDF, else the number given."""
        paper = self.cleaned_data["paper"]
        if paper == "none":
            return 0
        if paper == "pdf":
            return None
        return self.cleaned_data["pages"]
