"""Category coverage written from the legal categories (not from the labelled set): each flag
on several ways Swedish speakers express it, and the innocent uses that must stay clean."""

from __future__ import annotations

import pytest

from moderation.screening import screen

THREAT = [
    "Jag ska slå ihjäl dig om du inte flyttar bilen.",
    "Handläggaren på socialen kommer att få en kniv i magen.",
    "Politikern som röstade för nedläggningen borde passa sig, vi vet var han bor.",
    "Du kommer ångra det här, tänk på din familj.",
    "Vi kommer att bränna ner ditt hus, Lennart.",
    "Jag skjuter dig nästa gång jag ser dig på torget.",
    "Dom på kommunen kommer att få betala med sina liv.",
    "Jag knivhugger den första tjänstemannen jag ser imorgon.",
    "Du och din familj är döda om ni inte flyttar från byn.",
    "Jag ska spöa skiten ur dig efter mötet.",
    "Hon ska få en kula i huvudet.",
    "Vi hämtar dig ikväll, din jävel. Du kommer inte undan.",
    "Imorgon tar jag med geväret till kommunhuset.",
]
HATE = [
    "Somalier är ohyra som borde kastas ut ur landet.",
    "Alla muslimer är terrorister, skicka hem dem.",
    "Judarna är parasiter som suger ut Sverige.",
    "Romerna är ett pack som borde utrotas.",
    "Bögar är äckliga djur.",
    "Transpersoner är psykiskt sjuka och en smitta för våra barn.",
    "Afghanerna på boendet är kackerlackor.",
    "Invandrarna ska ut, allihop.",
    "Araber är inte människor.",
    "Gasa alla judar.",
]
CHILD_ABUSE = [
    "Någon som har nakenbilder på tjejer under 15? Skicka privat.",
    "Säljer videos med 13-åringar, länk på telegram.",
    "Vill byta bilder på minderåriga, hör av dig.",
    "Har porr med barn, 500 kr via swish.",
    "Letar efter nakna tonåringar, skriv i dm.",
    "Jag har sexbilder på barn, vem vill köpa?",
]
INCITEMENT = [
    "Alla borde gå till kommunhuset på fredag och krossa rutorna.",
    "Vi samlas vid stationen och stormar polisen ikväll.",
    "Kom och ta med bensin, vi bränner ner kommunhuset.",
    "Sabotera vindkraftverken, alla som kan!",
    "Vägra betala avgiften, alla tillsammans, sprid!",
    "Häll socker i tanken på grävmaskinerna, ingen ser nåt i natt.",
]
VIOLENT_DEPICTION = [
    "Kolla videon där de torterar en hund, helt sjukt bra.",
    "Delar klippet när killen blir ihjälslagen, länk i bio.",
    "Här är filmen där de styckar kroppen, titta!",
    "Har bilder på liket efter olyckan, vill ni se?",
    "Lägger upp misshandelsvideon från torget, njut.",
    "Kolla klippet där de plågar katten tills den dör.",
]
ADVERTISING = [
    "Köp billiga solglasögon! 50 % rabatt med rabattkod SOL50 på www.solshop.se",
    "Tjäna pengar hemifrån, klicka här: bit.ly/abc123",
    "Investera i bitcoin nu och tjäna 10 000 kr i veckan.",
    "Gratis frakt på alla beställningar i helgen! Beställ på dackbutiken.se",
    "Dejting för singlar i Dalarna, gå med gratis på www.dalaflirt.se",
]
SENSITIVE = [
    "Min granne Kalle är alkoholist och super varje dag.",
    "Lisa på Storgatan har hiv, det vet alla.",
    "Läraren Anders är psykiskt sjuk och borde inte jobba med barn.",
    "Han på bensinmacken har suttit inne för misshandel.",
    "Min kollega Johan har cancer och är sjukskriven.",
]
CONFIDENTIAL = [
    "Min son placerades i familjehem förra året och soc svarar inte.",
    "Familjen Ek har en orosanmälan på sig från skolan.",
    "Jag fick avslag på försörjningsstöd igen, mitt beslut är orimligt.",
    "Mitt barn har ett åtgärdsprogram men skolan följer det inte.",
    "Min bror är omhändertagen enligt LVM sedan i våras.",
]

