"""insult: a degrading attack on an identifiable person (kränkande innehåll).

Phrasings written from the flag rule in tests/data/README.md, never from the labelled set:
POSITIVE must raise the flag, NEGATIVE (the tempting innocent use of the same words) must not.
"""

REQUIREMENTS = "RULE-3, BBS-4"

POSITIVE: list[str] = [
    "Du är en patetisk liten människa, Göran.",
    "Kommunalrådet är en fet gris som bara tänker på sig själv.",
    "Hon på kommunen är en dum jävla kossa.",
    "Din idiot, lär dig köra plogbil!",
    "Handläggaren är en jävla hora.",
    "Rektorn är en hjärndöd pajas.",
    "Den där nya rektorn är en inkompetent jävla kärring som borde sparkas på dagen.",
    "Läs på innan du skriver, din korkade jävel.",
    "Politikerna i Vansbro är ett gäng lata parasiter som suger ut oss skattebetalare.",
    "Idioterna på tekniska förvaltningen har glömt vår gata igen.",
    "Kärringen i receptionen borde byta jobb.",
    "Han är helt dum i rövn, den nya vaktmästaren.",
]

NEGATIVE: list[str] = [
    "Vilken dum idé att lägga ner skolan.",
    "Kommunalrådet har misskött budgeten och borde avgå.",
    "Den nya rektorn borde lyssna mer på föräldrarna.",
    "Politikerna i Vansbro har fattat ett dåligt beslut om skolan.",
    "Han kallade mig idioten på mötet och jag har anmält det.",
    "Finns det en lekplats anpassad för barn med CP i Vansbro?",
]
