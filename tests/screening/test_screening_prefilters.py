"""The optimised passes give the same results as a plain scan of the text: prefilters may
only skip work, never findings. (The third pass's phrasings per flag are in
`tests/screening/wordings/`.)"""

from __future__ import annotations

import re

import pytest

from moderation.screening import flags as _flags
from moderation.screening import normalize as _norm
from moderation.screening import pii as _pii

TRICKY = [
    "Ring 070-123 45 67 eller +46 70 123 45 67 eller (08) 123 45 67, 0046701234567.",
    "IBAN SE35 5000 0000 0549 1000 0003, bankgiro 5402-9681, Bg 5402-9681, pg 90 20 03-3",
    "Kungsgatan 12 B, 111 43 Stockholm; Gamla vägen 3; riksväg 26; ſtigen 3; STORGATAN 4",
    "OCR 1234567890, faktura nr 19121212-1212, org.nr 556677-8899, KS 2020/123, Dnr: 12",
    "İ K ſ 19121212-1212 ocr 1234567890 ٣٣ a(at)b(dot)se x [at] y.se z@w.se",
    "f i t t a, i.d.i.o.t, h0ra, 1d10t, id!ot, fi*tta, jäääävla, t.ex. Dala-Järna e-post...",
    "bit.ly/abc www.billigshop.se casino-vinst.com kommunen.se/info",
]


@pytest.mark.parametrize("text", TRICKY)
def test_prefiltered_scans_equal_plain_scans(text):
    spans = lambda it: [m.span() for m in it]  # noqa: E731
    assert spans(_pii._street_matches(text)) == spans(_pii._STREET_TAIL.finditer(text))
    assert spans(_pii._giro_matches(text)) == spans(_pii._GIRO.finditer(text))
    runs = [m.start() for m in _pii._RUN_START.finditer(text)]
    for rx in (_pii._NUMBER, _pii._DATE, _pii._ORGNR, _pii._ACCOUNT, _pii._PNR):
        assert spans(_pii._matches_at(rx, text, runs)) == spans(rx.finditer(text))
    assert spans(_flags._hosts(text)) == spans(_flags._HOST.finditer(text))
    low = _norm.main_view(text).text
    old_inner = re.compile(r"(?<=[^\W\d_])[.*_\-|'`´·]+(?=[^\W\d_])")
    assert spans(_norm._INNER_PUNCT.finditer(low)) == spans(old_inner.finditer(low))
