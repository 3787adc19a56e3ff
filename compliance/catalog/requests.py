"""The Verzoeken page and the access-request overview (Excel)."""

STRINGS: dict[str, tuple[str, str]] = {
    "page.verzoeken": ("Verzoeken", "Requests"),
    "overview.to_requests_page": ("Naar de verzoeken", "To the requests"),
    "req.intro": (
        "Schriftelijke verzoeken van betrokkenen: per post (hieronder vast te leggen) en per "
        "e-mail (uit de mailbox-export). Het dringendste staat bovenaan; rood is te laat, "
        "oranje moet binnen 2 werkdagen.",
        "Written requests from data subjects: by post (record them below) and by e-mail (from "
        "the mailbox export). The most urgent first; red is late, amber is due within 2 "
        "working days.",
    ),
    "req.filter_status": ("Status", "Status"),
    "req.filter_type": ("Soort verzoek", "Type of request"),
    "req.all": ("Alle", "All"),
    "req.count": ("{n} van {total} verzoeken.", "{n} of {total} requests."),
    "req.none": ("Geen verzoeken met deze filters.", "No requests with these filters."),
    "urgency.overdue": ("te laat", "overdue"),
    "urgency.due_soon": ("binnen 2 werkdagen", "within 2 working days"),
    "urgency.open": ("open", "open"),
    "urgency.logged": ("vastgelegd (geen termijn)", "logged (no deadline)"),
    "urgency.answered": ("beantwoord", "answered"),
    "urgency.rejected": ("afgewezen", "rejected"),
    "req.col_urgency": ("Status", "Status"),
    "req.col_days_left": ("Dagen", "Days"),
    "req.col_rule": ("Termijn (regel)", "Deadline (rule)"),
    "req.col_channel": ("Via", "Via"),
    "req.col_note": ("Notitie", "Note"),
    "req.days_left": ("nog {n} dagen", "{n} days left"),
    "req.day_left": ("nog 1 dag", "1 day left"),
    "req.today": ("vandaag", "today"),
    "req.days_late": ("{n} dagen te laat", "{n} days late"),
    "req.day_late": ("1 dag te laat", "1 day late"),
    "req.rule_working_days": (
        "ontvangen {date} + {n} werkdagen",
        "received {date} + {n} working days",
    ),
    "req.rule_months": (
        "ontvangen {date} + {n} maand (AVG art. 12 lid 3)",
        "received {date} + {n} month (GDPR art. 12(3))",
    ),
    "req.rule_extended": (
        " + {n} maanden verlenging (gemeld op {told})",
        " + {n} months extension (told on {told})",
    ),
    "req.rule_none": ("geen termijn; wel vastleggen", "no deadline; do record it"),
    "req.answered_by_mail": ("antwoord gevonden in de mailbox", "answer found in the mailbox"),
    # actions
    "req.act_title": ("Een verzoek afhandelen", "Handle a request"),
    "req.act_pick": ("Welk verzoek", "Which request"),
    "req.act_choice": ("Wat is er gebeurd?", "What happened?"),
    "req.act_answered": ("Beantwoord", "Answered"),
    "req.act_extended": ("Termijn verlengd", "Deadline extended"),
    "req.act_rejected": ("Afgewezen", "Rejected"),
    "req.act_date": ("Op (datum)", "On (date)"),
    "req.act_date_help": (
        "Beantwoord of afgewezen: de dag dat het antwoord verstuurd is. Verlengd: de dag dat "
        "de verzoeker het bericht over de verlenging kreeg.",
        "Answered or rejected: the day the answer went out. Extended: the day the requester "
        "was told of the extension.",
    ),
    "req.act_note": ("Notitie", "Note"),
    "req.act_note_hint": (
        "bijv. overzicht per e-mail gestuurd; reden van afwijzing; reden van verlenging",
        "e.g. overview sent by e-mail; reason for rejection; reason for the extension",
    ),
    "req.act_button": ("Vastleggen", "Record"),
    "req.act_nothing": ("Geen open verzoeken.", "No open requests."),
    "req.need_note_rejected": (
        "Vul de reden van de afwijzing in; de verzoeker moet die horen.",
        "Fill in the reason for the rejection; the requester must be told.",
    ),
    "req.need_note_extended": (
        "Vul in waarom de termijn verlengd is (dat moet de verzoeker ook horen).",
        "Fill in why the deadline was extended (the requester must be told that too).",
    ),
    "req.need_date": ("Vul een datum in.", "Fill in a date."),
    "req.not_extendable": (
        "Dit soort verzoek kan niet worden verlengd (alleen de termijn van één maand uit de AVG).",
        "This type of request cannot be extended (only the GDPR's one-month deadline).",
    ),
    "req.told_too_late": (
        "Een verlenging moet binnen de eerste maand gemeld zijn (uiterlijk {date}).",
        "An extension must be told within the first month (by {date}).",
    ),
    "req.before_received": (
        "Die datum ligt vóór de ontvangst van het verzoek.",
        "That date lies before the request was received.",
    ),
    "req.recorded": ("Vastgelegd bij verzoek {id}: {what}.", "Recorded for request {id}: {what}."),
    # postal request form
    "req.add_title": ("Verzoek per post vastleggen", "Record a request received by post"),
    "req.add_intro": (
        "Een brief die per post binnenkwam. Vul ten minste een naam, e-mailadres of "
        "KvK-nummer in, zodat het verzoek aan de juiste persoon wordt gekoppeld.",
        "A letter received by post. Fill in at least a name, e-mail address or KvK number, so "
        "the request is linked to the right person.",
    ),
    "req.add_type": ("Soort verzoek", "Type of request"),
    "req.add_received": ("Ontvangen op", "Received on"),
    "req.add_name": ("Naam", "Name"),
    "req.add_email": ("E-mailadres", "E-mail address"),
    "req.add_kvk": ("KvK-nummer", "KvK number"),
    "req.add_button": ("Verzoek vastleggen", "Record request"),
    "req.add_need_who": (
        "Vul een naam, e-mailadres of KvK-nummer in.",
        "Fill in a name, e-mail address or KvK number.",
    ),
    "req.add_bad_email": ("'{value}' is geen e-mailadres.", "'{value}' is not an e-mail address."),
    "req.add_bad_kvk": (
        "'{value}' is geen KvK-nummer van 8 cijfers.",
        "'{value}' is not a KvK number of 8 digits.",
    ),
    "req.add_future": (
        "De ontvangstdatum ligt in de toekomst.",
        "The date received lies in the future.",
    ),
    "req.added": ("Verzoek {id} vastgelegd.", "Request {id} recorded."),
    # access overview
    "req.access_title": ("Inzageoverzicht (Excel)", "Access overview (Excel)"),
    "req.access_intro": (
        "Voor een inzageverzoek: alles wat we over de verzoeker bewaren, uit alle systemen, "
        "met doel, bron, bewaartermijn en ontvangers. Controleer het en stuur het binnen de "
        "termijn.",
        "For an access request: everything we hold about the requester, from every system, "
        "with purpose, source, retention and recipients. Check it and send it within the "
        "deadline.",
    ),
    "req.access_pick": ("Inzageverzoek", "Access request"),
    "req.access_none": (
        "Er is geen inzageverzoek met een gekoppelde persoon.",
        "There is no access request linked to a person.",
    ),
    "req.access_button": ("Inzageoverzicht downloaden (Excel)", "Download access overview (Excel)"),
    # the workbook
    "access.title": (
        "Overzicht persoonsgegevens van {name} per {date}",
        "Personal data held about {name} as of {date}",
    ),
    "access.file_prefix": ("inzage", "access"),
    "access.sheet_person": ("Betrokkene", "Data subject"),
    "access.sheet_data": ("Gegevens", "Data"),
    "access.sheet_recipients": ("Ontvangers", "Recipients"),
    "access.sheet_requests": ("Verzoeken", "Requests"),
    "access.sheet_mail": ("E-mail", "E-mail"),
    "access.sheet_invoices": ("Facturen", "Invoices"),
    "access.what": ("Wat", "What"),
    "access.value": ("Waarde", "Value"),
    "access.name": ("Naam", "Name"),
    "access.kvk": ("KvK-nummer", "KvK number"),
    "access.emails": ("E-mailadressen", "E-mail addresses"),
    "access.status": ("Status", "Status"),
    "access.end_of_cooperation": ("Einde samenwerking", "End of cooperation"),
    "access.last_contact": ("Laatste contact", "Last contact"),
    "access.as_of": ("Peildatum", "As-of date"),
    "access.controller": ("Verwerkingsverantwoordelijke", "Controller"),
    "access.authority": ("Toezichthouder (klachten)", "Supervisory authority (complaints)"),
    "access.rights": ("Uw rechten", "Your rights"),
    "access.rights_text": (
        "U kunt ons vragen uw gegevens te corrigeren of te verwijderen, bezwaar maken tegen "
        "de verwerking, en een klacht indienen bij de Autoriteit Persoonsgegevens.",
        "You can ask us to correct or erase your data, object to the processing, and lodge a "
        "complaint with the Autoriteit Persoonsgegevens.",
    ),
    "access.category": ("Categorie", "Category"),
    "access.fields": ("Welke gegevens", "Which data"),
    "access.detail": ("Omschrijving", "Description"),
    "access.purpose": ("Doel", "Purpose"),
    "access.source": ("Bron (systeem)", "Source (system)"),
    "access.processor": ("Verwerker", "Processor"),
    "access.retention": ("Bewaartermijn", "Retention"),
    "access.due_or_deleted": ("Uiterlijk weg / verwijderd op", "Due / deleted on"),
    "access.state": ("Stand", "State"),
    "access.first_seen": ("Eerst gezien", "First seen"),
    "access.last_seen": ("Laatst gezien", "Last seen"),
    "access.country": ("Land", "Country"),
    "access.agreement": ("Verwerkersovereenkomst", "Processing agreement"),
    "access.request_no": ("Nr.", "No."),
    "access.request_type": ("Soort verzoek", "Type of request"),
    "access.channel": ("Via", "Via"),
    "access.received_on": ("Ontvangen", "Received"),
    "access.respond_by": ("Antwoord uiterlijk", "Answer by"),
    "access.answered_on": ("Beantwoord", "Answered"),
    "access.sent_at": ("Datum en tijd", "Date and time"),
    "access.direction": ("Richting", "Direction"),
    "access.mail_subject": ("Onderwerp", "Subject"),
    "access.classification": ("Soort bericht", "Kind of message"),
    "access.invoice_no": ("Factuurnummer", "Invoice number"),
    "access.invoice_date": ("Factuurdatum", "Invoice date"),
}
