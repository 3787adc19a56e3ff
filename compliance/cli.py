"""Command line: `python -m compliance import|classify|request add|deletion done|report|demo`.

Exit codes: 0 all done, 2 something was refused (one sentence per refusal on stderr;
refused input changes nothing), 3 the database is busy with another import, 1 a fault of
ours (one sentence; the trace goes to data/logs/, never to the terminal).

`classify FILE…` is a dry run of a mailbox import, without a database: it prints a JSON
list with one object per received message (file, message_id, sent_at, subject, classes,
candidates, language, reasons: the evidence rows), read exactly as an import reads it.

Refusals, import warnings and the database's errors are written in English, or in Dutch with
`--lang nl` or a LANG environment variable starting with "nl" (`--lang en` overrules it).
For `report`, `audit` and `access-overview`, `--lang` also chooses the language of what is
written (Dutch when not given).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from compliance import store
from compliance.faults import log_fault
from compliance.i18n import t
from compliance.identity import normalise_email, normalise_kvk
from compliance.importing import current_actor, import_file
from compliance.policy import REQUEST_TYPE_IDS, PolicyError, load_policy
from compliance.report import build_snapshot, report_json, report_text
from compliance.requests import CHANNELS
from compliance.samples import POSTAL_REQUESTS, load_samples
from compliance.visible import visible
from etl.model import SOURCES, ImportRefused, Said

ROOT = Path(__file__).resolve().parent.parent
EXIT_REFUSED = 2
EXIT_BUSY = 3


EXIT_FAULT = 1
LANGS = ("nl", "en")
MESSAGE_LANG_HELP = (
    "language of refusals and warnings (default: nl when $LANG starts with nl, else en)"
)
WRITTEN_LANG_HELP = "language of what is written (default: nl) and of refusals"


class Refused(Exception):
    """Bad command-line input: one sentence."""


def message_language(chosen: str | None = None) -> str:
    """The language of refusals and warnings: `--lang`, else Dutch when $LANG starts with
    "nl", else English."""
    if chosen in ("nl", "en"):
        return chosen
    return "nl" if os.environ.get("LANG", "").lower().startswith("nl") else "en"


def _refusal(args: argparse.Namespace, said: Said | str) -> str:
    """The refusal line, "refused: <sentence>", in the language of the messages."""
    lang = getattr(args, "message_lang", "en")
    reason = said if isinstance(said, str) else said.text(lang)
    return t("cli.refused", lang, reason=reason)


def _warnings(args: argparse.Namespace, result: store.ImportResult) -> None:
    """An imported file's warnings, each on a line of its own below its summary."""
    lang = getattr(args, "message_lang", "en")
    for warning in result.warnings:
        say(t("cli.warning", lang, text=warning.text(lang)))


def say(text: object = "", file: TextIO | None = None, flush: bool = False) -> None:
    """Print one sentence, made `visible`: a name from outside can neither forge a second
    line nor recolour the terminal."""
    print(visible(str(text)), file=file or sys.stdout, flush=flush)


def say_lines(text: str) -> None:
    """Print lines of our own making (a report, JSON), each made `visible`."""
    print("\n".join(visible(line) for line in text.split("\n")))


def default_db() -> Path:
    return Path(os.environ.get("COMPLIANCE_DB") or ROOT / "data" / "compliance.duckdb")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-25") from None


def _summary(result: store.ImportResult) -> str:
    if result.already_imported:
        return f"{result.file_name}: already imported earlier; nothing changed."
    text = (
        f"{result.file_name}: imported from {result.source} ({result.kind}): "
        f"{result.rows_read} rows read, {result.rows_new} new, {result.rows_changed} changed, "
        f"{result.rows_unchanged} unchanged, {result.rows_skipped} skipped; "
        f"{result.subjects_new} new subjects."
    )
    return text + _access_summary(result)


def _access_summary(result: store.ImportResult) -> str:
    """What a TransIP, vault or DSD import adds: secrets dropped, entries linked or not."""
    text = ""
    if result.secrets_dropped:
        text += (
            f" {result.secrets_dropped} secret fields (passwords, TOTP seeds, notes, custom "
            "fields, attachments) were discarded while reading; none was stored."
        )
    if result.access_linked or result.access_unlinked or result.access_gone:
        text += (
            f" Access: {result.access_linked} linked, {result.access_unlinked} to link on the "
            f"Toegang page, {result.access_gone} no longer present."
        )
    return text


