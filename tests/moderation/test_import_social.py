"""Import of comments from the municipality's social-media channels (issue "Diarium", item 2).

Each comment is screened like any contribution, keeps its publication time as arrival time,
is never published on the portal, is registered unless of minor importance, and a re-import
of the same file creates and registers nothing twice."""

from __future__ import annotations

import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from moderation.models import AuditLogEntry, Contribution
from moderation.selectors import contributions_for
from moderation.services import (
    contribution_approve,
    contribution_set_importance,
    contribution_submit,
)
from registry.models import Entry

from .conftest import PNR

pytestmark = pytest.mark.django_db
STHLM = ZoneInfo("Europe/Stockholm")

CSV = f"""platform,id,published_at,author,text,url
facebook,5001,2026-02-14T18:30:00+01:00,Anna Andersson,Varför plogas inte Storgatan i Äppelbo före sju på morgonen?,https://fb.example/5001
facebook,5002,2026-02-14 19:05,Bertil B,"Min granne har personnummer {PNR} och
parkerar alltid på trottoaren.",
facebook,5003,2026-02-15T08:00:00Z,Cecilia C,Tack så mycket!,
"""


@pytest.fixture
def channel(db):
    from dialog_portal.models import SocialChannel

    return SocialChannel.objects.create(
        name="Vansbro kommun på Facebook", platform="Facebook", url="https://fb.example/vansbro"
    )


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command as from a shell: every row's transaction commits, so the registration
    hand-off (on commit) runs."""

    def call(path, *args) -> tuple[str, str]:
        out, err = io.StringIO(), io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_social", str(path), *args, stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    return call


def test_csv_import_keeps_publication_time_screens_and_registers(tmp_path, channel, run):
    """TF-12, FL-1: the arrival date of each imported comment is when it was published on
    the platform, not the import date, in the contribution and in the diarium. Each comment is
    screened (the personnummer in row 2 is found and masked in public view, and passed on to
    the diarium as a redaction suggestion). OSL-1, OSL-2: comments not of minor importance are
    registered with a diary number at once; the "Tack så mycket!" is classed minor by the rule
    and not registered. GDPR-4: the commenter is registered as a private person."""
    path = tmp_path / "facebook.csv"
    path.write_text(CSV, encoding="utf-8")
    out, err = run(path, "--channel", "Vansbro kommun på Facebook")
    assert err == ""
    assert "Lästa: 3" in out and "Nya: 3" in out and "Fel: 0" in out
    assert "Lämnade till diariet: 2" in out

    question, pnr_row, thanks = Contribution.objects.order_by("received_at")
    assert question.received_at == datetime(2026, 2, 14, 18, 30, tzinfo=STHLM)
    assert pnr_row.received_at == datetime(2026, 2, 14, 19, 5, tzinfo=STHLM)
    assert thanks.received_at == datetime(2026, 2, 15, 8, 0, tzinfo=ZoneInfo("UTC"))
    for c in (question, pnr_row, thanks):
        assert c.target == channel and c.channel == "social_media" and c.kind == "comment"
        assert c.state == "pending" and c.screening and c.rules_version
    assert question.external_ref == "social:facebook:5001"
    assert question.display_name == "Anna Andersson"

    # Screening: the personnummer is found, stored and masked.
    assert any(p["type"] for p in pnr_row.screening["pii"])
    assert PNR not in pnr_row.public_text and "[borttaget]" in pnr_row.public_text
    assert PNR in pnr_row.text  # the original is kept (TF-2)

    # Registration: two entries, with the publication time as arrival date.
    assert thanks.minor_importance is True and thanks.registration_state == "not_needed"
    assert Entry.objects.count() == 2
    for c in (question, pnr_row):
        assert c.registration_state == "registered" and c.registry_reference
        entry = Entry.objects.get(source_ref=f"moderation.contribution:{c.pk}")
        assert entry.diary_number == c.registry_reference
        assert entry.received_at == c.received_at and entry.channel == "social_media"
        assert entry.sender_is_organisation is False
    entry = Entry.objects.get(diary_number=pnr_row.registry_reference)
    marked = [entry.document.text[s["start"] : s["end"]] for s in entry.document.pii_spans]
    assert any(PNR in m for m in marked)


def test_json_reimport_creates_and_registers_nothing_twice(tmp_path, channel, run):
    """TF-12, OSL-1: importing the same JSON export a second time finds every comment
    already stored: no new contribution, diarium entry or audit entry, and the summary says
    so. The channel can be named by its id."""
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps(
            {
                "data": [
                    {
                        "source": "facebook",
                        "comment_id": "77_1",
                        "created_time": "2026-03-01T12:00:00+0100",
                        "from": {"name": "Doris D"},
                        "message": "När öppnar badhuset i Vansbro igen efter renoveringen?",
                    },
                    {
                        "source": "facebook",
                        "comment_id": "77_2",
                        "created_time": "2026-03-01T12:10:00+01:00",
                        "from": {"name": "Erik E"},
                        "message": "Bussen från Äppelbo går för tidigt för skolbarnen.",
                        "parent_id": "77_1",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    out, _ = run(path, "--channel", str(channel.pk))
    assert "Nya: 2" in out
    counts = (Contribution.objects.count(), Entry.objects.count(), AuditLogEntry.objects.count())
    assert counts[:2] == (2, 2)
    first = Contribution.objects.get(external_ref="social:facebook:77_1")
    assert first.received_at == datetime(2026, 3, 1, 12, 0, tzinfo=STHLM)
    assert Contribution.objects.get(external_ref="social:facebook:77_2").parent == first

    out, err = run(path, "--channel", str(channel.pk))
    assert err == ""
    assert "Nya: 0" in out and "Redan importerade: 2" in out
    assert (
        Contribution.objects.count(),
        Entry.objects.count(),
        AuditLogEntry.objects.count(),
    ) == counts


def test_malformed_rows_give_swedish_errors_and_the_rest_go_through(tmp_path, channel, run):
    """FL-1, TF-12: a row without a readable publication time cannot get an arrival date and
    is refused with its line number in Swedish; so is a row without an id; the good rows
    around them are imported all the same (the import never stops on one bad row)."""
    path = tmp_path / "bad.csv"
    path.write_text(
        "platform,id,published_at,author,text\n"
        "facebook,1,2026-02-01T10:00:00+01:00,A,Snöröjningen i Vansbro fungerar dåligt.\n"
        "facebook,2,den trettonde,B,Vägen till Järna har stora potthål.\n"
        "facebook,,2026-02-01T11:00:00+01:00,C,Kommentar utan id.\n"
        "facebook,4,2026-02-01T12:00:00+01:00,D,Biblioteket borde ha öppet på lördagar.\n",
        encoding="utf-8",
    )
    out, err = run(path, "--channel", "facebook")
    assert "Rad 3: Publiceringstiden går inte att läsa: den trettonde" in err
    assert "Rad 4 saknar plattform, id eller text." in err
    assert "Lästa: 4" in out and "Nya: 2" in out and "Fel: 2" in out
    assert set(Contribution.objects.values_list("external_ref", flat=True)) == {
        "social:facebook:1",
        "social:facebook:4",
    }
    assert Entry.objects.count() == 2


def test_imported_comments_are_never_published_on_the_portal(
    tmp_path, channel, moderator, settings, run
):
    """BBS-3, GDPR-4: an imported comment was published elsewhere; even clean and with
    MODERATION_AUTO_PUBLISH_CLEAN on it stays pending, is not shown with the channel, and a
    moderator cannot approve it (Swedish refusal). Only what screening flagged waits in the
    moderators' queue."""
    settings.MODERATION_AUTO_PUBLISH_CLEAN = True
    path = tmp_path / "f.csv"
    path.write_text(CSV, encoding="utf-8")
    run(path, "--channel", "Vansbro kommun på Facebook")
    question = Contribution.objects.get(external_ref="social:facebook:5001")
    pnr_row = Contribution.objects.get(external_ref="social:facebook:5002")
    assert question.state == "pending" and question.decision_rule == ""
    assert question.needs_review is False and pnr_row.needs_review is True
    assert not contributions_for(target=channel).exists()
    with pytest.raises(ValidationError) as exc:
        contribution_approve(contribution=question, actor=moderator)
    assert "publiceras aldrig på portalen" in exc.value.messages[0]
    assert Contribution.objects.get(pk=question.pk).state == "pending"


