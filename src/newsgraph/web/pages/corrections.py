"""`/corrections` (every correction made) and `/correct` (only on a server started writable): the buttons
on the person and conflicts pages post here."""

from __future__ import annotations

from ...store import Store
from .args import BadRequest, text

ACTIONS = ("merge", "split", "rename", "dismiss", "confirm")


def index(store: Store, args: dict) -> dict:
    """Every correction made, oldest first."""
    return {"corrections": store.corrections()}


def apply(store: Store, args: dict) -> dict:
    """On POST, make one correction (action and its fields from the form); what was done, or why not."""
    if args.get("method") != "POST":
        return {"outcome": None, "actions": ACTIONS}
    from ...store.corrections import CorrectionError

    action, note = text(args, "action"), text(args, "note")
    if action not in ACTIONS:
        raise BadRequest(f"action={action!r} is not one of {', '.join(ACTIONS)}")
    try:
        if action == "merge":
            done = store.merge(_number(args, "entity"), _number(args, "other"), note)
        elif action == "split":
            done = store.split(_number(args, "entity"), _required(args, "article"), note)
        elif action == "rename":
            done = store.rename(_number(args, "entity"), _required(args, "name"), note)
        else:
            done = getattr(store, action)(_required(args, "conflict"), note)
    except CorrectionError as exc:
        return {"outcome": "refused", "reason": str(exc), "action": action}
    back = f"/people/{done['entity_id']}" if done["entity_id"] else "/conflicts"
    return {"outcome": "done", "correction": done, "back": back}


def _required(args: dict, name: str) -> str:
    value = text(args, name)
    if value is None:
        raise BadRequest(f"{name} is missing")
    return value


def _number(args: dict, name: str) -> int:
    value = _required(args, name)
    if not value.isdigit():
        raise BadRequest(f"{name}={value!r} is not an entity id")
    return int(value)