def cmd_pull_transip(args: argparse.Namespace) -> int:
    """Fetch the TransIP answers (credentials from the environment or secrets.toml), save
    them under data/raw/ and import them."""
    from compliance import transip_pull

    try:
        files = transip_pull.pull(transip_pull.credentials(), args.raw_dir, datetime.now())
    except transip_pull.PullRefused as exc:
        raise Refused(str(exc)) from None
    say(f"{len(files)} TransIP answers saved in {files[0].parent}.")
    refused = 0
    for path in files:
        try:
            result = import_file(
                args.db, path, actor=current_actor(), now=datetime.now(), source="transip"
            )
        except ImportRefused as exc:
            refused += 1
            say(_refusal(args, exc.said), file=sys.stderr)
            continue
        say(_summary(result))
        _warnings(args, result)
    return EXIT_REFUSED if refused else 0


def cmd_import(args: argparse.Namespace) -> int:
    refused = 0
    for name in args.files:
        path = Path(name)
        try:
            result = import_file(
                args.db, path, actor=current_actor(), now=datetime.now(), source=args.source
            )
        except ImportRefused as exc:
            refused += 1
            say(_refusal(args, exc.said), file=sys.stderr)
            continue
        say(_summary(result))
        _warnings(args, result)
    return EXIT_REFUSED if refused else 0


def classified(path: Path) -> list[dict]:
    """What an import of this mailbox export would make of each received message, without
    a database: parsed as an import parses it (compliance.importing.parse), so the classes
    are exactly those an import stores. ImportRefused (a sentence) otherwise."""
    from compliance.importing import parse
    from etl import mailbox

    parsed = parse(path, mailbox.SOURCE)
    return [
        {
            "file": str(path),
            "message_id": m.message_id,
            "sent_at": m.sent_at.isoformat(),
            "subject": m.subject,
            "classes": list(m.classes),
            "candidates": list(m.candidates),
            "language": m.language,
            "reasons": [e.as_dict() for e in m.evidence],
        }
        for m in parsed.messages
        if m.direction == "inbound"
    ]


def _classified_text(found: dict) -> str:
    classes = ", ".join(found["classes"])
    if found["candidates"]:
        classes += f" (possibly {', '.join(found['candidates'])})"
    lines = [f"{found['file']}: {found['sent_at']} <{found['message_id']}> {classes}: "
             f"{visible(found['subject'] or '-')}"]  # fmt: skip
    for r in found["reasons"]:
        said = f": {visible(r['sentence'])}" if r["sentence"] else ""
        lines.append(f"    {r['status']} {r['type'] or 'request'} by '{r['rule']}' "
                     f"in {r['place']}{said}")  # fmt: skip
    return "\n".join(lines)


