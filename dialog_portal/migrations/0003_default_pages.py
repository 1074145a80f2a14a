"""The staff-editable pages with their first texts: the brief's rules ("Känslig information",
removal rules), the accessibility statement (DOS-3), the privacy notice (GDPR-1) and the
social-media page (RULE-9). Staff edit them in the admin afterwards."""

from django.db import migrations

RULES_SV = """
<p>Vansbro kommun står bakom den här portalen. Allt du skriver granskas innan det publiceras. Det visas med det namn du själv väljer, aldrig med din e-postadress.</p>
<h2>Känslig information</h2>
<p>Lägg inte ut känslig information, till exempel personuppgifter eller känsliga frågor (sekretess), här eller i våra sociala medier. Vi rekommenderar telefon eller brev för sådana ärenden: ring 0281-750 00 eller skriv till Vansbro kommun, Box 800, 780 50 Vansbro.</p>
<p>Tänk på att inte lägga ut reklam, kränka någon eller lägga ut foton eller filmklipp på personer utan att de vet om det och tycker att det är okej. När det gäller barn under 15 år ska du fråga vårdnadshavaren innan. Om du hittar ett foto eller filmklipp på dig själv som du vill att vi tar bort så hör du av dig till oss, eller använder knappen ”Det här är jag – ta bort bilden” vid bilden.</p>
<h2>Det här tar vi bort</h2>
<p>Vi tar bort kränkande innehåll från portalen. Vi tar bort och polisanmäler brottsligt material, till exempel olaga hot, hets mot folkgrupp, barnpornografi, uppvigling, olaga våldsskildring och intrång i upphovsrätt. Om du upptäcker sådant innehåll kan du anmäla det till oss med knappen ”Anmäl” vid varje inlägg.</p>
<p>Att vi tar bort något från portalen betyder att det inte längre visas. Inlägget finns kvar hos kommunen som allmän handling.</p>
<h2>Diarieföring</h2>
<p>Synpunkter som vi får in och som inte bedöms vara av ringa betydelse registreras och blir en allmän handling som omfattas av offentlighetsprincipen. Det gäller även inlägg som aldrig publiceras. Om någon begär att få se en allmän handling är vi som myndighet skyldiga att efter sekretessprövning, skyndsamt och i läsbar form, lämna ut den.</p>
"""

RULES_EN = """
<p>Vansbro kommun provides this portal. Everything you write is reviewed before it is published. It is shown under the name you choose, never with your e-mail address.</p>
<h2>Sensitive information</h2>
<p>Do not post sensitive information, for example personal data or confidential matters (secrecy), here or on our social media. We recommend telephone or letter for such matters: call +46 281 750 00 or write to Vansbro kommun, Box 800, SE-780 50 Vansbro.</p>
<p>Do not post advertising, offend anyone, or post photos or video clips of people without them knowing and agreeing. For children under 15, ask the guardian first. If you find a photo or video clip of yourself that you want us to remove, contact us, or use the button "This is me – remove the photo" next to the photo.</p>
<h2>What we remove</h2>
<p>We remove offensive content from the portal. We remove criminal material and report it to the police, for example unlawful threats, agitation against a population group, child sexual abuse material, incitement, unlawful depictions of violence and copyright infringement. If you find such content, you can report it to us with the "Report" button next to every post.</p>
<p>Removing something from the portal means it is no longer shown. The post is kept by the municipality as an official document.</p>
<h2>Registration</h2>
<p>Views we receive that are not of minor importance are registered and become official documents covered by the principle of public access, also posts that are never published. If someone asks to see an official document, we as an authority must release it, after a confidentiality review, promptly and in readable form.</p>
"""

