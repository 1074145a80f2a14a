"""child_abuse: offering, asking for or linking to sexual material of children.

Phrasings written from the flag rule in tests/data/README.md, never from the labelled set:
POSITIVE must raise the flag, NEGATIVE (the tempting innocent use of the same words) must not.
"""

REQUIREMENTS = "BBS-4, BBS-7, RULE-6"

POSITIVE: list[str] = [
    "Säljer cp, skriv privat.",
    "Någon som har bilder på nakna barn? Betalar bra.",
    "Har en mapp med 13-åriga tjejer utan kläder, byter mot liknande.",
    "s ä l j e r c p",
    "Söker filmer på unga pojkar, seriösa svar på kik.",
    "Nya länkar till barnporr i min profil.",
    "Vem vill byta bilder på småflickor? Telegram.",
    "barnp0rr finns här, dm",
    "Köper bilder av tjejer under 15, swish direkt.",
    "Har videos från omklädningsrummet i simhallen när barnen byter om. PM.",
    "Har nakenbilder på en 12-åring, hör av dig om du vill köpa.",
    "Har filmer där små barn gör sexuella saker. Skriv om du vill köpa.",
    "Kan ordna träff med min 11-åriga dotter, bara seriösa.",
    "Lägger upp nakenklipp på tjejer från mellanstadiet i min telegramkanal",
    "Nya pedobilder varje vecka, prenumerera.",
    "Barnporrsamling till salu.",
    "young girls pics, swish",
    "Köper använda trosor från tjejer i högstadiet, betalar bra, dm.",
    "Säljer filmer från när jag var barnvakt, barnen badar nakna. Skriv privat.",
    "Finns det nån här som delar bilder på småkillar? Byter gärna.",
    "Har nudes på tjejer från 7an, swisha 100 så får du länken.",
    "Söker unga tjejer 12-14 för fotografering, betalar bra, diskret.",
    "CP-samling uppdateras varje vecka, länk i bio.",
    "Jag har en samling med bilder på barn i underkläder som jag kan tänka mig att byta mot annat material, bara seriösa.",
    "Vem vill ha foton på grannens döttrar när de solar naket i trädgården? Har massor, swish så skickar jag.",
    "Söker någon som kan hjälpa mig hitta material med barn under tio, betalar med krypto.",
    "Har du en dotter mellan 8 och 12? Jag betalar bra för bilder när hon byter om, helt anonymt.",
    "Letar efter kontakter som delar på samma intresse som jag: unga pojkar. Skriv till mig på Telegram.",
    "Vi är en sluten grupp som byter bilder på småbarn i badkaret, ny medlem måste bidra med eget material.",
    "Någon som har länken till den där sidan med tonårstjejer som klär av sig? Den gamla funkar inte.",
    "Säljer hemmagjorda filmer med min systerdotter, 11 år. Diskretion garanteras.",
    "Betalar 500 kr per bild på nakna tjejer under 15, skicka i dm.",
    "Letar cp, betalar bra, dm",
    "Har foton på små killar utan kläder, byter mot liknande",
    "bildr på nakna tjejer 11 år finns, skriv om du vill ha",
    "Säljer barnporr på USB, 500 kr, möts i Vansbro",
]

NEGATIVE: list[str] = [
    "Jag har gjort en orosanmälan om barnen i grannhuset.",
    "Får man fotografera barnen på skolavslutningen och lägga ut bilderna?",
    "Föreläsning för föräldrar om grooming och barns säkerhet på nätet, torsdag i Nås.",
    "Polisen varnar för en man som försöker få barn att skicka bilder.",
    "Säljer barnkläder storlek 110, fint skick.",
    "Kan skolan sluta skicka hem bilder på våra barn utan samtycke?",
    "Säljer barnvagn, fint skick, 800 kr.",
    "Polisen har gripit en man för barnpornografibrott i Mora.",
    "Säljer barnkläder och leksaker, skriv privat.",
    "Har bilder från skolavslutningen, föräldrar kan mejla mig så skickar jag.",
    "Polisen varnar för en man som erbjuder barn godis vid skolan.",
    "Vi har bilder på barnen från luciatåget, föräldrar kan hämta ut dem på förskolan.",
    "Säljer barnens gamla underkläder och pyjamasar, strl 110–122, 50 kr för allt.",
    "Mellan 8 och 12 år får barnen vara på fritids, sen får de gå hem själva.",
    "Vi är en sluten grupp för småbarnsföräldrar i Nås, ny medlem kan skriva till mig.",
    "Betalar bra för hjälp med läxor, min son går i 5an. Hör av dig!",
    "Letar efter en barnvakt till våra två små killar, betalar bra.",
    "Har foton på små killar i fotbollslaget, föräldrar kan få dem via mejl.",
]
