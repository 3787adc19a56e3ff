"""The dashboard's pages: overview, inventory, deletions, policy and import."""

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ dashboard (UI)
    "app.title": ("AVG-toezicht", "GDPR monitor"),
    "nav.status": ("Stand van zaken", "Status"),
    "nav.rules": ("Regels", "Rules"),
    "nav.data": ("Gegevens", "Data"),
    "page.overzicht": ("Overzicht", "Overview"),
    "page.inventaris": ("Inventaris", "Inventory"),
    "page.verwijderingen": ("Verwijderingen", "Deletions"),
    "page.beleid": ("Beleid", "Policy"),
    "page.importeren": ("Importeren", "Import"),
    "page.guide": ("Zo werkt het", "How it works"),
    "import.to_overview": ("Naar het overzicht", "To the overview"),
    "import.history_download": ("Alle imports downloaden (CSV)", "Download every import (CSV)"),
    "import.history_file": ("imports", "imports"),
    "import.uploader_button": ("Bestanden kiezen", "Choose files"),
    "import.uploader_limit": (
        "of sleep ze hierheen · tot {mb} MB per bestand",
        "or drop them here · up to {mb} MB per file",
    ),
    "nav.help": ("Hulp", "Help"),
    "language.nl": ("Nederlands", "Nederlands"),
    "language.en": ("English", "English"),
    "yes": ("ja", "yes"),
    "sidebar.as_of": ("Peildatum", "As-of date"),
    "sidebar.as_of_help": (
        "De dag waarop alles wordt beoordeeld. Standaard vandaag.",
        "The day everything is judged on. Today by default.",
    ),
    "sidebar.as_of_note": (
        "De peildatum is de dag waarop termijnen worden beoordeeld: wat op die dag te laat "
        "is of binnenkort moet. Kies een andere datum om terug of vooruit te kijken.",
        "The as-of date is the day deadlines are judged on: what is late on that day or due "
        "soon. Pick another date to look back or ahead.",
    ),
    "sidebar.language": ("Taal", "Language"),
    "sidebar.database": ("Database: {name}", "Database: {name}"),
    "sidebar.last_import": ("Laatste import: {when}", "Last import: {when}"),
    "sidebar.no_import": ("Nog geen import", "No import yet"),
    "error.busy": ("De database is even bezet.", "The database is busy."),
    "error.store": ("De database kan niet worden gebruikt.", "The database cannot be used."),
    "error.policy": (
        "Het beleidsbestand (policy.toml in de map data) klopt niet.",
        "The policy file (policy.toml in the data folder) is not right.",
    ),
    # statuses the UI adds
    "status.kept": ("bewaard zolang klant", "kept while client"),
    # empty database
    "empty.title": (
        "Er staan nog geen gegevens in de database.",
        "The database holds no data yet.",
    ),
    "empty.short": (
        "Er staan nog geen gegevens in de database: importeer eerst exports.",
        "The database holds no data yet: import exports first.",
    ),
    "empty.how": (
        "Zo komen de gegevens erin:\n\n"
        "1. Maak exports van de relaties en facturen in e-boekhouden.nl of SnelStart "
        "(zie **Importeren** voor welke bestanden).\n"
        "2. Sleep de bestanden op de pagina **Importeren**, of gebruik "
        "`python -m compliance import BESTAND …`.\n"
        "3. Schriftelijke verzoeken per post legt u vast met "
        "`python -m compliance request add`.\n\n"
        "Eerst rondkijken? Laad de voorbeeldgegevens (verzonnen personen).",
        "How the data gets in:\n\n"
        "1. Export the relations and invoices from e-boekhouden.nl or SnelStart "
        "(see **Import** for which files).\n"
        "2. Drop the files on the **Import** page, or use "
        "`python -m compliance import FILE …`.\n"
        "3. Record written requests received by post with "
        "`python -m compliance request add`.\n\n"
        "Want to look around first? Load the sample data (made-up people).",
    ),
    "empty.load_samples": ("Voorbeeldgegevens laden", "Load sample data"),
    "empty.loading": ("Voorbeeldgegevens worden geladen…", "Loading sample data…"),
    "empty.samples_loaded": (
        "Voorbeeldgegevens geladen ({n} bestanden).",
        "Sample data loaded ({n} files).",
    ),
    "empty.samples_failed": (
        "De voorbeeldgegevens konden niet worden geladen.",
        "The sample data could not be loaded.",
    ),
    # overview
    "overview.all_well": (
        "Alles op orde: niets te laat, geen verzoeken die deze week af moeten, geen bevindingen.",
        "All in order: nothing late, no requests due this week, no findings.",
    ),
    "overview.attention.one": (
        "**1 zaak vraagt aandacht:** {parts}.",
        "**1 matter needs attention:** {parts}.",
    ),
    "overview.attention.many": (
        "**{n} zaken vragen aandacht:** {parts}.",
        "**{n} matters need attention:** {parts}.",
    ),
    "overview.part_overdue.one": ("{n} verwijdering te laat", "{n} deletion overdue"),
    "overview.part_overdue.many": ("{n} verwijderingen te laat", "{n} deletions overdue"),
    "overview.part_requests.one": (
        "{n} verzoek dat haast heeft",
        "{n} urgent request",
    ),
    "overview.part_requests.many": (
        "{n} verzoeken die haast hebben",
        "{n} urgent requests",
    ),
    "overview.part_findings.one": ("{n} andere bevinding", "{n} other finding"),
    "overview.part_findings.many": ("{n} andere bevindingen", "{n} other findings"),
    "overview.longest_overdue": ("langst te laat: {n} dagen", "longest overdue: {n} days"),
    "overview.none_overdue": ("niets te laat", "nothing overdue"),
    "overview.next_due": ("eerstvolgende: {date}", "next: {date}"),
    "overview.none_soon": ("niets de komende 30 dagen", "nothing in the next 30 days"),
    "overview.requests_help": (
        "Open verzoeken waarvan de termijn binnen 5 werkdagen na de peildatum afloopt, of al "
        "verstreken is.",
        "Open requests whose deadline falls within 5 working days after the as-of date, or has "
        "already passed.",
    ),
    "overview.dormant_help": (
        "Klanten zonder opzegging die al {months} maanden geen factuur kregen: bevestig hun "
        "status.",
        "Clients without a termination who had no invoice for {months} months: confirm their "
        "status.",
    ),
    "overview.as_of": (
        "Stand op peildatum {date}. Hieronder staat wat er speelt en waar u het vindt.",
        "Status on the as-of date {date}. Below: what is going on and where to find it.",
    ),
    "overview.overdue_deletions": ("Verwijderingen te laat", "Deletions overdue"),
    "overview.soon_deletions": ("Verwijderen binnen 30 dagen", "To delete within 30 days"),
    "overview.requests_soon": ("Verzoeken die haast hebben", "Urgent requests"),
    "overview.requests_split": (
        "{late} al te laat · {soon} binnen 5 werkdagen",
        "{late} already late · {soon} within 5 working days",
    ),
    "overview.findings": ("Andere bevindingen", "Other findings"),
    "overview.findings_help": (
        "Wat er verder mis is, per persoon en soort geteld: een oud-klant met vier IP-adressen "
        "is één bevinding van vier punten. Te late verzoeken tellen bij de verzoeken.",
        "What else is wrong, counted per person and kind: a former client with four IP "
        "addresses is one finding of four items. Late requests count with the requests.",
    ),
    "overview.findings_split": ("{severities}; samen {items}", "{severities}; {items} in all"),
    "overview.items.one": ("{n} punt", "{n} item"),
    "overview.items.many": ("{n} punten", "{n} items"),
    "overview.findings_requests_note": (
        "Te late verzoeken staan hieronder bij de verzoeken.",
        "Late requests are listed below with the requests.",
    ),
    "overview.view": ("Bekijken", "View"),
    "overview.to_requests": (
        "[Naar de verzoeken ↓](#verzoeken)",
        "[To the requests ↓](#verzoeken)",
    ),
    "overview.to_findings": (
        "[Naar de bevindingen ↓](#bevindingen)",
        "[To the findings ↓](#bevindingen)",
    ),
    "overview.findings_title": ("Bevindingen", "Findings"),
    "overview.no_findings": ("Geen bevindingen.", "No findings."),
    "overview.subjects_title": ("Betrokkenen", "Data subjects"),
    "overview.clients": ("Klanten", "Clients"),
    "overview.former_clients": ("Oud-klanten", "Former clients"),
    "overview.prospects": ("Geïnteresseerden", "Prospects"),
    "overview.dormant": ("Slapende klanten", "Dormant clients"),
    "overview.to_inventory": ("Naar de inventaris", "To the inventory"),
    "overview.requests_title": ("Openstaande verzoeken", "Open requests"),
    "overview.no_requests": ("Geen openstaande verzoeken.", "No open requests."),
    "overview.requests_note": (
        "Verzoeken per e-mail komen uit de mailbox-export; een brief legt u vast op de pagina "
        "Verzoeken.",
        "Requests by e-mail come from the mailbox export; record a letter on the Requests page.",
    ),
    "overview.to_review.one": ("**1 e-mail te beoordelen**", "**1 e-mail to review**"),
    "overview.to_review.many": ("**{n} e-mails te beoordelen**", "**{n} e-mails to review**"),
    "overview.to_review_note": (
        "Mogelijke verzoeken waarover u nog moet beslissen. Tot dan tellen ze gewoon mee bij de "
        "verzoeken, met de kortste termijn die ze kunnen hebben; dit getal komt daar niet "
        "bovenop.",
        "Possible requests you still have to decide on. Until then they count among the "
        "requests, with the shortest deadline they could have; this number is not added on "
        "top.",
    ),
    "overview.to_review_link": ("Beoordelen op Verzoeken", "Review on Requests"),
    "overview.imports_title": ("Gebaseerd op deze imports", "Based on these imports"),
    # columns
    "col.name": ("Naam", "Name"),
    "col.category": ("Categorie", "Category"),
    "col.system": ("Systeem", "System"),
    "col.systems": ("Waar (aantal gegevens)", "Where (number of records)"),
    "col.subjects": ("Betrokkenen", "Data subjects"),
    "col.records": ("Gegevens", "Records"),
    "col.purpose": ("Doel", "Purpose"),
    "col.retention": ("Bewaartermijn", "Retention"),
    "col.status": ("Status", "Status"),
    "col.due": ("Uiterlijk", "Due"),
    "col.days_overdue": ("Te laat", "Late"),
    "col.reason": ("Reden (regel + datum)", "Reason (rule + date)"),
    "col.present": ("Nog aanwezig", "Still present"),
    "col.fields": ("Welke velden", "Which fields"),
    "col.detail": ("Omschrijving", "Description"),
    "col.source_date": ("Datum in de export", "Date in the export"),
    "col.first_seen": ("Eerst geïmporteerd", "First imported"),
    "col.last_seen": ("Laatst geïmporteerd", "Last imported"),
    "col.due_or_deleted": ("Uiterlijk weg / verwijderd op", "Due / deleted on"),
    "col.request_id": ("Nr.", "No."),
    "col.request_type": ("Soort verzoek", "Type of request"),
    "col.from": ("Van", "From"),
    "col.received_on": ("Ontvangen", "Received"),
    "col.respond_by": ("Antwoord uiterlijk", "Answer by"),
    "col.answered_on": ("Beantwoord", "Answered"),
    "col.kind": ("Soort", "Kind"),
    "col.file": ("Bestand", "File"),
    "col.imported_at": ("Geïmporteerd op", "Imported at"),
    "col.rows_read": ("Rijen", "Rows"),
    "col.rows_new": ("Nieuw", "New"),
    "col.rows_changed": ("Gewijzigd", "Changed"),
    "col.rows_unchanged": ("Ongewijzigd", "Unchanged"),
    "col.fingerprint": ("Vingerafdruk (SHA-256)", "Fingerprint (SHA-256)"),
    "col.rows_skipped": ("Overgeslagen", "Skipped"),
    "col.actor": ("Door", "By"),
    "col.marked_at": ("Vastgelegd op", "Recorded at"),
    "col.deleted_on": ("Verwijderd op", "Deleted on"),
    "col.evidence": ("Hoe verwijderd", "How deleted"),
    "col.part": ("Onderdeel", "Part"),
    "col.what": ("Wat", "What"),
    "col.value": ("Waarde", "Value"),
    "col.as_of": ("Peildatum", "As-of date"),
    "col.deadline": ("Termijn", "Deadline"),
    "col.ends_cooperation": ("Beëindigt samenwerking", "Ends cooperation"),
    "col.basis": ("Grondslag", "Legal basis"),
    "col.processor": ("Verwerker", "Processor"),
    "col.country": ("Land", "Country"),
    "col.agreement": ("Verwerkersovereenkomst", "Processing agreement"),
    "col.holiday_date": ("Datum", "Date"),
    "col.holiday_weekday": ("Dag", "Day"),
    "col.holiday_name": ("Feestdag", "Holiday"),
    "col.holiday_note": ("Waarom vrij", "Why closed"),
    "col.formats": ("Bestandsvormen", "File formats"),
    "col.how": ("Zo maakt u de export", "How to export"),
    "col.file_column": ("Kolom in het bestand", "Column in the file"),
    "col.field": ("Gelezen als", "Read as"),
    # inventory and one subject
    "inventory.intro": (
        "Welke persoonsgegevens we bewaren, per categorie uit de privacyverklaring en per "
        "systeem. Alleen gegevens die nog niet als verwijderd zijn gemarkeerd.",
        "Which personal data we hold, per category of the privacy statement and per system. "
        "Only data not yet marked as deleted.",
    ),
    "inventory.filter_status": ("Betrokkenen met status", "Data subjects with status"),
    "inventory.nothing": (
        "Geen gegevens voor deze selectie.",
        "No data for this selection.",
    ),
    "inventory.chart_title": (
        "Gegevens per categorie, per systeem",
        "Records per category, per system",
    ),
    "subject.title": ("Wat we over één persoon bewaren", "What we hold about one person"),
    "subject.intro": (
        "Kies een persoon of bedrijf (typ een naam, e-mailadres of KvK-nummer). Dit overzicht "
        "is ook wat u nodig heeft om een inzageverzoek te beantwoorden.",
        "Pick a person or company (type a name, e-mail address or KvK number). This overview "
        "is also what you need to answer an access request.",
    ),
    "subject.pick": ("Persoon of bedrijf", "Person or company"),
    "subject.placeholder": ("Zoek op naam, e-mail of KvK…", "Search by name, e-mail or KvK…"),
    "subject.why_former": (
        "Oud-klant: de schriftelijke opzegging is ontvangen op {date}. Dat is het einde van "
        "de samenwerking; vanaf die dag lopen de bewaartermijnen.",
        "Former client: the written termination was received on {date}. That is the end of "
        "cooperation; the retention periods run from that day.",
    ),
    "subject.why_client.one": (
        "Klant: 1 factuur, op {last}. Zonder schriftelijke opzegging loopt er geen "
        "verwijdertermijn.",
        "Client: 1 invoice, on {last}. Without a written termination no deletion period runs.",
    ),
    "subject.why_client.many": (
        "Klant: {n} facturen, de laatste op {last}. Zonder schriftelijke opzegging loopt er "
        "geen verwijdertermijn.",
        "Client: {n} invoices, the last on {last}. Without a written termination no deletion "
        "period runs.",
    ),
    "subject.why_assumed": (
        "Telt als klant omdat er nog geen facturen zijn geïmporteerd.",
        "Counts as client because no invoices have been imported yet.",
    ),
    "subject.dormant": (
        "Let op: al {months} maanden of langer geen factuur. Bevestig de status: leg een "
        "opzegging vast of houd de klant aan.",
        "Note: no invoice for {months} months or more. Confirm the status: record a "
        "termination or keep the client.",
    ),
    "subject.why_prospect": (
        "Geïnteresseerde: nooit gefactureerd. Laatste contact op {date}; alle gegevens moeten "
        "{months} maanden daarna weg zijn.",
        "Prospect: never invoiced. Last contact on {date}; all data must be gone {months} "
        "months after that.",
    ),
    "subject.why_prospect_unknown": (
        "Geïnteresseerde: nooit gefactureerd, en de datum van het laatste contact is onbekend.",
        "Prospect: never invoiced, and the date of last contact is unknown.",
    ),
    "subject.end_of_cooperation": ("Einde samenwerking", "End of cooperation"),
    "subject.invoices": ("Facturen", "Invoices"),
    "subject.first_invoice": ("Eerste factuur", "First invoice"),
    "subject.last_invoice": ("Laatste factuur", "Last invoice"),
    "subject.last_contact": ("Laatste contact", "Last contact"),
    "subject.records_title": ("Gegevens in onze systemen", "Data in our systems"),
    "subject.no_records": (
        "Geen gegevens in de geïmporteerde systemen.",
        "No data in the imported systems.",
    ),
    "subject.requests_title": ("Verzoeken van deze persoon", "Requests from this person"),
    "subject.no_requests": ("Geen verzoeken.", "No requests."),
    "subject.download": ("Overzicht downloaden (CSV)", "Download overview (CSV)"),
    "subject.download_note": (
        "Een CSV-bestand voor Excel met alles hierboven. Het bevat alleen namen van velden, "
        "geen IBAN's, adressen of wachtwoorden.",
        "A CSV file for Excel with everything above. It holds only the names of fields, no "
        "IBANs, addresses or passwords.",
    ),
    "csv.person": ("Persoon", "Person"),
    "csv.record": ("Gegevens", "Data"),
    "csv.invoices": ("Facturen", "Invoices"),
    "csv.invoice_summary.one": ("1 factuur (datum)", "1 invoice (date)"),
    "csv.invoice_summary.many": ("{n} facturen (eerste – laatste)", "{n} invoices (first – last)"),
    "csv.request": ("Verzoek", "Request"),
    "csv.file_prefix": ("inzage", "access"),
    # deletions
    "deletions.intro": (
        "Gegevens die volgens de privacyverklaring weg moeten, de meest te late bovenaan. "
        "Standaard ziet u wat te laat is en wat binnen 30 dagen moet.",
        "Data the privacy statement says must go, the most overdue first. By default you see "
        "what is late and what is due within 30 days.",
    ),
    "deletions.filter_status": ("Status", "Status"),
    "deletions.all": ("Alle", "All"),
    "deletions.days": ("{n} dagen", "{n} days"),
    "deletions.search": ("Zoek op naam", "Search by name"),
    "deletions.search_hint": ("bijv. Jansen", "e.g. Jansen"),
    "deletions.count": ("{n} van {total} regels.", "{n} of {total} rows."),
    "deletions.none": ("Niets te tonen met deze filters.", "Nothing to show with these filters."),
    "deletions.due_on": ("uiterlijk {date}", "due {date}"),
    "deletions.mark_title": ("Markeer als verwijderd", "Mark as deleted"),
    "deletions.mark_intro": (
        "Heeft u gegevens verwijderd? Leg hier vast wat, hoe en wanneer. Dit komt in het "
        "logboek en telt als bewijs.",
        "Have you deleted data? Record here what, how and when. It goes into the log and "
        "counts as evidence.",
    ),
    "deletions.mark_first": (
        "De keuzelijst toont de {shown} dringendste van {n} regels; gebruik de filters of het "
        "zoekveld hierboven om een andere te vinden.",
        "The list offers the {shown} most urgent of {n} rows; use the filters or the search "
        "box above to find another.",
    ),
    "deletions.mark_nothing": (
        "Geen regels met gegevens die nog aanwezig zijn (pas eventueel de filters aan).",
        "No rows with data still present (adjust the filters if needed).",
    ),
    "deletions.mark_pick": ("Welke gegevens", "Which data"),
    "deletions.mark_evidence": ("Hoe is het verwijderd?", "How was it deleted?"),
    "deletions.mark_evidence_hint": (
        "bijv. relatie verwijderd in e-boekhouden.nl, kluisitem gewist",
        "e.g. relation deleted in e-boekhouden.nl, vault item removed",
    ),
    "deletions.mark_date": ("Verwijderd op", "Deleted on"),
    "deletions.mark_actor": ("Door wie", "By whom"),
    "deletions.actor_placeholder": ("uw naam", "your name"),
    "deletions.mark_confirm": (
        "Ik bevestig dat deze gegevens in dat systeem echt zijn verwijderd.",
        "I confirm that this data was really deleted in that system.",
    ),
    "deletions.mark_button": ("Vastleggen", "Record"),
    "deletions.need_evidence": (
        "Vul in hoe de gegevens zijn verwijderd; dat is het bewijs.",
        "Fill in how the data was deleted; that is the evidence.",
    ),
    "deletions.need_actor": ("Vul in wie het heeft verwijderd.", "Fill in who deleted it."),
    "deletions.need_date": ("Vul de datum van verwijderen in.", "Fill in the date of deletion."),
    "deletions.need_confirm": (
        "Vink de bevestiging aan om het vast te leggen.",
        "Tick the confirmation to record it.",
    ),
    "deletions.marked": (
        "Vastgelegd: {what} ({n} gegevens) staat nu als verwijderd.",
        "Recorded: {what} ({n} records) is now marked deleted.",
    ),
    "deletions.log_title": ("Recent vastgelegde verwijderingen", "Recently recorded deletions"),
    "deletions.log_empty": ("Nog niets vastgelegd.", "Nothing recorded yet."),
    # policy
    "policy.intro": (
        "De privacyverklaring als regels die het dashboard controleert. Ze staan in het "
        "beleidsbestand (policy.toml in de map data); wie dat aanpast, hoeft geen code te "
        "veranderen.",
        "The privacy statement as the rules the dashboard checks. They live in the policy "
        "file (policy.toml in the data folder); changing it needs no change to the code.",
    ),
    "policy.controller": (
        "**{name}** · {address} · KvK {kvk} · {email} · {phone} · toezichthouder: {authority}",
        "**{name}** · {address} · KvK {kvk} · {email} · {phone} · supervisory authority: "
        "{authority}",
    ),
    "policy.interpretations": ("Interpretaties", "Interpretations"),
    "policy.interpretations_note": (
        "Waar de verklaring vaag is of zichzelf tegenspreekt, rekent het dashboard zo. "
        "U kunt dit aanpassen in het beleidsbestand.",
        "Where the statement is vague or contradicts itself, the dashboard counts like this. "
        "You can change it in the policy file.",
    ),
    "policy.interpretation": ("Interpretatie", "Interpretation"),
    "policy.subject_states": (
        "klant, oud-klant of geïnteresseerde",
        "client, former client or prospect",
    ),
    "policy.categories": ("De zes categorieën gegevens", "The six categories of data"),
    "policy.category_body": (
        "**Doel:** {purpose}  \n**Systemen:** {systems}  \n**Bewaartermijn:** {retention}",
        "**Purpose:** {purpose}  \n**Systems:** {systems}  \n**Retention:** {retention}",
    ),
    "policy.requests": ("Verzoeken en hun termijnen", "Requests and their deadlines"),
    "policy.requests_note": (
        "Alle verzoeken moeten schriftelijk (post of e-mail naar {email}). Een termijn van een "
        "maand eindigt op dezelfde datum in de volgende maand (bestaat die niet: de laatste dag "
        "van die maand); valt dat in het weekend of op een feestdag, dan de eerstvolgende "
        "werkdag. Bij werkdagen telt de dag van ontvangst niet mee.",
        "All requests must be in writing (post or e-mail to {email}). A one-month deadline ends "
        "on the same date in the next month (if that date does not exist: the last day of that "
        "month); on a weekend or holiday, the next working day. In working days, the day of "
        "receipt does not count.",
    ),
    "policy.calendar": ("Werkdagen en feestdagen", "Working days and holidays"),
    "policy.calendar_note": (
        "Werkdagen zijn maandag tot en met vrijdag, behalve de feestdagen van de Algemene "
        "termijnenwet. 5 mei telt elk jaar (niet alleen in lustrumjaren); Goede Vrijdag telt "
        "mee; dagen die bij besluit gelijkgesteld zijn staan in het beleidsbestand. De dag van "
        "ontvangst telt nooit mee.",
        "Working days are Monday to Friday, except the holidays of the Algemene termijnenwet. "
        "5 May counts every year (not only in lustrum years); Good Friday counts; days "
        "equated by decree are listed in the policy file. The day of receipt never counts.",
    ),
    "policy.year": ("Jaar", "Year"),
    "policy.systems": ("Verwerkers en systemen", "Processors and systems"),
    "policy.systems_note": (
        "Per systeem: wie de gegevens verwerkt, waar, waarvoor, en of er een "
        "verwerkersovereenkomst is.",
        "Per system: who processes the data, where, for what, and whether a processing "
        "agreement is on file.",
    ),
    "deadline.months": ("{n} maand na ontvangst", "{n} month after receipt"),
    "deadline.working_days": (
        "{n} werkdagen na ontvangst",
        "{n} working days after receipt",
    ),
    "deadline.extension": (
        "· eenmaal te verlengen met {n} maanden",
        "· extendable once by {n} months",
    ),
    "deadline.none": ("geen termijn; wel vastleggen", "no deadline; do record it"),
    "agreement.yes": ("aanwezig", "on file"),
    "agreement.no": ("ontbreekt", "missing"),
    "agreement.unknown": ("onbekend, nagaan", "unknown, check"),
    "agreement.not_required": ("niet nodig (eigen beheer)", "not needed (own system)"),
    "weekday.0": ("maandag", "Monday"),
    "weekday.1": ("dinsdag", "Tuesday"),
    "weekday.2": ("woensdag", "Wednesday"),
    "weekday.3": ("donderdag", "Thursday"),
    "weekday.4": ("vrijdag", "Friday"),
    "weekday.5": ("zaterdag", "Saturday"),
    "weekday.6": ("zondag", "Sunday"),
    "holiday.new_year": ("Nieuwjaarsdag", "New Year's Day"),
    "holiday.good_friday": ("Goede Vrijdag", "Good Friday"),
    "holiday.easter": ("Eerste Paasdag", "Easter Sunday"),
    "holiday.easter_monday": ("Tweede Paasdag", "Easter Monday"),
    "holiday.kings_day": ("Koningsdag", "King's Day"),
    "holiday.liberation_day": ("Bevrijdingsdag (5 mei)", "Liberation Day (5 May)"),
    "holiday.ascension": ("Hemelvaartsdag", "Ascension Day"),
    "holiday.pentecost": ("Eerste Pinksterdag", "Whit Sunday"),
    "holiday.pentecost_monday": ("Tweede Pinksterdag", "Whit Monday"),
    "holiday.christmas": ("Eerste Kerstdag", "Christmas Day"),
    "holiday.christmas_2": ("Tweede Kerstdag", "Boxing Day"),
    "holiday.equated": ("Gelijkgestelde dag", "Equated day"),
    "holiday.company_closed": ("Sluitingsdag", "Company closed"),
    "holiday.note_atw": ("Algemene termijnenwet art. 3", "Algemene termijnenwet art. 3"),
    "holiday.note_every_year": (
        "elk jaar, ook buiten lustrumjaren (Atw art. 3)",
        "every year, also outside lustrum years (Atw art. 3)",
    ),
    "holiday.note_equated": (
        "bij besluit gelijkgesteld (Atw art. 3 lid 3)",
        "equated by decree (Atw art. 3(3))",
    ),
    "holiday.note_company": (
        "eigen sluitingsdag (uit het beleidsbestand)",
        "own closing day (from the policy file)",
    ),
    # import
    "import.intro": (
        "Sleep een of meer exports hierheen. U ziet eerst per bestand wat erin staat; pas na "
        "de knop Importeren verandert er iets. Een bestand dat al eerder is geïmporteerd, "
        "verandert niets.",
        "Drop one or more exports here. First you see per file what it holds; nothing changes "
        "until you press Import. A file imported before changes nothing.",
    ),
    "import.kinds_title": ("Welke bestanden kan ik importeren?", "Which files can I import?"),
    "import.uploader": ("Exportbestanden", "Export files"),
    "import.preview": (
        "Herkend als **{system}** · {kind}: {counts}.",
        "Recognised as **{system}** · {kind}: {counts}.",
    ),
    # counts in a sentence (compliance.ui.uploads.counted)
    "count.rows_read.one": ("1 rij gelezen", "1 row read"),
    "count.rows_read.many": ("{n} rijen gelezen", "{n} rows read"),
    "count.relations.one": ("1 relatie", "1 relation"),
    "count.relations.many": ("{n} relaties", "{n} relations"),
    "count.records.one": ("1 gegeven", "1 record"),
    "count.records.many": ("{n} gegevens", "{n} records"),
    "count.invoices.one": ("1 factuur", "1 invoice"),
    "count.invoices.many": ("{n} facturen", "{n} invoices"),
    "count.new_subjects.one": ("1 nieuwe betrokkene", "1 new data subject"),
    "count.new_subjects.many": ("{n} nieuwe betrokkenen", "{n} new data subjects"),
    "count.skipped.one": ("1 overgeslagen", "1 skipped"),
    "count.skipped.many": ("{n} overgeslagen", "{n} skipped"),
    "import.columns": (
        "Kolommen: {mapped} gelezen, {unmapped} genegeerd",
        "Columns: {mapped} read, {unmapped} ignored",
    ),
    "import.unmapped": ("Genegeerd: {columns}", "Ignored: {columns}"),
    "import.ready": (
        "{n} van {total} bestanden kunnen worden geïmporteerd.",
        "{n} of {total} files can be imported.",
    ),
    "import.button": ("Importeren", "Import"),
    "import.busy_file": ("Bezig met {file}…", "Importing {file}…"),
    "import.size_limit": (
        "Elk bestand mag hooguit {mb} MB zijn. Is een export groter, importeer hem dan met "
        "`python -m compliance import BESTAND` (geen limiet) of exporteer een kortere periode.",
        "Each file may be at most {mb} MB. For a larger export use "
        "`python -m compliance import FILE` (no limit) or export a shorter period.",
    ),
    "import.busy_done": ("Klaar.", "Done."),
    "import.busy_overview": (
        "Het overzicht bijwerken…",
        "Updating the overview…",
    ),
    "import.sample_title.one": (
        "Voorbeeld: de enige rij (deels afgeschermd)",
        "Example: the only row (partly masked)",
    ),
    "import.sample_title.many": (
        "Voorbeeld: de eerste {n} rijen (deels afgeschermd)",
        "Example: the first {n} rows (partly masked)",
    ),
    "import.sample.ref": ("code", "code"),
    "import.sample.name": ("naam", "name"),
    "import.sample.kvk": ("KvK", "KvK"),
    "import.sample.email": ("e-mail", "e-mail"),
    "import.sample.iban": ("rekening", "account"),
    "import.sample.date": ("datum", "date"),
    "import.sample.subject": ("onderwerp", "subject"),
    "import.sample.kind": ("soort", "kind"),
    "import.sample.system": ("systeem", "system"),
    "import.sample.item": ("item", "item"),
    "import.sample.holder": ("wat", "what"),
    "import.sample.number": ("factuur", "invoice"),
    "import.status.imported": ("geïmporteerd", "imported"),
    "col.import_status": ("Status", "Status"),
    "import.busy": ("Bezig met importeren…", "Importing…"),
    "import.result": (
        "{file}: geïmporteerd uit {system} ({kind}): {rows}, {new} nieuw, "
        "{changed} gewijzigd, {unchanged} ongewijzigd, {skipped} overgeslagen; "
        "{subjects}.",
        "{file}: imported from {system} ({kind}): {rows}, {new} new, "
        "{changed} changed, {unchanged} unchanged, {skipped} skipped; "
        "{subjects}.",
    ),
    "import.already": (
        "{file}: al eerder geïmporteerd; er is niets veranderd.",
        "{file}: already imported earlier; nothing changed.",
    ),
    "import.refused": ("Geweigerd: {reason}", "Refused: {reason}"),
    "import.history": ("Eerdere imports", "Import history"),
    "import.no_history": ("Nog niets geïmporteerd.", "Nothing imported yet."),
    "kind.relations": ("relaties", "relations"),
    "kind.invoices": ("facturen", "invoices"),
    "kind.auditfile": ("auditfile", "audit file"),
    "kind.mailbox": ("e-mail", "e-mail"),
    "kind.export": ("export", "export"),
    # field ids: the *names* of what a system holds, never the values
    "field.name": ("naam", "name"),
    "field.contact_person": ("contactpersoon", "contact person"),
    "field.address": ("adres", "address"),
    "field.postal_code": ("postcode", "postal code"),
    "field.city": ("plaats", "city"),
    "field.country": ("land", "country"),
    "field.email": ("e-mail", "e-mail"),
    "field.phone": ("telefoon", "phone"),
    "field.mobile": ("mobiel", "mobile"),
    "field.fax": ("fax", "fax"),
    "field.website": ("website", "website"),
    "field.kvk": ("KvK-nummer", "KvK number"),
    "field.vat_number": ("btw-nummer", "VAT number"),
    "field.iban": ("IBAN", "IBAN"),
    "field.bic": ("BIC", "BIC"),
    "field.mandate": ("incassomachtiging", "direct-debit mandate"),
    "field.note": ("notitie", "note"),
    # column roles an importer reads (import preview)
    "field.ref": ("relatiecode", "relation code"),
    "field.id": ("ID", "ID"),
    "field.code": ("code", "code"),
    "field.added_on": ("toegevoegd op", "added on"),
    "field.modified_on": ("gewijzigd op", "modified on"),
    "field.company": ("bedrijfsnaam", "company name"),
    "field.person": ("contactpersoon", "contact person"),
    "field.bp": ("bedrijf of particulier", "company or private"),
    "field.inactive": ("inactief", "inactive"),
    "field.active": ("actief", "active"),
    "field.mandate_date": ("datum machtiging", "mandate date"),
    "field.number": ("factuurnummer", "invoice number"),
    "field.relation": ("relatie", "relation"),
    "field.date": ("datum", "date"),
    "field.amount": ("bedrag", "amount"),
    "field.payment_term": ("betalingstermijn", "payment term"),
    "field.mutation": ("mutatienummer", "entry number"),
    "field.kind": ("soort", "kind"),
}
