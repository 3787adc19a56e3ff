"""Why an importer refuses a file (`etl.model.ImportRefused`), and the fragments those
sentences share: where in the file ("rij 5"), what the file should have been, how to get
it right. Every refusal names the file first ({file}) and says what to do.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # ----------------------------------------------------------------- fragments: lists
    "list.none": ("geen", "none"),
    "list.and_more": ("{items} en nog {n}", "{items} and {n} more"),
    "list.and": (" en ", " and "),
    "list.or": (" of ", " or "),
    "list.column_or": ("{column} (of {others})", "{column} (or {others})"),
    # ----------------------------------------------------------------- reading any file
    "refusal.unreadable": (
        "{file}: het bestand kon niet worden gelezen ({problem}).",
        "{file}: the file could not be read ({problem}).",
    ),
    "refusal.empty": (
        "{file}: het bestand is leeg; exporteer de lijst opnieuw.",
        "{file}: the file is empty; export the list again.",
    ),
    "refusal.old_excel": (
        "{file}: dit is een oude Excel-werkmap (97-2003, .xls); open hem in Excel, sla hem "
        "op als .xlsx of CSV en probeer het opnieuw.",
        "{file}: this is an old Excel 97-2003 (.xls) workbook; open it in Excel, save it as "
        ".xlsx or CSV and try again.",
    ),
    "refusal.pdf": (
        "{file}: dit is een pdf, geen lijst; exporteer in plaats daarvan CSV of Excel.",
        "{file}: this is a PDF, not a list; export CSV or Excel instead.",
    ),
    "refusal.cut_off_half_character": (
        "{file}: het bestand is afgebroken (het eindigt midden in een teken); exporteer het "
        "bestand opnieuw en probeer het nog eens.",
        "{file}: the file is cut off (it ends in half a character); export the file again "
        "and try once more.",
    ),
    "refusal.not_text_or_excel": (
        "{file}: dit is geen tekst- of Excelbestand; exporteer de lijst opnieuw als CSV of "
        "Excel (.xlsx) en probeer het nog eens.",
        "{file}: this is not a text or Excel file; export the list as CSV or Excel (.xlsx) "
        "and try again.",
    ),
    "refusal.not_csv": (
        "{file}: het bestand is niet te lezen als CSV ({problem}); exporteer het bestand "
        "opnieuw en probeer het nog eens.",
        "{file}: the file is not readable as CSV ({problem}); export the file again and try "
        "once more.",
    ),
    "refusal.no_columns": (
        "{file}: er staan geen kolommen in het bestand; exporteer de lijst opnieuw.",
        "{file}: the file holds no columns; export the list again.",
    ),
    "refusal.field_too_long": (
        "{file}: een veld is langer dan {mb} MB, en dat komt in geen enkele export voor; "
        "exporteer het bestand opnieuw en probeer het nog eens.",
        "{file}: a field is longer than {mb} MB, which no export holds; export the file "
        "again and try once more.",
    ),
    "refusal.line_not_csv": (
        "{file}: een regel is geen geldige CSV ({problem}); exporteer het bestand opnieuw en "
        "probeer het nog eens.",
        "{file}: a line is not valid CSV ({problem}); export the file again and try once more.",
    ),
    "refusal.not_read_to_the_end": (
        "{file}: het bestand kon niet tot het einde worden gelezen; exporteer het bestand "
        "opnieuw en probeer het nog eens.",
        "{file}: the file could not be read to the end; export the file again and try once more.",
    ),
    "refusal.cut_off_line": (
        "{file}: het bestand is afgebroken (regel {line} houdt halverwege op, zonder de "
        "laatste kolommen); exporteer het bestand opnieuw en probeer het nog eens.",
        "{file}: the file is cut off (line {line} ends halfway, without its last columns); "
        "export the file again and try once more.",
    ),
    # ----------------------------------------------------------------- workbooks and zips
    "refusal.zip_damaged": (
        "{file}: het zipbestand is beschadigd of afgebroken; exporteer het bestand opnieuw "
        "en probeer het nog eens.",
        "{file}: the zip file is damaged or cut off; export the file again and try once more.",
    ),
    "refusal.not_a_workbook": (
        "{file}: het bestand kon niet als Excel-werkmap worden geopend ({problem}); sla het "
        "in Excel opnieuw op als .xlsx of CSV en probeer het nog eens.",
        "{file}: the file could not be opened as an Excel workbook ({problem}); save it "
        "again from Excel as .xlsx or CSV and try again.",
    ),
    "refusal.workbook_empty": (
        "{file}: er staan geen gegevens in de werkmap; exporteer de lijst opnieuw.",
        "{file}: the workbook holds no data; export the list again.",
    ),
    "refusal.sheet_unreadable": (
        "{file}: werkblad {sheet} kon niet worden gelezen ({problem}); sla de werkmap in "
        "Excel opnieuw op en probeer het nog eens.",
        "{file}: sheet {sheet} could not be read ({problem}); save the workbook again from "
        "Excel and try again.",
    ),
    "refusal.formula": (
        "{file}: cel {cell} van werkblad {sheet} bevat een formule, en dat doet een export "
        "nooit, dus het bestand is niet gelezen; kopieer het werkblad in Excel, plak het als "
        "waarden, sla op en probeer het opnieuw.",
        "{file}: cell {cell} of sheet {sheet} holds a formula, which an export never does, "
        "so the file was not read; in Excel copy the sheet, paste it as values, save and try "
        "again.",
    ),
    "problem.workbook_entities": (
        "de XML erin declareert entiteiten, en dat doet Excel nooit",
        "its XML declares entities, which Excel never writes",
    ),
    "problem.workbook_damaged": (
        "hij is beschadigd of afgebroken",
        "it is damaged or cut off",
    ),
    "problem.zip_not_workbook": (
        "het is wel een zipbestand, maar geen werkmap",
        "it is a ZIP file but not a workbook",
    ),
    "problem.workbook_foreign": (
        "de inhoud is niet wat Excel schrijft",
        "its content is not what Excel writes",
    ),
    "how.save_from_excel": (
        "sla het in Excel opnieuw op als .xlsx of CSV en probeer het nog eens.",
        "save it again from Excel as .xlsx or CSV and try again.",
    ),
    "refusal.unsafe_path_workbook": (
        "{file}: de werkmap bevat een bestand met een onveilig pad ({member}); {how}",
        "{file}: the workbook holds a file with an unsafe path ({member}); {how}",
    ),
    "refusal.unsafe_path_zip": (
        "{file}: het zipbestand bevat een bestand met een onveilig pad ({member}); {how}",
        "{file}: the zip holds a file with an unsafe path ({member}); {how}",
    ),
    "refusal.zip_bomb_workbook": (
        "{file}: de werkmap pakt uit tot veel meer dan erin zit (een zipbom?); hij is niet "
        "geopend.",
        "{file}: the workbook unpacks to far more than it holds (a zip bomb?); it was not opened.",
    ),
    "refusal.zip_bomb": (
        "{file}: het zipbestand pakt uit tot veel meer dan erin zit (een zipbom?); het is "
        "niet geopend.",
        "{file}: the zip unpacks to far more than it holds (a zip bomb?); it was not opened.",
    ),
    "refusal.too_big_workbook": (
        "{file}: de werkmap pakt uit tot meer dan {mb:,} MB, meer dan dit programma uit één "
        "werkmap leest; hij is niet geopend.",
        "{file}: the workbook unpacks to more than {mb:,} MB, more than this program reads "
        "from one workbook; it was not opened.",
    ),
    "refusal.too_big_zip": (
        "{file}: het zipbestand pakt uit tot meer dan {mb:,} MB, meer dan dit programma uit "
        "één zipbestand leest; het is niet geopend.",
        "{file}: the zip unpacks to more than {mb:,} MB, more than this program reads from "
        "one zip; it was not opened.",
    ),
    "refusal.too_big_zip_how": (
        "{file}: het zipbestand pakt uit tot meer dan {mb:,} MB, meer dan dit programma uit "
        "één zipbestand leest; het is niet geopend; {how}",
        "{file}: the zip unpacks to more than {mb:,} MB, more than this program reads from "
        "one zip; it was not opened; {how}",
    ),
    # ----------------------------------------------------------------- JSON answers
    "refusal.json_too_big": (
        "{file}: het JSON-bestand is {mb} MB, meer dan dit programma in één keer leest; "
        "exporteer een kortere periode of gebruik CSV.",
        "{file}: the JSON file is {mb} MB, more than this importer reads at once; export a "
        "shorter period or use CSV instead.",
    ),
    "refusal.json_not_text": (
        "{file}: dit is geen JSON-tekstbestand; sla het antwoord van de API opnieuw op.",
        "{file}: this is not a JSON text file; save the API answer again.",
    ),
    "refusal.json_number_too_long": (
        "{file}: het JSON-bestand bevat een getal van {digits} cijfers, terwijl geen enkel "
        "systeem dat dit programma leest er meer dan {most} schrijft; sla het antwoord van "
        "de API opnieuw op.",
        "{file}: the JSON file holds a number of {digits} digits, while no system this "
        "program reads writes more than {most}; save the API answer again.",
    ),
    "refusal.json_not_utf8": (
        "{file}: het JSON-bestand is geen geldige UTF-8-tekst; sla het antwoord van de API "
        "opnieuw op.",
        "{file}: the JSON file is not valid UTF-8 text; save the API answer again.",
    ),
    "refusal.json_invalid": (
        "{file}: het bestand is geen geldige JSON (regel {line}, kolom {column}: {problem}); "
        "sla het volledige antwoord van de API opnieuw op en probeer het nog eens.",
        "{file}: the file is not valid JSON (line {line}, column {column}: {problem}); save "
        "the complete API answer again and try once more.",
    ),
    "refusal.json_too_deep": (
        "{file}: de JSON is te diep genest om een export te zijn; sla het antwoord van de "
        "API opnieuw op.",
        "{file}: the JSON is nested too deeply to be an export; save the API answer again.",
    ),
    "refusal.json_not_a_list": (
        "{file}: deze JSON is geen lijst met {what} (er staat geen lijst met objecten in); {how}",
        "{file}: this JSON is not a list of {what} (it holds no list of objects); {how}",
    ),
    "refusal.json_keys_missing": (
        "{file}: deze JSON is geen lijst met {what} (gevonden sleutels: {found}; verwacht: "
        "{expected}); {how}",
        "{file}: this JSON is not a list of {what} (keys found: {found}; expected: "
        "{expected}); {how}",
    ),
    # ----------------------------------------------------------------- which export is it
    "how.see_readme_exports": (
        "in de README (hoofdstuk 'Exports') staat hoe u die maakt.",
        "see README section 'Exports' for how to get one.",
    ),
    "refusal.json_no_list": (
        "{file}: deze JSON bevat geen lijst met relaties of facturen; sla het antwoord van "
        "de API-aanroep voor relaties of facturen op zoals het komt, {how}",
        "{file}: this JSON holds no list of relations or invoices; save the answer of the "
        "relations or invoices API call as it comes, {how}",
    ),
    "refusal.json_empty_list": (
        "{file}: het antwoord van de API is een lege lijst; controleer het filter van de "
        "API-aanroep en sla het antwoord opnieuw op.",
        "{file}: the API answer is an empty list; check the filter of the API call and save "
        "the answer again.",
    ),
    "refusal.json_not_recognised": (
        "{file}: deze JSON is niet herkend als antwoord van de API van e-boekhouden.nl of "
        "SnelStart (gevonden sleutels: {found}); {how}",
        "{file}: this JSON was not recognised as an e-boekhouden.nl or SnelStart API answer "
        "(keys found: {found}); {how}",
    ),
    "refusal.html_page": (
        "{file}: dit is een webpagina (HTML), geen export (misschien is een foutpagina "
        "opgeslagen in plaats van het antwoord); {how}",
        "{file}: this is a web page (HTML), not an export (perhaps an error page saved "
        "instead of the answer); {how}",
    ),
    "refusal.xml_not_xaf": (
        "{file}: dit XML-bestand is geen XML Auditfile Financieel (XAF 3.2); exporteer de "
        "auditfile uit het boekhoudpakket, {how}",
        "{file}: this XML file is not an XML Auditfile Financieel (XAF 3.2); export the "
        "audit file from the bookkeeping package, {how}",
    ),
    "refusal.not_recognised": (
        "{file}: dit bestand is niet herkend als export van e-boekhouden.nl, SnelStart of "
        "een XML Auditfile (gevonden kolommen: {found}); {how}",
        "{file}: this file was not recognised as an export of e-boekhouden.nl, SnelStart or "
        "an XML Auditfile (columns found: {found}); {how}",
    ),
    "refusal.ambiguous_source": (
        "{file}: de kolommen passen zowel bij een export van e-boekhouden.nl als bij een van "
        "SnelStart; importeer het opnieuw met --source eboekhouden of --source snelstart.",
        "{file}: the columns fit both an e-boekhouden.nl and a SnelStart export; import it "
        "again with --source eboekhouden or --source snelstart.",
    ),
    "refusal.wrong_source": (
        "{file}: --source moet eboekhouden of snelstart zijn voor een boekhoudexport, niet "
        "{source}.",
        "{file}: --source must be eboekhouden or snelstart for a bookkeeping export, not {source}.",
    ),
    "refusal.no_such_file": (
        "{file}: dit bestand bestaat niet; controleer de naam en probeer het opnieuw.",
        "{file}: no such file; check the name and try again.",
    ),
    "refusal.not_a_mailbox": (
        "{file}: dit is geen export van een mailbox (.eml, een zip met .eml, mbox, .msg, "
        ".pst of een message trace als CSV); {how}",
        "{file}: this is not a mailbox export (.eml, a zip of .eml, mbox, .msg, .pst or a "
        "message trace CSV); {how}",
    ),
    "refusal.unexpected": (
        "{file}: het bestand kon door een onverwacht probleem niet worden gelezen "
        "({problem}); meld het alstublieft, met het bestand als u dat kunt delen.",
        "{file}: the file could not be read because of an unexpected problem ({problem}); "
        "please report it, with the file if you can share it.",
    ),
    # ----------------------------------------------------------------- any list
    "refusal.missing_column": (
        "{file}: dit lijkt niet op {what}: de kolom {named} ontbreekt (gevonden kolommen: "
        "{found}); {how}",
        "{file}: this does not look like {what}: no column {named} was found (columns "
        "found: {found}); {how}",
    ),
    "refusal.missing_columns": (
        "{file}: dit lijkt niet op {what}: de kolommen {named} ontbreken (gevonden kolommen: "
        "{found}); {how}",
        "{file}: this does not look like {what}: no columns {named} were found (columns "
        "found: {found}); {how}",
    ),
    "refusal.no_rows": (
        "{file}: het bestand bevat geen {what}, alleen kolomnamen of een lege lijst; "
        "exporteer de lijst opnieuw met de rijen erin (controleer het filter of de periode) "
        "en probeer het nog eens.",
        "{file}: the file holds no {what}, only column names or an empty list; export the "
        "list again with its rows (check the filter or period) and try again.",
    ),
    "refusal.dates_unreadable": (
        "{file}: {bad} van de {total} datums konden niet worden gelezen (de eerste: "
        "{where}: {text}); {how}",
        "{file}: {bad} of {total} dates could not be read (first: {where}: {text}); {how}",
    ),
    # ----------------------------------------------------------------- what a file should be
    "what.relations": ("relaties", "relations"),
    "what.invoices": ("facturen", "invoices"),
    "what.mutations": ("mutaties", "mutations"),
    "what.eboekhouden_relations": (
        "een relatie-export van e-boekhouden.nl",
        "an e-boekhouden.nl relations export",
    ),
    "what.eboekhouden_invoices": (
        "een factuurlijst van e-boekhouden.nl",
        "an e-boekhouden.nl invoice list",
    ),
    "what.eboekhouden_mutations": (
        "een mutatie-export van e-boekhouden.nl",
        "an e-boekhouden.nl mutations export",
    ),
    "what.snelstart_relations": (
        "een relatie-export van SnelStart",
        "a SnelStart relations export",
    ),
    "what.snelstart_invoices": (
        "een lijst met verkoopfacturen van SnelStart",
        "a SnelStart sales invoice list",
    ),
    "what.customers_or_transactions": ("klanten of transacties", "customers or transactions"),
    "what.dsd_export": ("een licentie-export van DSD Europe", "a DSD Europe licence export"),
    "what.licences": ("licenties", "licences"),
    "what.bitwarden_export": ("een export van een Bitwarden-kluis", "a Bitwarden vault export"),
    "what.keepass_export": ("een KeePass-export", "a KeePass export"),
    "what.vault_items": ("kluisitems", "vault items"),
    "what.firewall_rules": ("firewallregels", "firewall rules"),
    "what.vpss": ("VPS'en", "VPSs"),
    "what.ip_addresses": ("IP-adressen", "IP addresses"),
    "what.whois_contacts": ("WHOIS-contactpersonen", "WHOIS contacts"),
    "what.cookie_scan": ("de lijst van een cookiescanner", "a cookie scanner's list"),
    # ----------------------------------------------------------------- how to get it right
    "how.export_again": (
        "exporteer het bestand opnieuw en probeer het nog eens.",
        "export the file again and try once more.",
    ),
    "how.dates_dd_mm_jjjj": (
        "exporteer het bestand opnieuw met datums als dd-mm-jjjj en probeer het nog eens.",
        "export the file again with dates as dd-mm-jjjj and try again.",
    ),
    "how.eboekhouden_relations": (
        "exporteer de relatielijst uit e-boekhouden.nl (Relaties → Exporteren) en probeer "
        "het opnieuw.",
        "export the relations list from e-boekhouden.nl (Relaties → Exporteren) and try again.",
    ),
    "how.eboekhouden_invoices": (
        "exporteer de factuurlijst uit e-boekhouden.nl (Facturen → Overzicht → Exporteren) "
        "en probeer het opnieuw.",
        "export the invoice list from e-boekhouden.nl (Facturen → Overzicht → Exporteren) "
        "and try again.",
    ),
    "how.eboekhouden_mutations": (
        "exporteer de mutaties uit e-boekhouden.nl (Boekhouden → Mutaties → Overzicht → "
        "Exporteren) en probeer het opnieuw.",
        "export the mutations from e-boekhouden.nl (Boekhouden → Mutaties → Overzicht → "
        "Exporteren) and try again.",
    ),
    "how.snelstart_relations": (
        "exporteer de relaties uit SnelStart (Relaties → Overzicht relaties → Exporteren) en "
        "probeer het opnieuw.",
        "export the relations from SnelStart (Relaties → Overzicht relaties → Exporteren) "
        "and try again.",
    ),
    "how.snelstart_invoices": (
        "exporteer de verkoopfacturen uit SnelStart (Verkoop → Verkoopfacturen → "
        "Exporteren) en probeer het opnieuw.",
        "export the sales invoices from SnelStart (Verkoop → Verkoopfacturen → Exporteren) "
        "and try again.",
    ),
    "how.xaf_again": (
        "exporteer de auditfile opnieuw uit het boekhoudpakket en probeer het nog eens.",
        "export the audit file again from the bookkeeping package and try again.",
    ),
    "how.dsd": (
        "exporteer het licentieoverzicht uit het portaal van DSD Europe (Excel of CSV) met de "
        "kolommen eindklant, product en licentiesleutel, en probeer het opnieuw.",
        "export the licence overview from the DSD Europe portal (Excel or CSV) with the end "
        "customer, product and licence key columns, and try again.",
    ),
    "how.bitwarden": (
        "exporteer de kluis uit Bitwarden (Tools → Export vault, als .csv of .json) en "
        "probeer het opnieuw.",
        "export the vault from Bitwarden (Tools → Export vault, format .csv or .json) and "
        "try again.",
    ),
    "how.keepass": (
        "exporteer de database uit KeePass (File → Export → KeePass CSV of KeePass XML) en "
        "probeer het opnieuw.",
        "export the database from KeePass (File → Export → KeePass CSV or KeePass XML) and "
        "try again.",
    ),
    "how.transip": (
        "sla het antwoord van de TransIP-API op zoals het komt (of gebruik python -m "
        "compliance pull transip) en probeer het opnieuw.",
        "save the answer of the TransIP API call as it comes (or run python -m compliance "
        "pull transip) and try again.",
    ),
    "how.zip_only_answers": (
        "zet alleen de opgeslagen antwoorden van de API in de zip.",
        "zip only the saved API answers.",
    ),
    "how.mail_zip_again": (
        "maak de zip opnieuw van de map met .eml-bestanden.",
        "make the zip again from the folder of .eml files.",
    ),
    "how.mail_zip_smaller": (
        "maak voor de berichten van elk half jaar of kwartaal een aparte zip.",
        "zip the messages of each half year or quarter separately.",
    ),
    "how.page_source": (
        "sla de broncode van de pagina op (Ctrl+U in de browser, daarna Ctrl+S) of plak het "
        "Google-tagfragment in een .txt-bestand.",
        "save the page's source (Ctrl+U in the browser, then Ctrl+S) or paste the Google tag "
        "snippet into a .txt file.",
    ),
    "how.ga_settings": (
        "sla het antwoord van de Admin API (dataRetentionSettings, dataSharingSettings of "
        "googleSignalsSettings) op zoals het komt, of gebruik het formulier op de pagina "
        "Cookies & analytics.",
        "save the answer of the Admin API call (dataRetentionSettings, dataSharingSettings "
        "or googleSignalsSettings) as it comes, or use the form on the Cookies & analytics "
        "page.",
    ),
    "how.har": (
        "sla het opnieuw op vanuit de ontwikkelhulpmiddelen van de browser (tabblad "
        "Netwerk, Export HAR).",
        "save it again from the browser's developer tools (Network tab, Export HAR).",
    ),
    "how.cookie_scan": (
        "exporteer de cookielijst van de scan als CSV met de naam, het domein en de "
        "bewaartermijn van elke cookie (zie de README, hoofdstuk 'Website').",
        "export the scan's cookie list as CSV with the cookie's name, domain and retention "
        "period (see README section 'Website').",
    ),
    # ----------------------------------------------------------------- checks before the store
    "refusal.unknown_system": (
        "{file}: '{source}' is geen bekend systeem; kies uit {known}.",
        "{file}: '{source}' is not a known system; use one of {known}.",
    ),
    "refusal.not_a_file": (
        "{file}: dit bestand bestaat niet of is geen bestand.",
        "{file}: the file does not exist or is not a file.",
    ),
    "refusal.unknown_category": (
        "{file}: interne fout, onbekende categorie {category}.",
        "{file}: internal error, unknown category {category}.",
    ),
    "refusal.unknown_relation": (
        "{file}: interne fout, een gegeven verwijst naar onbekende relatie {ref}.",
        "{file}: internal error, a record refers to unknown relation {ref}.",
    ),
    "refusal.nothing_to_import": (
        "{file}: het bestand bevat geen relaties of facturen; controleer of u de juiste "
        "lijst hebt geëxporteerd en of die niet leeg is.",
        "{file}: the file holds no relations or invoices; check that you exported the right "
        "list and that it is not empty.",
    ),
    # ----------------------------------------------------------------- audit files (XAF)
    "refusal.xaf_unnamed_maker": (
        "{file}: deze auditfile is gemaakt door een programma zonder naam, niet herkenbaar "
        "door e-boekhouden.nl of SnelStart; importeer hem opnieuw met --source eboekhouden "
        "of --source snelstart.",
        "{file}: this audit file was made by an unnamed program, not recognisably by "
        "e-boekhouden.nl or SnelStart; import it again with --source eboekhouden or --source "
        "snelstart.",
    ),
    "refusal.xaf_unknown_maker": (
        "{file}: deze auditfile is gemaakt door {software}, niet herkenbaar door "
        "e-boekhouden.nl of SnelStart; importeer hem opnieuw met --source eboekhouden of "
        "--source snelstart.",
        "{file}: this audit file was made by {software}, not recognisably by e-boekhouden.nl "
        "or SnelStart; import it again with --source eboekhouden or --source snelstart.",
    ),
    "refusal.xaf_wrong_root": (
        "{file}: dit XML-bestand is geen XML Auditfile Financieel 3.2 (het begint met "
        "{root} in naamruimte {namespace}); exporteer de auditfile (XAF 3.2) uit het "
        "boekhoudpakket en probeer het opnieuw.",
        "{file}: this XML file is not an XML Auditfile Financieel 3.2 (its root is {root} in "
        "namespace {namespace}); export the audit file (XAF 3.2) from the bookkeeping "
        "package and try again.",
    ),
    "refusal.xaf_wrong_source": (
        "{file}: een auditfile kan worden geïmporteerd als eboekhouden of snelstart, niet "
        "als {source}; kies een van die twee.",
        "{file}: an audit file can be imported as eboekhouden or snelstart, not as {source}; "
        "choose one of those two.",
    ),
    "refusal.xaf_doctype": (
        "{file}: het bestand declareert een DOCTYPE of entiteiten, en dat doet een auditfile "
        "nooit, dus het is niet gelezen; exporteer de auditfile opnieuw uit het "
        "boekhoudpakket.",
        "{file}: the file declares a DOCTYPE or entities, which an audit file never does, so "
        "it was not read; export the audit file again from the bookkeeping package.",
    ),
    "refusal.xaf_not_xml": (
        "{file}: het bestand is geen correcte XML (regel {line}, kolom {column}); exporteer "
        "de auditfile opnieuw, misschien is hij afgebroken.",
        "{file}: the file is not well-formed XML (line {line}, column {column}); export the "
        "audit file again, it may have been cut off.",
    ),
    # ----------------------------------------------------------------- access: TransIP
    "refusal.no_access_rows": (
        "{file}: het bestand bevat geen {what}, alleen kolomnamen of een lege lijst; "
        "exporteer het opnieuw met de rijen erin en probeer het nog eens.",
        "{file}: the file holds no {what}, only column names or an empty list; export it "
        "again with its rows and try again.",
    ),
    "refusal.json_not_access": (
        "{file}: deze JSON is geen export van {system}; in de README (hoofdstuk 'Exports') "
        "staat hoe u die maakt.",
        "{file}: this JSON is not a {system} export; see README section 'Exports' for how to "
        "get one.",
    ),
    "refusal.transip_unknown": (
        "{file}: deze JSON is geen antwoord van de TransIP-API (vps, firewall, ip-addresses, "
        "domains, contacts of invoices); {how}",
        "{file}: this JSON is not a TransIP API answer (vps, firewall, ip-addresses, "
        "domains, contacts or invoices); {how}",
    ),
    "refusal.firewall_no_rules": (
        "{file}: het antwoord over de firewall bevat geen lijst met regels; {how}",
        "{file}: the firewall answer holds no list of rules; {how}",
    ),
    "refusal.vps_list_empty": (
        "{file}: de VPS-lijst bevat geen VPS met een naam; {how}",
        "{file}: the VPS list holds no VPS with a name; {how}",
    ),
    "refusal.ip_addresses_unnamed": (
        "{file}: uit de bestandsnaam blijkt niet bij welke VPS deze adressen horen; sla het "
        "op als transip_ip-addresses_<vps>.json en probeer het opnieuw.",
        "{file}: the file name does not say which VPS these addresses belong to; save it as "
        "transip_ip-addresses_<vps>.json and try again.",
    ),
    "refusal.zip_unopenable": (
        "{file}: het zipbestand kan niet worden geopend ({problem}).",
        "{file}: the ZIP file cannot be opened ({problem}).",
    ),
    "refusal.bundle_too_big": (
        "{file}: het zipbestand is groter dan een export van TransIP kan zijn; zet alleen de "
        "opgeslagen antwoorden van de API in de zip.",
        "{file}: the ZIP file is larger than a TransIP export can be; zip only the saved API "
        "answers.",
    ),
    "refusal.bundle_no_json": (
        "{file}: het zipbestand bevat geen JSON-antwoorden; {how}",
        "{file}: the ZIP file holds no JSON answers; {how}",
    ),
    "refusal.bundle_member_json": (
        "{file}: {member} in het zipbestand is geen geldige JSON; {how}",
        "{file}: {member} in the ZIP file is not valid JSON; {how}",
    ),
    # ----------------------------------------------------------------- access: vaults
    "refusal.keepass_doctype": (
        "{file}: de XML declareert een DOCTYPE of entiteiten, en dat doet een KeePass-export "
        "nooit; {how}",
        "{file}: the XML declares a DOCTYPE or entities, which a KeePass export never does; {how}",
    ),
    "refusal.keepass_damaged": (
        "{file}: de XML is beschadigd ({problem}); {how}",
        "{file}: the XML is damaged ({problem}); {how}",
    ),
    "refusal.keepass_not": (
        "{file}: deze XML is geen KeePass-export; {how}",
        "{file}: this XML is not a KeePass export; {how}",
    ),
    "refusal.row_width_one": (
        "{file}: rij {row} heeft 1 kolom terwijl de kopregel er {width} heeft, dus een "
        "wachtwoord zou in een kolom kunnen belanden die bewaard wordt; {how}",
        "{file}: row {row} has 1 column where the header has {width}, so a password could "
        "land in a column that is kept; {how}",
    ),
    "refusal.row_width": (
        "{file}: rij {row} heeft {cells} kolommen terwijl de kopregel er {width} heeft, dus "
        "een wachtwoord zou in een kolom kunnen belanden die bewaard wordt; {how}",
        "{file}: row {row} has {cells} columns where the header has {width}, so a password "
        "could land in a column that is kept; {how}",
    ),
    "refusal.bitwarden_encrypted": (
        "{file}: deze Bitwarden-export is versleuteld; exporteer de kluis opnieuw als gewone "
        ".json of .csv (niet 'encrypted'), importeer die en verwijder het bestand daarna.",
        "{file}: this Bitwarden export is encrypted; export the vault again as plain .json "
        "or .csv (not 'encrypted'), import it and delete the file.",
    ),
    # ----------------------------------------------------------------- mailbox
    "refusal.message_too_big": (
        "{file}: het bericht is groter dan 50 MB; sla het op zonder bijlagen en importeer "
        "het opnieuw.",
        "{file}: the message is larger than 50 MB; save it without its attachments and "
        "import it again.",
    ),
    "refusal.mail_zip_damaged": (
        "{file}: het zipbestand is beschadigd; maak het opnieuw.",
        "{file}: the zip file is damaged; make it again.",
    ),
    "refusal.mail_zip_too_many": (
        "{file}: er zitten te veel bestanden in de zip; verdeel ze over meer zips.",
        "{file}: the zip holds too many files; split it up.",
    ),
    "refusal.msg_unreadable": (
        "{file}: dit Outlook-bericht (.msg) kon niet worden gelezen; sla het bericht "
        "opnieuw op vanuit Outlook (Bestand → Opslaan als → Outlook-berichtindeling).",
        "{file}: this Outlook .msg file could not be read; save the message again from "
        "Outlook (File → Save As → Outlook Message Format).",
    ),
    "refusal.pst_unsupported": (
        "{file}: .pst-bestanden kunnen op deze computer niet worden gelezen; exporteer de "
        "mailbox uit Outlook als .eml-bestanden of als mbox.",
        "{file}: .pst files cannot be read on this computer; export the mailbox from Outlook "
        "as .eml files or an mbox instead.",
    ),
    "refusal.pst_unreadable": (
        "{file}: dit Outlook-gegevensbestand (.pst) kon niet worden gelezen; exporteer het "
        "opnieuw vanuit Outlook (Bestand → Openen en exporteren → Importeren/exporteren).",
        "{file}: this Outlook data file (.pst) could not be read; export it again from "
        "Outlook (File → Open & Export → Import/Export).",
    ),
    "refusal.trace_cut_off": (
        "{file}: de message trace is afgebroken (hij eindigt midden in een teken); download "
        "hem opnieuw uit het Exchange-beheercentrum.",
        "{file}: the message trace is cut off (it ends in half a character); download it "
        "again from the Exchange admin center.",
    ),
    "refusal.mail_nested": (
        "{file}: bericht {n} hierin bestaat uit delen in delen, honderden lagen diep, en zo "
        "schrijft geen enkel mailprogramma een bericht; haal het uit de export en importeer "
        "de rest opnieuw.",
        "{file}: message {n} in it is built of parts inside parts hundreds of levels deep, "
        "which no mail program writes; take it out of the export and import the rest again.",
    ),
    "refusal.mail_too_many_recipients": (
        "{file}: bericht {n} hierin is gericht aan {recipients:,} mensen, meer dan een "
        "mailserver bezorgt ({most:,}); haal het uit de export en importeer de rest opnieuw.",
        "{file}: message {n} in it is addressed to {recipients:,} people, more than a mail "
        "server delivers to ({most:,}); take it out of the export and import the rest again.",
    ),
    "refusal.mailbox_empty": (
        "{file}: deze export van de mailbox bevat geen berichten; controleer of u de juiste "
        "map hebt geëxporteerd en of die niet leeg is.",
        "{file}: this mailbox export holds no messages; check that you exported the right "
        "folder and that it is not empty.",
    ),
    "refusal.mailbox_undated": (
        "{file}: van geen van de {n} berichten zijn de datum en de afzender te lezen; "
        "exporteer de berichten opnieuw uit Outlook.",
        "{file}: none of the {n} messages has a readable date and sender; export the "
        "messages again from Outlook.",
    ),
    # ----------------------------------------------------------------- website evidence
    "refusal.page_not_text": (
        "{file}: dit is geen tekstbestand; {how}",
        "{file}: this is not a text file; {how}",
    ),
    "refusal.page_no_tag": (
        "{file}: in deze tekst is geen tag van Google Analytics, Tag Manager of een andere "
        "tracker gevonden; {how}",
        "{file}: no Google Analytics, Tag Manager or other tracking tag was found in this "
        "text; {how}",
    ),
    "refusal.not_website_evidence": (
        "{file}: dit bestand is niet herkend als bewijs over de website (een HAR-bestand, de "
        "HTML of het tagfragment van de site, de CSV van een cookiescanner of de "
        "instellingen van Google Analytics als JSON); zie de README, hoofdstuk 'Website'.",
        "{file}: this file was not recognised as website evidence (a HAR file, the site's "
        "HTML or tag snippet, a cookie scanner's CSV or Google Analytics settings JSON); see "
        "README section 'Website'.",
    ),
    "refusal.ga_error_answer": (
        "{file}: dit is een foutmelding van de Google-API ({code} {status}: {message}); {how}",
        "{file}: this is an error answer of the Google API ({code} {status}: {message}); {how}",
    ),
    "refusal.ga_no_settings": (
        "{file}: deze JSON bevat geen instellingen van Google Analytics; {how}",
        "{file}: this JSON holds no Google Analytics settings; {how}",
    ),
    "refusal.ga_nothing_read": (
        "{file}: het antwoord van Google Analytics bevat geen instelling die dit dashboard "
        "leest (geen bewaartermijn, gegevens delen of stand van Google-signalen); {how}",
        "{file}: the Google Analytics answer holds no setting this dashboard reads (no "
        "retention, data sharing or Google signals state); {how}",
    ),
    "refusal.har_too_big": (
        "{file}: dit HAR-bestand is groter dan 512 MB; neem een korter bezoek op (twee of "
        "drie pagina's) en {how}",
        "{file}: this HAR file is larger than 512 MB; record a shorter visit (two or three "
        "pages) and {how}",
    ),
    "refusal.har_not_json_at": (
        "{file}: dit is geen HAR-bestand, het is geen geldige JSON (regel {line}, kolom "
        "{column}); {how}",
        "{file}: this is not a HAR file, it is not valid JSON (line {line}, column {column}); "
        "{how}",
    ),
    "refusal.har_not_json": (
        "{file}: dit is geen HAR-bestand, het is geen geldige JSON; {how}",
        "{file}: this is not a HAR file, it is not valid JSON; {how}",
    ),
    "refusal.har_no_entries": (
        "{file}: deze JSON is geen HAR-bestand (er is geen log.entries); {how}",
        "{file}: this JSON is not a HAR file (no log.entries); {how}",
    ),
    "refusal.har_no_requests": (
        "{file}: het HAR-bestand bevat geen verzoeken; laad de pagina opnieuw met het "
        "tabblad Netwerk open, en {how}",
        "{file}: the HAR file holds no requests; reload the page with the Network tab open, "
        "then {how}",
    ),
    "refusal.har_entries_not_requests": (
        "{file}: wat in het HAR-bestand staat, zijn geen verzoeken; {how}",
        "{file}: the HAR entries are not requests; {how}",
    ),
    "refusal.cookie_scan_empty": (
        "{file}: de cookielijst bevat geen cookies; {how}",
        "{file}: the cookie list holds no cookies; {how}",
    ),
    # ----------------------------------------------------------------- the command line
    "cli.refused": ("geweigerd: {reason}", "refused: {reason}"),
    "cli.warning": ("  waarschuwing: {text}", "  warning: {text}"),
}
