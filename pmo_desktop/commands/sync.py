"""`pmo share`, `clone`, `sync`, `conflicts`, `resolve`, `members`: team sharing through PostgreSQL.

Conflicts are data, not errors (exit 0). A server that cannot be reached is one line and exit 1, with
nothing changed locally. Connection strings are libpq's (URL, service=..., environment, PGPASSFILE);
a password in a URL is used, never stored or printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import (
    TextProgress,
    UserError,
    day,
    phrase,
    print_json,
    say,
    user_errors,
    word,
)
from pmo_desktop.store import open_portfolio
from pmo_desktop.sync import conflicts as conflicts_mod
from pmo_desktop.sync import engine, members
from pmo_desktop.sync.connection import SyncError, redact

_one_line = user_errors(SyncError)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("share", help="publish a portfolio to a PostgreSQL database and keep it in sync")
    p.add_argument("file", type=Path)
    p.add_argument("server", help="postgresql://HOST/DB, or any libpq connection string")
    p.add_argument("--name", help="the shared portfolio's name (default: the portfolio name)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_one_line(cmd_share))

    p = sub.add_parser("clone", help="make a local copy of a shared portfolio")
    p.add_argument("server", help="postgresql://HOST/DB, or any libpq connection string")
    p.add_argument("out", type=Path)
    p.add_argument("--portfolio", help="which shared portfolio (when the database holds several)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_one_line(cmd_clone))

    p = sub.add_parser("sync", help="send local changes and receive everyone else's")
    p.add_argument("file", type=Path)
    p.add_argument("--status", action="store_true", help="only say what is waiting (no connection)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_one_line(cmd_sync))

    p = sub.add_parser("conflicts", help="list open sync conflicts")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_one_line(cmd_conflicts))

    p = sub.add_parser("resolve", help="resolve a sync conflict (sent at the next sync)")
    p.add_argument("file", type=Path)
    p.add_argument("id", type=int)
    p.add_argument("--keep", required=True, metavar="mine|theirs|VALUE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_one_line(cmd_resolve))

    p = sub.add_parser("members", help="who shares the portfolio (admins change it)")
    p.add_argument("file", type=Path)
    msub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    msub.required = True
    a = msub.add_parser("add", help="add or change a member (a database login)")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=members.ROLES)
    a.add_argument("--programme", action="append", default=[], help="limit an editor to this programme (repeat)")
    a.add_argument("--create-login", action="store_true",
                   help="create the database login if it is missing (needs a login that may create roles)")
    a.add_argument("--json", action="store_true")
    a = msub.add_parser("list", help="list members")
    a.add_argument("--json", action="store_true")
    a = msub.add_parser("remove", help="remove a member")
    a.add_argument("name")
    a.add_argument("--json", action="store_true")
    p.set_defaults(run=_one_line(cmd_members))


def cmd_share(args) -> int:
    with open_portfolio(args.file) as pf:
        result = engine.share(pf, args.server, args.name)
    if args.json:
        print_json(result)
    else:
        say("Shared {file} as \"{portfolio}\" on {server} ({rows} rows); you ({login}) are its admin",
            file=args.file, portfolio=result["portfolio"], server=result["server"], rows=result["rows"],
            login=result["login"])
    return 0


def cmd_clone(args) -> int:
    if args.out.exists() and not args.force:
        raise UserError(f"{args.out} already exists; choose another name or pass --force")
    result = engine.clone(args.server, args.out, args.portfolio, overwrite=args.force,
                          progress=TextProgress("Receiving"))
    if args.json:
        print_json(result)
    else:
        say("Cloned \"{portfolio}\" from {server} into {file} ({rows} rows; you are {login}, {role})",
            portfolio=result["portfolio"], server=redact(args.server), file=args.out, rows=result["rows"],
            login=result["login"], role=word(result["role"]))
    return 0


def cmd_sync(args) -> int:
    if args.status:
        with open_portfolio(args.file, read_only=True) as pf:
            from pmo_desktop.sync.state import status

            result = status(pf)
        if args.json:
            print_json(result)
        elif not result["shared"]:
            say("{file} is not shared", file=args.file)
        else:
            say("{to_send} changes to send, {conflicts} open conflicts, last synced {when}",
                to_send=result["to_send"], conflicts=result["conflicts"],
                when=day(result["last_sync_at"]) or phrase("never"))
        return 0
    with open_portfolio(args.file) as pf:
        result = engine.sync(pf)
    if args.json:
        print_json(result)
    else:
        say("Sent {sent}, received {received}, new conflicts {new_conflicts}", sent=result["sent"],
            received=result["received"], new_conflicts=result["new_conflicts"])
    return 0


def _show(value) -> str:
    if value is None:
        return phrase("(none)")
    if isinstance(value, dict):
        return phrase("(whole record)")
    return str(value)


def cmd_conflicts(args) -> int:
    with open_portfolio(args.file, read_only=True) as pf:
        found = conflicts_mod.open_conflicts(pf)
    if args.json:
        print_json({"conflicts": found, "count": len(found)})
        return 0
    if not found:
        say("No open conflicts")
        return 0
    for c in found:
        field = c["field"] or "-"
        shown = c["shown"]
        say("#{id} {kind} {record} {field}: original {base}, mine {mine} ({mine_by}, {mine_at}), "
            "theirs {theirs} ({theirs_by}, {theirs_at})", id=c["id"], kind=word(c["kind"]), record=c["record"],
            field=field, base=_show(shown["base"]), mine=_show(shown["mine"]), mine_by=c["mine_by"],
            mine_at=day(c["mine_at"]), theirs=_show(shown["theirs"]), theirs_by=c["theirs_by"] or "-",
            theirs_at=day(c["theirs_at"]) or "-")
    return 0


def cmd_resolve(args) -> int:
    with open_portfolio(args.file) as pf:
        result = conflicts_mod.resolve(pf, args.id, args.keep)
    if args.json:
        print_json(result)
    else:
        say("Resolved conflict {id} (keep {keep}); 'pmo sync' sends it", id=args.id, keep=args.keep)
    return 0


def cmd_members(args) -> int:
    with open_portfolio(args.file, read_only=True) as pf:
        if args.action == "add":
            result = members.add_member(pf, args.name, args.role, args.programme, create_login=args.create_login)
            text = phrase("{login} is now {role}", login=result["login"], role=word(result["role"])) + (
                phrase(" for {programmes}", programmes=phrase(", ").join(result["programmes"]))
                if result["programmes"] else "") + (
                phrase("; the database login was created without a password: set one, or use the server's usual "
                       "sign-in") if result["login_created"] else "")
        elif args.action == "remove":
            result = members.remove_member(pf, args.name)
            text = phrase("Removed {name}", name=args.name)
        else:
            rows = members.list_members(pf)
            result = {"members": rows}
            text = "\n".join(f"{m['login']:<20} {word(m['role']):<7} {phrase(', ').join(m['programmes'])}"
                              for m in rows)
    if args.json:
        print_json(result)
    else:
        say("{text}", text=text)
    return 0
