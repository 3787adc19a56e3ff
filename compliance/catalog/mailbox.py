"""The mailbox: message classes, directions, reasons and the classification review."""

STRINGS: dict[str, tuple[str, str]] = {
    # classes of a message (compliance.mail_classify.CLASSES, plus the company's own)
    "class.access": ("inzageverzoek", "access request"),
    "class.withdrawal": ("machtiging intrekken", "withdrawal of consent"),
    "class.termination": ("opzegging", "termination"),
    "class.erasure": ("verzoek tot verwijdering", "erasure request"),
    "class.rectification": ("verzoek tot rectificatie", "rectification request"),
    "class.objection": ("bezwaar", "objection"),
    "class.complaint": ("klacht", "complaint"),
    "class.contact": ("gewoon contact", "ordinary contact"),
    "class.noise": ("ruis (nieuwsbrief, automatisch)", "noise (newsletter, automatic)"),
    "class.sent": ("eigen bericht", "own message"),
    "direction.inbound": ("ontvangen", "received"),
    "direction.outbound": ("verstuurd", "sent"),
    "direction.internal": ("intern", "internal"),
    "channel.post": ("post", "post"),
    "channel.email": ("e-mail", "e-mail"),
    # why a message got its class (the recorded reasons)
    "reason.subject": ("onderwerp bevat «{phrase}»", "subject contains «{phrase}»"),
    "reason.body": ("tekst bevat «{phrase}»", "text contains «{phrase}»"),
    "reason.sender": ("afzender past bij «{phrase}»", "sender matches «{phrase}»"),
    "reason.header": ("kopregel «{phrase}»", "header «{phrase}»"),
    "reason.noise_subject": ("onderwerp «{phrase}»", "subject «{phrase}»"),
    "reason.noise": ("nieuwsbrieftekst «{phrase}»", "newsletter text «{phrase}»"),
    "reason.metadata_only": (
        "alleen het onderwerp was bekend (message trace)",
        "only the subject was known (message trace)",
    ),
    "reason.none": ("geen verzoekzin gevonden", "no request phrase found"),
    # the review on the Verzoeken page
    "mail.title": ("E-mails en hun classificatie", "E-mails and their classification"),
    "mail.intro": (
        "Elke ontvangen e-mail uit de mailbox-exports is een verzoek, gewoon contact of ruis, "
        "volgens de zinnen in data/policy.toml. Klopt een classificatie niet, corrigeer hem "
        "hier met een reden; dat blijft staan als u de mailbox opnieuw importeert. Van de "
        "e-mails zelf bewaren we alleen afzender, datum en onderwerp, nooit de tekst.",
        "Every received e-mail from the mailbox exports is a request, ordinary contact or "
        "noise, by the phrases in data/policy.toml. If a classification is wrong, correct it "
        "here with a reason; it stays when you import the mailbox again. Of the e-mails we keep "
        "only sender, date and subject, never the text.",
    ),
    "mail.none": (
        "Nog geen e-mails geïmporteerd. Exporteer de mailbox (.eml, zip, mbox, .msg, .pst of "
        "message trace) en importeer die op de pagina Importeren.",
        "No e-mails imported yet. Export the mailbox (.eml, zip, mbox, .msg, .pst or message "
        "trace) and import it on the Import page.",
    ),
    "mail.filter": ("Toon", "Show"),
    "mail.filter_requests": ("verzoeken", "requests"),
    "mail.filter_contact": ("gewoon contact", "ordinary contact"),
    "mail.filter_noise": ("ruis", "noise"),
    "mail.filter_overruled": ("met de hand gecorrigeerd", "corrected by hand"),
    "mail.count": ("{n} van {total} ontvangen e-mails.", "{n} of {total} received e-mails."),
    "mail.col_date": ("Datum", "Date"),
    "mail.col_from": ("Van", "From"),
    "mail.col_subject": ("Onderwerp", "Subject"),
    "mail.col_class": ("Classificatie", "Classification"),
    "mail.col_why": ("Waarom", "Why"),
    "mail.col_request": ("Verzoek", "Request"),
    "mail.overruled_note": (
        "gecorrigeerd door {actor}: {reason} (automatisch: {automatic})",
        "corrected by {actor}: {reason} (automatic: {automatic})",
    ),
    "mail.overrule_title": ("Classificatie corrigeren", "Correct a classification"),
    "mail.overrule_pick": ("Welke e-mail", "Which e-mail"),
    "mail.overrule_to": ("Wordt", "Becomes"),
    "mail.overrule_reason": ("Waarom?", "Why?"),
    "mail.overrule_reason_hint": (
        "bijv. dit is een vraag over de opzegtermijn, geen opzegging",
        "e.g. this is a question about the notice period, not a termination",
    ),
    "mail.overrule_button": ("Corrigeren", "Correct"),
    "mail.overrule_need_reason": (
        "Vul in waarom de classificatie niet klopt.",
        "Fill in why the classification is wrong.",
    ),
    "mail.overrule_same": (
        "Die e-mail heeft die classificatie al.",
        "That e-mail already has that classification.",
    ),
    "mail.overruled": (
        "Vastgelegd: «{subject}» is nu {cls}.",
        "Recorded: «{subject}» is now {cls}.",
    ),
    "mail.matched": ("Gevonden: {reasons}", "Found: {reasons}"),
}
