#!/usr/bin/env python3
"""Build the labelled Swedish screening evaluation set from its human-editable source.

Sources: tests/data/screening_source.txt    (first batch; format described at the top of that file)
         tests/data/screening_source_2.txt … _6.txt  (later batches by other authors, same format)
Frozen:  tests/data/split_frozen.json       (id of every item already published, by SHA-256 of its text)
Output:  tests/data/screening_dev.jsonl      (~70 %)
         tests/data/screening_heldout.jsonl  (~30 %, never used for tuning)
         the counts section of tests/data/README.md (between the COUNTS markers)

Items listed in split_frozen.json keep their part and id for ever, so the published lines never
change. Only items not yet frozen are split (label-stratified, ~70/30) and get ids that continue
the numbering of their part; they are appended after the frozen lines.

Every PII value is checked with the real validators, every hard-negative look-alike is
checked to be INVALID, and the clean text is scanned for PII that was left unlabelled.
The script exits non-zero on any problem. It is deterministic: running it again gives
byte-identical files.

Run:  .venv/bin/python tests/data/build_screening_set.py           (build and write the JSONL + README)
      .venv/bin/python tests/data/build_screening_set.py --freeze  (same, and record every item's id in
                                                                    split_frozen.json; do this before committing)
      .venv/bin/python tests/data/build_screening_set.py --check   (build, compare, write nothing; also fails
                                                                    when an item is not frozen yet)
      .venv/bin/python tests/data/build_screening_set.py --validate FILE
                                                                   (check one source file's items, print its
                                                                    label counts; reads no JSONL, writes nothing)
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import bankkonto
import phonenumbers
from personnummer import personnummer as pnr_pkg
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.se import orgnr as std_orgnr
from stdnum.se import personnummer as std_pnr
from stdnum.se import postnummer as std_postnummer

HERE = Path(__file__).resolve().parent
SOURCES = (
    HERE / "screening_source.txt",
    HERE / "screening_source_2.txt",
    HERE / "screening_source_3.txt",
    HERE / "screening_source_4.txt",
    HERE / "screening_source_5.txt",
    HERE / "screening_source_6.txt",
)
FROZEN = HERE / "split_frozen.json"
DEV = HERE / "screening_dev.jsonl"
HELD = HERE / "screening_heldout.jsonl"
README = HERE / "README.md"

PII_TYPES = ("personnummer", "phone", "email", "address", "bank_account")
FLAGS = (
    "sensitive_personal",
    "confidential_matter",
    "insult",
    "threat",
    "hate_speech",
    "child_abuse",
    "incitement",
    "violent_depiction",
    "copyright",
    "advertising",
)
# markup tag -> PII type (several tags name sub-kinds so that each can be validated)
TAGS = {
    "personnummer": "personnummer",
    "phone": "phone",
    "email": "email",
    "address": "address",
    "konto": "bank_account",  # clearing + account number
    "bg": "bank_account",  # bankgiro
    "pg": "bank_account",  # plusgiro
    "iban": "bank_account",  # Swedish IBAN
}
# negative markers: stripped to plain text, never labelled, but checked
NEG_TAGS = ("!pnr", "!orgnr", "!postnr", "!num")

HELD_FRACTION = 0.30
MARK_RE = re.compile(r"\{\{(!?[a-z_]+):(.*?)\}\}")
HEADER_RE = re.compile(
    r"^@@\s*(?P<topic>[^|]+?)\s*\|\s*(?P<flags>[^|]*?)\s*(?:\|\s*(?P<hn>hn)?\s*)?$"
)

STREET_SUFFIX = (
    r"(?:gatan|vägen|gränd|gränden|stigen|backen|torget|allén|leden|plan|gången|slingan"
    r"|väg|gata|stråket|liden|svängen|gården|bron|torg)"
)
ADDRESS_RE = re.compile(
    r"^(?P<street>[A-ZÅÄÖ][\wåäöÅÄÖé\-]*(?:\s[A-ZÅÄÖa-zåäö][\wåäöé\-]*)*?" + STREET_SUFFIX + r")"
    r"\s+(?P<num>\d{1,4}(?:\s?[A-Za-z])?(?:\s(?:lgh|lägenhet|tr)\s?\d{1,4})?)"
    r"(?:,?\s+(?P<pc>\d{3}\s?\d{2})(?:\s+(?P<town>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?))?)?$"
)
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
EMAIL_SCAN_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
PNR_SHAPE_RE = re.compile(r"^(?:\d{6}|\d{8})[-+]?\d{4}$")
PNR_SCAN_RE = re.compile(r"(?<![\d\-+])(?:\d{8}|\d{6})[-+]?\d{4}(?![\d])")
BG_KEY_RE = re.compile(r"(?:bankgiro\w*|\bbg)\b[\s.:#-]*(?:nr\.?|nummer)?[\s.:#-]*$", re.I)
PG_KEY_RE = re.compile(
    r"(?:plusgiro\w*|postgiro\w*|\bpg)\b[\s.:#-]*(?:nr\.?|nummer)?[\s.:#-]*$", re.I
)


class DataError(Exception):
    pass


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def norm_dashes(s: str) -> str:
    return s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2011", "-")


def valid_phone(value: str) -> bool:
    try:
        num = phonenumbers.parse(norm_dashes(value), "SE")
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(num):
        return False
    if phonenumbers.region_code_for_number(num) != "SE":
        return False
    national = str(num.national_number)
    return not national.startswith(("900", "939", "944"))  # premium rate is never a contact number


def check_value(tag: str, value: str, before: str) -> None:
    """Raise DataError unless value is a valid instance of the tag."""
    if tag == "personnummer":
        if not PNR_SHAPE_RE.match(value) or not pnr_pkg.valid(value):
            raise DataError(f"invalid personnummer {value!r}")
    elif tag == "phone":
        if not valid_phone(value):
            raise DataError(f"invalid phone {value!r}")
    elif tag == "email":
        if not EMAIL_RE.match(value):
            raise DataError(f"invalid email {value!r}")
    elif tag == "address":
        m = ADDRESS_RE.match(value)
        if not m:
            raise DataError(f"address does not match street+number rule {value!r}")
        if m.group("pc") and not std_postnummer.is_valid(m.group("pc")):
            raise DataError(f"invalid postnummer in {value!r}")
    elif tag == "konto":
        try:
            clearing, account = bankkonto.clean_and_split(value)
            ok = bankkonto.validate(clearing, account)
        except Exception as exc:  # bankkonto raises on invalid input
            raise DataError(f"invalid bank account {value!r}: {exc}") from exc
        if not ok:
            raise DataError(f"invalid bank account {value!r}")
    elif tag in ("bg", "pg"):
        d = digits(value)
        lo, hi = (7, 8) if tag == "bg" else (2, 8)
        if not (lo <= len(d) <= hi) or not luhn.is_valid(d):
            raise DataError(f"invalid {tag} {value!r}")
        key_re = BG_KEY_RE if tag == "bg" else PG_KEY_RE
        if not key_re.search(before[-30:]):
            raise DataError(f"{tag} {value!r} is not written next to its keyword: {before[-30:]!r}")
    elif tag == "iban":
        if not value.replace(" ", "").upper().startswith("SE") or not std_iban.is_valid(value):
            raise DataError(f"invalid Swedish IBAN {value!r}")
    elif tag == "!pnr":
        if not PNR_SHAPE_RE.match(value):
            raise DataError(f"!pnr {value!r} does not look like a personnummer")
        if pnr_pkg.valid(value) or std_pnr.is_valid(value):
            raise DataError(f"hard-negative personnummer look-alike {value!r} is actually VALID")
    elif tag == "!orgnr":
        if not std_orgnr.is_valid(value):
            raise DataError(f"!orgnr {value!r} is not a valid organisationsnummer")
        if pnr_pkg.valid(value):
            raise DataError(f"!orgnr {value!r} is also a valid personnummer")
    elif tag == "!postnr":
        if not std_postnummer.is_valid(value):
            raise DataError(f"!postnr {value!r} is not a valid postnummer")
    elif tag == "!num":
        pass
    else:
        raise DataError(f"unknown tag {tag!r}")


def parse_source(path: Path) -> list[dict]:
    items: list[dict] = []
    cur: dict | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        lineno = f"{path.name}:{n}"
        if line.startswith("%%"):
            continue
        if line.startswith("@@"):
            m = HEADER_RE.match(line)
            if not m:
                raise DataError(f"line {lineno}: bad header {line!r}")
            flags_raw = m.group("flags").strip()
            flags = [] if flags_raw in ("", "-") else flags_raw.split()
            cur = {
                "line": lineno,
                "topic": m.group("topic").strip(),
                "flags": flags,
                "hard_negative": bool(m.group("hn")),
                "lines": [],
            }
            items.append(cur)
            continue
        if cur is None:
            if line.strip():
                raise DataError(f"line {lineno}: text outside an item")
            continue
        cur["lines"].append(line)
    for it in items:
        lines = it.pop("lines")
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        it["raw"] = "\n".join(lines)
        if not it["raw"]:
            raise DataError(f"line {it['line']}: empty item")
    return items


def render(item: dict) -> None:
    """Strip markup, compute spans, validate values."""
    raw = item["raw"]
    out: list[str] = []
    pos = 0
    length = 0
    spans: list[dict] = []
    neg: list[tuple[int, int]] = []
    for m in MARK_RE.finditer(raw):
        plain = raw[pos : m.start()]
        out.append(plain)
        length += len(plain)
        tag, value = m.group(1), m.group(2)
        if tag not in TAGS and tag not in NEG_TAGS:
            raise DataError(f"line {item['line']}: unknown tag {tag!r}")
        if value != value.strip() or not value:
            raise DataError(f"line {item['line']}: span {value!r} has outer whitespace")
        check_value(tag, value, "".join(out))
        start, end = length, length + len(value)
        if tag in TAGS:
            spans.append({"type": TAGS[tag], "start": start, "end": end})
        else:
            neg.append((start, end))
        out.append(value)
        length = end
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        raise DataError(f"line {item['line']}: broken markup")
    if text != unicodedata.normalize("NFC", text):
        raise DataError(f"line {item['line']}: text is not NFC")
    item["text"] = text
    item["pii"] = sorted(spans, key=lambda s: (s["start"], s["end"]))
    item["neg"] = neg
    for s in item["pii"]:
        assert text[s["start"] : s["end"]] == text[s["start"] : s["end"]].strip()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def scan_unlabelled(item: dict) -> list[str]:
    """Find PII in the clean text that is not labelled (catches forgotten markup)."""
    text = item["text"]
    labelled = [(s["start"], s["end"]) for s in item["pii"]]
    problems = []
    for m in PNR_SCAN_RE.finditer(text):
        span = (m.start(), m.end())
        if pnr_pkg.valid(m.group()) and not any(overlaps(span, s) for s in labelled):
            problems.append(f"unlabelled valid personnummer {m.group()!r}")
    for m in EMAIL_SCAN_RE.finditer(text):
        span = (m.start(), m.end())
        if not any(overlaps(span, s) for s in labelled):
            problems.append(f"unlabelled e-mail {m.group()!r}")
    for match in phonenumbers.PhoneNumberMatcher(norm_dashes(text), "SE"):
        span = (match.start, match.end)
        if phonenumbers.region_code_for_number(match.number) != "SE":
            continue
        if not any(overlaps(span, s) for s in labelled + item["neg"]):
            problems.append(f"unlabelled phone-like number {match.raw_string!r}")
    return problems


def check_item(item: dict) -> None:
    for f in item["flags"]:
        if f not in FLAGS:
            raise DataError(f"line {item['line']}: unknown flag {f!r}")
    if len(set(item["flags"])) != len(item["flags"]):
        raise DataError(f"line {item['line']}: duplicate flag")
    item["flags"] = sorted(item["flags"])
    if not re.fullmatch(r"[a-zåäö0-9/\- ]+", item["topic"]):
        raise DataError(f"line {item['line']}: bad topic {item['topic']!r}")
    problems = scan_unlabelled(item)
    if problems:
        raise DataError(f"line {item['line']}: " + "; ".join(problems))
    prev_end = -1
    for s in item["pii"]:
        if s["start"] < prev_end:
            raise DataError(f"line {item['line']}: overlapping PII spans")
        prev_end = s["end"]


def stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def labels_of(item: dict) -> list[str]:
    labs = sorted({"pii:" + s["type"] for s in item["pii"]} | {"flag:" + f for f in item["flags"]})
    return labs


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


ID_RE = re.compile(r"^(dev|held)-(\d{4})$")


def load_frozen() -> dict[str, str]:
    """sha256 of clean text -> frozen id ("dev-0001" / "held-0001")."""
    if not FROZEN.exists():
        raise DataError(f"{FROZEN.name} is missing")
    data = json.loads(FROZEN.read_text(encoding="utf-8"))
    frozen: dict[str, str] = {}
    seen_ids: set[str] = set()
    for entry in data["items"]:
        if not ID_RE.match(entry["id"]) or entry["id"] in seen_ids or entry["sha256"] in frozen:
            raise DataError(f"{FROZEN.name}: bad or duplicate entry {entry!r}")
        seen_ids.add(entry["id"])
        frozen[entry["sha256"]] = entry["id"]
    return frozen


def frozen_json(items: list[dict]) -> str:
    entries = sorted(
        ({"id": it["id"], "sha256": text_sha(it["text"])} for it in items),
        key=lambda e: (e["id"].split("-")[0] != "dev", e["id"]),
    )
    body = ",\n".join("    " + json.dumps(e) for e in entries)
    note = (
        "Frozen split: every published item keeps this id and part. Keyed by SHA-256 of the clean "
        "text. Written by build_screening_set.py --freeze; never edit or remove entries by hand."
    )
    return '{\n  "note": ' + json.dumps(note) + ',\n  "items": [\n' + body + "\n  ]\n}\n"


def split(items: list[dict], frozen: dict[str, str]) -> list[str]:
    """Deterministic, label-balanced split (greedy iterative stratification) of new items.

    Items whose text is in the frozen map keep their id and part. Every other item has a
    label set: its PII types and flags, plus "hard_negative" when marked, or "clean" when it
    has nothing. New items are visited in the order of a SHA-256 hash of their clean text.
    Each goes to the part whose labels are furthest below target, where the target for a
    label is HELD_FRACTION (held-out) or 1 - HELD_FRACTION (dev) of that label's total over
    all items (frozen and new) and the shortfall, counted after the frozen items, is measured
    relative to the total. Ties go to dev. No randomness, so the same sources always give the
    same split, and every label gets ~30 % of its positives in held-out.
    New items are numbered after the highest frozen id of their part, in source order.
    Returns errors (frozen items whose text no longer exists).
    """

    def labs(it: dict) -> list[str]:
        base = labels_of(it)
        if it["hard_negative"]:
            base.append("hard_negative")
        return base or ["clean"]

    errors = []
    present = set()
    for it in items:
        fid = frozen.get(text_sha(it["text"]))
        if fid:
            it["id"] = fid
            it["part"] = fid.split("-")[0]
            present.add(fid)
    for sha, fid in sorted(frozen.items(), key=lambda kv: kv[1]):
        if fid not in present:
            errors.append(
                f"frozen item {fid} (sha256 {sha[:12]}…) is not in the sources: published items must "
                "not be edited or deleted; add a new item instead"
            )
    total = Counter(lab for it in items for lab in labs(it))
    got = {"dev": Counter(), "held": Counter()}
    for it in items:
        if "part" in it:
            got[it["part"]].update(labs(it))
    share = {"dev": 1 - HELD_FRACTION, "held": HELD_FRACTION}
    new = [it for it in items if "part" not in it]
    for it in sorted(new, key=lambda it: (stable_hash(it["text"]), it["text"])):
        need = {
            part: sum((share[part] * total[lab] - got[part][lab]) / total[lab] for lab in labs(it))
            for part in ("dev", "held")
        }
        part = "held" if need["held"] > need["dev"] else "dev"
        it["part"] = part
        got[part].update(labs(it))
    top = {
        p: max(
            [int(fid.split("-")[1]) for fid in frozen.values() if fid.startswith(p + "-")],
            default=0,
        )
        for p in got
    }
    for it in new:  # source order
        top[it["part"]] += 1
        it["id"] = f"{it['part']}-{top[it['part']]:04d}"
    return errors


def counts_table(parts: dict[str, list[dict]]) -> str:
    rows = []
    names = ["dev", "held"]
    header = "| label | dev | held-out | total |\n|---|---:|---:|---:|"
    rows.append(header)

    def row(label, fn):
        c = [sum(1 for it in parts[p] if fn(it)) for p in names]
        rows.append(f"| {label} | {c[0]} | {c[1]} | {c[0] + c[1]} |")

    row("items", lambda it: True)
    row("hard negatives", lambda it: it["hard_negative"])
    row("items with no PII and no flag", lambda it: not it["pii"] and not it["flags"])
    for t in PII_TYPES:
        row(f"PII `{t}`: items", lambda it, t=t: any(s["type"] == t for s in it["pii"]))
    for t in PII_TYPES:
        c = [sum(1 for it in parts[p] for s in it["pii"] if s["type"] == t) for p in names]
        rows.append(f"| PII `{t}`: spans | {c[0]} | {c[1]} | {c[0] + c[1]} |")
    for f in FLAGS:
        row(f"flag `{f}`", lambda it, f=f: f in it["flags"])
    return "\n".join(rows)


def render_and_check(items: list[dict]) -> list[str]:
    """Strip each item's markup and validate its labels; one message per bad item."""
    errors = []
    for it in items:
        try:
            render(it)
            check_item(it)
        except DataError as exc:
            msg = str(exc)
            errors.append(msg if msg.startswith("line") else f"line {it['line']}: {msg}")
    return errors


