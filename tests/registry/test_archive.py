"""Archive export: FGS Paketstruktur 2.0 (E-ARK CSIP/SIP 2.1) with CITS ERMS 2.1 metadata."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from lxml import etree

from registry.models import DisposalDecision, Entry, RetentionPlanRow
from registry.services import disposal_carry_out, entry_register

SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "schemas"
M = "http://www.loc.gov/METS/"
XL = "http://www.w3.org/1999/xlink"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
ERMS = "https://DILCIS.eu/XML/ERMS"
NS = {"m": M, "xlink": XL, "csip": CSIP, "e": ERMS}
STHLM = ZoneInfo("Europe/Stockholm")
YEAR = timezone.localdate().year


def _schema_validator():
    xmlschema = pytest.importorskip("xmlschema")
    if not SCHEMAS.is_dir():
        pytest.skip(f"schemas not found at {SCHEMAS}")
    base = os.path.abspath(SCHEMAS)
    xlink = f"{base}/eark/xlink.xsd"
    mets = xmlschema.XMLSchema(
        f"{base}/eark/mets.xsd",
        uri_mapper={"http://www.loc.gov/standards/xlink/xlink.xsd": xlink},
        allow="local",
        locations=[
            (CSIP, f"{base}/eark/DILCISExtensionMETS.xsd"),
            (
                "https://DILCIS.eu/XML/METS/SIPExtensionMETS",
                f"{base}/eark/DILCISExtensionSIPMETS.xsd",
            ),
        ],
    )
    erms = xmlschema.XMLSchema(f"{base}/erms/ERMS.xsd")
    return mets, erms


@pytest.fixture
def year_register(incoming, registrar, settings):
    """A year's diarium: a resident's contribution, a secret one, an unconfirmed one, an
    organisation's letter with an attachment, and a telephone note destroyed by gallring."""
    public = incoming()
    secret = incoming(subject="Synpunkt om skolskjuts", secrecy_provision="23 kap")
    settings.REGISTRY_CONFIRM_AUTOMATIC = True
    pending = incoming(subject="Fråga om badplatsen")
    settings.REGISTRY_CONFIRM_AUTOMATIC = False
    letter = entry_register(
        received_at=datetime(2026, 3, 5, 9, tzinfo=STHLM),
        channel="letter",
        document_type="letter",
        sender_name="Äppelbo Byalag",
        sender_is_organisation=True,
        subject="Skrivelse om belysning",
        text="Vi önskar belysning vid badplatsen.",
        attachments=[("karta över ån.pdf", b"%PDF-1.4 karta", "application/pdf")],
        officer=registrar,
        actor=registrar,
    )
    note = entry_register(
        received_at=datetime(2020, 5, 4, 9, tzinfo=STHLM),
        channel="telephone",
        document_type="telephone_note",
        subject="Telefonsamtal om snöröjning",
        text="Samtalsanteckning",
        source_ref="t-old",
    )
    decision = DisposalDecision.objects.create(
        body="Kommunstyrelsen",
        decided_on=date(2025, 1, 10),
        reference="KS 2025/0003",
        retention_years=2,
    )
    decision.plan_rows.add(RetentionPlanRow.objects.get(document_type="telephone_note"))
    disposal_carry_out(decision=decision, actor=registrar)
    return {
        "public": public,
        "secret": secret,
        "pending": pending,
        "letter": letter.diary_number,
        "disposed": note.diary_number,
    }


