"""Phrasings per flag, written from the flag rules in tests/data/README.md (never copied from
the labelled set), that the engine must flag (POSITIVE) and the tempting innocent uses of the
same words that it must not (NEGATIVE). One module per flag; `test_screening_wordings.py` runs
them all. Add a family of expression here whenever the lexicon or the rules are broadened."""

from __future__ import annotations

import importlib

from moderation.screening import FLAGS

FLAG_MODULES = FLAGS  # one module per flag, named as the flag

# Innocent uses of charged words (the issue's hard negatives: "bränna ris", "skjuta upp
# mötet", sport, jokes, news) that both the incitement and the violent-depiction tables must
# keep clean; written once, listed in each table's NEGATIVE.
INNOCENT_CHARGED_WORDS: list[str] = [
    "Vi ska bränna ris på tomten i helgen, kolla med brandkåren först.",
    "Kan vi skjuta upp mötet till nästa vecka? Alla borde kunna komma då.",
    "Se upp för döda vinkeln när lastbilarna svänger vid torget, filmen från Trafikverket visar hur.",
    "Dörren till badhuset slår igen hela tiden, någon borde fixa den.",
    "Kommunen hotar med nedläggning av skolan, alla borde protestera på fullmäktige.",
    "Mötet var mördande tråkigt, jag dog nästan av tristess haha.",
    "Sköt två älgar i helgen med jaktlaget, bilder i gruppen 😍",
    "Det här budgetförslaget är en bomb under välfärden, sprid!",
    "Det är kriminellt att kommunen tar så mycket betalt för sophämtningen.",
    "Folk kommer att dö i väntan på ambulansen om stationen läggs ner, dela detta!",
    "Klippet från Vansbrosimningen när alla hoppar i samtidigt är bäst 😂",
    "Slaktade Malung med 7-0, kolla målen på YouTube!",
    "Vi slog dem med 5-2 i går, vilken match, se höjdpunkterna!",
    "Grannens katt blev påkörd i natt, vi har bilder om någon känner igen den, så sorgligt.",
    "Barnen älskade filmen om dinosaurierna, så mycket blod och action, haha.",
    "Kolla när min hund drar pulkan med barnen, så gulligt 😂",
    "Låt oss krossa motståndarna i kommunvalet!",
    "Ta tillbaka makten över skolan, rösta på oss!",
    "Alla bilister borde blockera tiden för en kurs i halkkörning.",
]


def cases(kind: str) -> list[tuple[str, str]]:
    """(flag, text) for every entry of POSITIVE or NEGATIVE of every flag module."""
    out = []
    for flag in FLAG_MODULES:
        module = importlib.import_module(f"{__name__}.{flag}")
        out.extend((flag, text) for text in getattr(module, kind))
    return out


def requirements(flag: str) -> str:
    return importlib.import_module(f"{__name__}.{flag}").REQUIREMENTS
