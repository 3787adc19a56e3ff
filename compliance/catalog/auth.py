"""The login gate and `make password`."""

STRINGS: dict[str, tuple[str, str]] = {
    "auth.title": ("Aanmelden bij AVG-toezicht", "Sign in to AVG-toezicht"),
    "auth.password": ("Wachtwoord", "Password"),
    "auth.submit": ("Aanmelden", "Sign in"),
    "auth.logout": ("Afmelden", "Sign out"),
    "auth.wrong": (
        "Dat wachtwoord klopt niet. Na 5 pogingen moet u een minuut wachten.",
        "That password is wrong. After 5 attempts you must wait a minute.",
    ),
    "auth.wait": (
        "Te veel mislukte pogingen: probeer het over {seconds} seconden opnieuw.",
        "Too many failed attempts: try again in {seconds} seconds.",
    ),
    "auth.expired": (
        "U was {minutes} minuten niet actief en bent afgemeld; meld u opnieuw aan.",
        "You were inactive for {minutes} minutes and have been signed out; sign in again.",
    ),
    "auth.no_password_remote": (
        "Er is geen wachtwoord ingesteld, dus het dashboard werkt alleen op deze computer "
        "(127.0.0.1). Stel eerst een wachtwoord in met `make password`.",
        "No password is set, so the dashboard only works on this computer (127.0.0.1). "
        "Set a password first with `make password`.",
    ),
    "auth.new.mismatch": (
        "De twee wachtwoorden zijn niet gelijk.",
        "The two passwords are not the same.",
    ),
    "auth.new.too_short": (
        "Kies een wachtwoord van minstens 10 tekens.",
        "Choose a password of at least 10 characters.",
    ),
}