A11Y_SV = """
<p>Vansbro kommun står bakom tjänsten Medborgardialog (den här webbplatsen). Vi vill att så många som möjligt ska kunna använda den. Den här tillgänglighetsredogörelsen beskriver hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>
<h2>Innehåll som inte är tillgängligt</h2>
<ul>
<li>Bilder som invånare laddar upp kan sakna en beskrivande text. Vi ber om en bildbeskrivning vid uppladdning, men kan inte alltid kontrollera att den beskriver bilden.</li>
<li>Delar av personalens administrationsgränssnitt (Django admin) har inte granskats fullt ut mot WCAG 2.1 nivå AA.</li>
</ul>
<h2>Innehåll som inte omfattas av lagen</h2>
<p>Inlägg, frågor och bilder som invånare själva skriver eller laddar upp är innehåll från tredje part som kommunen inte har tagit fram (9 § i lagen). Vi granskar dem innan publicering, men inte deras tillgänglighet.</p>
<h2>Oskäligt betungande anpassning</h2>
<p>Vi gör inga undantag med hänvisning till att en anpassning skulle vara oskäligt betungande (12 §).</p>
<h2>Hur vi testat webbplatsen</h2>
<p>Vi har gjort en självskattning (intern testning) av webbplatsen. Varje sida testas automatiskt med verktyget axe-core mot WCAG 2.1 nivå A och AA i en riktig webbläsare, och manuellt med enbart tangentbord, med 400 % förstoring och med en bredd på 320 pixlar.</p>
<p>Bedömningen gjordes den 25 november 2026. Redogörelsen uppdaterades senast den 25 november 2026.</p>
<h2>Återkoppling och kontaktuppgifter</h2>
<p>Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i en tillgänglig form, kontakta oss: ring 0281-750 00, mejla kommun@vansbro.se eller skriv till Vansbro kommun, Box 800, 780 50 Vansbro. Varje sådan rapport blir en allmän handling som vi registrerar.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">kontakta DIGG och påtala det</a>.</p>
"""

A11Y_EN = """
<p>Vansbro kommun provides the service Medborgardialog (this website). We want as many people as possible to be able to use it. This accessibility statement describes how the website complies with the Swedish Act on accessibility to digital public services (2018:1937), known accessibility problems, and how you can report problems to us so that we can fix them.</p>
<h2>Compliance status</h2>
<p>This website is partially compliant with the Act, due to the shortcomings described below.</p>
<h2>Non-accessible content</h2>
<ul>
<li>Images uploaded by residents may lack a descriptive text. We ask for a description when uploading, but cannot always check that it describes the image.</li>
<li>Parts of the staff administration interface (Django admin) have not been fully reviewed against WCAG 2.1 level AA.</li>
</ul>
<h2>Content outside the scope of the Act</h2>
<p>Posts, questions and images written or uploaded by residents are third-party content not produced by the municipality (section 9 of the Act). We review them before publication, but not their accessibility.</p>
<h2>Disproportionate burden</h2>
<p>We make no exceptions on the ground of disproportionate burden (section 12).</p>
<h2>How we tested the website</h2>
<p>We carried out a self-assessment (internal testing). Every page is tested automatically with axe-core against WCAG 2.1 level A and AA in a real browser, and manually with a keyboard only, at 400 % zoom and at a width of 320 pixels.</p>
<p>The assessment was made on 25 November 2026. The statement was last updated on 25 November 2026.</p>
<h2>Feedback and contact information</h2>
<p>If you find problems not described here, or need content in an accessible form, contact us: call +46 281 750 00, e-mail kommun@vansbro.se or write to Vansbro kommun, Box 800, SE-780 50 Vansbro. Each such report becomes an official document that we register.</p>
<h2>Enforcement</h2>
<p>The Agency for Digital Government (DIGG) supervises the Act. If you are not satisfied with how we handle your feedback, you can <a href="https://www.digg.se/tdosanmalan">contact DIGG</a>.</p>
"""

