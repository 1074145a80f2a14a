"""Archive export: one year's diarium with its documents as a submission package (ARK-5..ARK-8).

The package follows FGS Paketstruktur 2.0, which is E-ARK CSIP 2.1 + E-ARK SIP 2.1, and its case
metadata follows FGS Ärendehantering 2.0, which is DILCIS CITS ERMS 2.1 (`erms.xml`)::

    uuid-<uuid4>/                          the package folder, named by mets/@OBJID (CSIP1)
      METS.xml                             package METS (csip:/sip: attributes, CSIP structMap)
      metadata/descriptive/erms.xml        the ärenden (caseFile) and their records (ERMS)
      representations/rep1/METS.xml        the representation's own METS
      representations/rep1/data/<ärende>/  <diary number>.txt (the document text, UTF-8) and
                                           <diary number>_bilagor/NN_<file> (attachments)
      schemas/                             the XSDs used (CSIP113)
      documentation/README.txt             what the package holds, and the dokumenthanteringsplan
      documentation/dokumenthanteringsplan.txt

Nothing is left out: entries with a secrecy marking and entries not shown in the web diary
(awaiting confirmation) are exported with their access restriction (ARK-5, BBS-5). A document
destroyed by gallring keeps its register record, with the disposal run as the reason no file is
there (ARK-1). Every file is listed with SIZE, CHECKSUM (SHA-256), MIMETYPE and CREATED (ARK-8).

The export streams: entries are read with `iterator()`, and `erms.xml` and the
representation METS are written with lxml's incremental writer, one ärende at a time, so a year
of a million documents never sits in memory.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from lxml import etree

from .models import (
    Annotation,
    Attachment,
    DisposalDecision,
    Entry,
    RetentionPlanRow,
)

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP_NS = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ERMS_NS = "https://DILCIS.eu/XML/ERMS"
NSMAP = {None: METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS, "sip": SIP_NS, "xsi": XSI_NS}

SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
CONTENT_INFORMATION_TYPE = "citserms_v2_1"
CONTENT_CATEGORY = "Mixed"  # text documents plus attachments of any kind (CSIP2 vocabulary)
REPRESENTATION = "rep1"
SOFTWARE_NAME = "Medborgardialog (registry)"
SCHEMA_DIR = Path(__file__).resolve().parent / "archive_schemas"
SCHEMA_LOCATIONS = (
    f"{METS_NS} schemas/mets.xsd {XLINK_NS} schemas/xlink.xsd "
    f"{CSIP_NS} schemas/DILCISExtensionMETS.xsd {SIP_NS} schemas/DILCISExtensionSIPMETS.xsd"
)
PROGRESS_EVERY = 1000


def _m(tag: str) -> str:
    return f"{{{METS_NS}}}{tag}"


def _x(tag: str) -> str:
    return f"{{{XLINK_NS}}}{tag}"


def _e(tag: str) -> str:
    return f"{{{ERMS_NS}}}{tag}"


def _csip(tag: str) -> str:
    return f"{{{CSIP_NS}}}{tag}"


def _iso(moment: datetime | date | None) -> str:
    """An xs:dateTime with offset, in Swedish time."""
    if moment is None:
        moment = timezone.now()
    if not isinstance(moment, datetime):
        moment = timezone.make_aware(datetime.combine(moment, dtime.min))
    return timezone.localtime(moment).isoformat(timespec="seconds")


def _software_version() -> str:
    try:
        from importlib.metadata import version

        return version("medborgardialog")
    except Exception:  # pragma: no cover - not installed as a distribution
        return "dev"


_UNSAFE = re.compile(r"[^\w.\-]+")


def _safe(name: str) -> str:
    """A file or folder name without separators or spaces ("KS 2026/0042-3" -> KS_2026-0042-3)."""
    name = name.replace("/", "-").replace("\\", "-")
    return _UNSAFE.sub("_", name).strip("._") or "fil"


@dataclass
class ListedFile:
    """A file written into the package, as the METS lists it (CSIP67..CSIP72)."""

    path: str  # relative to the package root, "/" separated
    size: int
    sha256: str
    mimetype: str
    created: datetime


@dataclass
class ExportResult:
    package_dir: Path
    objid: str
    year: int
    cases: int = 0
    records: int = 0
    files: int = 0
    secret: int = 0
    disposed: int = 0
    listed: list[ListedFile] = field(default_factory=list)  # root-level files only


class _Package:
    """Writes files under the package folder and remembers size and checksum as written."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, relpath: str, data: bytes, mimetype: str, created=None) -> ListedFile:
        target = self.root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return ListedFile(
            path=relpath,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            mimetype=mimetype,
            created=created or timezone.now(),
        )

    def describe(self, relpath: str, mimetype: str, created=None) -> ListedFile:
        """Size and checksum of a file already written (streamed XML), read back in blocks."""
        digest = hashlib.sha256()
        size = 0
        with open(self.root / relpath, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
        return ListedFile(relpath, size, digest.hexdigest(), mimetype, created or timezone.now())


def _href(relpath: str) -> str:
    return quote(relpath, safe="/._-")


def _file_element(listed: ListedFile, file_id: str, href: str) -> etree._Element:
    """mets:file with every attribute CSIP67..CSIP72 asks for, and its FLocat (CSIP76..79)."""
    el = etree.Element(
        _m("file"),
        ID=file_id,
        MIMETYPE=listed.mimetype,
        SIZE=str(listed.size),
        CREATED=_iso(listed.created),
        CHECKSUM=listed.sha256,
        CHECKSUMTYPE="SHA-256",
        nsmap={None: METS_NS, "xlink": XLINK_NS},
    )
    etree.SubElement(el, _m("FLocat"), {"LOCTYPE": "URL", _x("type"): "simple", _x("href"): href})
    return el


def _mets_root(*, objid: str, label: str, now: datetime) -> etree._Element:
    root = etree.Element(
        _m("mets"),
        {
            "OBJID": objid,  # CSIP1
            "TYPE": CONTENT_CATEGORY,  # CSIP2
            _csip("CONTENTINFORMATIONTYPE"): CONTENT_INFORMATION_TYPE,  # CSIP4
            "PROFILE": SIP_PROFILE,  # CSIP6, SIP2
            "LABEL": label,  # SIP1
            f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATIONS,
        },
        nsmap=NSMAP,
    )
    header = etree.SubElement(
        root,
        _m("metsHdr"),
        {
            "CREATEDATE": _iso(now),  # CSIP7
            "RECORDSTATUS": "NEW",  # SIP3
            _csip("OAISPACKAGETYPE"): "SIP",  # CSIP9, SIP4
        },
    )
    municipality = settings.MUNICIPALITY["name"]
    code = getattr(settings, "REGISTRY_ARCHIVE_CREATOR_CODE", "") or municipality
    # The kommun as archival creator (SIP9..SIP14) and as submitting agent (SIP15..SIP20).
    for role in ("ARCHIVIST", "CREATOR"):
        agent = etree.SubElement(header, _m("agent"), ROLE=role, TYPE="ORGANIZATION")
        etree.SubElement(agent, _m("name")).text = municipality
        etree.SubElement(agent, _m("note"), {_csip("NOTETYPE"): "IDENTIFICATIONCODE"}).text = code
    # The software that made the package (CSIP10..CSIP16).
    agent = etree.SubElement(
        header, _m("agent"), ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE"
    )
    etree.SubElement(agent, _m("name")).text = SOFTWARE_NAME
    etree.SubElement(
        agent, _m("note"), {_csip("NOTETYPE"): "SOFTWARE VERSION"}
    ).text = _software_version()
    return root


def _erms_text(parent, tag: str, text: str, **attrs) -> etree._Element:
    el = etree.SubElement(parent, _e(tag), **attrs)
    el.text = text
    return el


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class _Plan:
    """The dokumenthanteringsplan rows and the gallringsbeslut covering each (gallring class)."""

    def __init__(self):
        self.rows = {row.document_type: row for row in RetentionPlanRow.objects.all()}
        self.decisions: dict[str, list[DisposalDecision]] = {}
        for decision in DisposalDecision.objects.prefetch_related("plan_rows"):
            for row in decision.plan_rows.all():
                self.decisions.setdefault(row.document_type, []).append(decision)

    def disposal_element(self, entry: Entry) -> etree._Element | None:
        row = self.rows.get(entry.document_type)
        if row is None:
            return None
        dispose = row.disposition == RetentionPlanRow.Disposition.DISPOSE
        disposal = etree.Element(_e("disposal"), disposable="true" if dispose else "false")
        _erms_text(disposal, "disposalScheduleId", f"DHP:{row.document_type}")
        _erms_text(disposal, "disposalAction", row.get_disposition_display())
        if dispose and row.retention_years is not None:
            _erms_text(disposal, "disposalPeriod", f"P{row.retention_years}Y")
        decisions = self.decisions.get(entry.document_type, [])
        mandate = "; ".join(str(d) for d in decisions) or "Dokumenthanteringsplan"
        _erms_text(disposal, "disposalMandate", mandate)
        description = f"{row.get_document_type_display()}: {row.get_handling_display()}"
        _erms_text(disposal, "disposalDescription", f"{description}, {row.storage}")
        dates = etree.SubElement(disposal, _e("dates"))
        _erms_text(
            dates, "disposalDate", _iso(entry.received_at), dateType="retention_period_start"
        )
        if dispose and row.retention_years is not None:
            local = timezone.localtime(entry.received_at)
            try:
                end = local.replace(year=local.year + row.retention_years)
            except ValueError:  # 29 February
                end = local.replace(year=local.year + row.retention_years, day=28)
            _erms_text(dates, "disposalDate", _iso(end), dateType="retention_period_end")
        if entry.disposed_at:
            _erms_text(dates, "disposalDate", _iso(entry.disposed_at), dateType="applied")
        return disposal


def _record_element(
    entry: Entry, plan: _Plan, files: list[tuple[str, ListedFile, str]]
) -> etree._Element:
    """One ERMS record: diary number, dates, sender, restriction with OSL provision, gallring."""
    record = etree.Element(
        _e("record"),
        nsmap={None: ERMS_NS},
        systemIdentifier=f"entry-{entry.pk}",
        recordType=entry.document_type,
        recordPhysicalOrDigital="digitial",  # sic: the ERMS 2.1 schema's spelling
    )
    _erms_text(record, "objectId", entry.diary_number)
    _erms_text(record, "title", entry.subject)
    status = {"incoming": "received", "outgoing": "expedited"}.get(entry.direction, "prepared")
    etree.SubElement(record, _e("status"), value=status)
    _erms_text(record, "runningNumber", str(entry.sequence))
    if entry.secrecy_provision_id:
        provision = entry.secrecy_provision
        restriction = etree.SubElement(record, _e("restriction"), restrictionType="confidential")
        _erms_text(
            restriction,
            "explanatoryText",
            f"Sekretessmarkering: {provision.label}. Markerad av "
            f"{entry.secrecy_marked_by or 'registrator'}. Prövas vid varje begäran (OSL-8).",
        )
        _erms_text(restriction, "regulation", f"OSL {provision.code}")
        if entry.secrecy_marked_at:
            dates = etree.SubElement(restriction, _e("dates"))
            _erms_text(
                dates, "date", _iso(entry.secrecy_marked_at), dateType="confidentiality_assessed"
            )
    if entry.sender_name and not entry.sender_is_organisation:
        restriction = etree.SubElement(record, _e("restriction"), restrictionType="gdpr")
        _erms_text(
            restriction,
            "explanatoryText",
            "Avsändaren är en privatperson; namnet visas inte i webbdiariet.",
        )
        _erms_text(restriction, "regulation", "GDPR art. 6.1 e; OSL 5:2")
    if entry.state != Entry.State.REGISTERED:
        restriction = etree.SubElement(
            record,
            _e("restriction"),
            restrictionType="other_type",
            otherRestrictionType="not_published",
        )
        _erms_text(
            restriction,
            "explanatoryText",
            "Automatiskt registrerad, ännu inte bekräftad av registrator; visas inte i "
            "webbdiariet.",
        )
        _erms_text(restriction, "regulation", "Registrets rutin (REGISTRY_CONFIRM_AUTOMATIC)")
    disposal = plan.disposal_element(entry)
    if disposal is not None:
        record.append(disposal)
    direction = {"incoming": "incoming", "outgoing": "outgoing"}.get(
        entry.direction, "internal_memo_without_follow-up"
    )
    etree.SubElement(record, _e("direction"), directionDefinition=direction)
    agents = []
    if entry.sender_name:
        agents.append(
            ("sender" if entry.direction == "incoming" else "recipient", entry.sender_name)
        )
    if entry.officer_id:
        agents.append(("responsible_person", _person(entry.officer)))
    if agents:
        wrapper = etree.SubElement(record, _e("agents"))
        for kind, name in agents:
            agent = etree.SubElement(wrapper, _e("agent"), agentType=kind)
            _erms_text(agent, "name", name)
            if kind in ("sender", "recipient"):
                _erms_text(
                    agent, "role", "organisation" if entry.sender_is_organisation else "person"
                )
    dates = etree.SubElement(record, _e("dates"))
    _erms_text(
        dates,
        "date",
        _iso(entry.received_at),
        dateType="received" if entry.direction == "incoming" else "created",
    )
    _erms_text(dates, "date", _iso(entry.registered_at), dateType="captured")
    if entry.disposed_at:
        _erms_text(dates, "date", _iso(entry.disposed_at), dateType="destroyed")
    notes = [(note.created_at, note) for note in entry.annotations.all()]
    note_texts = [
        (
            at,
            (
                f"Rättelse av {note.get_field_display().lower()}: {note.new_value}. "
                if note.field == Annotation.Field.SUBJECT
                else "Anteckning. "
            )
            + note.reason,
        )
        for at, note in notes
    ]
    note_texts.insert(0, (entry.registered_at, f"Kanal: {entry.get_channel_display()}."))
    if entry.disposed_at:
        note_texts.append(
            (entry.disposed_at, "Handlingen är gallrad; registeruppgifterna finns kvar (ARK-1).")
        )
    wrapper = etree.SubElement(record, _e("notes"))
    for at, text in note_texts:
        _erms_text(wrapper, "note", text, noteDate=_iso(at))
    if files:
        info = etree.SubElement(record, _e("additionalInformation"))
        for name, listed, description in files:
            etree.SubElement(
                info,
                _e("appendix"),
                name=name,
                description=description,
                fileFormat=listed.mimetype,
                path=listed.path,
            )
    return record


def _aggregation_element(case, records: list[etree._Element]) -> etree._Element:
    agg = etree.Element(
        _e("aggregation"),
        systemIdentifier=f"case-{case.pk}",
        aggregationType="caseFile",
        nsmap={None: ERMS_NS},
    )
    _erms_text(agg, "objectId", case.diary_number)
    _erms_text(agg, "title", case.subject)
    etree.SubElement(agg, _e("status"), value="closed" if case.closed_on else "open")
    if case.officer_id:
        agents = etree.SubElement(agg, _e("agents"))
        agent = etree.SubElement(agents, _e("agent"), agentType="responsible_person")
        _erms_text(agent, "name", _person(case.officer))
    dates = etree.SubElement(agg, _e("dates"))
    _erms_text(dates, "date", _iso(case.opened_on), dateType="opened")
    if case.closed_on:
        _erms_text(dates, "date", _iso(case.closed_on), dateType="closed")
    agg.extend(records)
    return agg


def _erms_control(xf, *, year: int, objid: str, now: datetime) -> None:
    control = etree.Element(_e("control"), nsmap={None: ERMS_NS})
    _erms_text(
        control,
        "identification",
        f"{settings.MUNICIPALITY['name']}, diarium {year}",
        identificationType="archive",
    )
    _erms_text(control, "identification", objid, identificationType="package")
    maintenance = etree.SubElement(control, _e("maintenanceInformation"))
    etree.SubElement(maintenance, _e("maintenanceStatus"), value="new")
    agency = etree.SubElement(maintenance, _e("maintenanceAgency"))
    _erms_text(agency, "agencyName", settings.MUNICIPALITY["name"])
    history = etree.SubElement(maintenance, _e("maintenanceHistory"))
    event = etree.SubElement(history, _e("maintenanceEvent"))
    etree.SubElement(event, _e("eventType"), value="created")
    _erms_text(event, "eventDateTime", _iso(now))
    agent = etree.SubElement(event, _e("agent"), agentType="creator")
    _erms_text(agent, "name", SOFTWARE_NAME)
    xf.write(control)


def _entries(year: int) -> Iterator[Entry]:
    return (
        Entry.objects.filter(case__year=year)
        .select_related("case", "case__officer", "officer", "secrecy_provision", "document")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("pk")),
            Prefetch("annotations", queryset=Annotation.objects.order_by("created_at", "pk")),
        )
        .order_by("case__number", "case_id", "sequence")
        .iterator(chunk_size=1000)
    )


