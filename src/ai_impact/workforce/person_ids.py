"""A roster of one row per person, with an employee ID: the same person is counted once.

HR exports are often one row per employee. An export joined from two reports, or a person
listed under two cost centres, repeats a row; without the ID the analysis would add the rows
together as one role of two people. With an employee ID column, a row that repeats an ID in the
same role (title, code, team and location, as roles are grouped) is skipped and the notes name
its lines; an ID on rows of different roles is kept in each and noted, since a person may hold
two jobs (an FTE column splits them).
"""

from __future__ import annotations

from ai_impact.workforce.roster_notes import lines_text
from ai_impact.workforce.roster_row import RosterRow
from ai_impact.workforce.summary import fold_label

__all__ = ["PersonIds"]

_SHOWN = 3

RoleKey = tuple[str, str | None, str | None, str | None]


def role_key(row: RosterRow) -> RoleKey:
    """What makes two rows one role (``analysis`` groups rows by the same key)."""
    team = None if row.team is None else fold_label(row.team)
    location = None if row.location is None else fold_label(row.location)
    return (fold_label(row.title), row.code, team, location)


class PersonIds:
    """The employee IDs seen so far, and the lines that repeat one."""

    def __init__(self, unit: str = "line") -> None:
        self.unit = unit
        self.first: dict[str, tuple[int, RoleKey, str]] = {}
        self.same: dict[str, tuple[str, list[int]]] = {}  # ID → (title, lines of that role)
        self.other: dict[str, list[tuple[int, str]]] = {}  # ID → (line, title) of each role
        self.typed: dict[str, str] = {}  # ID (case folded) → as first typed

    def repeated(self, person: str, row: RosterRow) -> bool:
        """Record ``row`` of the person with ID ``person`` (empty: no ID); True when it repeats
        an earlier row of the same person in the same role, so it is not counted again."""
        typed = " ".join(person.split())
        if not typed:
            return False
        person = typed.casefold()
        self.typed.setdefault(person, typed)
        key = role_key(row)
        seen = self.first.get(person)
        if seen is None:
            self.first[person] = (row.line, key, row.title)
            return False
        if seen[1] == key:
            self.same.setdefault(person, (seen[2], [seen[0]]))[1].append(row.line)
            return True
        self.other.setdefault(person, [(seen[0], seen[2])]).append((row.line, row.title))
        return False

    def _id(self, person: str) -> str:
        typed = self.typed[person]
        return f"'{typed[:40]}…'" if len(typed) > 40 else f"'{typed}'"

    def notes(self) -> list[str]:
        """One note on the rows skipped as repeats, one on IDs in several roles."""
        out = []
        if len(self.same) == 1:
            person, (title, lines) = next(iter(self.same.items()))
            out.append(
                f"{lines_text(self.unit, lines)} repeat employee ID {self._id(person)} in the "
                f"same role ('{title}'); the person was counted once."
            )
        elif self.same:
            parts = [
                f"{lines_text(self.unit, lines)} (ID {self._id(p)}, '{title}')"
                for p, (title, lines) in list(self.same.items())[:_SHOWN]
            ]
            if len(self.same) > _SHOWN:
                parts.append(f"and {len(self.same) - _SHOWN:,} more IDs")
            out.append(
                f"{self.unit.capitalize()}s that repeat an employee ID in the same role were "
                "counted once (one person each): " + "; ".join(parts) + "."
            )
        if self.other:
            parts = [
                f"ID {self._id(p)} on {lines_text(self.unit, [n for n, _ in seen])} ("
                + ", ".join(f"'{t}'" for t in dict.fromkeys(t for _, t in seen))
                + ")"
                for p, seen in list(self.other.items())[:_SHOWN]
            ]
            if len(self.other) > _SHOWN:
                parts.append(f"and {len(self.other) - _SHOWN:,} more IDs")
            out.append(
                "The same employee ID is on rows of different roles, and the person is counted "
                "in each: " + "; ".join(parts) + ". Give one row per person, or an FTE column "
                "to split a person between roles."
            )
        return out
