"""Generalisation, third round: flags read from several signals spread over a longer comment
(incitement scored from a crime act, calls to others, impunity and a target), definite insult
forms that point at specific people, accidents shared for fun, euphemisms for child abuse
material, and the score rule's counter-signals (a warning against the act cancels it).
Sentences are written from the flag rules in tests/data/README.md, not from the labelled set.

Requirements: BBS-4 (uppvigling, olaga våldsskildring, barnpornografibrott and offensive content
are surfaced for removal), BBS-7 (child sexual abuse material is caught so it can be blocked),
RULE-3 (offensive content), RULE-6 (criminal material).
"""

from __future__ import annotations

import pytest

from moderation.screening import Engine, screen
from moderation.screening.lexicon import DataError, load_rules

INCITEMENT_SPREAD = [
    "Alla som är trötta på fartkamerorna längs 26: skruva ner dem i natt, ingen ser något. Sprid!",
    "Tips till alla i byn: häll ut socker i tankarna på entreprenörens grävmaskiner, de står olåsta.",
    "Ni som fått nog av kommunen, vägra betala kvarskatten i år. Om vi är många kan de inte göra nåt.",
    "Lägg ut näten vid bron i natt medan fiskeförbudet gäller, ingen tillsyn på helgerna. Dela vidare!",
]
INCITEMENT_SPREAD_INNOCENT = [
    "Bränn inte ris i natt, det är eldningsförbud. Ring räddningstjänsten om ni ser rök.",
    "Någon har krossat rutorna på busskuren i natt igen, har ni sett något? Polisanmäl gärna.",
    "Licensjakt är lagligt och den vägen vi ska gå. Skriv till länsstyrelsen allihop.",
    "Alla som vill får gärna ta med fika till städdagen vid kommunhuset på lördag.",
]
INSULT_DEFINITE = [
    "Idioterna på tekniska förvaltningen har glömt vår gata igen.",
    "Kärringen i receptionen borde byta jobb.",
    "Han är helt dum i rövn, den nya vaktmästaren.",
]
INSULT_DEFINITE_INNOCENT = [
    "Han kallade mig idioten på mötet och jag har anmält det.",
    "Finns det en lekplats anpassad för barn med CP i Vansbro?",
]
ACCIDENT_RELISH = [
    "Har filmen från krocken vid Nås, föraren flyger ut genom rutan 😂 vill ni se?",
    "Klippet från tågolyckan är magiskt, benet ligger kvar på rälsen lol",
]
ACCIDENT_NEWS = [
    "Polisen söker vittnen till krocken vid Nås, filmen från trafikkameran ska granskas.",
    "Olyckan på 71:an var hemsk, tankarna går till de anhöriga.",
]
CSAM_WINK = [
    "Har bilder på riktigt unga, under 12, ni vet vad jag menar. Skriv privat.",
    "Erbjuder privat tid med ungarna jag är barnvakt åt, ni som förstår hör av er.",
]
CSAM_WINK_INNOCENT = [
    "Ni vet vad jag menar när jag säger att förskolan i Nås behöver fler barnskötare.",
    "Ungarna på fritids har gjort en film om skogen, kom och titta på lördag!",
]


@pytest.mark.parametrize("text", INCITEMENT_SPREAD)
def test_incitement_from_signals_spread_over_the_comment(text):
    """BBS-4, RULE-6: uppvigling is recognised from an act, a call and impunity or a target."""
    assert "incitement" in screen(text).flag_names, text


@pytest.mark.parametrize("text", INCITEMENT_SPREAD_INNOCENT)
def test_warnings_reports_and_lawful_calls_are_not_incitement(text):
    """BBS-3, BBS-4: a warning, a report or a lawful call is not uppvigling."""
    assert "incitement" not in screen(text).flag_names, text


@pytest.mark.parametrize("text", INSULT_DEFINITE)
def test_definite_insult_points_at_a_person(text):
    """BBS-4, RULE-3: 'idioterna på ...', 'kärringen i ...' attack specific people."""
    assert "insult" in screen(text).flag_names, text


@pytest.mark.parametrize("text", INSULT_DEFINITE_INNOCENT)
def test_reported_insult_and_diagnosis_are_not_insults(text):
    """BBS-3: a reported insult and the diagnosis CP are not insults."""
    assert "insult" not in screen(text).flag_names, text


@pytest.mark.parametrize("text", ACCIDENT_RELISH)
def test_accident_shared_for_fun_is_violent_depiction(text):
    """BBS-4, RULE-6: an accident film shared with relish is olaga våldsskildring."""
    assert "violent_depiction" in screen(text).flag_names, text


@pytest.mark.parametrize("text", ACCIDENT_NEWS)
def test_accident_news_is_not_violent_depiction(text):
    """BBS-3, BBS-4: a news-like report of an accident is not a depiction shared for its own sake."""
    assert "violent_depiction" not in screen(text).flag_names, text


@pytest.mark.parametrize("text", CSAM_WINK)
def test_euphemism_with_a_child_and_an_offer_is_child_abuse(text):
    """BBS-4, BBS-7: 'ni vet vad jag menar' + a child + an offer is child abuse material."""
    assert "child_abuse" in screen(text).flag_names, text


@pytest.mark.parametrize("text", CSAM_WINK_INNOCENT)
def test_euphemism_words_without_an_offer_stay_clean(text):
    """BBS-3: the same words about children without an offer stay clean."""
    assert "child_abuse" not in screen(text).flag_names, text


