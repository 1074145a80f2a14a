"""Copy fees follow only the kommunfullmäktige's taxa (TF-10)."""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from registry.models import DocumentRequest, Entry, FeeSchedule, RegistryEvent
from registry.selectors import copy_fee, fee_schedule_in_force
from registry.services import (
    request_deliver,
    request_fee_mark_paid,
    request_fee_set,
    request_item_decide,
    request_submit,
)

pytestmark = pytest.mark.django_db


def _state_scale(**overrides) -> FeeSchedule:
    fields = {"reference": "KF 2026/12", "valid_from": date(2026, 1, 1), "charges_copies": True}
    fields.update(overrides)
    return FeeSchedule.objects.create(**fields)


def _decided(incoming, registrar, **request_fields) -> DocumentRequest:
    entry = Entry.objects.get(diary_number=incoming())
    req = request_submit(description="x", entry=entry, **request_fields)
    request_item_decide(
        item=req.items.get(),
        outcome="redact",
        actor=registrar,
        provision_code="21:7",
        reasons="Personnummer.",
        redactions=[{"start": 26, "end": 39}],
    )
    req.refresh_from_db()
    return req


def test_no_fee_without_a_taxa_adopting_the_state_scale():
    """TF-10: by default (no taxa, or a taxa that does not adopt the state scale) copies are
    free, however many pages."""
    assert copy_fee(pages=200, schedule=None) == 0
    assert copy_fee(pages=200, schedule=_state_scale(charges_copies=False)) == 0


def test_state_scale_pages_one_to_nine_free_fifty_for_ten_then_two():
    """TF-10: under a taxa adopting the state scale, pages 1–9 are free, page 10 costs 50 kr and
    each further page 2 kr; another taxa's figures are used as adopted."""
    taxa = _state_scale()
    assert [copy_fee(pages=n, schedule=taxa) for n in (0, 1, 9)] == [0, 0, 0]
    assert copy_fee(pages=10, schedule=taxa) == Decimal("50.00")
    assert copy_fee(pages=11, schedule=taxa) == Decimal("52.00")
    assert copy_fee(pages=25, schedule=taxa) == Decimal("80.00")
    other = _state_scale(free_pages=4, first_fee=Decimal("30"), page_fee=Decimal("1.50"))
    assert copy_fee(pages=7, schedule=other) == Decimal("33.00")


def test_taxa_in_force_is_the_latest_adopted_before_the_day():
    """TF-10: the taxa in force is the latest one whose date has come; a future one is not."""
    old = _state_scale(reference="KF 2020/1", valid_from=date(2020, 1, 1))
    _state_scale(reference="KF 2099/1", valid_from=date(2099, 1, 1))
    assert fee_schedule_in_force(on=date(2026, 6, 1)) == old
    assert fee_schedule_in_force(on=date(2019, 6, 1)) is None


def test_never_a_fee_for_reading_on_site_search_time_or_secrecy_review(incoming, registrar):
    """TF-10: the fee depends only on paper pages: the fee function takes nothing else (no
    time, no review), and a request read on site after a sekretessprövning with redactions
    costs nothing even under the state scale."""
    assert list(inspect.signature(copy_fee).parameters) == ["pages", "schedule"]
    _state_scale()
    req = _decided(incoming, registrar, delivery="in_person")
    request_fee_set(request=req, actor=registrar, pages=0)
    req.refresh_from_db()
    assert req.fee_amount == 0 and req.fee_pages == 0 and not req.fee_in_advance
    request_deliver(request=req, actor=registrar, method="in_person")
    assert req.deliveries.count() == 1


def test_fee_for_paper_copies_counted_from_the_delivery(incoming, registrar):
    """TF-10: "paper copies of the whole delivery" counts the pages of the delivery's PDF and
    charges them under the taxa in force (one page: free)."""
    _state_scale()
    req = _decided(incoming, registrar)
    request_fee_set(request=req, actor=registrar, pages=None)
    req.refresh_from_db()
    assert req.fee_pages == 1 and req.fee_amount == 0
    assert req.fee_schedule.reference == "KF 2026/12"
    assert RegistryEvent.objects.filter(action="request_fee_set", request=req).exists()


def test_payment_in_advance_blocks_delivery_until_paid(incoming, registrar, client):
    """TF-10: on the request page the registrar sets a fee for 12 paper pages (50 kr for page 10, 2 kr each for 11 and 12: 54 kr) and
    requires payment in advance; delivery is refused with a Swedish message until the payment
    is recorded, then it goes through."""
    _state_scale()
    req = _decided(incoming, registrar)
    client.force_login(registrar)
    url = f"/personal/diarium/begaran/{req.pk}/"
    page = client.get(url).content.decode()
    assert "Avgift för kopior" in page and "50,00 kr för nästa sida" in page
    response = client.post(
        url, {"action": "fee", "fee-paper": "pages", "fee-pages": "12", "fee-in_advance": "on"}
    )
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.fee_amount == Decimal("54.00") and req.fee_in_advance
    response = client.post(url, {"action": "deliver", "method": "in_person"}, follow=True)
    assert "Avgiften ska betalas i förskott" in response.content.decode()
    assert not req.deliveries.exists()
    assert "54,00 kr" in response.content.decode()
    client.post(url, {"action": "fee_paid"})
    req.refresh_from_db()
    assert req.fee_paid_at is not None
    client.post(url, {"action": "deliver", "method": "in_person"})
    assert req.deliveries.count() == 1


def test_bad_fee_input_is_a_swedish_error(incoming, registrar, client):
    """TF-10: a missing or negative page count gives a Swedish message, not a 500, and no fee;
    a fee cannot be set before every document is reviewed, nor paid when there is none."""
    req = _decided(incoming, registrar)
    client.force_login(registrar)
    url = f"/personal/diarium/begaran/{req.pk}/"
    response = client.post(url, {"action": "fee", "fee-paper": "pages", "fee-pages": ""})
    assert response.status_code == 200 and "Ange antalet papperssidor." in response.content.decode()
    response = client.post(url, {"action": "fee", "fee-paper": "pages", "fee-pages": "-3"})
    assert response.status_code == 200
    req.refresh_from_db()
    assert req.fee_amount is None
    response = client.post(url, {"action": "fee_paid"}, follow=True)
    assert "Det finns ingen avgift att betala." in response.content.decode()
    open_req = request_submit(description="y", entry=Entry.objects.get(diary_number=incoming()))
    with pytest.raises(ValidationError):
        request_fee_set(request=open_req, actor=registrar, pages=3)
    with pytest.raises(ValidationError):
        request_fee_mark_paid(request=open_req, actor=registrar)


def test_registrar_keeps_the_taxa_in_the_admin(registrar, client):
    """TF-10: the taxa adopted by kommunfullmäktige is configuration a registrar keeps in the
    admin (the registrar group holds exactly view, add and change of it; no one deletes it)."""
    assert registrar.has_perm("registry.change_feeschedule")
    assert not registrar.has_perm("registry.delete_feeschedule")
    registrar.is_staff = True
    registrar.save(update_fields=["is_staff"])
    client.force_login(registrar)
    assert client.get("/admin/registry/feeschedule/").status_code == 200
    assert client.get("/admin/registry/feeschedule/add/").status_code == 200
