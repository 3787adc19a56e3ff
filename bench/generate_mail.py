"""The synthetic mbox of the benchmark: a tenth as many messages as relations (100k at L).

Clients (by the e-mail address of a generated relation), prospects nobody knows, shops'
newsletters (with List-Unsubscribe), a reply from the company's own address in every fourth
thread, and now and then a termination or an access request; a fifth are multipart with an
HTML part. Seeded like the other files.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from bench.generate import DAYS, SEED, START, relations

BODIES = {
    "contact": "Hallo,\n\nKunnen jullie volgende week naar de printer kijken? Hij geeft een "
    "storing.\n\nGroet,\n{name}\n",
    "termination": "Beste Rob,\n\nHierbij zeggen wij de samenwerking met ICT Roermond op per "
    "het einde van deze maand.\n\nMet vriendelijke groet,\n{name}\n",
    "access": "Goedemiddag,\n\nGraag wil ik inzage in de persoonsgegevens die u van mij "
    "verwerkt.\n\nMet vriendelijke groet,\n{name}\n",
    "noise": "Bekijk deze e-mail in je browser.\n\nDe beste aanbiedingen van deze maand!\n"
    "Je ontvangt deze nieuwsbrief omdat je klant bent. Klik hier om je af te melden.\n",
    "reply": "Beste {name},\n\nDank voor uw bericht, we komen dinsdag langs.\n\nICT Roermond\n",
}
SUBJECTS = {
    "contact": "Printer storing",
    "termination": "Opzegging",
    "access": "Inzageverzoek",
    "noise": "Nieuwsbrief november",
    "reply": "Re: {subject}",
}


def _message(
    out: TextIO,
    mid: str,
    sender: str,
    to: str,
    subject: str,
    day: date,
    body: str,
    extra: str = "",
    html: bool = False,
) -> int:
    minute = sum(map(ord, mid)) % 60
    out.write(
        f"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\nFrom: {sender}\nTo: {to}\n"
        f"Subject: {subject}\nDate: {day:%a, %d %b %Y} 10:{minute:02d}:00 +0100\n"
        f"Message-ID: <{mid}>\n{extra}MIME-Version: 1.0\n"
    )
    if html:
        text = body.replace("\n", "<br>\n")
        out.write(
            'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\nContent-Type: '
            f'text/plain; charset="utf-8"\n\n{body}\n--b1\nContent-Type: text/html; '
            f'charset="utf-8"\n\n<html><body><p>{text}</p></body></html>\n--b1--\n\n'
        )
    else:
        out.write(f'Content-Type: text/plain; charset="utf-8"\n\n{body}\n')
    return 1


def write_mailbox(path: Path, n: int) -> None:
    rng = random.Random(SEED + 3)
    clients = [r for r in relations(n) if r.email][: max(n // 2, 1)]
    own = "ICT Roermond <info@ictroermond.nl>"
    written, k = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < n // 10:
            k += 1
            roll = rng.random()
            kind = (
                "termination"
                if roll < 0.01
                else "access"
                if roll < 0.013
                else "noise"
                if roll < 0.12
                else "contact"
            )
            if kind == "noise":
                who, name = f"nieuwsbrief@winkel{k % 50}.example.com", "Winkel"
            elif roll < 0.3:  # a prospect: an address no system knows
                who, name = f"iemand{k}@prospect.example.org", f"Prospect {k}"
            else:
                r = rng.choice(clients)
                who, name = r.email, r.person
            day = START + timedelta(days=rng.randrange(DAYS + 20))
            mid, subject = f"m{k}@bench.example", SUBJECTS[kind]
            extra = "List-Unsubscribe: <mailto:uit@winkel.example.com>\n" if kind == "noise" else ""
            written += _message(
                out,
                mid,
                f"{name} <{who}>",
                own,
                subject,
                day,
                BODIES[kind].format(name=name),
                extra,
                html=k % 5 == 0,
            )
            if kind != "noise" and k % 4 == 0:  # the company answers in the same thread
                written += _message(
                    out,
                    f"r{k}@ictroermond.nl",
                    own,
                    f"{name} <{who}>",
                    f"Re: {subject}",
                    day + timedelta(days=2),
                    BODIES["reply"].format(name=name),
                    f"In-Reply-To: <{mid}>\nReferences: <{mid}>\n",
                )
