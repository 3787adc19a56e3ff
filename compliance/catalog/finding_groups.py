"""Findings grouped per kind and person (compliance.figures): the line above the items.

Each text gets the first item's parameters and `n`, the number of items."""

STRINGS: dict[str, tuple[str, str]] = {
    "finding_group.former_client_access": (
        "{name} is sinds {end} oud-klant maar heeft nog {n} toegangen die uiterlijk {due} weg "
        "hadden moeten zijn: verwijder ze en leg dat vast.",
        "{name} has been a former client since {end} but still has {n} accesses that should "
        "have gone by {due}: remove them and record it.",
    ),
    "finding_group.prospect_access": (
        "{name} is geen klant (geïnteresseerde) maar heeft {n} toegangen: verwijder ze, of leg "
        "vast dat {name} klant is.",
        "{name} is not a client (prospect) but has {n} accesses: remove them, or record that "
        "{name} is a client.",
    ),
    "finding_group.request_overdue": (
        "{n} verzoeken van {name} hadden al beantwoord moeten zijn.",
        "{n} requests from {name} should have been answered already.",
    ),
    "finding_group.request_answered_late": (
        "{n} verzoeken van {name} zijn na hun termijn beantwoord.",
        "{n} requests from {name} were answered after their deadline.",
    ),
    "finding_group.reappeared_after_deletion": (
        "{n} gegevens van {name} staan weer in een export, terwijl ze als verwijderd zijn "
        "vastgelegd: verwijder ze opnieuw, of importeer geen oude export.",
        "{n} items of {name} are back in an export although they were recorded as deleted: "
        "delete them again, or do not import an old export.",
    ),
    "finding_group.cookie_lifetime": (
        "{n} cookies blijven langer bewaard dan de beloofde {max} dagen: {todo}",
        "{n} cookies live longer than the promised {max} days: {todo}",
    ),
    "finding_group.undeclared_cookie": (
        "{n} cookies of diensten staan niet in de privacyverklaring: noem ze daar met doel en "
        "looptijd, of haal ze van de website.",
        "{n} cookies or services are not mentioned in the privacy statement: mention them "
        "there with purpose and lifetime, or remove them from the site.",
    ),
    "finding_group.analytics_setting": (
        "{n} instellingen van Google Analytics zijn niet (aantoonbaar) zoals de verklaring "
        "belooft.",
        "{n} Google Analytics settings are not (demonstrably) as the statement promises.",
    ),
    "finding_group.data_collected": (
        "Google Analytics ontvangt {n} soorten gegevens die de privacyverklaring niet noemt: "
        "zet ze uit in de tag of noem ze in de verklaring.",
        "Google Analytics receives {n} kinds of data the privacy statement does not list: "
        "switch them off in the tag or list them in the statement.",
    ),
    # the trend of open items (compliance.figures.trend): Overzicht chart and workbook
    "trend.overdue_deletions": ("Verwijderingen te laat", "Deletions overdue"),
    "trend.overdue_requests": ("Verzoeken te laat", "Requests overdue"),
    "trend.high_finding_groups": ("Andere bevindingen, hoog", "Other findings, high"),
    "trend.title": ("Verloop per aftekening", "Trend per sign-off"),
    "trend.caption": (
        "Wat openstond bij elke aftekening en nu. Een lijn die daalt: het gaat beter.",
        "What was open at each sign-off and now. A falling line: things are improving.",
    ),
    "trend.x": ("peildatum", "as-of date"),
    "trend.y": ("aantal open", "number open"),
    "trend.today": ("nu", "now"),
    "trend.need_sign_off": (
        "Het verloop verschijnt hier zodra u voor het eerst hebt afgetekend (onderaan deze "
        "pagina).",
        "The trend appears here once you have signed off for the first time (at the bottom of "
        "this page).",
    ),
    "finding_group.other": (
        "{n} bevindingen van deze soort, zoals: {first}",
        "{n} findings of this kind, such as: {first}",
    ),
    "finding_group.items.one": ("Toon het punt", "Show the item"),
    "finding_group.items.many": ("Toon de {n} punten", "Show the {n} items"),
    "finding_group.more": (
        "en nog {n}: alle punten staan in het auditwerkboek (blad Bevindingen).",
        "and {n} more: every item is in the audit workbook (sheet Findings).",
    ),
}
