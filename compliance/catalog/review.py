"""The weekly review and sign-off on the Overzicht."""

STRINGS: dict[str, tuple[str, str]] = {
    "review.title": ("Weekoverzicht en aftekenen", "Weekly review and sign-off"),
    "review.never": (
        "Nog nooit afgetekend: alles hieronder telt als nieuw.",
        "Never signed off yet: everything below counts as new.",
    ),
    "review.last": (
        "Laatst afgetekend op {when} door {who} (peildatum {as_of}). Dit is er sindsdien "
        "veranderd:",
        "Last signed off on {when} by {who} (as of {as_of}). This changed since:",
    ),
    "review.new_subjects": ("Nieuwe betrokkenen", "New data subjects"),
    "review.new_requests": ("Nieuwe verzoeken", "New requests"),
    "review.newly_overdue": ("Nieuw te laat", "Newly overdue"),
    "review.opened": ("Nieuwe bevindingen", "Findings opened"),
    "review.closed": ("Opgeloste bevindingen", "Findings closed"),
    # What a sign-off keeps of a finding of a subject whose data was deleted since.
    "review.forgotten": (
        "Bevinding over #{id} (gegevens inmiddels verwijderd)",
        "Finding about #{id} (data deleted since)",
    ),
    "review.details": ("Wat er precies veranderde", "What exactly changed"),
    "review.no_changes": (
        "Niets veranderd sinds de laatste aftekening.",
        "Nothing changed since the last sign-off.",
    ),
    "review.note": ("Notitie bij de aftekening (optioneel)", "Note with the sign-off (optional)"),
    "review.note_hint": (
        "bijv. verwijderingen in SnelStart gepland voor vrijdag",
        "e.g. deletions in SnelStart planned for Friday",
    ),
    "review.sign": ("Aftekenen", "Sign off"),
    "review.signed": (
        "Afgetekend. De stand van nu is bewaard; volgende week ziet u wat er veranderde.",
        "Signed off. Today's state is kept; next week you will see what changed.",
    ),
    "review.col.when": ("Afgetekend op", "Signed off on"),
    "review.col.who": ("Door", "By"),
    "review.col.as_of": ("Peildatum", "As of"),
    "review.col.overdue": ("Te laat", "Overdue"),
    "review.col.requests": ("Open verzoeken", "Open requests"),
    "review.col.findings": ("Bevindingen", "Findings"),
    "review.col.note": ("Notitie", "Note"),
}