def build() -> tuple[str, str, str, str, list[str]]:
    errors: list[str] = []
    items: list[dict] = []
    try:
        for source in SOURCES:
            items.extend(parse_source(source))
        frozen = load_frozen()
    except DataError as exc:
        return "", "", "", "", [str(exc)]
    errors.extend(render_and_check(items))
    seen: dict[str, int] = {}
    for it in items:
        if "text" in it:
            if it["text"] in seen:
                errors.append(f"line {it['line']}: duplicate of line {seen[it['text']]}")
            seen[it["text"]] = it["line"]
    if errors:
        return "", "", "", "", errors
    errors = split(items, frozen)
    if errors:
        return "", "", "", "", errors
    parts: dict[str, list[dict]] = {"dev": [], "held": []}
    for it in sorted(items, key=lambda it: it["id"]):  # frozen lines first, new ones appended
        parts[it["part"]].append(it)
    outputs = {}
    for name in ("dev", "held"):
        lines = []
        for n, it in enumerate(parts[name], 1):
            if it["id"] != f"{name}-{n:04d}":
                errors.append(f"ids of {name} are not contiguous at {it['id']}")
                break
            rec = {
                "id": it["id"],
                "text": it["text"],
                "pii": it["pii"],
                "flags": it["flags"],
                "hard_negative": it["hard_negative"],
                "topic": it["topic"],
            }
            lines.append(json.dumps(rec, ensure_ascii=False))
        outputs[name] = "\n".join(lines) + "\n"
    # coverage requirements: every type and flag must have positives in both parts
    for name in ("dev", "held"):
        for t in PII_TYPES:
            if not any(s["type"] == t for it in parts[name] for s in it["pii"]):
                errors.append(f"{name}: no positive for PII type {t}")
        for f in FLAGS:
            if not any(f in it["flags"] for it in parts[name]):
                errors.append(f"{name}: no positive for flag {f}")
    n_hn = sum(it["hard_negative"] for it in items)
    if n_hn * 4 < len(items):
        errors.append(f"only {n_hn} hard negatives of {len(items)} items (need a quarter)")
    return outputs["dev"], outputs["held"], counts_table(parts), frozen_json(items), errors