def cmd_classify(args: argparse.Namespace) -> int:
    found: list[dict] = []
    refused = 0
    for name in args.files:
        try:
            found.extend(classified(Path(name)))
        except ImportRefused as exc:
            refused += 1
            say(_refusal(args, exc.said), file=sys.stderr)
    if args.format == "json":
        say_lines(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        for item in found:
            say_lines(_classified_text(item))
    return EXIT_REFUSED if refused else 0


def _request_fields(args: argparse.Namespace) -> dict:
    email = None
    if args.email is not None:
        email = normalise_email(args.email)
        if email is None:
            raise Refused(f"'{args.email}' is not an e-mail address.")
    kvk = None
    if args.kvk is not None:
        kvk = normalise_kvk(args.kvk)
        if kvk is None:
            raise Refused(f"'{args.kvk}' is not a KvK number of 8 digits.")
    if args.answered is not None and args.answered < args.received:
        raise Refused("The answer date lies before the date the request was received.")
    if args.received > date.today():
        raise Refused("The date received lies in the future; check --received.")
    return {
        "type": args.type,
        "received_on": args.received,
        "channel": args.channel,
        "name": args.name,
        "email": email,
        "kvk": kvk,
        "answered_on": args.answered,
    }


def cmd_request_add(args: argparse.Namespace) -> int:
    fields = _request_fields(args)
    request_id, subject_id = store.add_request(
        args.db, actor=current_actor(), now=datetime.now(), **fields
    )
    say(f"request {request_id} ({args.type}) recorded for subject {subject_id}.")
    return 0


def cmd_deletion_done(args: argparse.Namespace) -> int:
    try:
        count = store.mark_deleted(
            args.db,
            subject_id=args.subject,
            category=args.category,
            source=args.source,
            deleted_on=args.on,
            evidence=args.evidence,
            actor=current_actor(),
            now=datetime.now(),
        )
    except store.StoreError as exc:
        raise Refused(exc.text(args.message_lang)) from None
    say(f"{count} records of subject {args.subject} marked deleted on {args.on}.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    policy = load_policy()
    snap = build_snapshot(args.db, policy, args.as_of)
    if args.format == "json":
        say_lines(report_json(snap, args.lang or "nl"))
    else:
        say_lines(report_text(snap, policy, args.lang or "nl"))
    return 0


def cmd_access_overview(args: argparse.Namespace) -> int:
    """The Excel answer to an access request (compliance.access_overview)."""
    from compliance.access_overview import UnknownSubject, overview_workbook

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise Refused(f"{out.name}: the overview must be saved as a .xlsx file.")
    if not out.parent.is_dir():
        raise Refused(f"The folder {out.parent} does not exist; choose an existing folder.")
    if not Path(args.db).exists():
        raise Refused(f"There is no database at {args.db}; import exports first.")
    as_of = args.as_of or date.today()
    try:
        book = overview_workbook(args.db, load_policy(), args.subject, as_of, args.lang or "nl")
    except UnknownSubject:
        raise Refused(
            f"There is no data subject number {args.subject}; the Inventaris page or "
            "'report --format json' shows the numbers."
        ) from None
    book.save(out)
    say(f"access overview of subject {args.subject} on {as_of} written to {out}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.if_empty and store.has_data(args.db):
        say(f"{args.db} already holds data; samples not loaded.")
        return 0
    loaded = load_samples(args.db, load_policy())
    for result in loaded.imports:
        say(_summary(result))
    say(f"{POSTAL_REQUESTS}: {loaded.requests} sample postal requests recorded.")
    if loaded.sign_offs:
        say(f"{loaded.sign_offs} sample weekly sign-offs recorded (the Overzicht's trend).")
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence (the usage is one --help away)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        say(f"refused: {message}; see '{self.prog} --help'.", file=sys.stderr)
        raise SystemExit(EXIT_REFUSED)


def cmd_audit(args: argparse.Namespace) -> int:
    from compliance.audit import build_workbook

    out = Path(args.out)
    if not out.parent.is_dir():
        raise Refused(f"The folder {out.parent} does not exist; choose an existing folder.")
    if out.suffix.lower() != ".xlsx":
        raise Refused(f"{out.name}: the workbook must be saved as a .xlsx file.")
    if not Path(args.db).exists():
        raise Refused(f"There is no database at {args.db}; import exports first.")
    book = build_workbook(args.db, load_policy(), args.as_of, args.lang or "nl")
    book.save(out)
    store.log_event(
        args.db,
        current_actor(),
        "audit_export",
        {"as_of": args.as_of.isoformat(), "file": out.name},
        datetime.now(),
    )
    say(f"audit workbook for {args.as_of} written to {out}.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    try:
        target = store.backup(args.db, actor=current_actor(), now=datetime.now(), target=args.out)
    except store.StoreError as exc:
        raise Refused(exc.text(args.message_lang)) from None
    say(f"backup written to {target}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    try:
        saved = store.restore(args.db, args.file, actor=current_actor(), now=datetime.now())
    except store.StoreError as exc:
        raise Refused(exc.text(args.message_lang)) from None
    say(
        f"{args.db} restored from {args.file}"
        + (f"; the previous file is saved as {saved}." if saved else ".")
    )
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    """Ask for a new owner password twice and store only its hash."""
    from compliance import auth

    password = getpass.getpass("Nieuw wachtwoord / new password: ")
    repeated = getpass.getpass("Nog eens / again: ")
    problem = auth.password_problem(password, repeated)
    if problem:
        raise Refused(t(problem, args.message_lang))
    auth.store_hash(auth.hash_password(password))
    say(f"Password hash stored in {auth.SECRETS_PATH}; the password itself is not kept.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the dashboard, but never on a network address without a password."""
    from compliance import auth

    if not auth.is_local_address(args.address) and auth.configured_hash() is None:
        raise Refused(
            f"No password is set, so the dashboard will not listen on {args.address}; run "
            "'make password' first, or use 127.0.0.1."
        )
    say(f"AVG-toezicht: http://{args.address}:{args.port}", flush=True)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard.py"),
        "--server.address",
        args.address,
        "--server.port",
        str(args.port),
    ]
    os.execv(sys.executable, command)
    return 0  # not reached: execv replaces this process


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m compliance",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--db",
            type=Path,
            default=default_db(),
            help="database file (default: $COMPLIANCE_DB or data/compliance.duckdb)",
        )
        return p

    def with_lang(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--lang", choices=LANGS, help=MESSAGE_LANG_HELP)
        return p

    p = with_lang(with_db(sub.add_parser("import", help="import export files")))
    p.add_argument("--source", choices=SOURCES, help="the system the files come from")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = with_lang(
        sub.add_parser(
            "classify", help="show what an import would make of mailbox messages (no database)"
        )
    )
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_classify)

    req = sub.add_parser("request", help="written requests").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = with_lang(
        with_db(req.add_parser("add", help="record a request received by post or e-mail"))
    )
    p.add_argument("--type", required=True, choices=REQUEST_TYPE_IDS)
    p.add_argument("--received", required=True, type=_iso_date, metavar="YYYY-MM-DD")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--email")
    who.add_argument("--kvk")
    who.add_argument("--name")
    p.add_argument("--channel", choices=CHANNELS, default="post")
    p.add_argument("--answered", type=_iso_date, metavar="YYYY-MM-DD")
    p.set_defaults(func=cmd_request_add)

    dele = sub.add_parser("deletion", help="deletions").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = with_lang(with_db(dele.add_parser("done", help="record that data was deleted")))
    p.add_argument("--subject", required=True, type=int)
    p.add_argument("--category", required=True)
    p.add_argument("--source", required=True, choices=SOURCES)
    p.add_argument("--on", required=True, type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--evidence", required=True, help="how it was deleted")
    p.set_defaults(func=cmd_deletion_done)

    p = with_db(sub.add_parser("report", help="compliance report on a date"))
    p.add_argument("--as-of", required=True, type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--lang", choices=LANGS, help=WRITTEN_LANG_HELP)
    p.set_defaults(func=cmd_report)

    p = with_db(sub.add_parser("audit", help="write the audit workbook (Excel)"))
    p.add_argument("--as-of", required=True, type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--lang", choices=LANGS, help=WRITTEN_LANG_HELP)
    p.set_defaults(func=cmd_audit)

    p = with_lang(with_db(sub.add_parser("backup", help="copy the database to data/backups/")))
    p.add_argument("--out", type=Path, help="where to write the copy")
    p.set_defaults(func=cmd_backup)

    p = with_lang(
        with_db(sub.add_parser("restore", help="put a backup back (the current file is saved)"))
    )
    p.add_argument("file", type=Path, metavar="BACKUP")
    p.set_defaults(func=cmd_restore)

    p = with_lang(
        sub.add_parser("password", help="set the dashboard password (stores only a hash)")
    )
    p.set_defaults(func=cmd_password)

    p = with_lang(sub.add_parser("serve", help="start the dashboard"))
    p.add_argument("--address", default=os.environ.get("AVG_ADDRESS", "127.0.0.1"))
    p.add_argument("--port", type=int, default=8501)
    p.set_defaults(func=cmd_serve)

    p = with_db(sub.add_parser("access-overview", help="Excel answer to an access request"))
    p.add_argument("--subject", required=True, type=int, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--lang", choices=LANGS, help=WRITTEN_LANG_HELP)
    p.set_defaults(func=cmd_access_overview)

    pull = sub.add_parser("pull", help="fetch exports from an online system").add_subparsers(
        dest="system", required=True, parser_class=_Parser
    )
    p = with_lang(
        with_db(pull.add_parser("transip", help="fetch and import TransIP firewalls and WHOIS"))
    )
    p.add_argument(
        "--raw-dir",
        type=Path,
        default=ROOT / "data" / "raw",
        help="where the answers are saved (default: data/raw, not in git)",
    )
    p.set_defaults(func=cmd_pull_transip)

    p = with_lang(with_db(sub.add_parser("demo", help="load the sample exports")))
    p.add_argument("--if-empty", action="store_true", help="only when the database is empty")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error already printed (2)
        return EXIT_REFUSED if exc.code else 0
    args.message_lang = lang = message_language(getattr(args, "lang", None))
    try:
        return args.func(args)
    except Refused as exc:
        say(_refusal(args, str(exc)), file=sys.stderr)
        return EXIT_REFUSED
    except ImportRefused as exc:
        say(_refusal(args, exc.said), file=sys.stderr)
        return EXIT_REFUSED
    except store.StoreBusy as exc:
        say(exc.text(lang), file=sys.stderr)
        return EXIT_BUSY
    except store.StoreError as exc:
        say(exc.text(lang), file=sys.stderr)
        return EXIT_REFUSED
    except PolicyError as exc:
        say(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    except Exception:  # a fault of ours: one sentence here, the trace in the log
        log = log_fault(f"python -m compliance {args.command}")
        say(
            "AVG-toezicht stopped on an error it did not expect; what it was writing was "
            f"rolled back. The details are in {log}.",
            file=sys.stderr,
        )
        return EXIT_FAULT
