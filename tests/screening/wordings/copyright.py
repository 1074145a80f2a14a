"""copyright: obvious piracy.

Phrasings written from the flag rule in tests/data/README.md, never from the labelled set:
POSITIVE must raise the flag, NEGATIVE (the tempting innocent use of the same words) must not.
"""

REQUIREMENTS = "BBS-4, RULE-6"

POSITIVE: list[str] = [
    "Laddar ner alla nya filmer gratis från en rysk sajt, skicka pm så får du länken.",
    "Har hela Harry Potter som ljudböcker i mp3, gratis till den som vill.",
    "Streama allsvenskan gratis här: www.sportstream-free.net",
    "IPTV 15000 kanaler, 99 kr/mån, allt ingår.",
    "Någon som har en torrent till nya Bamse-filmen?",
    "Jag har lagt upp kursboken i matte som pdf i klassens drive, gratis för alla.",
    "Kolla in piratebay, där finns allt gratis.",
    "Fixar Viaplay och HBO utan att betala, hör av dig.",
    "Nya albumet läckte igår, har det i flac om någon vill ha.",
    "Crackad Sims 4 med alla expansioner, länk i dm.",
    "Se nya säsongen gratis innan den har premiär, länk här.",
    "Säljer USB-stickor med 500 nedladdade filmer, 300 kr st.",
    "Vem vill ha en kopia av nya Fifa? Bränner skivor för 50 kr.",
    "Olagliga streams av Champions League, länk i bio.",
    "Kopierar kurslitteraturen åt hela klassen, 100 kr per bok.",
    "Har du inte råd med Spotify? Ladda ner modded APK här.",
    "Netflix-konto för 20 kr i månaden, delar med 10 pers.",
    "Jag har alla Harry Potter-filmerna på en disk, delar gärna länken gratis.",
    "Har nya Avatar på en USB, rippad från bion, 50 kr så är den din.",
    "Ladda ner hela Beatles-samlingen gratis via min torrent.",
    "Skannat hela mattematikboken för gymnasiet, pdf:en finns i min profil.",
    "Crack till Office 2021 finns i kommentarerna.",
    "Jag fixar alla Viaplay-kanaler på din tv för 200 kr/år, ingen bindningstid, skriv privat.",
    "Har laddat ner hela Disney-katalogen, delar gärna via min Plex om ni betalar 50 kr i månaden.",
    "Har ett program som tar bort kopieringsskyddet på ljudböckerna, alla i mp3, gratis till den som vill.",
    "KMSpico aktiverar Windows på en minut, ladda ner från länken i min profil.",
    "Alla ROMs till gamla Nintendo i ett enda paket, länk i min kanal.",
    "Photoshop nulled, helt gratis, länk i min profil.",
    "Windows 11 med KMS activator, skickar licensnycklar gratis till alla som vill.",
    "Nya säsongen finns som webrip, fri nedladdning via länken nedan.",
    "Hela boken som pdf, skickar gratis till den som vill ha kurslitteraturen.",
    "Popcorn time funkar fortfarande, alla filmer gratis.",
    "Säljer jailbreakad firestick med alla betalkanaler, 600 kr, kontakta mig.",
]

NEGATIVE: list[str] = [
    "Biblioteket har gratis filmer via Cineasterna med ditt lånekort.",
    "Hur får föreningen visa en film offentligt? Behöver vi licens?",
    "Ladda ner kommunens app för att anmäla fel på gatubelysningen.",
    "Streama fullmäktige live på kommunens hemsida.",
    "Gratis utomhusbio i Folkparken på lördag.",
    "Biblioteket har Legimus för den som har läsnedsättning.",
    "Kan kommunen visa VM-matcherna på torget? Vem har rättigheterna?",
    "Jag har köpt alla Harry Potter-böckerna, kan låna ut till grannarna.",
    "Var kan man köpa Office billigt till föreningens dator?",
    "Jag har kopierat protokollet från mötet och lagt upp det på föreningens sida.",
    "Biblioteket lånar ut filmer gratis på DVD.",
    "Vi har köpt Viaplay via Telia, funkar bra.",
    "Biblioteket lånar ut e-böcker gratis till alla med lånekort.",
    "Filmen visas gratis i Folkets hus på lördag.",
    "Kan kommunen köpa in fler licenser till skolans datorer?",
]