def update_readme(table: str) -> str | None:
    if not README.exists():
        return None
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- COUNTS:START -->", "<!-- COUNTS:END -->"
    if start not in text or end not in text:
        return None
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return head + start + "\n" + table + "\n" + end + tail


def validate(path: Path) -> int:
    """Check one source file on its own: for an author adding a batch, without building the set.

    It reads only that file and the other sources' clean texts (for duplicates), never the
    JSONL parts, so an author who must not see the dev or held-out items can use it.
    """
    try:
        items = parse_source(path)
    except DataError as exc:
        print("ERROR:", exc, file=sys.stderr)
        return 1
    errors = render_and_check(items)
    others: set[str] = set()
    for source in SOURCES:
        if source.resolve() != path.resolve() and source.exists():
            for it in parse_source(source):
                render(it)
                others.add(it["text"])
    seen: dict[str, str] = {}
    for it in items:
        if "text" not in it:
            continue
        if it["text"] in seen or it["text"] in others:
            errors.append(f"line {it['line']}: duplicate text")
        seen[it["text"]] = it["line"]
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    counts = Counter(lab for it in items for lab in labels_of(it))
    counts["hard negatives"] = sum(it["hard_negative"] for it in items)
    counts["items"] = len(items)
    for label, n in sorted(counts.items()):
        print(f"{label}: {n}")
    return 1 if errors else 0