def _documentation(year: int, result: ExportResult) -> tuple[str, str]:
    municipality = settings.MUNICIPALITY["name"]
    readme = f"""{municipality} – diarium {year}, leveranspaket (SIP)

Paketet följer FGS Paketstruktur 2.0 (E-ARK CSIP 2.1 och E-ARK SIP 2.1). Ärende- och
handlingsmetadata följer FGS Ärendehantering 2.0 (DILCIS CITS ERMS 2.1).

  METS.xml                          paketets METS
  metadata/descriptive/erms.xml     ärenden (caseFile) med handlingar (record)
  representations/rep1/METS.xml     representationens METS
  representations/rep1/data/        handlingarnas text (UTF-8, .txt) och bilagor
  schemas/                          XML-scheman
  documentation/                    denna fil och dokumenthanteringsplanen

Ärenden: {result.cases}. Handlingar: {result.records}. Filer med innehåll: {result.files}.
Sekretessmarkerade handlingar: {result.secret} – de ingår med sin sekretessmarkering
(restriction/regulation anger OSL-bestämmelsen); sekretessen prövas vid varje begäran.
Handlingar som inte visas i webbdiariet ingår också, med sin åtkomstbegränsning.
Gallrade handlingar: {result.disposed} – registeruppgifterna ingår, texten finns inte kvar
(gallringsdatum i disposal/dates och notes).

Varje fil har kontrollsumma (SHA-256) och storlek i METS.
Skapat av {SOFTWARE_NAME} {_software_version()}, {_iso(timezone.now())}.
"""
    lines = [f"Dokumenthanteringsplan – {municipality}", ""]
    for row in RetentionPlanRow.objects.order_by("document_type"):
        years = f"{row.retention_years} år" if row.retention_years is not None else "—"
        lines.append(
            f"DHP:{row.document_type}\t{row.get_document_type_display()}\t"
            f"{row.get_handling_display()}\t{row.storage}\t{row.get_disposition_display()}\t"
            f"{years}\t{row.note}"
        )
    lines += ["", "Gallringsbeslut", ""]
    for decision in DisposalDecision.objects.prefetch_related("plan_rows"):
        types = ", ".join(f"DHP:{r.document_type}" for r in decision.plan_rows.all())
        lines.append(f"{decision}\t{decision.retention_years} år\t{types}")
    return readme, "\n".join(lines) + "\n"