PRIVACY_SV = """
<p>Vansbro kommun (kommunstyrelsen) är personuppgiftsansvarig för portalen Medborgardialog.</p>
<h2>Varför vi behandlar dina uppgifter</h2>
<p>Vi behandlar personuppgifter för att utföra kommunens uppgifter av allmänt intresse och som ett led i myndighetsutövning: att föra dialog med invånarna, besvara frågor och synpunkter och hantera allmänna handlingar (artikel 6.1 e i dataskyddsförordningen). Vi stöder ingen behandling på intresseavvägning.</p>
<h2>Vad som publiceras</h2>
<p>Vi publicerar bara texten i ditt inlägg och det visningsnamn du själv väljer. E-postadresser, telefonnummer, adresser och personnummer publiceras aldrig.</p>
<h2>Allmänna handlingar</h2>
<p>Det du skickar in blir en allmän handling. Den sparas och gallras enligt kommunens dokumenthanteringsplan, även om du tar bort ditt konto. Du kan begära att ett inlägg tas bort från publicering.</p>
<h2>Dina rättigheter</h2>
<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få felaktiga uppgifter rättade och att klaga hos Integritetsskyddsmyndigheten (IMY). Kontakta kommunens dataskyddsombud via kommun@vansbro.se.</p>
"""

PRIVACY_EN = """
<p>Vansbro kommun (the executive board) is the controller for the Medborgardialog portal.</p>
<h2>Why we process your data</h2>
<p>We process personal data to perform the municipality's tasks in the public interest and in the exercise of official authority: talking with residents, answering questions and views, and handling official documents (Article 6(1)(e) GDPR). No processing rests on legitimate interests.</p>
<h2>What is published</h2>
<p>We publish only the text of your post and the display name you choose. E-mail addresses, phone numbers, addresses and identity numbers are never published.</p>
<h2>Official documents</h2>
<p>What you send becomes an official document. It is kept and disposed of under the municipality's records management plan, even if you delete your account. You can ask for a post to be taken off public view.</p>
<h2>Your rights</h2>
<p>You have the right to know what data we hold about you, to have wrong data corrected, and to complain to the Swedish Authority for Privacy Protection (IMY). Contact the municipality's data protection officer at kommun@vansbro.se.</p>
"""

SOCIAL_SV = """
<p>Vansbro kommun finns representerad i sociala medier. De specifika målgrupperna kan skilja sig åt, men syftet är alltid detsamma: att öka tillgängligheten och dialogen mellan kommunen, er som bor här och andra intressenter.</p>
<p>Samma regler gäller i våra sociala medier som här i portalen: läs <a href="/regler/">reglerna för inlägg och sociala medier</a>.</p>
"""

SOCIAL_EN = """
<p>Vansbro kommun is present on social media. The target groups may differ, but the purpose is always the same: to increase accessibility and the dialogue between the municipality, you who live here and other stakeholders.</p>
<p>The same rules apply on our social media as on this portal: read the <a href="/regler/">rules for contributions and social media</a>.</p>
"""

PAGES = [
    ("regler", "Regler för inlägg och sociala medier", RULES_SV, "Rules for contributions and social media", RULES_EN),
    ("tillganglighet", "Tillgänglighetsredogörelse för Medborgardialog, Vansbro kommun", A11Y_SV, "Accessibility statement for Medborgardialog, Vansbro kommun", A11Y_EN),
    ("integritet", "Så behandlar vi dina personuppgifter", PRIVACY_SV, "How we process your personal data", PRIVACY_EN),
    ("sociala-medier", "Vansbro kommun i sociala medier", SOCIAL_SV, "Vansbro kommun on social media", SOCIAL_EN),
]



def create_pages(apps, schema_editor):
    Page = apps.get_model("dialog_portal", "Page")
    for slug, title_sv, body_sv, title_en, body_en in PAGES:
        Page.objects.get_or_create(
            slug=slug,
            defaults={"title_sv": title_sv, "body_sv": body_sv.strip(), "title_en": title_en, "body_en": body_en.strip()},
        )


class Migration(migrations.Migration):
    dependencies = [("dialog_portal", "0002_staff_groups")]
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
