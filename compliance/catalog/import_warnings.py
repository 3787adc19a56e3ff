"""What an importer warns about while it still imports the file (`ParsedExport.warnings`),
and the fragments that say where in the file ({where}: "rij 5") and which date it is
({what}: "machtigingsdatum").
"""

STRINGS: dict[str, tuple[str, str]] = {
    # ----------------------------------------------------------------- where in the file
    "where.row": ("rij {n}", "row {n}"),
    "where.relation": ("relatie {n}", "relation {n}"),
    "where.relation_id": ("relatie {n} (id {ref})", "relation {n} (id {ref})"),
    "where.relation_code": ("relatie {n} (code {code})", "relation {n} (code {code})"),
    "where.invoice": ("factuur {n}", "invoice {n}"),
    "where.customer": ("klant {ref}", "customer {ref}"),
    "where.transaction": ("transactie {n}", "transaction {n}"),
    "where.item": ("kluisitem {name}", "item {name}"),
    "where.whois_contact": (
        "domein {domain}, contactpersoon {kind}",
        "domain {domain}, contact {kind}",
    ),
    # ----------------------------------------------------------------- which date
    "what.invoice_date": ("factuurdatum", "invoice date"),
    "what.mandate_date": ("machtigingsdatum", "mandate date"),
    "what.modification_date": ("wijzigingsdatum", "modification date"),
    "what.creation_date": ("aanmaakdatum", "creation date"),
    "what.order_date": ("orderdatum", "order date"),
    "what.revision_date": ("wijzigingsdatum", "revision date"),
    "what.date": ("datum", "date"),
    # ----------------------------------------------------------------- any row
    "warning.not_a_date": (
        "{where}: {what} {text} is geen datum en is genegeerd.",
        "{where}: {what} {text} is not a date and was ignored.",
    ),
    "warning.date_looks_wrong": (
        "{where}: {what} {date} lijkt niet te kloppen; controleer die in het systeem waar "
        "het bestand vandaan komt.",
        "{where}: {what} {date} looks wrong; check it in the source.",
    ),
    "warning.more": (
        "… en nog {n} waarschuwingen van deze soort.",
        "… and {n} more warnings like these.",
    ),
    # ----------------------------------------------------------------- relations
    "warning.relation_twice": (
        "{where}: relatie {ref} staat ook op {other}; de laatste is bewaard.",
        "{where}: relation {ref} also appears at {other}; the last one is kept.",
    ),
    "warning.relation_no_name": (
        "{where}: relatie {ref} heeft geen naam; in plaats daarvan staat de code erbij.",
        "{where}: relation {ref} has no name; its code is shown instead.",
    ),
    "warning.kvk_not_8_digits": (
        "{where}: KvK-nummer {kvk} heeft geen 8 cijfers en is genegeerd.",
        "{where}: KvK number {kvk} is not 8 digits and was ignored.",
    ),
    "warning.email_invalid": (
        "{where}: in een e-mailveld staat geen geldig e-mailadres.",
        "{where}: an e-mail field holds no valid address.",
    ),
    "warning.invalid_iban": (
        "{where}: bankrekening …{last4} is geen geldig IBAN; ze staat bij de betaalgegevens, "
        "maar wordt niet gebruikt om personen aan elkaar te koppelen.",
        "{where}: bank account …{last4} is not a valid IBAN; it is listed as payment data "
        "but not used for linking.",
    ),
    "warning.relation_no_code": (
        "{where}: de relatie heeft geen code en is overgeslagen.",
        "{where}: the relation has no code and was skipped.",
    ),
    "warning.relation_no_id": (
        "{where}: de relatie heeft geen id en is overgeslagen.",
        "{where}: the relation has no id and was skipped.",
    ),
    # ----------------------------------------------------------------- invoices
    "warning.invoice_twice": (
        "{where}: factuur {number} is ook geboekt op relatie {other}; de eerste is bewaard.",
        "{where}: invoice {number} is also booked on relation {other}; the first one is kept.",
    ),
    "warning.invoice_no_number": (
        "{where}: de factuur heeft geen nummer en is overgeslagen.",
        "{where}: the invoice has no number and was skipped.",
    ),
    "warning.invoice_no_relation": (
        "{where}: de factuur heeft geen relatie en is overgeslagen.",
        "{where}: the invoice has no relation and was skipped.",
    ),
    "warning.invoice_no_date": (
        "{where}: de factuur heeft geen datum en is overgeslagen.",
        "{where}: the invoice has no date and was skipped.",
    ),
    # ----------------------------------------------------------------- per system
    "warning.relation_no_relatiecode": (
        "{where}: de relatie heeft geen Relatiecode en is overgeslagen.",
        "{where}: the relation has no Relatiecode and was skipped.",
    ),
    "warning.relation_no_custsupid": (
        "{where}: de relatie heeft geen custSupID en is overgeslagen.",
        "{where}: the relation has no custSupID and was skipped.",
    ),
    "warning.sales_line_incomplete": (
        "{where}: bij een verkoopregel ontbreekt de factuurverwijzing of de datum.",
        "{where}: a sales line has no invoice reference or date.",
    ),
    "warning.licence_incomplete": (
        "{where}: bij de licentie ontbreekt de eindklant of het product; ze is overgeslagen.",
        "{where}: the licence has no end customer or product and was skipped.",
    ),
    "warning.keepass_recycle_bin": (
        "{n} items staan in de prullenbak van KeePass: die tellen nog mee als bewaard tot de "
        "prullenbak is geleegd.",
        "{n} entries are in KeePass's Recycle Bin: they still count as held until the bin is "
        "emptied.",
    ),
    # ----------------------------------------------------------------- TransIP
    "warning.transip_invoices": (
        "{name}: de facturen van TransIP aan ICT Roermond bevatten geen gegevens van "
        "klanten; er wordt niets uit bewaard.",
        "{name}: TransIP's invoices to ICT Roermond hold no client data; nothing from them "
        "is kept.",
    ),
    "warning.firewall_unnamed": (
        "{name}: uit de bestandsnaam blijkt niet bij welke VPS deze firewall hoort; hij "
        "staat in de lijst als '{vps}'. Noem het bestand voortaan transip_firewall_<vps>.json.",
        "{name}: the file name does not say which VPS this firewall belongs to; it is listed "
        "as '{vps}'. Name it transip_firewall_<vps>.json next time.",
    ),
    "warning.firewall_off": (
        "{name}: de firewall van {vps} staat uit: de server is voor iedereen bereikbaar.",
        "{name}: the firewall of {vps} is switched off: the server is open to all.",
    ),
    "warning.not_an_ip_address": (
        "{name}: regel {rule}: {text} is geen IP-adres.",
        "{name}: rule {rule}: {text} is no IP address.",
    ),
    "warning.bundle_not_json": (
        "{n} bestanden in de zip zijn geen JSON en zijn genegeerd.",
        "{n} files in the ZIP are not JSON and were ignored.",
    ),
    "warning.whois_none": (
        "{name}: dit domein heeft geen WHOIS-contactpersonen; er is niets te bewaren.",
        "{name}: this domain has no WHOIS contacts; nothing to keep.",
    ),
    "warning.whois_domains_only": (
        "{name}: deze domeinlijst noemt {n} domeinen maar geen WHOIS-contactpersonen; sla "
        "per domein GET /domains/<domein>/contacts op (pull transip doet dat).",
        "{name}: this domain list names {n} domains but no WHOIS contacts; save GET "
        "/domains/<domain>/contacts per domain (pull transip does this).",
    ),
    "warning.whois_own": (
        "{name}: elke WHOIS-contactpersoon is ICT Roermond zelf; er is niets te bewaren.",
        "{name}: every WHOIS contact is ICT Roermond itself; nothing to keep.",
    ),
    # ----------------------------------------------------------------- mailbox
    "warning.mail_undated": (
        "{n} berichten zonder leesbare datum of afzender zijn overgeslagen.",
        "{n} messages without a readable date or sender were skipped.",
    ),
    "warning.mail_too_big": (
        "{n} berichten groter dan {mb} MB zijn niet gelezen; open ze in het mailprogramma en "
        "kijk of er een verzoek bij zit.",
        "{n} messages larger than {mb} MB were not read; open them in the mail program and "
        "check whether one is a request.",
    ),
    "warning.mail_trace_subject_only": (
        "Een message trace bevat geen tekst: de berichten zijn alleen op hun onderwerp ingedeeld.",
        "A message trace holds no text: messages were classified by their subject only.",
    ),
    # ----------------------------------------------------------------- website
    "warning.page_no_tag": (
        "in deze pagina is geen tag van een tracker gevonden.",
        "no tracking tag was found in this page.",
    ),
    "warning.page_tag_manager": (
        "de pagina laadt Google Tag Manager ({containers}): de instellingen van Google "
        "Analytics staan in die container; controleer ze in Tag Manager of vul ze in op het "
        "formulier.",
        "the page loads Google Tag Manager ({containers}): the Google Analytics settings "
        "live in that container; check them in Tag Manager or record them on the form.",
    ),
    "warning.ga_unknown_retention": (
        "{key} {value} is geen bekende bewaartermijn; genegeerd.",
        "{key} {value} is not a known retention; ignored.",
    ),
    "warning.ga_signals_unset": (
        "De stand van Google-signalen is niet ingesteld (unspecified); niet vastgelegd.",
        "Google signals state is not set (unspecified); not recorded.",
    ),
    "warning.har_no_cookies": (
        "het HAR-bestand bevat helemaal geen cookies; de standaardexport van Chrome, "
        "'Export HAR (sanitized)', laat ze weg: exporteer opnieuw met 'Export HAR (with "
        "sensitive data)'.",
        "the HAR file holds no cookies at all; Chrome's default 'Export HAR (sanitized)' "
        "leaves them out: export again with 'Export HAR (with sensitive data)'.",
    ),
    "warning.har_lifetimes_unknown": (
        "uit het HAR-bestand blijkt niet hoe lang {n} cookies blijven bestaan ({names}); de "
        "HAR-export van Chrome vermeldt dat wel.",
        "the HAR does not say how long {n} cookies live ({names}); Chrome's HAR export "
        "includes it.",
    ),
    "warning.cookie_no_name": (
        "{where}: geen naam van een cookie; rij overgeslagen.",
        "{where}: no cookie name; row skipped.",
    ),
    "warning.cookie_retention_unknown": (
        "{where}: bewaartermijn {retention} van {name} is niet begrepen.",
        "{where}: retention {retention} of {name} not understood.",
    ),
    # ----------------------------------------------------------------- kept by the store
    "warning.stored_text": (
        "(in het Engels bewaard) {text}",
        "{text}",
    ),
}