def main(argv: list[str]) -> int:
    known = {"--validate", "--check", "--freeze"}
    unknown = [a for a in argv if a.startswith("-") and a not in known]
    if unknown or "--validate" in argv[-1:]:
        # an unknown option (--help included) must never fall through to a full rebuild
        print(__doc__, file=sys.stderr)
        return 0 if set(unknown) <= {"-h", "--help"} and "--validate" not in argv[-1:] else 2
    if "--validate" in argv:
        return validate(Path(argv[argv.index("--validate") + 1]))
    check_only = "--check" in argv
    freeze = "--freeze" in argv
    dev, held, table, frozen, errors = build()
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    new_readme = update_readme(table)
    targets = [(DEV, dev), (HELD, held)]
    if new_readme is not None:
        targets.append((README, new_readme))
    if check_only or freeze:
        targets.append((FROZEN, frozen))
    if check_only:
        stale = [
            p.name
            for p, content in targets
            if not p.exists() or p.read_text(encoding="utf-8") != content
        ]
        if FROZEN.name in stale:
            print("split_frozen.json does not match the items: run with --freeze", file=sys.stderr)
        if stale:
            print("out of date:", ", ".join(stale), file=sys.stderr)
            return 1
        print("up to date")
        return 0
    for p, content in targets:
        p.write_text(content, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
