"""Access (issue 5): TransIP firewalls, the password vault and DSD licences; the Toegang page,
its findings, and the words of the import preview for these files."""

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ page and navigation
    "page.toegang": ("Toegang", "Access"),
    # ------------------------------------------------------------------ findings
    "finding.former_client_access": (
        "{name} is sinds {end} oud-klant maar heeft nog toegang: {what}. Dat had uiterlijk "
        "{due} weg moeten zijn; verwijder het nu en leg de verwijdering vast.",
        "{name} has been a former client since {end} but still has access: {what}. It should "
        "have gone by {due}; remove it now and record the deletion.",
    ),
    "finding.prospect_access": (
        "{name} is geen klant (geïnteresseerde) maar heeft toegang: {what}. Verwijder dit, of "
        "leg vast dat {name} klant is.",
        "{name} is not a client (prospect) but has access: {what}. Remove it, or record that "
        "{name} is a client.",
    ),
    "finding.access_unlinked.one": (
        "1 IP-adres, login of licentie is nog aan niemand gekoppeld: koppel het op de pagina "
        "Toegang, anders ziet het dashboard niet wie er toegang heeft.",
        "1 IP address, login or licence is not linked to anyone yet: link it on the Access "
        "page, or the dashboard cannot tell who has access.",
    ),
    "finding.access_unlinked.many": (
        "{n} IP-adressen, logins of licenties zijn nog aan niemand gekoppeld: koppel ze op de "
        "pagina Toegang, anders ziet het dashboard niet wie er toegang heeft.",
        "{n} IP addresses, logins or licences are not linked to anyone yet: link them on the "
        "Access page, or the dashboard cannot tell who has access.",
    ),
    "toegang.what.ip": (
        "IP-adres {holder} in firewallregel ‘{item}’ op {system} (TransIP)",
        "IP address {holder} in firewall rule ‘{item}’ on {system} (TransIP)",
    ),
    "toegang.what.login": (
        "inloggegevens ‘{item}’ (login {holder}) in de wachtwoordkluis",
        "login ‘{item}’ (user {holder}) in the password vault",
    ),
    "toegang.what.item": (
        "kluisitem ‘{item}’ in de wachtwoordkluis",
        "vault item ‘{item}’ in the password vault",
    ),
    "toegang.what.licence": (
        "licentie {system} ({holder}, {item}) bij DSD Europe",
        "licence {system} ({holder}, {item}) at DSD Europe",
    ),
    # ------------------------------------------------------------------ import words
    "kind.firewall": ("firewall", "firewall"),
    "kind.vps": ("VPS-lijst", "VPS list"),
    "kind.ip_addresses": ("VPS-adressen", "VPS addresses"),
    "kind.domains": ("domeinenlijst uit WHOIS", "domain list from WHOIS"),
    "kind.purchase_invoices": ("inkoopfacturen", "purchase invoices"),
    "kind.bundle": ("zip met API-antwoorden", "zip of API answers"),
    "kind.vault": ("wachtwoordkluis", "password vault"),
    "kind.licences": ("licenties", "licences"),
    "field.ip_address": ("IP-adres", "IP address"),
    "field.username": ("inlognaam", "login name"),
    "field.licence_key": ("licentiesleutel (gemaskeerd)", "licence key (masked)"),
    "field.access.secret": (
        "geheim: alleen geteld, niet bewaard",
        "secret: only counted, never stored",
    ),
    "field.vault.name": ("naam item", "item name"),
    "field.vault.title": ("naam item", "item name"),
    "field.vault.type": ("soort item", "item type"),
    "field.vault.folder": ("map", "folder"),
    "field.vault.collections": ("collecties", "collections"),
    "field.vault.group": ("groep", "group"),
    "field.vault.uri": ("website (alleen de host)", "website (host only)"),
    "field.vault.url": ("website (alleen de host)", "website (host only)"),
    "field.vault.username": ("inlognaam", "login name"),
    "field.vault.favorite": ("favoriet (niet gebruikt)", "favourite (not used)"),
    "field.vault.reprompt": ("opnieuw vragen (niet gebruikt)", "re-prompt (not used)"),
    "field.vault.modified": ("laatst gewijzigd", "last modified"),
    "field.vault.created": ("aangemaakt (niet gebruikt)", "created (not used)"),
    "field.vault.icon": ("pictogram (niet gebruikt)", "icon (not used)"),
    "field.dsd.customer": ("eindklant", "end customer"),
    "field.dsd.product": ("product", "product"),
    "field.dsd.licence_key": (
        "licentiesleutel (laatste 4 tekens)",
        "licence key (last 4 characters)",
    ),
    "field.dsd.certificate": ("certificaat (laatste 4 tekens)", "certificate (last 4 characters)"),
    "field.dsd.order_date": ("orderdatum", "order date"),
    "field.dsd.order": ("ordernummer", "order number"),
    "field.dsd.customer_ref": ("klantnummer", "customer number"),
    "field.dsd.end_date": ("geldig tot", "valid until"),
    "field.dsd.quantity": ("aantal (niet gebruikt)", "quantity (not used)"),
    "field.dsd.email": ("e-mail eindklant", "end customer e-mail"),
    "field.dsd.kvk": ("KvK-nummer", "Chamber of Commerce number"),
    "toegang.import.secrets_dropped": (
        "{n} geheime velden (wachtwoorden, TOTP-sleutels, notities, eigen velden, bijlagen) "
        "zijn bij het inlezen weggegooid; niets daarvan wordt bewaard. Verwijder het "
        "exportbestand nu.",
        "{n} secret fields (passwords, TOTP seeds, notes, custom fields, attachments) were "
        "discarded while reading; none of it is stored. Delete the export file now.",
    ),
    "toegang.import.preview": (
        "{entries} IP-adressen, logins of licenties gelezen.",
        "{entries} IP addresses, logins or licences read.",
    ),
    "toegang.import.result": (
        "{linked} gekoppeld aan een betrokkene, {unlinked} nog te koppelen op de pagina "
        "Toegang, {gone} niet meer aanwezig.",
        "{linked} linked to a data subject, {unlinked} to link on the Access page, {gone} no "
        "longer present.",
    ),
    # ------------------------------------------------------------------ the Toegang page
    "toegang.intro": (
        "Wie heeft nog toegang: IP-adressen in de firewalls van de cloudservers (TransIP), "
        "inloggegevens in de wachtwoordkluis en licenties (DSD Europe), per betrokkene en "
        "systeem. Wachtwoorden, TOTP-sleutels en volledige licentiesleutels worden nooit "
        "ingelezen.",
        "Who still has access: IP addresses in the cloud servers' firewalls (TransIP), logins "
        "in the password vault and licences (DSD Europe), per data subject and system. "
        "Passwords, TOTP seeds and full licence keys are never read in.",
    ),
    "toegang.empty": (
        "Er zijn nog geen firewall-, kluis- of licentie-exports geïmporteerd.",
        "No firewall, vault or licence exports have been imported yet.",
    ),
    "toegang.empty_how": (
        "Haal de firewalls op met `python -m compliance pull transip`, of importeer op de "
        "pagina **Importeren** de TransIP-antwoorden (`transip_firewall_<vps>.json`), een "
        "export van de wachtwoordkluis (Bitwarden of KeePass) en de licentielijst van DSD Europe.",
        "Fetch the firewalls with `python -m compliance pull transip`, or import on the "
        "**Import** page the TransIP answers (`transip_firewall_<vps>.json`), a password vault "
        "export (Bitwarden or KeePass) and the licence list from DSD Europe.",
    ),
    "toegang.former.one": (
        "**1 oud-klant heeft nog toegang.** Dat moest uiterlijk 5 werkdagen na de "
        "schriftelijke opzegging weg zijn:",
        "**1 former client still has access.** It had to go within 5 working days of the "
        "written termination:",
    ),
    "toegang.former.many": (
        "**{n} oud-klanten hebben nog toegang.** Dat moest uiterlijk 5 werkdagen na de "
        "schriftelijke opzegging weg zijn:",
        "**{n} former clients still have access.** It had to go within 5 working days of the "
        "written termination:",
    ),
    "toegang.former_line": (
        "**{name}**: oud-klant sinds {end}, had uiterlijk {due} weg moeten zijn:",
        "**{name}**: former client since {end}, should have gone by {due}:",
    ),
    "toegang.soon.one": (
        "**1 oud-klant heeft nog toegang die binnen de termijn weg moet:**",
        "**1 former client still has access that must go within the period:**",
    ),
    "toegang.soon.many": (
        "**{n} oud-klanten hebben nog toegang die binnen de termijn weg moet:**",
        "**{n} former clients still have access that must go within the period:**",
    ),
    "toegang.prospects.one": (
        "**1 geïnteresseerde (geen klant) heeft toegang:** verwijder het of leg vast dat het "
        "een klant is.",
        "**1 prospect (not a client) has access:** remove it or record that they are a client.",
    ),
    "toegang.prospects.many": (
        "**{n} geïnteresseerden (geen klant) hebben toegang:** verwijder het of leg vast dat "
        "het klanten zijn.",
        "**{n} prospects (not clients) have access:** remove it or record that they are clients.",
    ),
    "toegang.soon_line": (
        "**{name}**: oud-klant sinds {end}, uiterlijk {due} verwijderen:",
        "**{name}**: former client since {end}, remove by {due}:",
    ),
    "toegang.prospect_line": ("**{name}**:", "**{name}**:"),
    "toegang.all_clear": (
        "Geen oud-klant en geen geïnteresseerde heeft nog toegang.",
        "No former client and no prospect still has access.",
    ),
    "toegang.n_ips.one": ("1 IP-adres", "1 IP address"),
    "toegang.n_ips.many": ("{n} IP-adressen", "{n} IP addresses"),
    "toegang.n_credentials.one": ("1 login of licentie", "1 login or licence"),
    "toegang.n_credentials.many": ("{n} logins of licenties", "{n} logins or licences"),
    "toegang.metric.former": ("Oud-klanten met toegang", "Former clients with access"),
    "toegang.metric.prospects": ("Geïnteresseerden met toegang", "Prospects with access"),
    "toegang.metric.unlinked": ("Nog te koppelen", "To link"),
    "toegang.metric.clients": ("Klanten met toegang", "Clients with access"),
    "toegang.list_title": (
        "Toegang per betrokkene en systeem",
        "Access per data subject and system",
    ),
    "toegang.filter_category": ("Soort", "Kind"),
    "toegang.filter_system": ("Systeem", "System"),
    "toegang.filter_all_systems": ("alle systemen", "all systems"),
    "toegang.filter_search": ("Zoeken", "Search"),
    "toegang.filter_search_help": (
        "Zoek op naam, systeem, regel, IP-adres of inlognaam.",
        "Search by name, system, rule, IP address or login name.",
    ),
    "toegang.filter_removed": (
        "Ook verwijderde en eigen toegang tonen",
        "Also show removed access and the company's own",
    ),
    "toegang.nothing": ("Niets gevonden met deze filters.", "Nothing found with these filters."),
    "toegang.download": ("Toegangslijst downloaden (CSV)", "Download the access list (CSV)"),
    "toegang.file_prefix": ("toegang", "access"),
    "toegang.category.ip_address": ("IP-adres (TransIP)", "IP address (TransIP)"),
    "toegang.category.credentials": ("login (kluis)", "login (vault)"),
    "toegang.category.licence": ("licentie (DSD)", "licence (DSD)"),
    "toegang.filter.ip_address": ("IP-adressen", "IP addresses"),
    "toegang.filter.credentials": ("Logins en licenties", "Logins and licences"),
    "toegang.state.remove_now": ("nu verwijderen", "remove now"),
    "toegang.state.remove_soon": ("binnen termijn verwijderen", "remove within period"),
    "toegang.state.prospect": ("geen klant", "not a client"),
    "toegang.state.unlinked": ("nog koppelen", "to link"),
    "toegang.state.kept": ("bewaard zolang klant", "kept while client"),
    "toegang.state.own": ("eigen (geen persoon)", "own (no person)"),
    "toegang.state.gone": ("verwijderd", "removed"),
    "toegang.col.subject": ("Betrokkene", "Data subject"),
    "toegang.col.kind": ("Soort", "Kind"),
    "toegang.col.system": ("Systeem", "System"),
    "toegang.col.item": ("Regel of item", "Rule or item"),
    "toegang.col.holder": ("IP-adres, login of sleutel", "IP address, login or key"),
    "toegang.col.since": ("Gezien sinds", "Seen since"),
    "toegang.col.due": ("Weg uiterlijk", "Remove by"),
    "toegang.col.state": ("Wat nu", "What now"),
    "toegang.col.linked_by": ("Gekoppeld op", "Linked by"),
    "toegang.linked_by.kvk": ("KvK-nummer", "KvK number"),
    "toegang.linked_by.email": ("e-mailadres", "e-mail address"),
    "toegang.linked_by.code": ("relatiecode", "relation code"),
    "toegang.linked_by.name": ("naam", "name"),
    "toegang.linked_by.owner": ("door u gekoppeld", "linked by you"),
    "toegang.linked_by.own": ("eigen", "own"),
    "toegang.linked_by.ambiguous": ("noemt meerdere betrokkenen", "names several subjects"),
    "toegang.linked_by.none": ("geen naam of code gevonden", "no name or code found"),
    "toegang.system_on": ("{system} · {source}", "{system} · {source}"),
    "toegang.unlinked_title": ("Nog te koppelen", "To link"),
    "toegang.unlinked_intro": (
        "Deze IP-adressen, logins en licenties noemen geen bekende naam of relatiecode. Kies "
        "bij wie ze horen; de koppeling wordt onthouden bij volgende imports. Is het iets van "
        "ICT Roermond zelf (kantoor, beheer), kies dan ‘eigen’: dan telt het niet als "
        "persoonsgegeven.",
        "These IP addresses, logins and licences name no known name or relation code. Choose "
        "whom they belong to; the link is remembered in later imports. If it is ICT "
        "Roermond's own (office, administration), choose ‘own’: it then does not count as "
        "personal data.",
    ),
    "toegang.none_unlinked": (
        "Alles is gekoppeld aan een betrokkene of als eigen gemarkeerd.",
        "Everything is linked to a data subject or marked as own.",
    ),
    "toegang.link_form": ("Koppelen", "Link"),
    "toegang.link_entry": ("IP-adres, login of licentie", "IP address, login or licence"),
    "toegang.link_subject": ("Hoort bij", "Belongs to"),
    "toegang.link_placeholder": ("Kies een betrokkene …", "Choose a data subject …"),
    "toegang.link_own": (
        "Eigen toegang van ICT Roermond (geen persoon)",
        "ICT Roermond's own access (no person)",
    ),
    "toegang.link_button": ("Koppeling opslaan", "Save the link"),
    "toegang.link_need": (
        "Kies eerst bij wie dit hoort.",
        "First choose whom this belongs to.",
    ),
    "toegang.linked": ("Opgeslagen: {entry} hoort bij {who}.", "Saved: {entry} belongs to {who}."),
    "toegang.relink_title": (
        "Een koppeling wijzigen of vergeten",
        "Change or forget a link",
    ),
    "toegang.relink_intro": (
        "Ook al gekoppelde toegang kunt u hier aan iemand anders koppelen. ‘Vergeten’ laat "
        "het dashboard weer zelf koppelen op naam en relatiecode.",
        "Access that is already linked can be linked to someone else here. ‘Forget’ lets the "
        "dashboard link it by name and relation code again.",
    ),
    "toegang.forget_button": ("Mijn koppeling vergeten", "Forget my link"),
    "toegang.forgotten": (
        "Vergeten: {entry} wordt weer automatisch gekoppeld.",
        "Forgotten: {entry} is linked automatically again.",
    ),
    "toegang.not_decided": (
        "Voor deze regel is nog geen koppeling door u vastgelegd.",
        "You have not recorded a link for this entry.",
    ),
    "toegang.how_to_remove": (
        "Verwijderd in TransIP, de kluis of bij DSD? Importeer daarna een nieuwe export: wat "
        "er niet meer in staat, telt vanaf die dag als verwijderd. Of leg de verwijdering vast "
        "op de pagina **Verwijderingen**.",
        "Removed in TransIP, the vault or at DSD? Then import a new export: what is no longer "
        "in it counts as removed from that day. Or record the deletion on the **Deletions** "
        "page.",
    ),
}