def _export(tmp_path) -> tuple[Path, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_archive", str(YEAR), str(tmp_path), stdout=out, stderr=err)
    [package] = list(tmp_path.iterdir())
    return package, err.getvalue()


def test_package_validates_against_mets_csip_sip_and_erms_schemas(year_register, tmp_path):
    """ARK-6, ARK-7: the package METS, the representation METS (with the csip:/sip: extension
    schemas loaded) and erms.xml validate against the published XSDs."""
    mets_schema, erms_schema = _schema_validator()
    package, _err = _export(tmp_path)
    for mets_file in [package / "METS.xml", package / "representations/rep1/METS.xml"]:
        errors = [f"{e.path}: {e.reason}" for e in mets_schema.iter_errors(str(mets_file))]
        assert not errors, errors
    erms_file = package / "metadata/descriptive/erms.xml"
    errors = [f"{e.path}: {e.reason}" for e in erms_schema.iter_errors(str(erms_file))]
    assert not errors, errors


def test_package_meets_csip_and_sip_requirements(year_register, tmp_path):
    """ARK-6 (FGS Paketstruktur 2.0): CSIP1 OBJID names the package folder, CSIP2 TYPE, CSIP4
    CONTENTINFORMATIONTYPE, CSIP6/SIP2 PROFILE, CSIP117/CSIP7 metsHdr with CREATEDATE, SIP3
    RECORDSTATUS, CSIP9/SIP4 OAISPACKAGETYPE="SIP", CSIP10..CSIP16 the software agent with its
    version note, SIP9..SIP20 the kommun as archival creator and submitter, CSIP17..CSIP30 the
    dmdSec mdRef to erms.xml, CSIP58..CSIP60, CSIP113, CSIP114 file groups, CSIP80..CSIP85,
    CSIP88..CSIP90, CSIP93..CSIP96, CSIP97..CSIP100, CSIP105..CSIP112 the CSIP structMap."""
    package, _err = _export(tmp_path)
    root = etree.parse(str(package / "METS.xml")).getroot()
    objid = root.get("OBJID")
    assert objid and objid == package.name and objid.startswith("uuid-")  # CSIP1
    assert root.get("TYPE") == "Mixed"  # CSIP2 (vocabulary term)
    assert root.get(f"{{{CSIP}}}CONTENTINFORMATIONTYPE") == "citserms_v2_1"  # CSIP4
    assert root.get("PROFILE") == "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"  # CSIP6, SIP2
    [header] = root.findall("m:metsHdr", NS)  # CSIP117
    assert datetime.fromisoformat(header.get("CREATEDATE")).tzinfo is not None  # CSIP7
    assert header.get("RECORDSTATUS") == "NEW"  # SIP3
    assert header.get(f"{{{CSIP}}}OAISPACKAGETYPE") == "SIP"  # CSIP9, SIP4
    [software] = header.xpath(
        "m:agent[@ROLE='CREATOR'][@TYPE='OTHER'][@OTHERTYPE='SOFTWARE']", namespaces=NS
    )  # CSIP10..CSIP13
    assert software.findtext("m:name", namespaces=NS)  # CSIP14
    [version] = software.findall("m:note", NS)  # CSIP15
    assert version.get(f"{{{CSIP}}}NOTETYPE") == "SOFTWARE VERSION" and version.text  # CSIP16
    for role in ("ARCHIVIST", "CREATOR"):  # SIP9..SIP20
        [agent] = header.xpath(f"m:agent[@ROLE='{role}'][@TYPE='ORGANIZATION']", namespaces=NS)
        assert agent.findtext("m:name", namespaces=NS) == settings.MUNICIPALITY["name"]
        assert agent.find("m:note", NS).get(f"{{{CSIP}}}NOTETYPE") == "IDENTIFICATIONCODE"
    [dmd] = root.findall("m:dmdSec", NS)
    assert dmd.get("ID") and dmd.get("CREATED")  # CSIP18, CSIP19
    ref = dmd.find("m:mdRef", NS)
    assert ref.get("LOCTYPE") == "URL" and ref.get(f"{{{XL}}}type") == "simple"  # CSIP22, 23
    assert ref.get(f"{{{XL}}}href") == "metadata/descriptive/erms.xml"  # CSIP24
    for attribute in ("MDTYPE", "MIMETYPE", "SIZE", "CREATED", "CHECKSUM"):  # CSIP25..CSIP29
        assert ref.get(attribute)
    assert ref.get("CHECKSUMTYPE") == "SHA-256"  # CSIP30
    [file_sec] = root.findall("m:fileSec", NS)
    assert file_sec.get("ID")  # CSIP59
    uses = {grp.get("USE"): grp for grp in file_sec.findall("m:fileGrp", NS)}
    assert {"Documentation", "Schemas", "Representations/rep1"} <= set(uses)  # CSIP60, 113, 114
    assert uses["Representations/rep1"].get(f"{{{CSIP}}}CONTENTINFORMATIONTYPE")  # CSIP62
    [smap] = root.xpath("m:structMap[@LABEL='CSIP']", namespaces=NS)  # CSIP80, CSIP82
    assert smap.get("TYPE") == "PHYSICAL" and smap.get("ID")  # CSIP81, CSIP83
    [top] = smap.findall("m:div", NS)  # CSIP84
    assert top.get("ID")  # CSIP85
    labels = {div.get("LABEL"): div for div in top.findall("m:div", NS)}
    assert labels["Metadata"].get("DMDID") == dmd.get("ID")  # CSIP88..CSIP92
    for label, use in (("Documentation", "Documentation"), ("Schemas", "Schemas")):
        fptr = labels[label].find("m:fptr", NS)  # CSIP96, CSIP116, CSIP100, CSIP118
        assert fptr.get("FILEID") == uses[use].get("ID")
    rep = labels["Representations/rep1"]  # CSIP105..CSIP107
    mptr = rep.find("m:mptr", NS)  # CSIP109..CSIP112
    assert mptr.get(f"{{{XL}}}href") == "representations/rep1/METS.xml"
    assert mptr.get("LOCTYPE") == "URL" and mptr.get(f"{{{XL}}}type") == "simple"
    assert rep.find("m:fptr", NS).get("FILEID") == uses["Representations/rep1"].get("ID")
    assert (
        (package / "documentation/README.txt")
        .read_text("utf-8")
        .startswith(settings.MUNICIPALITY["name"])
    )
    rep_root = etree.parse(str(package / "representations/rep1/METS.xml")).getroot()
    assert rep_root.get("OBJID") == "rep1"  # CSIP1 for a representation METS
    assert rep_root.get(f"{{{CSIP}}}CONTENTINFORMATIONTYPE") == "citserms_v2_1"  # CSIP4
    assert rep_root.xpath("m:structMap[@LABEL='CSIP']/m:div/m:div[@LABEL='Data']", namespaces=NS)


def test_every_listed_file_has_matching_size_and_sha256(year_register, tmp_path):
    """ARK-8; CSIP27..CSIP30, CSIP66..CSIP72, CSIP76..CSIP79: every file in both METS carries
    SIZE, CHECKSUM (SHA-256), CHECKSUMTYPE, MIMETYPE and CREATED, and each size and checksum
    agrees with the file on disk; every file in the package is listed."""
    package, _err = _export(tmp_path)
    listed: set[Path] = set()
    for mets_path in [package / "METS.xml", package / "representations/rep1/METS.xml"]:
        base = mets_path.parent
        tree = etree.parse(str(mets_path))
        ids = tree.xpath("//m:file/@ID", namespaces=NS)
        assert len(ids) == len(set(ids))  # CSIP67
        for el in tree.xpath("//m:file | //m:mdRef", namespaces=NS):
            href = el.get(f"{{{XL}}}href") or el.find("m:FLocat", NS).get(f"{{{XL}}}href")
            if el.tag == f"{{{M}}}file":
                flocat = el.find("m:FLocat", NS)
                assert flocat.get("LOCTYPE") == "URL"  # CSIP77
                assert flocat.get(f"{{{XL}}}type") == "simple"  # CSIP78
            path = base / unquote(href)
            data = path.read_bytes()
            assert el.get("SIZE") == str(len(data)), href
            assert el.get("CHECKSUM") == hashlib.sha256(data).hexdigest(), href
            assert el.get("CHECKSUMTYPE") == "SHA-256"
            assert el.get("MIMETYPE") and el.get("CREATED")
            listed.add(path.resolve())
    on_disk = {p.resolve() for p in package.rglob("*") if p.is_file()}
    assert on_disk - listed == {(package / "METS.xml").resolve()}


def test_erms_holds_every_case_and_record_with_dates_secrecy_and_gallring(year_register, tmp_path):
    """ARK-5, ARK-7, ARK-8, OSL-5, OSL-8, BBS-5, ARK-1: each ärende is an aggregation of type
    caseFile with the diary number as objectId; each document a record with its diary number,
    received date, sender, secrecy restriction naming the OSL provision, and gallring class
    from the dokumenthanteringsplan. Secret and unpublished documents are included with their
    restriction, and a document destroyed by gallring keeps its record with the date."""
    package, _err = _export(tmp_path)
    tree = etree.parse(str(package / "metadata/descriptive/erms.xml"))
    cases = tree.xpath("//e:aggregation[@aggregationType='caseFile']", namespaces=NS)
    assert len(cases) == Entry.objects.values("case").distinct().count() == 5
    records = {
        r.findtext("e:objectId", namespaces=NS): r for r in tree.xpath("//e:record", namespaces=NS)
    }
    assert set(records) == set(Entry.objects.values_list("diary_number", flat=True))
    case = records[year_register["public"]].getparent()
    assert case.findtext("e:objectId", namespaces=NS) == year_register["public"].rsplit("-", 1)[0]
    assert case.findtext("e:title", namespaces=NS).startswith("Fråga till kommundelsträff")

    public = records[year_register["public"]]
    received = public.xpath("e:dates/e:date[@dateType='received']/text()", namespaces=NS)[0]
    assert received.startswith("2026-03-02T10:00:00+01:00")
    assert public.findtext("e:agents/e:agent[@agentType='sender']/e:name", namespaces=NS) == (
        "Anna Andersson"
    )
    assert public.find("e:restriction[@restrictionType='gdpr']", NS) is not None

    secret = records[year_register["secret"]]
    restriction = secret.find("e:restriction[@restrictionType='confidential']", NS)
    assert restriction.findtext("e:regulation", namespaces=NS) == "OSL 23 kap"
    text_path = secret.find("e:additionalInformation/e:appendix", NS).get("path")
    assert (package / text_path).read_text("utf-8").startswith("Hej! Mitt personnummer")

    pending = records[year_register["pending"]]
    assert pending.find("e:restriction[@restrictionType='other_type']", NS) is not None

    letter = records[year_register["letter"]]
    disposal = letter.find("e:disposal", NS)
    assert disposal.get("disposable") == "false"
    assert disposal.findtext("e:disposalScheduleId", namespaces=NS) == "DHP:letter"
    appendices = letter.findall("e:additionalInformation/e:appendix", NS)
    assert [a.get("name") for a in appendices][1] == "karta över ån.pdf"
    assert (package / appendices[1].get("path")).read_bytes() == b"%PDF-1.4 karta"

    disposed = records[year_register["disposed"]]
    assert disposed.find("e:disposal", NS).get("disposable") == "true"
    assert disposed.findtext("e:disposal/e:disposalPeriod", namespaces=NS) == "P2Y"
    assert disposed.xpath("e:dates/e:date[@dateType='destroyed']", namespaces=NS)
    assert disposed.find("e:additionalInformation", NS) is None  # no text left to export


def test_command_reports_progress_on_stderr(incoming, tmp_path, monkeypatch):
    """ARK-5: a large year's export reports progress on stderr as it streams (every N
    documents, N=1,000 in production)."""
    monkeypatch.setattr("registry.archive.PROGRESS_EVERY", 2)
    for _ in range(5):
        incoming()
    package, err = _export(tmp_path)
    assert "2/5" in err and "4/5" in err and "5/5" in err
    assert (package / "METS.xml").exists()