def test_score_forbid_must_name_a_lexicon_category(tmp_path):
    """BBS-3: a score rule's counter-signal list is checked when the data is loaded."""
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[score]]\nid = "x"\nflag = "incitement"\nthreshold = 1\nweights = { a = 1 }\n'
        'forbid = ["nope"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="forbid"):
        load_rules(rules, {"a"}, ("incitement",))


def test_score_forbid_cancels_the_score():
    """BBS-3: with a counter-signal present the incitement score does not fire."""
    engine = Engine()
    text = "Alla som kan: skruva ner fartkamerorna i natt, ingen ser. Gör inte det, det är olagligt att"
    rules = [f.rule for f in engine.screen(text).flags if f.flag == "incitement"]
    assert not any(r.startswith("incitement.score") for r in rules), rules


ADVERTISING_FRESH = [
    "Fönsterputs i Vansbro med omnejd! Vi putsar dina fönster för 25 kr/st, ring 070-888 99 00.",
    "Ditt konto kommer att stängas. Verifiera din identitet inom 24 h: fb-verify-account.net",
    "Bitcoin-kurs för nybörjare, lär dig tjäna pengar på krypto, 995 kr, anmäl dig på kryptoskolan.se",
    "Köp dina vinterdäck hos oss, montering ingår och 20 % rabatt på fälgar till och med söndag.",
    "Ray-Ban -70 % bara idag, fri frakt till hela Sverige: solglas-outlet.store",
    "Sommarrea! Använd koden SOMMAR30 i vår webbshop.",
]
ADVERTISING_PRIVATE = [
    "Säljer min gamla barnvagn, använd i två år, 800 kr. Hämtas i Vansbro, ring 070-111 22 33.",
    "Hittade en plånbok vid Konsum, ring 070-111 22 33 så kan du hämta den hos oss.",
    "Vansbro Skidklubb har lotteri till förmån för ungdomarna, 20 kr lotten, swisha 123 456 78 90.",
    "Tips: Dala-Järna Bygg gjorde vårt tak snabbt och bra, rekommenderas.",
]
COPYRIGHT_FRESH = [
    "Har ett program som tar bort kopieringsskyddet på ljudböckerna, alla i mp3, gratis till den som vill.",
    "KMSpico aktiverar Windows på en minut, ladda ner från länken i min profil.",
    "Alla ROMs till gamla Nintendo i ett enda paket, länk i min kanal.",
]
SENSITIVE_FRESH = [
    "Fritidsledaren på ungdomsgården i Nås har faktiskt suttit inne för rån, visste ni det?",
    "Min exfru har haft ihop det med halva fotbollslaget.",
    "Jag sitter i Kommunals styrelse här i Vansbro.",
]


@pytest.mark.parametrize("text", ADVERTISING_FRESH)
def test_advertising_from_sales_language_links_and_codes(text):
    """RULE-2: services, phishing look-alike hosts, spam top-level domains and capital discount
    codes count as advertising."""
    assert "advertising" in screen(text).flag_names, text


@pytest.mark.parametrize("text", ADVERTISING_PRIVATE)
def test_private_sale_lost_and_found_and_foreningar_are_not_advertising(text):
    """RULE-2: a resident's one-off sale, lost and found, a förening's lottery and a thank-you
    to a local firm are not advertising (the ad score's counter-signals cancel it)."""
    assert "advertising" not in screen(text).flag_names, text


@pytest.mark.parametrize("text", COPYRIGHT_FRESH)
def test_copyright_from_copy_protection_activators_and_roms(text):
    """BBS-4, RULE-6: removing copy protection, cracked activators and ROM packs are piracy."""
    assert "copyright" in screen(text).flag_names, text


@pytest.mark.parametrize("text", SENSITIVE_FRESH)
def test_sensitive_from_roles_sex_life_and_union_seats(text):
    """GDPR-2: an alleged crime of a person named by role, a sex life, a union seat."""
    assert "sensitive_personal" in screen(text).flag_names, text


ADVERTISING_NOT = [
    "Säljes: Husqvarna snöslunga, 3 år gammal, 4 500 kr. Hämtas i Äppelbo. Ring 070-222 33 44.",
    "Erbjudande från kommunen: gratis energirådgivning för villaägare, boka tid på vansbro.se.",
    "Bokcirkel på biblioteket varje tisdag kl 18, gratis och alla är välkomna.",
    "Lions har loppis i Folkets hus på söndag, alla intäkter går till välgörenhet.",
]


@pytest.mark.parametrize("text", ADVERTISING_NOT)
def test_one_off_sale_kommun_offers_and_foreningar_are_not_advertising(text):
    """RULE-2: a single 'säljes' with a price, a kommun's own offer, a library event and a
    förening's flea market are not commercial spam."""
    assert "advertising" not in screen(text).flag_names, text


def test_described_torture_video_is_not_incitement():
    """BBS-4: a torture video described ('de skär av fingrarna på fångarna') is violent
    depiction, not a call to commit the act."""
    text = (
        "Hittade ett forum med tortyrvideor, de skär av fingrarna på fångarna en i taget, "
        "kolla här, helt sjukt 😂"
    )
    flags = screen(text).flag_names
    assert "incitement" not in flags, flags
    assert "violent_depiction" in flags, flags
