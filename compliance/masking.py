"""Partly masked examples of what a file holds, for the import preview: enough to see the
right file was chosen, not enough to read someone's details over the owner's shoulder.

    >>> mask_name("Testbedrijf Alfa B.V.")
    'Tes•••••••• A••• B.V.'
    >>> mask_email("jan.jansen@voorbeeld.example")
    'jan•••••••@voorbeeld.example'
"""

from __future__ import annotations

from etl.model import ParsedExport

DOT = "•"
_KEEP = {"bv", "b.v.", "nv", "n.v.", "vof", "v.o.f.", "cv", "c.v.", "&", "en", "de", "van"}


def mask_word(word: str) -> str:
    """The first third of a word (at least one letter), the rest dotted."""
    if len(word) <= 1 or word.lower() in _KEEP:
        return word
    keep = max(1, len(word) // 3)
    return word[:keep] + DOT * (len(word) - keep)


def mask_name(name: str | None) -> str:
    return " ".join(mask_word(w) for w in (name or "").split())


def mask_email(address: str | None) -> str:
    """The local part masked; the domain kept (it names a company, not a person)."""
    if not address or "@" not in address:
        return mask_name(address)
    local, domain = address.split("@", 1)
    return f"{mask_word(local) if len(local) > 2 else DOT * len(local)}@{domain}"


def mask_number(value: str | None, visible: int = 4) -> str:
    """Only the last `visible` characters (KvK, account numbers)."""
    if not value:
        return ""
    return DOT * max(0, len(value) - visible) + value[-visible:]


def sample_rows(parsed: ParsedExport, limit: int = 5) -> list[dict[str, str]]:
    """Up to `limit` masked rows of what the file holds, whatever kind of export it is."""
    rows: list[dict[str, str]] = []
    for s in parsed.subjects[:limit]:
        rows.append(
            {
                # Some systems key a relation by its e-mail address (the mailbox).
                "ref": mask_email(s.ref) if "@" in s.ref else s.ref,
                "name": mask_name(s.name),
                "kvk": mask_number(s.kvk),
                "email": ", ".join(mask_email(e) for e in s.emails),
                "iban": mask_number(s.iban),
            }
        )
    if not rows:
        for m in parsed.messages[:limit]:
            rows.append(
                {
                    "date": f"{m.sent_at:%Y-%m-%d %H:%M}",
                    "email": mask_email(m.sender),
                    "subject": mask_name(m.subject),
                    "kind": ", ".join(m.classes),
                }
            )
    if not rows:
        for a in parsed.access[:limit]:
            rows.append(
                {"system": a.system, "item": mask_name(a.item), "holder": mask_name(a.holder)}
            )
    if not rows:
        for inv in parsed.invoices[:limit]:
            rows.append(
                {"number": inv.number, "ref": inv.subject_ref, "date": inv.invoice_date.isoformat()}
            )
    # Columns that are empty in every example (no KvK in a mailbox) only take room.
    keep = [k for k in (rows[0] if rows else {}) if any(r[k] for r in rows)]
    return [{k: r[k] for k in keep} for r in rows]
