"""incitement: uppvigling.

Phrasings written from the flag rule in tests/data/README.md, never from the labelled set:
POSITIVE must raise the flag, NEGATIVE (the tempting innocent use of the same words) must not.
"""

REQUIREMENTS = "BBS-4, RULE-6"

POSITIVE: list[str] = [
    "Alla borde gå till kommunhuset och slå sönder rutorna.",
    "Kom igen nu, låt oss bränna ner vindkraftverken i natt.",
    "Vägra betala skatt tills de öppnar vårdcentralen igen! Sprid!",
    "Samlas vid polisstationen på lördag och ge er på snutarna.",
    "Någon borde sätta eld på flyktingboendet.",
    "Blockera väg 26 med traktorer imorgon, låt ingen komma fram.",
    "Skjut varje varg ni ser, gräv ner den och håll tyst.",
    "Punktera däcken på kommunens bilar, det är det enda de förstår.",
    "Vi borde klottra ner hela kommunhuset.",
    "Kasta sten på polisen om de kommer.",
    "Alla som kan: förstör fartkamerorna på 71:an.",
    "Häll sand i tanken på entreprenörens grävmaskiner.",
    "Slå ner varje tjänsteman som kommer ut från socialkontoret.",
    "Riv ner skyltarna om vägarbete och kör som vanligt.",
    "Gå man ur huse och storma kommunfullmäktige.",
    "Låt oss alla sluta betala fiberavgiften, de kan inte stänga av hela byn.",
    "Tänd på bygget vid Vanån i natt, ingen bor där.",
    "Alla som är emot vindkraften: sabotera maskinerna i skogen.",
    "Någon borde tända på kommunalrådets villa.",
    "Gör som i Rinkeby, kasta sten på bussarna.",
    "Sluta betala för soptömningen, kommunen kan inte göra ett skit.",
    "Vi borde spika igen dörrarna på socialkontoret.",
    "Kör sönder vägbommarna vid Vanån, alla!",
    "Alla jägare: skjut lodjuren, ingen kommer att kolla.",
    "Strejka mot skatten, betala inte en krona.",
    "Alla som bor längs 71:an: bygg en barrikad vid bron på fredag och släpp ingen förbi.",
    "Vi borde gå dit allihop och slänga ut politikerna ur kommunhuset.",
    "Stoppa vindkraften! Skär av kablarna till snurrorna i natt, ingen märker något.",
    "Kasta ägg och sten på kommunalrådets bil när han kommer till mötet, sprid!",
    "Ta er in på äldreboendets förråd i natt och ta det ni behöver, försäkringen betalar.",
    "Om alla vägrar betala fiberavgiften samtidigt kan kommunen inte göra något. Dela!",
    "Ni som har traktorer i Nås: ställ dem tvärs över 26:an på måndag morgon så att inga timmerbilar kommer fram. Polisen hinner aldrig dit.",
    "Nu får det vara nog. Alla som kan ta sig till kommunhuset i kväll, se till att ingen politiker kommer därifrån förrän de rivit upp beslutet.",
    "Jag säger bara det: vindkraftverken på Granberget har lättantändliga maskinhus. En flaska bensin räcker. Gör med det vad ni vill.",
    "Lärarna ska strejka olagligt, och vi föräldrar ska hålla barnen hemma hela veckan och strunta i skolplikten. Sprid till alla föräldrar.",
    "Sätt upp lappar med socialsekreterarnas hemadresser på anslagstavlan vid Konsum, så får de känna hur det är.",
]

NEGATIVE: list[str] = [
    "Alla borde komma till fullmäktige och säga vad de tycker.",
    "Skriv på namninsamlingen mot nedläggningen av skolan!",
    "Rösta bort dem i valet!",
    "Demonstration på torget lördag kl 12, ta med plakat.",
    "Kom och hjälp till att riva den gamla ladan på hembygdsgården.",
    "Förstör inte naturen vid Vanån, ta med skräpet hem.",
    "Alla borde mejla kommunalrådet och kräva att skolan blir kvar.",
    "Låt oss samlas på torget och visa vad vi tycker, fredligt.",
    "Vi borde riva gamla bensinmacken och bygga en lekplats.",
    "Vi måste stoppa nedläggningen av vårdcentralen!",
    "Bränn inte sopor i trädgården, det är förbjudet.",
    "Alla borde skriva till kommunalrådet om nedläggningen, sprid!",
    "Kom till manifestationen vid kommunhuset på lördag, ta med plakat.",
    "Vi behöver bygga en ny bro vid 71:an, den gamla är i dåligt skick.",
    "Ni som har traktorer i Nås får gärna hjälpa till att dra loss bilar som fastnat i snön.",
    "Alla som kan ta sig till kommunhuset i kväll är välkomna till medborgardialogen om skolan.",
    "Lärarna strejkar lagligt på måndag, facket har varslat.",
]