CASES = (
    [("threat", t) for t in THREAT]
    + [("hate_speech", t) for t in HATE]
    + [("child_abuse", t) for t in CHILD_ABUSE]
    + [("incitement", t) for t in INCITEMENT]
    + [("violent_depiction", t) for t in VIOLENT_DEPICTION]
    + [("advertising", t) for t in ADVERTISING]
    + [("sensitive_personal", t) for t in SENSITIVE]
    + [("confidential_matter", t) for t in CONFIDENTIAL]
)


@pytest.mark.parametrize(("flag", "text"), CASES)
def test_category_positive(flag, text):
    """BBS-4, RULE-6 (threat BrB 4:5, hate BrB 16:8, child abuse BrB 16:10 a, incitement
    BrB 16:5, violent depiction BrB 16:10 c), RULE-2 (advertising), GDPR-2 (sensitive data)
    and RULE-1 (confidential matters): the flag is raised on wordings of the category that the
    labelled set does not contain, with evidence pointing into the original text."""
    result = screen(text)
    assert flag in result.flag_names, [f.rule for f in result.flags]
    for f in result.flags:
        assert text[f.start : f.end] == f.matched


CLEAN = [
    "Vi ska bränna ris på tomten i helgen.",
    "Döda vinkeln vid korsningen är farlig.",
    "Föreläsningen var mördande tråkig.",
    "Jag hatar när bussen är sen.",
    "Kommunen hotar med nedläggning av skolan.",
    "Kommunalrådet är inkompetent och borde avgå.",
    'Min dotter blev kallad "blatte" i skolan, jag har anmält det till rektorn.',
    "Hur söker man försörjningsstöd?",
    "Många med cancer måste åka till Falun för strålning.",
    "Passa på att besöka biblioteket idag!",
    "Träffa politikerna på torget på lördag.",
    "Biblioteket öppnar igen på måndag, läs mer på www.vansbro.se",
    "Har ni bilder på barnen från luciafirandet? Dela gärna i gruppen!",
    "Skolan borde prata med barnen om nakenbilder och näthat.",
    "Polisen varnar för vuxna som lurar barn att skicka nakenbilder.",
    "Skolfoto: bilder på barnen kostar 150 kr.",
    "Vi ses snart på kommundelsträffen!",
    "Akta er för halkan på väg 26 ikväll.",
    "Ni måste ta tag i snöröjningen nu.",
    "Hemtjänsten ska ta hand om mamma när jag är bortrest.",
    "Unga måste få stå på egna ben.",
    "Vi får se hur det går med budgeten.",
    "Flyktingar behöver bättre boende och hjälp med språket.",
    "Det är fel att kalla invandrare för parasiter.",
    "Vi tar med bössan på älgjakten i helgen.",
    "Blodgivning i Vansbro på tisdag, se mer på hemsidan.",
    "Min katt dog i natt, det var inte kul.",
    "Jag ska hämta dig vid stationen klockan fem.",
    "Jag kan ta dig till mötet om du vill.",
    "Vi måste krossa fördomarna om landsbygden.",
    "Grattis till Vansbro IF som vann i helgen!",
    "Ni dödar landsbygden med era nedskärningar.",
    "Ni kommer att ångra nedläggningen av skolan i valet.",
    "Polisen har filmen från misshandeln på torget.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_category_hard_negatives(text):
    """BBS-3, RULE-3, GDPR-2: innocent uses of charged words, warnings about hazards, sharp
    political criticism, general statements about groups of people, slurs reported to the
    school, kommun announcements and a school-photo price raise no flag."""
    result = screen(text)
    assert result.flag_names == (), [f.rule for f in result.flags]


def test_phone_numbers_in_more_separators():
    """GDPR-4, FMT-6: phone numbers written with dots, no-break spaces or a spaced hyphen
    are found, and the value is the exact original text."""
    for text, value in [
        ("Ring 070.123 45 67 ikväll", "070.123 45 67"),
        ("Ring 070\u00a0123\u00a045\u00a067", "070\u00a0123\u00a045\u00a067"),
        ("Ring 0281 - 12 345 efter fem", "0281 - 12 345"),
    ]:
        pii = screen(text).pii
        assert [(p.type, p.value) for p in pii] == [("phone", value)]


def test_dates_and_amounts_are_not_phone_numbers():
    """FMT-6: dotted dates, versions and amounts are not read as phone numbers."""
    for text in ("Mötet 2024.05.12 kl 0900", "Pris 0.5 kr 12.05.2023", "version 0.12.345.6789"):
        assert screen(text).pii == ()