def test_moderator_override_registers_an_imported_minor_comment(
    tmp_path, channel, moderator, django_capture_on_commit_callbacks, run
):
    """OSL-2: the minor-importance rule classes an imported comment at once; a moderator may
    override it with a reason, and the comment is then registered with its publication time
    as arrival date (TF-12)."""
    path = tmp_path / "f.csv"
    path.write_text(CSV, encoding="utf-8")
    run(path, "--channel", "Vansbro kommun på Facebook")
    thanks = Contribution.objects.get(external_ref="social:facebook:5003")
    assert thanks.registration_state == "not_needed"
    with django_capture_on_commit_callbacks(execute=True):
        contribution_set_importance(
            contribution=thanks, actor=moderator, minor=False, reason="Tacket gäller ett beslut"
        )
    thanks.refresh_from_db()
    assert thanks.registration_state == "registered"
    entry = Entry.objects.get(diary_number=thanks.registry_reference)
    assert entry.received_at == datetime(2026, 2, 15, 8, 0, tzinfo=ZoneInfo("UTC"))


def test_dry_run_screens_and_stores_nothing(tmp_path, channel, run):
    """OSL-1: --dry-run reads and screens the file and reports what would be new, but stores
    and registers nothing."""
    path = tmp_path / "f.txt"
    path.write_text(CSV, encoding="utf-8")
    out, _ = run(path, "--channel", "facebook", "--format", "csv", "--dry-run")
    assert "Provkörning" in out and "Nya: 3" in out
    assert "Flaggade av granskningen (i modereringskön): 1" in out
    assert not Contribution.objects.exists() and not Entry.objects.exists()


