"""Statuses, rules, the plain-text report and findings."""

STRINGS: dict[str, tuple[str, str]] = {
    # statuses
    "status.prospect": ("geïnteresseerde", "prospect"),
    "status.client": ("klant", "client"),
    "status.former_client": ("oud-klant", "former client"),
    "status.overdue": ("te laat", "overdue"),
    "status.due_soon": ("binnenkort", "due soon"),
    "status.scheduled": ("gepland", "scheduled"),
    "status.deleted": ("verwijderd", "deleted"),
    "status.open": ("open", "open"),
    "status.answered": ("beantwoord", "answered"),
    "severity.high": ("hoog", "high"),
    "severity.medium": ("middel", "medium"),
    "severity.low": ("laag", "low"),
    "anchor.end_of_cooperation": ("einde samenwerking", "end of cooperation"),
    "anchor.contract_end": ("einde contract", "contract end"),
    "anchor.last_contact": ("laatste contact", "last contact"),
    "offset.years": ("{n} jaar", "{n} years"),
    "offset.months": ("{n} kalendermaanden", "{n} calendar months"),
    "offset.working_days": ("{n} werkdagen", "{n} working days"),
    "reason": ("{anchor} {date} + {offset}", "{anchor} {date} + {offset}"),
    # plain-text report
    "text.as_of": ("Peildatum", "As of"),
    "text.subjects": (
        "{n} betrokkenen: {clients} klanten, {former} oud-klanten, {prospects} geïnteresseerden",
        "{n} data subjects: {clients} clients, {former} former clients, {prospects} prospects",
    ),
    "text.overdue": ("Te late verwijderingen: {n}", "Overdue deletions: {n}"),
    "text.due": ("uiterlijk", "due"),
    "text.days": ("dagen te laat", "days late"),
    "text.requests": ("Openstaande verzoeken: {n}", "Open requests: {n}"),
    "text.respond_by": ("antwoord uiterlijk", "answer by"),
    "text.findings": ("Bevindingen: {n}", "Findings: {n}"),
    # findings
    "finding.dormant_client": (
        "{name} heeft sinds {last_invoice} geen factuur meer gehad: bevestig de status "
        "(opzegging vastleggen of klant houden).",
        "{name} has had no invoice since {last_invoice}: confirm the status "
        "(record a termination, or keep as client).",
    ),
    "finding.request_overdue": (
        "Verzoek {id} ({type}) van {name} had uiterlijk {respond_by} beantwoord moeten zijn.",
        "Request {id} ({type}) from {name} should have been answered by {respond_by}.",
    ),
    "finding.request_answered_late": (
        "Verzoek {id} ({type}) van {name} is op {answered_on} beantwoord, na de termijn "
        "van {respond_by}.",
        "Request {id} ({type}) from {name} was answered on {answered_on}, after the "
        "deadline of {respond_by}.",
    ),
    "finding.no_invoices": (
        "Er zijn nog geen facturen geïmporteerd, dus klanten en geïnteresseerden zijn niet "
        "te onderscheiden: importeer de facturen uit e-boekhouden.nl of SnelStart.",
        "No invoices have been imported yet, so clients and prospects cannot be told "
        "apart: import the invoices from e-boekhouden.nl or SnelStart.",
    ),
    "finding.inactive_without_termination": (
        "{name} staat in de boekhouding op inactief, maar er is geen schriftelijke opzegging "
        "vastgelegd: leg de opzegging vast of zet de relatie weer actief.",
        "{name} is inactive in the bookkeeping, but no written termination is on record: "
        "record the termination or make the relation active again.",
    ),
    "finding.reappeared_after_deletion": (
        "{name}: {category} in {system} staat weer in {file}, terwijl het op {deleted_on} als "
        "verwijderd is vastgelegd: verwijder het opnieuw in {system}, of importeer geen oude "
        "export.",
        "{name}: {category} in {system} is back in {file}, although it was recorded as "
        "deleted on {deleted_on}: delete it again in {system}, or do not import an old export.",
    ),
    "finding.prospect_without_contact_date": (
        "Van {name} is geen datum van laatste contact bekend, dus de termijn van 3 maanden "
        "kan niet worden berekend.",
        "No date of last contact is known for {name}, so the 3-month period cannot be computed.",
    ),
}
