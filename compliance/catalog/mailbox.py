"""The mailbox: message classes, directions, reasons and the classification review."""

STRINGS: dict[str, tuple[str, str]] = {
    # classes of a message (compliance.store.messages.CLASSES, plus the company's own)
    "class.access": ("inzageverzoek", "access request"),
    "class.withdrawal": ("machtiging intrekken", "withdrawal of consent"),
    "class.termination": ("opzegging", "termination"),
    "class.erasure": ("verzoek tot verwijdering", "erasure request"),
    "class.rectification": ("verzoek tot rectificatie", "rectification request"),
    "class.objection": ("bezwaar", "objection"),
    "class.complaint": ("klacht", "complaint"),
    "class.unclear": ("Te beoordelen", "To review"),
    "class.contact": ("gewoon contact", "ordinary contact"),
    "class.noise": ("ruis (nieuwsbrief, automatisch)", "noise (newsletter, automatic)"),
    "class.sent": ("eigen bericht", "own message"),
    "class.unclear_of": ("Te beoordelen (mogelijk {types})", "To review (possibly {types})"),
    "direction.inbound": ("ontvangen", "received"),
    "direction.outbound": ("verstuurd", "sent"),
    "direction.internal": ("intern", "internal"),
    "channel.post": ("post", "post"),
    "channel.email": ("e-mail", "e-mail"),
    # why a message got its classes: one line per rule that held (compliance.intake)
    "reason.line": (
        "{place} «{sentence}»: {what} (regel «{rule}»)",
        "{place} «{sentence}»: {what} (rule «{rule}»)",
    ),
    "reason.line_plain": ("{place}: {what} (regel «{rule}»)", "{place}: {what} (rule «{rule}»)"),
    "reason.any_request": ("een verzoek", "a request"),
    "reason.type_sender": ("afzender", "sender"),
    "reason.status.counted": ("{type}", "{type}"),
    "reason.status.possible": ("mogelijk {type}", "possibly {type}"),
    "reason.status.negated": ("{type} ontkend, telt niet", "{type} negated, does not count"),
    "reason.status.to_reader": (
        "{type} over de lezer, telt niet",
        "{type} about the reader, does not count",
    ),
    "reason.status.unconfirmed": ("niet bevestigd", "not confirmed"),
    "reason.place.subject": ("onderwerp", "subject"),
    "reason.place.text": ("tekst", "text"),
    "reason.place.forwarded": ("doorgestuurd bericht", "forwarded message"),
    "reason.place.quoted": ("eerder bericht", "earlier message"),
    "reason.place.header": ("kopregel", "header"),
    "reason.place.sender": ("afzender", "sender"),
    "reason.metadata_only": (
        "alleen het onderwerp was bekend (message trace)",
        "only the subject was known (message trace)",
    ),
    "reason.none": ("geen verzoekzin gevonden", "no request phrase found"),
    "reason.more": ("en nog {n}", "and {n} more"),
    # the review on the Verzoeken page
    "mail.title": ("E-mails en hun classificatie", "E-mails and their classification"),
    "mail.intro": (
        "Elke ontvangen e-mail uit de mailbox-exports is een of meer verzoeken, te "
        "beoordelen (mogelijk een verzoek), gewoon contact of ruis, volgens de regels in "
        "data/policy.toml. Klopt een classificatie niet, corrigeer hem hier met een reden; "
        "dat blijft staan als u de mailbox opnieuw importeert. Van de e-mails zelf bewaren we "
        "alleen afzender, datum, onderwerp en de zinnen waarin een regel gevonden werd, nooit "
        "de hele tekst.",
        "Every received e-mail from the mailbox exports is one or more requests, to review "
        "(possibly a request), ordinary contact or noise, by the rules in data/policy.toml. If "
        "a classification is wrong, correct it here with a reason; it stays when you import "
        "the mailbox again. Of the e-mails we keep only sender, date, subject and the "
        "sentences a rule was found in, never the whole text.",
    ),
    "mail.none": (
        "Nog geen e-mails geïmporteerd. Exporteer de mailbox (.eml, zip, mbox, .msg, .pst of "
        "message trace) en importeer die op de pagina Importeren.",
        "No e-mails imported yet. Export the mailbox (.eml, zip, mbox, .msg, .pst or message "
        "trace) and import it on the Import page.",
    ),
    "mail.filter": ("Toon", "Show"),
    "mail.filter_requests": ("verzoeken", "requests"),
    "mail.filter_unclear": ("te beoordelen", "to review"),
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
    "mail.overrule_to_help": (
        "Een of meer soorten verzoek (een e-mail kan meerdere verzoeken bevatten), of "
        "alleen gewoon contact, ruis of te beoordelen.",
        "One or more request types (one e-mail can hold several requests), or only ordinary "
        "contact, noise or to review.",
    ),
    "mail.overrule_need_class": (
        "Kies wat de e-mail is.",
        "Choose what the e-mail is.",
    ),
    "mail.overrule_mixed": (
        "Gewoon contact, ruis of te beoordelen gaat niet samen met iets anders; kies soorten "
        "verzoek, of een van die drie.",
        "Ordinary contact, noise or to review cannot go with anything else; choose request "
        "types, or one of those three.",
    ),
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
