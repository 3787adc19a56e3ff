"""Website cookies and Google Analytics: findings, the checklist and the Cookies & analytics
page."""

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ findings
    "finding.cookie_lifetime": (
        "Cookie {name} ({domain}) blijft {days} dagen bewaard, langer dan de beloofde {max} "
        "dagen ({where}): {todo}",
        "Cookie {name} ({domain}) lives {days} days, longer than the promised {max} days "
        "({where}): {todo}",
    ),
    "finding.undeclared_cookie": (
        "{what} {name} ({category}) staat niet in de privacyverklaring ({where}): noem het "
        "daar met doel en looptijd, of haal het van de website.",
        "{what} {name} ({category}) is not mentioned in the privacy statement ({where}): "
        "mention it there with purpose and lifetime, or remove it from the site.",
    ),
    "finding.analytics_setting": (
        "Google Analytics, {step}: {state}, {seen} ({where}). {todo}",
        "Google Analytics, {step}: {state}, {seen} ({where}). {todo}",
    ),
    "finding.data_collected": (
        "Google Analytics ontvangt {field} (parameter {param}; {where}), wat de "
        "privacyverklaring niet noemt: zet het uit in de tag of noem het in de verklaring.",
        "Google Analytics receives {field} (parameter {param}; {where}), which the privacy "
        "statement does not list: switch it off in the tag or list it in the statement.",
    ),
    "cookies.todo_lifetime_ga": (
        "laat de websitebouwer in de Google-tag de instelling «cookie_expires: 2592000» zetten "
        "(30 dagen), of pas de verklaring aan.",
        "have the web developer set «cookie_expires: 2592000» in the Google tag (30 days), or "
        "change the statement.",
    ),
    "cookies.todo_lifetime": (
        "laat de websitebouwer de looptijd inkorten tot hooguit een maand, of noem de cookie "
        "met zijn looptijd in de verklaring.",
        "have the web developer shorten its lifetime to one month at most, or name the cookie "
        "and its lifetime in the statement.",
    ),
    "cookies.what_cookie": ("Cookie", "Cookie"),
    "cookies.what_host": ("Trackerdomein", "Tracker host"),
    "cookies.evidence_file": ("gezien in {file} op {date}", "seen in {file} on {date}"),
    "cookies.evidence_policy": ("volgens het beleidsbestand", "according to the policy file"),
    "cookies.evidence_form": (
        "volgens het formulier van {date}",
        "according to the form of {date}",
    ),
    "cookies.category.analytics": ("statistieken", "statistics"),
    "cookies.category.marketing": ("marketing", "marketing"),
    "cookies.category.functional": ("functioneel", "functional"),
    "cookies.category.preferences": ("voorkeuren", "preferences"),
    "cookies.category.security": ("beveiliging", "security"),
    "cookies.category.unclassified": ("niet ingedeeld", "unclassified"),
    # ------------------------------------------------------------------ the checklist
    "check.pass": ("in orde", "passes"),
    "check.fail": ("niet in orde", "fails"),
    "check.unknown": ("onbekend", "unknown"),
    "check.processing_agreement": (
        "verwerkersovereenkomst met Google geaccepteerd",
        "data processing terms with Google accepted",
    ),
    "check.processing_agreement.todo": (
        "Accepteer in Google Analytics (Beheer → Accountinstellingen) het 'Amendement voor "
        "gegevensverwerking' en leg dat vast op het formulier hieronder.",
        "Accept the Data Processing Terms in Google Analytics (Admin → Account settings) and "
        "record that on the form below.",
    ),
    "check.ip_masked": ("IP-adressen gemaskeerd", "IP addresses masked"),
    "check.ip_masked.todo": (
        "GA4 doet dit altijd; een oude Universal Analytics-tag (UA-…) heeft anonymize_ip: true "
        "nodig, of haal hem weg.",
        "GA4 always does; an old Universal Analytics tag (UA-…) needs anonymize_ip: true, or "
        "remove it.",
    ),
    "check.data_sharing_off": ("gegevens delen met Google uit", "data sharing with Google off"),
    "check.data_sharing_off.todo": (
        "Zet in Beheer → Accountinstellingen alle opties onder 'Gegevens delen' uit en leg dat "
        "vast op het formulier.",
        "Switch off every option under 'Data sharing settings' in Admin → Account settings "
        "and record that on the form.",
    ),
    "check.google_signals_off": ("Google-signalen uit", "Google signals off"),
    "check.google_signals_off.todo": (
        "Zet Google-signalen uit (Beheer → Gegevensverzameling) of zet "
        "allow_google_signals: false in de tag.",
        "Switch Google signals off (Admin → Data collection) or set "
        "allow_google_signals: false in the tag.",
    ),
    "check.ad_personalization_off": ("advertentiefuncties uit", "advertising features off"),
    "check.ad_personalization_off.todo": (
        "Zet advertentiepersonalisatie uit (Beheer → Gegevensverzameling), of laat de "
        "websitebouwer in de Google-tag «allow_ad_personalization_signals: false» zetten "
        "(geen gepersonaliseerde advertenties).",
        "Switch ads personalization off (Admin → Data collection), or have the web developer "
        "set «allow_ad_personalization_signals: false» in the Google tag (no personalised "
        "ads).",
    ),
    "check.user_id_off": ("geen User-ID", "no User-ID"),
    "check.user_id_off.todo": (
        "Haal user_id uit de Google-tag: zonder toestemming mag Analytics bezoekers niet aan "
        "een klant koppelen.",
        "Remove user_id from the Google tag: without consent Analytics may not link visitors "
        "to a client.",
    ),
    "check.statement_mentions": (
        "privacyverklaring noemt Google Analytics",
        "privacy statement mentions Google Analytics",
    ),
    "check.statement_mentions.todo": (
        "Vermeld in de privacy- en cookieverklaring dat de site Google Analytics "
        "privacyvriendelijk gebruikt (en pas het beleidsbestand aan).",
        "State in the privacy and cookie statement that the site uses Google Analytics in a "
        "privacy-friendly way (and update the policy file).",
    ),
    "check.cookie_lifetime": ("elke cookie hooguit een maand", "every cookie one month at most"),
    "check.cookie_lifetime.todo": (
        "Laat de websitebouwer in de Google-tag «cookie_expires: 2592000» zetten (30 dagen) "
        "en andere cookies inkorten. Onbekend? Importeer een HAR-bestand uit Chrome.",
        "Have the web developer set «cookie_expires: 2592000» in the Google tag (30 days) and "
        "shorten other cookies. Unknown? Import a HAR file saved from Chrome.",
    ),
    "check.cookies_declared": (
        "alle cookies en trackers in de verklaring",
        "every cookie and tracker in the statement",
    ),
    "check.cookies_declared.todo": (
        "Noem elke cookie en tracker in de verklaring (en in het beleidsbestand), of haal hem "
        "van de site.",
        "Name every cookie and tracker in the statement (and in the policy file), or remove "
        "it from the site.",
    ),
    "check.data_collected": (
        "alleen de genoemde gegevens naar Analytics",
        "only the listed data sent to Analytics",
    ),
    "check.data_collected.todo": (
        "Zet extra gegevens (User-ID, gebruikerseigenschappen) uit in de tag, of noem ze in "
        "de verklaring.",
        "Switch extra data (User-ID, user properties) off in the tag, or list them in the "
        "statement.",
    ),
    "check.data_retention": ("bewaartermijn in Analytics bekend", "retention in Analytics known"),
    "check.data_retention.todo": (
        "Lees de termijn af in Beheer → Gegevensverzameling en -aanpassing → "
        "Gegevensbewaring en leg hem vast op het formulier.",
        "Read it in Admin → Data collection and modification → Data retention and record it "
        "on the form.",
    ),
    "check.seen.terms_yes": ("geaccepteerd volgens het formulier", "accepted, per the form"),
    "check.seen.terms_no": (
        "niet geaccepteerd volgens het formulier",
        "not accepted, per the form",
    ),
    "check.seen.terms_policy": (
        "het beleid zegt: {value}",
        "the policy says: {value}",
    ),
    "check.seen.ua_pass": ("{ids}: anonymize_ip staat aan", "{ids}: anonymize_ip is on"),
    "check.seen.ua_fail": ("{ids}: IP-adressen niet gemaskeerd", "{ids}: IP addresses not masked"),
    "check.seen.ua_unknown": (
        "{ids}: niet te zien of anonymize_ip aan staat",
        "{ids}: cannot see whether anonymize_ip is on",
    ),
    "check.seen.ga4_ip": (
        "{ids} is GA4, dat IP-adressen nooit opslaat",
        "{ids} is GA4, which never stores IP addresses",
    ),
    "check.seen.no_analytics": (
        "geen Google Analytics gezien op de site",
        "no Google Analytics seen on the site",
    ),
    "check.seen.no_tag": ("nog geen tag of bezoek bekeken", "no tag or visit looked at yet"),
    "check.seen.sharing_pass": ("alle vier de opties staan uit", "all four options are off"),
    "check.seen.sharing_fail": ("aan: {names}", "on: {names}"),
    "check.seen.sharing_unknown": ("niet vastgelegd: {names}", "not recorded: {names}"),
    "check.seen.signals_traffic": (
        "het bezoek stuurde verzoeken naar Googles advertentiedomeinen",
        "the visit sent requests to Google's advertising hosts",
    ),
    "check.seen.signals_off": ("uitgeschakeld", "switched off"),
    "check.seen.signals_on": ("ingeschakeld in de property", "enabled in the property"),
    "check.seen.signals_unknown": ("niet vastgelegd", "not recorded"),
    "check.seen.ads_off": ("uitgeschakeld", "switched off"),
    "check.seen.ads_on": ("ingeschakeld in de property", "enabled in the property"),
    "check.seen.ads_unknown": (
        "niet vastgelegd; de tag staat het standaard toe",
        "not recorded; the tag allows it by default",
    ),
    "check.seen.uid_on": ("er wordt een User-ID verstuurd ({how})", "a User-ID is sent ({how})"),
    "check.seen.uid_off": ("geen User-ID gezien", "no User-ID seen"),
    "check.seen.uid_unknown": ("nog geen tag of bezoek bekeken", "no tag or visit looked at yet"),
    "check.seen.mentions_yes": ("de verklaring noemt het", "the statement mentions it"),
    "check.seen.mentions_no": ("de verklaring noemt het niet", "the statement does not mention it"),
    "check.seen.lifetime_fail": (
        "langer dan {max} dagen: {cookies}",
        "longer than {max} days: {cookies}",
    ),
    "check.seen.lifetime_unknown": ("looptijd onbekend: {cookies}", "lifetime unknown: {cookies}"),
    "check.seen.no_cookies": (
        "nog geen bezoek (HAR), cookiescan of tag geïmporteerd",
        "no visit (HAR), cookie scan or tag imported yet",
    ),
    "check.seen.lifetime_pass": (
        "alle {n} cookies hooguit {max} dagen",
        "all {n} cookies {max} days at most",
    ),
    "check.seen.undeclared": ("niet genoemd: {names}", "not mentioned: {names}"),
    "check.seen.declared": ("alles genoemd", "all mentioned"),
    "check.seen.fields_beyond": ("extra: {names}", "beyond the list: {names}"),
    "check.seen.fields_ok": ("{n} soorten gegevens, alle gedekt", "{n} kinds of data, all covered"),
    "check.seen.fields_unknown": (
        "nog geen Analytics-verzoeken of tag gezien",
        "no Analytics requests or tag seen yet",
    ),
    "check.seen.retention": ("bewaartermijn {value}", "retention {value}"),
    "check.seen.retention_unknown": ("niet vastgelegd", "not recorded"),
    # ------------------------------------------------------------------ fields and settings
    "webfield.ip_address": ("IP-adres", "IP address"),
    "webfield.operating_system": ("besturingssysteem", "operating system"),
    "webfield.browser": ("browser", "browser"),
    "webfield.country": ("land", "country"),
    "webfield.search_keyword": ("zoekwoord", "search keyword"),
    "webfield.referrer_url": ("verwijzende URL", "referring URL"),
    "webfield.page_url": ("bezochte pagina", "page visited"),
    "webfield.page_title": ("paginatitel", "page title"),
    "webfield.screen_resolution": ("schermgrootte", "screen size"),
    "webfield.language": ("taal", "language"),
    "webfield.user_id": ("User-ID (klantnummer of inlognaam)", "User-ID (client number or login)"),
    "webfield.user_properties": ("gebruikerseigenschappen", "user properties"),
    "webfield.user_provided_data": (
        "door bezoekers ingevulde gegevens (e-mail, telefoon)",
        "data visitors entered (e-mail, phone)",
    ),
    "setting.ga.processing_terms": (
        "Amendement voor gegevensverwerking geaccepteerd",
        "Data Processing Terms accepted",
    ),
    "setting.ga.sharing_products": ("Google-producten en -services", "Google products & services"),
    "setting.ga.sharing_benchmarking": (
        "modelleringsbijdragen en bedrijfsinzichten",
        "modeling contributions & business insights",
    ),
    "setting.ga.sharing_support": ("technische ondersteuning", "technical support"),
    "setting.ga.sharing_sales": (
        "aanbevelingen voor uw bedrijf (accountspecialisten)",
        "recommendations for your business (sales)",
    ),
    "setting.ga.google_signals": ("Google-signalen (property)", "Google signals (property)"),
    "setting.ga.ad_personalization": (
        "advertentiepersonalisatie (property)",
        "ads personalization (property)",
    ),
    "setting.ga.user_id": ("User-ID verstuurd", "User-ID sent"),
    "setting.ga.data_retention": ("bewaartermijn gebeurtenissen", "event data retention"),
    "setting.ga.user_data_retention": ("bewaartermijn gebruikersgegevens", "user data retention"),
    "setting.tag.allow_google_signals": ("tag: allow_google_signals", "tag: allow_google_signals"),
    "setting.tag.allow_ad_personalization_signals": (
        "tag: allow_ad_personalization_signals",
        "tag: allow_ad_personalization_signals",
    ),
    "setting.tag.anonymize_ip": ("tag: anonymize_ip", "tag: anonymize_ip"),
    "setting.tag.user_id": ("tag: user_id", "tag: user_id"),
    "setting.hit.user_id": ("verzoeken: User-ID (uid)", "requests: User-ID (uid)"),
    "setting.hit.anonymize_ip": ("verzoeken: aip=1", "requests: aip=1"),
    "setting.hit.google_signals": (
        "verzoeken naar advertentiedomeinen",
        "requests to advertising hosts",
    ),
    "setting.hit.ad_personalization": ("verzoeken: npa=1", "requests: npa=1"),
    "setting.consent.analytics_storage": (
        "toestemmingsmodus: analytics_storage",
        "consent mode: analytics_storage",
    ),
    "setting.consent.ad_storage": ("toestemmingsmodus: ad_storage", "consent mode: ad_storage"),
    "setting.consent.ad_user_data": (
        "toestemmingsmodus: ad_user_data",
        "consent mode: ad_user_data",
    ),
    "setting.consent.ad_personalization": (
        "toestemmingsmodus: ad_personalization",
        "consent mode: ad_personalization",
    ),
    "value.on": ("aan", "on"),
    "value.off": ("uit", "off"),
    "value.yes": ("ja", "yes"),
    "value.no": ("nee", "no"),
    "value.denied": ("geweigerd", "denied"),
    "value.granted": ("toegestaan", "granted"),
    "value.unknown": ("onbekend", "unknown"),
    "retention.TWO_MONTHS": ("2 maanden", "2 months"),
    "retention.FOURTEEN_MONTHS": ("14 maanden", "14 months"),
    "retention.TWENTY_SIX_MONTHS": ("26 maanden", "26 months"),
    "retention.THIRTY_EIGHT_MONTHS": ("38 maanden", "38 months"),
    "retention.FIFTY_MONTHS": ("50 maanden", "50 months"),
    "kind.har": ("HAR-bestand van een bezoek", "HAR file of a visit"),
    "kind.page": ("pagina of tag", "page or tag"),
    "kind.cookie_scan": ("cookiescan", "cookie scan"),
    "kind.ga_settings": ("Google Analytics-instellingen", "Google Analytics settings"),
    "kind.ga_form": ("formulier", "form"),
    # ------------------------------------------------------------------ the page
    "page.cookies": ("Cookies & analytics", "Cookies & analytics"),
    "cookies.intro": (
        "Wat de privacyverklaring belooft over cookies en Google Analytics, naast wat de "
        "website echt doet. Bewijs komt uit bestanden (een HAR-bestand van een bezoek, de "
        "broncode of tag van de site, een cookiescan, de Google Analytics-instellingen) via "
        "Importeren, en uit het formulier hieronder.",
        "What the privacy statement promises about cookies and Google Analytics, beside what "
        "the website really does. Evidence comes from files (a HAR file of a visit, the site's "
        "source or tag, a cookie scan, the Google Analytics settings) via Import, and from the "
        "form below.",
    ),
    "cookies.no_evidence": (
        "Er is nog niets over de website geïmporteerd, dus alles hieronder is 'onbekend'. "
        "Begin met een HAR-bestand: open de site in een privévenster, druk op F12, open het "
        "tabblad Netwerk, klik door twee pagina's en kies 'Export HAR (with sensitive data)' "
        "(Chrome) of 'Alles opslaan als HAR' (Firefox). Importeer dat bestand op de pagina "
        "Importeren.",
        "Nothing about the website has been imported yet, so everything below is 'unknown'. "
        "Start with a HAR file: open the site in a private window, press F12, open the Network "
        "tab, click through two pages and choose 'Export HAR (with sensitive data)' (Chrome) "
        "or 'Save all as HAR' (Firefox). Import that file on the Import page.",
    ),
    "cookies.headline": (
        "**{fail} controles niet in orde, {unknown} onbekend**, {pass} in orde op de peildatum.",
        "**{fail} checks fail, {unknown} unknown**, {pass} pass on the as-of date.",
    ),
    "cookies.all_well": (
        "Alle controles zijn in orde op de peildatum.",
        "Every check passes on the as-of date.",
    ),
    "cookies.promise_title": ("De belofte (privacyverklaring)", "The promise (privacy statement)"),
    "cookies.observed_title": ("Wat de website doet", "What the website does"),
    "cookies.observed_from": (
        "Uit {n} stukken bewijs; het nieuwste: {file} van {date}.",
        "From {n} pieces of evidence; the newest: {file} of {date}.",
    ),
    "cookies.promise_lifetime": (
        "elke cookie hooguit **{days} dagen** geldig (één maand)",
        "every cookie valid **{days} days** at most (one month)",
    ),
    "cookies.promise_purpose": ("doel: {purpose}", "purpose: {purpose}"),
    "cookies.promise_fields": (
        "Google Analytics verzamelt: {fields}",
        "Google Analytics collects: {fields}",
    ),
    "cookies.promise_declared": (
        "genoemd: cookies {cookies}; diensten {hosts}",
        "mentioned: cookies {cookies}; services {hosts}",
    ),
    "cookies.promise_retention": (
        "statistieken: bewaard met de termijn die in Google Analytics is ingesteld",
        "statistics: kept under the retention set in Google Analytics",
    ),
    "cookies.observed_nothing": ("nog niets geïmporteerd", "nothing imported yet"),
    "cookies.observed_lifetime": (
        "{n} cookies; de langste: {longest}",
        "{n} cookies; longest: {longest}",
    ),
    "cookies.observed_tags": (
        "tags: {tags}; {n} trackerdomeinen",
        "tags: {tags}; {n} tracker hosts",
    ),
    "cookies.observed_fields": ("naar Analytics: {fields}", "sent to Analytics: {fields}"),
    "cookies.observed_undeclared": (
        "**niet in de verklaring:** {names}",
        "**not in the statement:** {names}",
    ),
    "cookies.observed_all_declared": (
        "alle cookies en trackers staan in de verklaring",
        "every cookie and tracker is in the statement",
    ),
    "cookies.observed_retention": (
        "bewaartermijn in Google Analytics: {value}",
        "retention in Google Analytics: {value}",
    ),
    "cookies.checklist_title": ("Controlelijst", "Checklist"),
    "cookies.checklist_note": (
        "Volgens de Autoriteit Persoonsgegevens is voor Google Analytics geen toestemming nodig "
        "als het privacyvriendelijk is ingesteld: alle zeven stappen hieronder. 'Onbekend' "
        "betekent nog niet bekeken, dus niet aangetoond. Bij elk punt staat het bewijs: het "
        "bestand of formulier en de datum.",
        "According to the Autoriteit Persoonsgegevens, Google Analytics needs no consent when "
        "it is set up privacy-friendly: all seven steps below. 'Unknown' means not looked at "
        "yet, so not shown. Each line names its evidence: the file or form and the date.",
    ),
    "cookies.checklist_ap": (
        "Privacyvriendelijk Google Analytics (stappen van de AP)",
        "Privacy-friendly Google Analytics (the AP's steps)",
    ),
    "cookies.checklist_promise": (
        "Wat de privacyverklaring belooft",
        "What the privacy statement promises",
    ),
    "cookies.col_check": ("Controle", "Check"),
    "cookies.col_seen": ("Wat gezien", "What was seen"),
    "cookies.col_evidence": ("Bewijs (bestand · datum)", "Evidence (file · date)"),
    "cookies.col_todo": ("Wat te doen", "What to do"),
    "cookies.col_cookie": ("Cookie", "Cookie"),
    "cookies.col_domain": ("Domein", "Domain"),
    "cookies.col_party": ("Van", "Set by"),
    "cookies.col_lifetime": ("Looptijd", "Lifetime"),
    "cookies.col_declared": ("In verklaring", "In statement"),
    "cookies.col_host": ("Domein", "Host"),
    "cookies.col_service": ("Dienst", "Service"),
    "cookies.col_date": ("Datum", "Date"),
    "cookies.col_before": ("Was", "Before"),
    "cookies.col_after": ("Nu", "After"),
    "cookies.party.first": ("eigen site", "own site"),
    "cookies.party.third": ("derde partij", "third party"),
    "cookies.session": ("sessie", "session"),
    "cookies.hours": ("{n} uur", "{n} hours"),
    "cookies.days": ("{n} dagen", "{n} days"),
    "cookies.cookies_title": ("Cookies en hun looptijd", "Cookies and their lifetime"),
    "cookies.no_cookies": (
        "Nog geen cookies bekend: importeer een HAR-bestand, een cookiescan of de tag.",
        "No cookies known yet: import a HAR file, a cookie scan or the tag.",
    ),
    "cookies.chart_line": ("belofte: {days} dagen", "promise: {days} days"),
    "cookies.chart_axis": (
        "looptijd in dagen (logaritmische schaal)",
        "lifetime in days (log scale)",
    ),
    "cookies.chart_note": (
        "Rood: langer dan de beloofde {days} dagen. Sessiecookies en cookies met onbekende "
        "looptijd staan alleen in de tabel.",
        "Red: longer than the promised {days} days. Session cookies and cookies of unknown "
        "lifetime are in the table only.",
    ),
    "cookies.trackers_title": (
        "Trackers: verzoeken naar analyse- en advertentiediensten",
        "Trackers: requests to analytics and advertising services",
    ),
    "cookies.form_title": (
        "Google Analytics-instellingen vastleggen",
        "Record Google Analytics settings",
    ),
    "cookies.form_intro": (
        "Lees de instellingen af in Google Analytics (Beheer) en leg ze hier vast met de datum "
        "en uw naam; 'onbekend' wordt niet opgeslagen. Elke keer opslaan is nieuw bewijs (ook "
        "in het auditlog); het oude blijft in de geschiedenis.",
        "Read the settings in Google Analytics (Admin) and record them here with the date and "
        "your name; 'unknown' is not saved. Every save is new evidence (also in the audit "
        "log); the old stays in the history.",
    ),
    "cookies.form_date": ("Afgelezen op", "Checked on"),
    "cookies.form_actor": ("Door", "By"),
    "cookies.form_note": ("Opmerking", "Note"),
    "cookies.form_note_hint": (
        "bijv. samen met de websitebouwer bekeken",
        "e.g. looked at with the web developer",
    ),
    "cookies.form_button": ("Instellingen opslaan", "Save settings"),
    "cookies.form_saved": (
        "{n} instellingen vastgelegd als bewijs van {date}.",
        "{n} settings recorded as evidence of {date}.",
    ),
    "cookies.form_need_date": (
        "Kies de datum waarop de instellingen zijn afgelezen.",
        "Choose the date the settings were read.",
    ),
    "cookies.history_title": ("Geschiedenis: wat veranderde", "History: what changed"),
    "cookies.history_note": (
        "Per datum met bewijs: wat anders is dan bij het bewijs daarvoor.",
        "Per date with evidence: what differs from the evidence before it.",
    ),
    "cookies.history_empty": ("Nog geen bewijs.", "No evidence yet."),
    "cookies.history_first": ("eerste bewijs", "first evidence"),
    "cookies.history_same": ("niets veranderd", "nothing changed"),
    "cookies.change_check": ("controle: {name}", "check: {name}"),
    "cookies.change_setting": ("instelling: {name}", "setting: {name}"),
    "cookies.change_cookie": ("cookie {name}", "cookie {name}"),
    "cookies.change_tracker": ("tracker {name}", "tracker {name}"),
    "service.google_analytics": ("Google Analytics", "Google Analytics"),
    "service.google_tag_manager": ("Google Tag Manager", "Google Tag Manager"),
    "service.google_signals": ("Google-signalen (advertenties)", "Google signals (advertising)"),
    "service.google_ads": ("Google Ads", "Google Ads"),
    "service.facebook_pixel": ("Meta-pixel (Facebook)", "Meta pixel (Facebook)"),
    "service.hotjar": ("Hotjar", "Hotjar"),
    "service.microsoft_clarity": ("Microsoft Clarity", "Microsoft Clarity"),
    "service.microsoft_ads": ("Microsoft Advertising", "Microsoft Advertising"),
    "service.linkedin_insight": ("LinkedIn Insight", "LinkedIn Insight"),
    "service.tiktok_pixel": ("TikTok-pixel", "TikTok pixel"),
    "cookies.tick_hour": ("1 uur", "1 hour"),
    "cookies.tick_day": ("1 dag", "1 day"),
    "cookies.tick_week": ("1 week", "1 week"),
    "cookies.tick_year": ("1 jaar", "1 year"),
    "cookies.tick_two_years": ("2 jaar", "2 years"),
    "cookies.change_new": ("{what}: nieuw, {after}", "{what}: new, {after}"),
    "cookies.change_gone": ("{what}: weg (was {before})", "{what}: gone (was {before})"),
    "cookies.change_from_to": ("{what}: {before} → **{after}**", "{what}: {before} → **{after}**"),
    "cookies.form_need_value": (
        "Alles staat op 'onbekend': kies bij minstens één instelling wat u in Google Analytics "
        "zag.",
        "Everything is 'unknown': choose, for at least one setting, what you saw in Google "
        "Analytics.",
    ),
    "cookies.form_need_actor": (
        "Vul in wie de instellingen heeft afgelezen.",
        "Fill in who read the settings.",
    ),
    "cookies.import_preview": (
        "Herkend als **{system}** · {kind}, bewijs van {date}. Cookies: {cookies} · "
        "trackerdomeinen: {trackers} · tags: {tags} · instellingen en gegevens: {settings}.",
        "Recognised as **{system}** · {kind}, evidence of {date}. Cookies: {cookies} · "
        "tracker hosts: {trackers} · tags: {tags} · settings and data: {settings}.",
    ),
    "cookies.import_today": ("de importdag", "the day of import"),
}
