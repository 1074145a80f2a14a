"""Flags: each category raised with evidence, and the hard negatives left clean."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.screening import flags as _flags_module
from moderation.screening import get_engine, screen
from moderation.screening.normalize import main_view


def _flags(text: str) -> tuple[str, ...]:
    return screen(text).flag_names


POSITIVES = [
    # (flag, text, requirement note)
    ("insult", "Du är en jävla idiot"),
    ("insult", "Rektorn är ett svin och en lögnare"),
    ("insult", "Anna är en sån pucko"),
    ("threat", "Jag ska döda dig"),
    ("threat", "Vi vet var du bor. Akta dig."),
    ("threat", "Ordföranden ska få stryk på fullmäktige"),
    ("hate_speech", "Invandrarna är parasiter och borde kastas ut"),
    ("hate_speech", "Alla muslimer är ett virus som måste stoppas"),
    ("child_abuse", "Säljer barnporr, skriv privat"),
    ("child_abuse", "Har nakenbilder på unga flickor, skickas mot betalning"),
    ("incitement", "Alla till kommunhuset ikväll och krossa rutorna!"),
    ("incitement", "Bränn ner stationen! Sprid!"),
    ("violent_depiction", "Kolla videon när han blir halshuggen, länk i bio"),
    ("copyright", "Nya Bondfilmen finns på torrent, ladda ner gratis via länken"),
    ("advertising", "Köp nu! Bästa priset på däck, besök www.dack-billigt.se"),
    ("sensitive_personal", "Min granne Anna har cancer och går på cellgifter"),
    ("sensitive_personal", "Lasse Nilsson har suttit i fängelse för misshandel"),
    ("confidential_matter", "Socialtjänsten tog min son i förra veckan"),
    ("confidential_matter", "jag har sökt försörjningsstöd tre gånger nu"),
]


@pytest.mark.parametrize(("flag", "text"), POSITIVES)
def test_flag_positive(flag, text):
    """RULE-3, RULE-6, BBS-4, GDPR-2, RULE-1, RULE-2: each category is raised on a typical
    comment, with evidence (rule id, lexicon entry and the span in the original text)."""
    result = screen(text)
    assert flag in result.flag_names
    for f in result.flags:
        assert f.rule and "[" in f.rule and f.note
        assert text[f.start : f.end] == f.matched and f.matched


HARD_NEGATIVES = [
    "Jävla snöröjning, ingen har plogat på tre dagar",  # swearing at a thing
    "Skit skit skit, fibern funkar inte igen",
    "Kommunalrådet Anna Svensson har svikit väljarna och borde avgå",  # criticism
    "Beslutet om skolan är idiotiskt och dåligt underbyggt",  # about a thing
    'Han kallade mig "blatte" på bussen och det är inte okej',  # slur quoted to report it
    "Någon har klottrat ordet blatte på skolan, sanera det",
    "Vi ska bränna ris i trädgården på lördag",  # innocent charged words
    "Kan vi skjuta upp mötet till nästa vecka?",
    "Vårdcentralen behöver fler läkare",
    "Socialtjänsten behöver mer resurser och fler socialsekreterare",
    "Vi behöver ett demensboende i Vansbro",
    "Folk fryser ihjäl vid hållplatsen när bussen är sen",
    "Biblioteket lånar ut filmer gratis med lånekort",
    "Säljer skidor, 180 cm. 800 kr. Ring 070-712 33 09",  # a private ad is not spam
    "Jag hotar ingen, jag vill bara ha svar",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_flag_hard_negatives(text):
    """BBS-3, RULE-3: swearing at things, sharp criticism of politicians, a slur quoted to
    report it and innocent uses of charged words raise no flag."""
    assert _flags(text) == ()


def test_negation_cancels_threat():
    """BBS-4: 'jag ska inte döda dig' is not olaga hot; the same sentence without 'inte' is."""
    assert "threat" in _flags("jag ska döda dig")
    assert "threat" not in _flags("jag ska inte döda dig")


def test_reported_insult_is_not_an_insult():
    """RULE-3: retelling an insult ('han kallade mig idiot') is not itself an insult."""
    assert "insult" in _flags("du är en idiot")
    assert "insult" not in _flags("han kallade mig idiot i telefonen")


def test_insult_needs_a_person():
    """RULE-3: the same degrading word about a thing ('idiotiskt beslut') is no insult."""
    assert _flags("ett idiotiskt beslut") == ()


def test_group_directed_abuse_is_hate_not_insult():
    """BBS-4 (hets mot folkgrupp): contempt for a group is hate_speech, not insult."""
    assert _flags("Alla invandrare är äckliga parasiter") == ("hate_speech",)


@pytest.mark.parametrize(
    "text",
    [
        "du är en h0ra",  # digit for letter
        "du är en i.d.i.o.t",  # inserted punctuation
        "du är en i d i o t",  # spaced letters
        "du är en idiooooot",  # repeated letters
        "du är en id\u200biot",  # zero-width space
        "DU ÄR EN IDIOT",  # case
        "du är en ｉｄｉｏｔ",  # full-width (NFKC)
    ],
)
def test_obfuscations_are_seen_through(text):
    """RULE-3: normalisation (case, NFKC, zero-width, repeats, leet, separators) finds
    obfuscated insults, and the evidence span points at the original characters."""
    result = screen(text)
    assert result.flag_names == ("insult",)
    f = result.flags[0]
    assert text[f.start : f.end] == f.matched
    assert f.start >= text.lower().index("en") + 2


def test_unaccented_spelling_matches():
    """RULE-6: å/ä/ö written as a/a/o ('doda') is matched like the real spelling."""
    assert "threat" in _flags("jag ska doda dig")


def test_child_abuse_blocks_and_quarantine_reason():
    """BBS-7, RULE-6: suspected child sexual abuse material is blocked, with the quarantine
    and police-report reason."""
    result = screen("Säljer barnporr, skriv privat")
    assert result.action == "block"
    assert any("BBS-7" in r for r in result.reasons)


# --- the fast paths of flag evaluation agree with their plain definitions -----------------

_WORDS = st.sampled_from(
    [
        "du", "är", "en", "idiot", "inte", "han", "säger", "kallade", "mig", "jag", "ska",
        "döda", "dig", "ingen", "ser", "i", "natt", "min", "granne", "Anna", "x_y", "ß", "İ",
        "ǅ", "Ⅻ", "²", "ª", "e-post", "t.ex.", "”", "—", "🙂", "\u0301", "\u00a0", "0",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "  ", ", ", ". ", "-", "\n", "\u200b", "", "”"])
_PHRASE_TEXTS = st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _engine_plan():
    engine = get_engine()
    return engine.compiled, _flags_module._plan(engine.compiled)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_PHRASE_TEXTS, st.text(max_size=200)))
def test_view_words_are_the_regex_words(text):
    """RULE-3, RULE-6: the context rules read exactly the words of ``\\w+`` at their
    positions, whether a view is tokenised through Latin-1 bytes or the regex."""
    compiled, plan = _engine_plan()
    view = main_view(text)
    vs = _flags_module._ViewState(view)
    vs.prepare(plan)
    expected = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+", view.text)]
    words = [w.decode("latin-1") if isinstance(w, bytes) else w for w in vs.words]
    assert list(zip(words, vs.starts, vs.ends, strict=True)) == expected
    assert vs.n == len(expected)


@settings(max_examples=300, deadline=None)
@given(
    _PHRASE_TEXTS,
    st.sampled_from(["negation", "reporting", "impunity", "intent_cue", "addressee"]),
    st.integers(0, 40),
    st.integers(0, 3),
    st.integers(0, 12),
    st.integers(0, 12),
)
def test_set_window_check_matches_its_definition(text, set_name, first, width, before, after):
    """RULE-3, RULE-6: a set condition holds exactly when a member of the set (a word or a
    phrase) lies within ``before`` words before or ``after`` words after the trigger,
    outside the trigger's own words; the bit-mask check gives the same answer."""
    compiled, plan = _engine_plan()
    if set_name not in plan.set_index:
        return
    view = main_view(text)
    vs = _flags_module._ViewState(view)
    vs.prepare(plan)
    n = vs.n
    if n == 0:
        return
    first = min(first, n - 1)
    last = min(first + width, n - 1)
    hit = _flags_module.Hit(compiled.entries[0], vs, 0, 0, 0, 0)
    hit.first_tok, hit.last_tok = first, last
    words = [w.decode("latin-1") if isinstance(w, bytes) else w for w in vs.words]
    ws = compiled.sets[set_name]
    members = [(k, k + 1) for k, w in enumerate(words) if ws._member(w)]
    members += [
        (k, k + len(ph))
        for ph in ws.phrases
        for k in range(n - len(ph) + 1)
        if tuple(words[k : k + len(ph)]) == ph
    ]
    lo, hi = max(first - before, 0), min(last + 1 + after, n)
    expected = any(lo <= a and b <= hi and (b <= first or a > last) for a, b in members)
    check = _flags_module._set_check(plan.set_index[set_name], before, after)
    assert check(_flags_module.Context(text, plan, []), hit) is expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=40))
def test_score_span_overlap_matches_its_definition(raw):
    """RULE-3, RULE-6: a score counts a sign only when it does not cover mostly the same
    words as a sign already counted (overlap of at least half the shorter span); the sorted
    span index decides exactly as a scan of every counted span does."""
    spans = _flags_module._Spans()
    plain: list[tuple[int, int]] = []
    for start, length in raw:
        hs, he = start, start + length
        expected = any(2 * (min(he, b) - max(hs, a)) >= min(he - hs, b - a) for a, b in plain)
        assert spans.overlaps(hs, he) is expected
        if not expected:
            spans.add(hs, he)
            plain.append((hs, he))
