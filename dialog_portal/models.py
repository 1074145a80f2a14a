"""Shared core models: staff-editable pages and the official social-media channels."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Created and updated timestamps for every model that needs them."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class ImmutableRecordError(PermissionDenied):
    """Code tried to change or delete a record the portal keeps unchanged (TF-1, ARK-1)."""


class InsertOnlyQuerySet(models.QuerySet):
    """Bulk UPDATE and DELETE are refused too; PostgreSQL triggers back this up in SQL."""

    def update(self, **kwargs):
        raise ImmutableRecordError(f"{self.model.__name__} rows are never changed.")

    def delete(self):
        raise ImmutableRecordError(f"{self.model.__name__} rows are only removed by gallring.")


class InsertOnlyModel(models.Model):
    """Rows written once: audit logs, evidence, frozen documents (BBS-5, ARK-1).

    save() refuses updates; delete() refuses unless a gallring run under a gallringsbeslut has
    marked the instance (`_disposal_allowed`, set only by registry's disposal service).
    Hiding, removing and correcting are separate records, never changes of these rows.
    """

    objects = InsertOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(f"{type(self).__name__} cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not getattr(self, "_disposal_allowed", False):
            raise ImmutableRecordError(f"{type(self).__name__} is only removed by gallring.")
        return super().delete(*args, **kwargs)


class Page(TimeStampedModel):
    """A text page that staff edit in the admin (rules, accessibility statement, privacy).

    Bodies are limited HTML, cleaned with nh3 on save, so staff can use headings, lists and
    links but never scripts (the CSP forbids inline scripts too).
    """

    class Slug(models.TextChoices):
        RULES = "regler", _("Rules for contributions and social media")
        ACCESSIBILITY = "tillganglighet", _("Accessibility statement")
        PRIVACY = "integritet", _("Privacy notice")
        SOCIAL_MEDIA = "sociala-medier", _("Social media")

    slug = models.SlugField(_("address"), unique=True, choices=Slug.choices)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    body_sv = models.TextField(_("text (Swedish)"), help_text=_("Limited HTML."))
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title_sv

    def save(self, *args, **kwargs):
        from .html import clean_html

        self.body_sv = clean_html(self.body_sv)
        self.body_en = clean_html(self.body_en)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(f"page-{self.slug}")

    @property
    def title(self) -> str:
        if translation.get_language() == "en" and self.title_en:
            return self.title_en
        return self.title_sv

    @property
    def body(self) -> str:
        if translation.get_language() == "en" and self.body_en:
            return self.body_en
        return self.body_sv


class SocialChannel(TimeStampedModel):
    """An official channel of the municipality (RULE-9), listed on /sociala-medier/."""

    name = models.CharField(_("name"), max_length=120)
    platform = models.CharField(_("platform"), max_length=60)
    url = models.URLField(_("address"))
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("social media channel")
        verbose_name_plural = _("social media channels")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.platform})"
