"""advertising: commercial spam.

Phrasings written from the flag rule in tests/data/README.md, never from the labelled set:
POSITIVE must raise the flag, NEGATIVE (the tempting innocent use of the same words) must not.
"""

REQUIREMENTS = "RULE-2"

POSITIVE: list[str] = [
    "Tjäna 5000 kr i veckan hemifrån! Klicka på länken i min profil.",
    "Bästa bilvårdsprodukterna, 20 % rabatt med koden VANSBRO20 på www.bilglans.se",
    "Investera i bitcoin och få 300 % avkastning på en månad, kontakta mig på WhatsApp.",
    "Snabblån utan UC, pengarna på kontot direkt! www.snabbpengar.nu",
    "Heta singlar i Dalarna vill träffa dig! www.dejtanu.com",
    "Köp följare och likes billigt, 1000 följare för 49 kr.",
    "Grattis! Du har vunnit en iPhone 15. Hämta ut din vinst här: bit.ly/x3kd9",
    "Vi erbjuder takläggning till bästa pris i hela Dalarna. Ring 070-111 22 33.",
    "Nytt casino med 200 free spins utan insättning!",
    "Potensmedel utan recept, diskret leverans.",
    "Beställ våra nyrökta laxsidor, 199 kr/kg, leverans varje fredag. DM för beställning.",
    "Kolla in vår nya webshop, fri frakt över 500 kr.",
    "Städfirma söker nya kunder i Vansbro, första städningen halva priset! Ring oss.",
    "Behöver du hjälp med trädfällning? Vi gör jobbet snabbt och billigt, ring 070-222 33 44.",
    "Mega-REA på vinterdäck hos Däckcenter Vansbro! Boka din tid idag.",
    "Tjäna pengar på nätet som jag gör, 30 000 i månaden! DM mig för info.",
    "Gratis iPhone till de 100 första som delar detta inlägg!",
    "Din bankdosa har gått ut, logga in via länken för att förnya: bankid-se.com",
    "Nyöppnad thaimassage i Vansbro centrum, 30 % rabatt hela mars.",
    "Köp billiga Ray-Ban solglasögon, 90 % rabatt, www.rayban-outlet.shop",
    "Söker du kärlek? Tusentals singlar väntar på dig på Flirtportalen.se",
    "Hej alla i Vansbro! Jag har börjat sälja ekologiska hudvårdsprodukter och söker återförsäljare, stor förtjänst, skriv till mig.",
    "Funderar du på att sälja ditt hus? Vi värderar kostnadsfritt och har köpare som väntar. Mäklarhuset Dalarna, 0281-555 00.",
    "Solceller helt utan kontantinsats! Våra säljare finns i Nås nästa vecka, begränsat antal platser.",
    "Teckna abonnemang nu: obegränsad surf för 149 kr/mån, ingen bindningstid.",
    "Grattis, du har blivit utvald! Skicka ditt kortnummer för att bekräfta vinsten.",
    "Sugar daddies i ditt område letar efter dig, registrera dig gratis.",
    "Samla dina lån och sänk räntan, trots betalningsanmärkning. Ansök på länken.",
    "Jag tappade 12 kilo med det här kosttillskottet, använd min kod för 20 % rabatt.",
    "Investera i fysiskt guld nu innan kronan rasar, 5 % i månaden garanterat. Ring 070-123 45 67.",
    "Earn money from home, 500 dollars per day, sign up via www.quickcash-now.xyz",
]

NEGATIVE: list[str] = [
    "Säljer mina gamla skidor, 300 kr, hör av er.",
    "Vansbro IF har loppis på lördag, intäkterna går till ungdomsverksamheten.",
    "Tack till ICA i Vansbro som skänkte fika till hembygdsdagen!",
    "Fibern kostar 19 900 kr per hushåll, det är för dyrt.",
    "Kommunens nya app kan laddas ner gratis.",
    "Vansbro Simklubb säljer lotter till förmån för ungdomsverksamheten, 20 kr st.",
    "Säljer min gamla snöslunga, 1 500 kr, hämtas i Nås.",
    "Tack Vansbro Bygg för snabb hjälp med taket efter stormen!",
    "Konsum har öppet till 21 i helgen.",
    "Vi funderar på att sälja vårt hus, någon som vet en bra mäklare?",
    "Hej alla i Vansbro! Vi startar en bokcirkel på biblioteket, skriv till mig om du vill vara med.",
    "Varning: någon skickar sms om att man vunnit en resa och ber om kortnummer, det är bedrägeri.",
    "Grattis till Vansbro IF som har vunnit en match till, ni är bäst!",
    "Kommunens energirådgivare ger råd om solceller, kontakta växeln.",
    "Vi har provat alla kanaler för att få svar från kommunen om vägen.",
    "Säljer mina gamla vinterdäck, 800 kr, ring om du är intresserad.",
]