def archive_export(
    *,
    year: int,
    outdir: Path | str,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write the submission package for the diarium of `year` under `outdir`; return a summary.

    `progress(done, total)` is called every PROGRESS_EVERY documents and at the end.
    """
    now = timezone.now()
    objid = f"uuid-{uuid.uuid4()}"
    package_dir = Path(outdir) / objid
    package_dir.mkdir(parents=True, exist_ok=False)
    pkg = _Package(package_dir)
    result = ExportResult(package_dir=package_dir, objid=objid, year=year)
    plan = _Plan()
    total = Entry.objects.filter(case__year=year).count()
    rep = f"representations/{REPRESENTATION}"
    erms_path = "metadata/descriptive/erms.xml"
    (package_dir / "metadata/descriptive").mkdir(parents=True)
    (package_dir / rep / "data").mkdir(parents=True)

    with ExitStack() as stack:
        erms_xf = stack.enter_context(etree.xmlfile(str(package_dir / erms_path), encoding="utf-8"))
        erms_xf.write_declaration()
        stack.enter_context(
            erms_xf.element(
                _e("erms"),
                {f"{{{XSI_NS}}}schemaLocation": f"{ERMS_NS} ../../schemas/ERMS.xsd"},
                nsmap={None: ERMS_NS, "xsi": XSI_NS},
            )
        )
        _erms_control(erms_xf, year=year, objid=objid, now=now)
        stack.enter_context(erms_xf.element(_e("aggregations")))

        rep_xf = stack.enter_context(
            etree.xmlfile(str(package_dir / rep / "METS.xml"), encoding="utf-8")
        )
        rep_xf.write_declaration()
        rep_root = _mets_root(
            objid=REPRESENTATION, label=f"Diarium {year}, {REPRESENTATION}", now=now
        )
        stack.enter_context(rep_xf.element(rep_root.tag, rep_root.attrib, nsmap=NSMAP))
        rep_xf.write(rep_root[0])  # metsHdr
        file_sec = ExitStack()
        file_sec.enter_context(rep_xf.element(_m("fileSec"), ID="rep1-filesec"))
        file_sec.enter_context(rep_xf.element(_m("fileGrp"), ID="rep1-data", USE="Data"))

        case = None
        records: list[etree._Element] = []
        done = 0
        for entry in _entries(year):
            if case is not None and entry.case_id != case.pk:
                erms_xf.write(_aggregation_element(case, records))
                result.cases += 1
                records = []
            case = entry.case
            folder = f"data/{_safe(case.diary_number)}"
            files: list[tuple[str, ListedFile, str]] = []
            document = getattr(entry, "document", None) if _has_document(entry) else None
            if document is not None:
                name = f"{_safe(entry.diary_number)}.txt"
                listed = pkg.write(
                    f"{rep}/{folder}/{name}",
                    document.text.encode("utf-8"),
                    "text/plain",
                    created=document.created_at,
                )
                files.append((name, listed, "Handlingens text (UTF-8)"))
            for index, attachment in enumerate(entry.attachments.all(), start=1):
                name = f"{index:02d}_{_safe(attachment.filename)}"
                listed = pkg.write(
                    f"{rep}/{folder}/{_safe(entry.diary_number)}_bilagor/{name}",
                    bytes(attachment.content),
                    attachment.content_type
                    or mimetypes.guess_type(attachment.filename)[0]
                    or "application/octet-stream",
                    created=attachment.created_at,
                )
                files.append((attachment.filename, listed, "Bilaga"))
            for _name, listed, _desc in files:
                result.files += 1
                rep_xf.write(
                    _file_element(
                        listed,
                        f"file-{result.files}",
                        _href(listed.path[len(rep) + 1 :]),
                    )
                )
            records.append(_record_element(entry, plan, files))
            result.records += 1
            result.secret += 1 if entry.secrecy_provision_id else 0
            result.disposed += 1 if entry.disposed_at else 0
            done += 1
            if progress and done % PROGRESS_EVERY == 0:
                progress(done, total)
        if case is not None:
            erms_xf.write(_aggregation_element(case, records))
            result.cases += 1
        # Close the representation's fileGrp and fileSec, then write its structMap.
        file_sec.close()
        rep_xf.write(_rep_struct_map(has_files=result.files > 0))

    if progress:
        progress(result.records, total)
    _finish(pkg, result, year=year, now=now)
    return result


def _has_document(entry: Entry) -> bool:
    try:
        entry.document  # noqa: B018 - select_related: a disposed document raises
    except Entry.document.RelatedObjectDoesNotExist:
        return False
    return True


def _rep_struct_map(*, has_files: bool) -> etree._Element:
    """The representation's CSIP structMap (CSIP80..CSIP85): one div with a Data division."""
    smap = etree.Element(_m("structMap"), ID="rep1-structmap", TYPE="PHYSICAL", LABEL="CSIP")
    top = etree.SubElement(smap, _m("div"), ID="rep1-div", LABEL=REPRESENTATION)
    data = etree.SubElement(top, _m("div"), ID="rep1-div-data", LABEL="Data")
    if has_files:
        etree.SubElement(data, _m("fptr"), FILEID="rep1-data")
    return smap


def _finish(pkg: _Package, result: ExportResult, *, year: int, now: datetime) -> None:
    """Documentation, schemas and the package METS, which lists them all with checksums."""
    readme, plan = _documentation(year, result)
    documentation = [
        pkg.write("documentation/README.txt", readme.encode("utf-8"), "text/plain"),
        pkg.write("documentation/dokumenthanteringsplan.txt", plan.encode("utf-8"), "text/plain"),
    ]
    schemas = copy_schemas(pkg)
    erms = pkg.describe("metadata/descriptive/erms.xml", "application/xml")
    rep_mets = pkg.describe(f"representations/{REPRESENTATION}/METS.xml", "application/xml")

    root = _mets_root(objid=result.objid, label=f"Diarium {year}", now=now)
    dmd = etree.SubElement(root, _m("dmdSec"), ID="dmd-erms", CREATED=_iso(now), STATUS="CURRENT")
    etree.SubElement(  # CSIP17..CSIP30
        dmd,
        _m("mdRef"),
        {
            "LOCTYPE": "URL",
            _x("type"): "simple",
            _x("href"): _href(erms.path),
            "MDTYPE": "OTHER",
            "OTHERMDTYPE": "ERMS",
            "MIMETYPE": erms.mimetype,
            "SIZE": str(erms.size),
            "CREATED": _iso(erms.created),
            "CHECKSUM": erms.sha256,
            "CHECKSUMTYPE": "SHA-256",
        },
    )
    file_sec = etree.SubElement(root, _m("fileSec"), ID="filesec")  # CSIP58, CSIP59
    groups = [
        ("grp-documentation", "Documentation", documentation, {}),  # CSIP60
        ("grp-schemas", "Schemas", schemas, {}),  # CSIP113
        (  # CSIP114, CSIP62
            "grp-rep1",
            f"Representations/{REPRESENTATION}",
            [rep_mets],
            {_csip("CONTENTINFORMATIONTYPE"): CONTENT_INFORMATION_TYPE},
        ),
    ]
    number = 0
    for group_id, use, files, extra in groups:
        grp = etree.SubElement(file_sec, _m("fileGrp"), {"ID": group_id, "USE": use, **extra})
        for listed in files:
            number += 1
            grp.append(_file_element(listed, f"root-file-{number}", _href(listed.path)))
    smap = etree.SubElement(  # CSIP80..CSIP85
        root, _m("structMap"), ID="structmap-csip", TYPE="PHYSICAL", LABEL="CSIP"
    )
    top = etree.SubElement(smap, _m("div"), ID="div-package", LABEL=result.objid)
    etree.SubElement(top, _m("div"), ID="div-metadata", LABEL="Metadata", DMDID="dmd-erms")
    div = etree.SubElement(top, _m("div"), ID="div-documentation", LABEL="Documentation")
    etree.SubElement(div, _m("fptr"), FILEID="grp-documentation")  # CSIP96, CSIP116
    div = etree.SubElement(top, _m("div"), ID="div-schemas", LABEL="Schemas")
    etree.SubElement(div, _m("fptr"), FILEID="grp-schemas")  # CSIP100, CSIP118
    div = etree.SubElement(  # CSIP105..CSIP112
        top, _m("div"), ID="div-rep1", LABEL=f"Representations/{REPRESENTATION}"
    )
    etree.SubElement(
        div,
        _m("mptr"),
        {
            "LOCTYPE": "URL",
            _x("type"): "simple",
            _x("href"): _href(rep_mets.path),
        },
    )
    etree.SubElement(div, _m("fptr"), FILEID="grp-rep1")
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    (pkg.root / "METS.xml").write_bytes(data)
    result.listed = [*documentation, *schemas, erms, rep_mets]


def copy_schemas(pkg: _Package) -> list[ListedFile]:
    listed = []
    for path in sorted(SCHEMA_DIR.glob("*.xsd")):
        target = pkg.root / "schemas" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        listed.append(pkg.describe(f"schemas/{path.name}", "application/xml"))
    return listed
