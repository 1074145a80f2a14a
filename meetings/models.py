"""Models of the village meetings (kommundelsträffar). The village is here from the start
because the demo data and every later capability speak of villages."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dialog_portal.models import TimeStampedModel


class Village(TimeStampedModel):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    description = models.TextField(_("short description"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    class Meta:
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings-index") + f"?by={self.slug}"
