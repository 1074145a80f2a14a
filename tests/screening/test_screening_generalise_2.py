"""Generalisation, second set: phrasings written after the first generalisation round, again
from the flag rules in tests/data/README.md and not from the labelled set (colloquial forms,
services sold as ads, phishing, piracy by copying and shared accounts, access to a child,
intoxication and gender identity, care measures). Each flag also has innocent uses that must
stay clean.

Requirements: BBS-4 (olaga hot, uppvigling, hets mot folkgrupp, barnpornografibrott, olaga
våldsskildring, upphovsrättsintrång are surfaced), BBS-7 (child sexual abuse material is
caught so it can be blocked), RULE-2 (advertising), RULE-6 (criminal material), GDPR-2 (art. 9
data about a person), OSL-4 (secret matters force registration).
"""

from __future__ import annotations

import pytest

from moderation.screening import screen

POSITIVE: dict[str, list[str]] = {
    "threat": [
        "Jag vet vilken bil du kör, Anders. Den kommer inte stå kvar länge.",
        "Kommer du till mötet ikväll så får du en smäll.",
        "Jag ska ge dig en käftsmäll nästa gång jag ser dig.",
        "jag kmr döda dig",
        "Vi ska elda upp din stuga i Äppelbo.",
        "Din unge kommer inte komma hem från skolan en dag.",
        "Snart smäller det på kommunkontoret, ni är varnade.",
        "Ska du ha stryk eller? Jag väntar utanför Konsum.",
        "En dag kommer någon att skjuta dig, och det kan bli jag.",
        "du borde passa dig jävligt noga när du går hem från jobbet",
        "Vi ska se till att du inte kan gå på en månad.",
    ],
    "hate_speech": [
        "Somalierna i Vansbro borde samlas ihop och skickas tillbaka till öknen.",
        "Fy fan för alla jävla muslimer som förstör vårt land.",
        "Zigenarpacket stjäl allt som inte är fastspikat.",
        "De där blattarna luktar skit och är lata.",
        "Judarna ligger bakom invandringen, det är ett folkmord på svenskar.",
        "Homosexuella är ett hot mot barnen och borde hålla sig undan.",
        "Transor är äckliga perversa människor.",
        "Vi vill inte ha fler afrikaner här, de är inte kapabla att arbeta.",
        "Alla invandrare är våldtäktsmän och terrorister.",
        "Muslimer ska inte få bygga moské i Vansbro, de är en sjukdom.",
        "ni e ba ett gäng apor alla svartskallar",
        "invandrare = kriminella, punkt.",
    ],
    "incitement": [
        "Någon borde tända på kommunalrådets villa.",
        "Gör som i Rinkeby, kasta sten på bussarna.",
        "Sluta betala för soptömningen, kommunen kan inte göra ett skit.",
        "Vi borde spika igen dörrarna på socialkontoret.",
        "Kör sönder vägbommarna vid Vanån, alla!",
        "Alla jägare: skjut lodjuren, ingen kommer att kolla.",
        "Strejka mot skatten, betala inte en krona.",
    ],
    "violent_depiction": [
        "Någon som har filmen där Kalle blir nerslagen? Vill se den igen haha",
        "Lägger ut bilder på den påkörda räven, tarmarna överallt 😂",
        "Kolla in klippet från festen där de slår sönder ansiktet på honom, legendariskt",
        "Har sparat filmen där mannen bränns levande, den som vill ha den får den",
        "Bilderna från bussolyckan i Mora, med de döda barnen, finns i min story",
        "Video på när de pryglar hunden med ett bälte, så jävla kul",
    ],
    "child_abuse": [
        "Har filmer där små barn gör sexuella saker. Skriv om du vill köpa.",
        "Kan ordna träff med min 11-åriga dotter, bara seriösa.",
        "Lägger upp nakenklipp på tjejer från mellanstadiet i min telegramkanal",
        "Nya pedobilder varje vecka, prenumerera.",
        "Barnporrsamling till salu.",
        "young girls pics, swish",
    ],
    "copyright": [
        "Vem vill ha en kopia av nya Fifa? Bränner skivor för 50 kr.",
        "Olagliga streams av Champions League, länk i bio.",
        "Kopierar kurslitteraturen åt hela klassen, 100 kr per bok.",
        "Har du inte råd med Spotify? Ladda ner modded APK här.",
        "Netflix-konto för 20 kr i månaden, delar med 10 pers.",
        "Jag har alla Harry Potter-filmerna på en disk, delar gärna länken gratis.",
    ],
    "advertising": [
        "Behöver du hjälp med trädfällning? Vi gör jobbet snabbt och billigt, ring 070-222 33 44.",
        "Mega-REA på vinterdäck hos Däckcenter Vansbro! Boka din tid idag.",
        "Tjäna pengar på nätet som jag gör, 30 000 i månaden! DM mig för info.",
        "Gratis iPhone till de 100 första som delar detta inlägg!",
        "Din bankdosa har gått ut, logga in via länken för att förnya: bankid-se.com",
        "Nyöppnad thaimassage i Vansbro centrum, 30 % rabatt hela mars.",
        "Köp billiga Ray-Ban solglasögon, 90 % rabatt, www.rayban-outlet.shop",
        "Söker du kärlek? Tusentals singlar väntar på dig på Flirtportalen.se",
    ],
    "sensitive_personal": [
        "Hon i kassan på ICA är ju tjackad varje morgon.",
        "Min granne Holger har fått en hjärtinfarkt och ligger på IVA.",
        "Jag är själv hbtq och känner mig inte trygg i Vansbro.",
        "Kommunens nya ekonomichef har suttit i fängelse för bedrägeri.",
        "Petra på förskolan har ätstörningar, hon borde inte jobba med barn.",
        "Min dotter är transtjej och blir mobbad i skolan.",
        "Min sambo tar antidepressiva sedan hon fick missfall.",
        "Bosse i Järna kör runt berusad på sin moped varje kväll.",
        "Jag har bipolär sjukdom och har svårt att jobba heltid.",
        "Lärarinnan Sofia är med i Vänsterpartiet och propagerar i klassrummet.",
        "Min pappa är dialyspatient och behöver skjuts tre gånger i veckan.",
        "Jag har dyslexi och får inte hjälp på SFI.",
    ],
    "confidential_matter": [
        "Min farmor fick sin hemtjänst sänkt till två besök i veckan trots att hon inte klarar duschen.",
        "Socialsekreteraren kom hem till oss utan att förvarna och pratade med barnen.",
        "Vår son har fått en elevassistent men hon är sjuk hela tiden.",
        "Jag söker försörjningsstöd men har inte fått svar på tre veckor.",
        "Pappa fick en ny dosett men hemtjänsten har glömt att dela medicinerna.",
        "Min syster är placerad på HVB-hem i Falun och vill komma hem.",
        "Skolan har gjort en anmälan till socialen om vår familj, vi förstår inte varför.",
        "Min moster har god man men han svarar aldrig.",
        "Barnen i familjen på Storgatan är omhändertagna.",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "threat": [
        "Jag kör över bron till Saltvik varje morgon.",
        "Plogbilen körde över vår gräsmatta igen.",
        "Jag har ett hagel hemma för jakten, licensen är klar.",
        "Du kommer att ångra om du missar Vansbrosimningen i år!",
    ],
    "hate_speech": [
        "SD vill minska invandringen, jag håller inte med.",
        "Romska kulturdagar på biblioteket i april.",
        "Många invandrare jobbar inom hemtjänsten och gör ett fantastiskt jobb.",
        "Judiska församlingen har bjudit in till samtal om antisemitism.",
        "Jag tycker att det är fel att kalla flyktingar för ohyra.",
    ],
    "incitement": [
        "Alla borde mejla kommunalrådet och kräva att skolan blir kvar.",
        "Låt oss samlas på torget och visa vad vi tycker, fredligt.",
        "Vi borde riva gamla bensinmacken och bygga en lekplats.",
        "Vi måste stoppa nedläggningen av vårdcentralen!",
        "Bränn inte sopor i trädgården, det är förbjudet.",
    ],
    "violent_depiction": [
        "Polisen har släppt bilder från olyckan för att hitta vittnen.",
        "Dokumentären om andra världskriget på SVT var stark.",
    ],
    "child_abuse": [
        "Kan skolan sluta skicka hem bilder på våra barn utan samtycke?",
        "Säljer barnvagn, fint skick, 800 kr.",
        "Polisen har gripit en man för barnpornografibrott i Mora.",
    ],
    "copyright": [
        "Biblioteket har Legimus för den som har läsnedsättning.",
        "Kan kommunen visa VM-matcherna på torget? Vem har rättigheterna?",
        "Jag har köpt alla Harry Potter-böckerna, kan låna ut till grannarna.",
    ],
    "advertising": [
        "Vansbro Simklubb säljer lotter till förmån för ungdomsverksamheten, 20 kr st.",
        "Säljer min gamla snöslunga, 1 500 kr, hämtas i Nås.",
        "Tack Vansbro Bygg för snabb hjälp med taket efter stormen!",
        "Konsum har öppet till 21 i helgen.",
    ],
    "sensitive_personal": [
        "Kön till tandläkaren är för lång.",
        "Han tar alltid bussen till Mora.",
        "Jag är medlem i Vansbro IK sedan 20 år.",
        "Kommunalrådet Lena Ek (C) lovade bättre vägar.",
        "Många barn har ADHD och skolan behöver fler speciallärare.",
        "Min mamma röstade på förslaget om nytt badhus på medborgardialogen.",
    ],
    "confidential_matter": [
        "Kommunen borde anställa fler socialsekreterare.",
        "Vilka regler gäller för hemtjänst på helger?",
        "Elevhälsan gör ett bra jobb på Nås skola.",
        "Jag fick svar från bygglovshandläggaren samma dag, bra jobbat.",
    ],
}

POS_CASES = [(f, t) for f, ts in POSITIVE.items() for t in ts]
NEG_CASES = [(f, t) for f, ts in NEGATIVE.items() for t in ts]


@pytest.mark.parametrize(("flag", "text"), POS_CASES)
def test_flag_on_second_set_of_phrasings(flag, text):
    """BBS-4, BBS-7, RULE-2, RULE-6, GDPR-2, OSL-4: the flag is set on a phrasing written from
    the flag rule, not from the labelled set."""
    assert flag in screen(text).flag_names, text


@pytest.mark.parametrize(("flag", "text"), NEG_CASES)
def test_second_set_innocent_uses_stay_clean(flag, text):
    """BBS-3, BBS-4: the tempting innocent use of the same words raises no flag."""
    assert flag not in screen(text).flag_names, text
