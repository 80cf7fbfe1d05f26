"""``qaudit user`` and ``qaudit access``: logins, the people behind them, and their roles."""

from __future__ import annotations

import sys

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.domain.access import AccessRole, Grant
from qaudit.errors import QauditError
from qaudit.i18n import _


def register(commands: Commands) -> None:
    _register_user(commands)
    _register_access(commands)


def _register_user(commands: Commands) -> None:
    user = commands.add_parser("user", help=_("logins and the people behind them"))
    actions = user.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    add = actions.add_parser("add", help=_("map a login to a person (creates it on PostgreSQL)"))
    add.add_argument("login", metavar="LOGIN", help=_("the database login"))
    add.add_argument("--person", type=record_id, required=True, metavar="ID", help=_("person id"))
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the login's password from the first line of standard input"),
    )
    add.set_defaults(handler=add_user)
    listing = actions.add_parser("list", help=_("list the logins with their people and roles"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_users)
    remove = actions.add_parser("remove", help=_("remove a login and its grants"))
    remove.add_argument("login", metavar="LOGIN", help=_("the database login"))
    remove.set_defaults(handler=remove_user)


def _register_access(commands: Commands) -> None:
    access = commands.add_parser("access", help=_("who may see and change what"))
    actions = access.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    for name, helptext, handler in (
        ("grant", _("give a login a role, for a location, organisation or assessment"), grant),
        ("revoke", _("take a role away again"), revoke),
    ):
        parser = actions.add_parser(name, help=helptext)
        parser.add_argument("login", metavar="LOGIN", help=_("the database login"))
        parser.add_argument("role", choices=[r.value for r in AccessRole], metavar="ROLE")
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--location", type=record_id, metavar="ID", help=_("only this location"))
        where.add_argument(
            "--organisation", type=record_id, metavar="ID", help=_("the organisation's locations")
        )
        where.add_argument(
            "--assessment", type=record_id, metavar="ID", help=_("only this assessment")
        )
        parser.set_defaults(handler=handler)
    listing = actions.add_parser("list", help=_("list every grant"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_grants)


def _password(context: Context) -> str | None:
    if not context.args.password_stdin:
        return None
    if sys.stdin.isatty():  # typed by hand: not echoed
        import getpass

        line = getpass.getpass(_("Password: "))
    else:
        line = sys.stdin.readline()
    if not line.strip():
        raise QauditError(_("no password on standard input (--password-stdin)"))
    return line.rstrip("\r\n")


def add_user(context: Context) -> int:
    from qaudit.services.users import add_user as add

    password = _password(context)
    added = add(context.engine(), context.args.login, context.args.person, password)
    message = _("Login {login} is {person}.").format(login=added.login, person=added.person)
    if added.created_role:
        message += " " + _("The PostgreSQL login was created.")
    if password is not None:
        message += " " + _("Its password was set (not shown).")
    print(message)
    return 0


def list_users(context: Context) -> int:
    from qaudit.services.users import list_users as rows_of

    rows = rows_of(context.engine())
    if context.args.json:
        print_json(rows)
        return 0
    print_table(
        [_("login"), _("person id"), _("person"), _("roles")],
        [[r["login"], r["person_id"], r["person"], ", ".join(r["roles"])] for r in rows],
    )
    return 0


def remove_user(context: Context) -> int:
    from qaudit.services.users import remove_user as remove

    dropped = remove(context.engine(), context.args.login)
    print(_("Login {login} removed.").format(login=context.args.login))
    if dropped:
        print(_("The PostgreSQL login was dropped."))
    return 0


def _target(context: Context) -> tuple[AccessRole, Grant]:
    args = context.args
    role = AccessRole(args.role)
    return role, Grant(role, args.location, args.organisation, args.assessment)


def grant(context: Context) -> int:
    from qaudit.services.users import grant as give

    role, target = _target(context)
    new = give(context.engine(), context.args.login, role, target)
    message = _("{login} is now {role}.") if new else _("{login} already was {role}.")
    print(message.format(login=context.args.login, role=role.value))
    return 0


def revoke(context: Context) -> int:
    from qaudit.services.users import revoke as take

    role, target = _target(context)
    take(context.engine(), context.args.login, role, target)
    print(_("{login} is no longer {role}.").format(login=context.args.login, role=role.value))
    return 0


def list_grants(context: Context) -> int:
    from qaudit.services.users import grant_rows

    rows = grant_rows(context.engine())
    if context.args.json:
        print_json(rows)
        return 0
    print_table(
        [_("login"), _("role"), _("scope")], [[r["login"], r["role"], r["scope"]] for r in rows]
    )
    return 0