def test_unknown_channel_or_file_is_a_swedish_error(tmp_path, channel, run):
    """Errors to staff are clear Swedish messages: an unknown channel, a file that is not
    JSON, an unsupported file type."""
    path = tmp_path / "f.csv"
    path.write_text(CSV, encoding="utf-8")
    with pytest.raises(CommandError, match="Ingen kanal i sociala medier matchar"):
        run(path, "--channel", "Instagram")
    broken = tmp_path / "f.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="inte giltig JSON"):
        run(broken, "--channel", "facebook")
    with pytest.raises(CommandError, match=r"\.csv"):
        run(tmp_path / "f.xlsx", "--channel", "facebook")


def test_submit_with_external_ref_is_idempotent_and_old_callers_unchanged(topic, channel):
    """TF-12, FL-1: contribution_submit keeps a given arrival time and returns the stored
    contribution for a known external_ref (nothing new, created=False); without the new
    arguments the arrival time is now and the channel the portal, as before."""
    when = datetime(2026, 1, 5, 9, 0, tzinfo=STHLM)
    kwargs = dict(
        target=channel,
        kind="comment",
        text="Fiberutbyggnaden i Dala-Järna dröjer.",
        channel="social_media",
        received_at=when,
        external_ref="social:facebook:abc",
    )
    first = contribution_submit(**kwargs)
    again = contribution_submit(**{**kwargs, "text": "Annan text"})
    assert first.created and not again.created and again.pk == first.pk
    assert Contribution.objects.filter(external_ref="social:facebook:abc").count() == 1
    assert first.received_at == when
    plain = contribution_submit(target=topic, kind="feedback", text="Bra plogat i dag i Nås.")
    assert plain.channel == "portal" and plain.external_ref == "" and plain.created
    assert abs((plain.received_at - first.received_at).days) > 0
    with pytest.raises(ValidationError):
        contribution_submit(
            **{**kwargs, "external_ref": "", "received_at": datetime(2099, 1, 1, tzinfo=STHLM)}
        )
