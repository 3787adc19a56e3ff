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
    "class.unclear_of": ("Te beoordelen (mogelijk: {types})", "To review (possibly: {types})"),
    "direction.inbound": ("ontvangen", "received"),
    "direction.outbound": ("verstuurd", "sent"),
    "direction.internal": ("intern", "internal"),
    "channel.post": ("post", "post"),
    "channel.email": ("e-mail", "e-mail"),
    # why a message got its classes: one line per rule that held (compliance.intake), the
    # same words in the mailbox table and in the section te beoordelen
    "reason.line": (
        "{place} «{sentence}»: {what} — {status} ({details})",
        "{place} «{sentence}»: {what} — {status} ({details})",
    ),
    "reason.line_plain": (
        "{place}: {what} — {status} ({details})",
        "{place}: {what} — {status} ({details})",
    ),
    "reason.line_sender": (
        "afzender niet bevestigd: {check}",
        "sender not confirmed: {check}",
    ),
    "reason.rules.one": ("regel «{rules}»", "rule «{rules}»"),
    "reason.rules.many": ("regels «{rules}»", "rules «{rules}»"),
    "reason.any_request": ("een verzoek (soort onbekend)", "a request (type unknown)"),
    "reason.type_sender": ("afzender", "sender"),
    "reason.status.counted": ("telt", "counts"),
    "reason.status.possible": ("mogelijk", "possible"),
    "reason.status.negated": ("ontkend, telt niet", "negated, does not count"),
    "reason.status.to_reader": (
        "gaat over u als lezer («uw …», «als u …»), telt niet",
        "about you as the reader (“your …”, “if you …”), does not count",
    ),
    "reason.status.unconfirmed": ("niet bevestigd", "not confirmed"),
    # the learned second opinion (compliance.intake.resemblance); likeness: "87%"
    "reason.status.resembles": (
        "geen regel herkende een verzoek, maar de e-mail lijkt voor {likeness} op de "
        "verzoeken uit de voorbeeldmails: beoordeel hem zelf",
        "no rule recognised a request, but the e-mail resembles the requests of the sample "
        "mails for {likeness}: review it yourself",
    ),
    "reason.status.doubted": (
        "een regel herkende een verzoek, maar de e-mail lijkt maar voor {likeness} op de "
        "verzoeken uit de voorbeeldmails: bevestig het zelf",
        "a rule recognised a request, but the e-mail resembles the requests of the sample "
        "mails for only {likeness}: confirm it yourself",
    ),
    "reason.status.other": ("telt niet", "does not count"),
    "reason.place.subject": ("onderwerp", "subject"),
    "reason.place.text": ("tekst", "text"),
    "reason.place.forwarded": ("doorgestuurd bericht", "forwarded message"),
    "reason.place.quoted": ("geciteerd bericht", "quoted message"),
    "reason.place.unpointed": (
        "geciteerd bericht van een ander",
        "quoted message from someone else",
    ),
    "reason.place.header": ("kopregels", "headers"),
    "reason.place.sender": ("afzenderadres", "sender address"),
    "reason.place.other": ("bericht", "message"),
    "reason.place.message": ("hele bericht", "whole message"),
    "reason.language.nl": ("Nederlands", "Dutch"),
    "reason.language.en": ("Engels", "English"),
    "reason.language.de": ("Duits", "German"),
    # what the receiving server found of the sender (the Authentication-Results header)
    "reason.check.all_failed": ("SPF, DKIM en DMARC faalden", "SPF, DKIM and DMARC all failed"),
    "reason.check.other_domain": (
        "de server bevestigde het domein {domain}, niet dat van het afzenderadres",
        "the server confirmed the domain {domain}, not that of the sender address",
    ),
    "reason.check.unknown": (
        "de ontvangende server kon de afzender niet bevestigen",
        "the receiving server could not confirm the sender",
    ),
    "reason.metadata_only": (
        "alleen het onderwerp was bekend (message trace)",
        "only the subject was known (message trace)",
    ),
    "reason.none": ("geen verzoekzin gevonden", "no request phrase found"),
    "reason.more": ("en nog {n}", "and {n} more"),
    # the section te beoordelen at the top of the Verzoeken page
    "unclear.title": ("Te beoordelen", "To review"),
    "unclear.headline.one": (
        "**1 e-mail is mogelijk een verzoek: beoordeel hem.**",
        "**1 e-mail may be a request: review it.**",
    ),
    "unclear.headline.many": (
        "**{n} e-mails zijn mogelijk een verzoek: beoordeel ze.**",
        "**{n} e-mails may be requests: review them.**",
    ),
    "unclear.explain": (
        "Tot u beslist, loopt voor elke e-mail de kortste termijn die het verzoek zou kunnen "
        "hebben. Bevestig wat het is, of kies «Geen verzoek».",
        "Until you decide, each e-mail carries the shortest deadline the request could have. "
        "Confirm what it is, or choose “Not a request”.",
    ),
    "unclear.received": ("Ontvangen {date} · van {who}", "Received {date} · from {who}"),
    "unclear.no_subject": ("(geen onderwerp)", "(no subject)"),
    "unclear.may_be": ("Mogelijk: {types}", "Possibly: {types}"),
    "unclear.may_be_any": (
        "Mogelijk: een verzoek, soort onbekend",
        "Possibly: a request, type unknown",
    ),
    "unclear.deadline": (
        "Termijn die nu loopt (verzoek {id}): uiterlijk **{date}** — {days}",
        "Deadline now running (request {id}): by **{date}** — {days}",
    ),
    "unclear.deadline_none": (
        "Verzoek {id}: geen termijn, alleen vastleggen",
        "Request {id}: no deadline, record only",
    ),
    "unclear.no_request": (
        "Er loopt (nog) geen verzoek voor deze e-mail.",
        "No request runs for this e-mail (yet).",
    ),
    "unclear.forged": (
        "De afzender kon niet worden bevestigd ({check}) — mogelijk vervalst; controleer dit "
        "voordat u iets doet.",
        "The sender could not be confirmed ({check}) — possibly forged; check this before you "
        "act on it.",
    ),
    "unclear.why": ("Wat de regels vonden", "What the rules found"),
    "unclear.evidence": ("→ **{what}** — {details}", "→ **{what}** — {details}"),
    "unclear.found_in": ("gevonden in: {place}", "found in: {place}"),
    "unclear.rules.one": ("regel: {rules}", "rule: {rules}"),
    "unclear.rules.many": ("regels: {rules}", "rules: {rules}"),
    "unclear.no_evidence": (
        "Geen regel gevonden: de e-mail is met de hand op te beoordelen gezet.",
        "No rule found: the e-mail was set to review by hand.",
    ),
    "unclear.confirm": ("Bevestig: {type}", "Confirm: {type}"),
    "unclear.confirm_help": (
        "Het wordt een verzoek van deze soort, met de termijn die daarbij hoort.",
        "It becomes a request of this type, with the deadline that goes with it.",
    ),
    "unclear.several": ("Of meerdere soorten tegelijk", "Or several types at once"),
    "unclear.several_hint": ("Kies soorten verzoek", "Choose request types"),
    "unclear.confirm_several": ("Bevestig gekozen soorten", "Confirm chosen types"),
    "unclear.need_types": (
        "Kies eerst een of meer soorten verzoek.",
        "First choose one or more request types.",
    ),
    "unclear.dismiss": ("Geen verzoek", "Not a request"),
    "unclear.dismiss_help": (
        "Gewoon contact: het verzoek en zijn termijn vervallen.",
        "Ordinary contact: the request and its deadline are dropped.",
    ),
    "unclear.noise": ("Ruis", "Noise"),
    "unclear.noise_help": (
        "Een nieuwsbrief of automatisch bericht: het verzoek en zijn termijn vervallen.",
        "A newsletter or automatic message: the request and its deadline are dropped.",
    ),
    "unclear.reason": ("Beoordeeld op Verzoeken", "Reviewed on Requests"),
    # the review on the Verzoeken page
    "mail.title": ("E-mails en hun classificatie", "E-mails and their classification"),
    "mail.intro": (
        "Elke ontvangen e-mail uit de mailbox-exports is een of meer verzoeken, te "
        "beoordelen (mogelijk een verzoek), gewoon contact of ruis, volgens de regels in "
        "het beleidsbestand. Klopt een classificatie niet, corrigeer hem hier met een reden; "
        "dat blijft staan als u de mailbox opnieuw importeert. Van de e-mails zelf bewaren we "
        "alleen afzender, datum, onderwerp en de zinnen waarin een regel gevonden werd, nooit "
        "de hele tekst.",
        "Every received e-mail from the mailbox exports is one or more requests, to review "
        "(possibly a request), ordinary contact or noise, by the rules in the policy file. If "
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
