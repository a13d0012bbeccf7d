"""Every type the public API takes or returns, and every type those hold, can be imported by
name from a public module, so that code using milepost can annotate what it holds
(``def triage(d: Diagnostic)``) without reaching into private modules."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
import typing

import milepost
from milepost import api

#: The modules a user imports from, by their ``__all__``.
PUBLIC = ("milepost", "milepost.api", "milepost.model", "milepost.errors", "milepost.document")


def _every_class() -> dict[str, object]:
    """Every milepost class by name, to read annotations written under TYPE_CHECKING."""
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(milepost.__path__, "milepost."):
        if info.name.endswith("__main__") or info.name.startswith(
            ("milepost.sphinx", "milepost.mkdocs")
        ):
            continue
        for name, value in vars(importlib.import_module(info.name)).items():
            if inspect.isclass(value) and value.__module__.startswith("milepost"):
                found.setdefault(name, value)
    return found


def _hints(thing: object, names: dict[str, object]) -> dict[str, object]:
    return typing.get_type_hints(thing, localns=names)


def _reachable_types() -> dict[type, str]:
    """Each milepost class reachable from the public functions, with the way it was reached."""
    names = _every_class()
    reached: dict[type, str] = {}

    def visit(annotation: object, via: str) -> None:
        for argument in typing.get_args(annotation):
            visit(argument, via)
        if not (inspect.isclass(annotation) and annotation.__module__.startswith("milepost")):
            return
        if annotation in reached or issubclass(annotation, BaseException):
            return
        reached[annotation] = via
        for field, hint in _hints(annotation, names).items():
            if not field.startswith("_"):
                visit(hint, f"{annotation.__name__}.{field}")
        for name, member in inspect.getmembers(annotation):
            if isinstance(member, property) and not name.startswith("_"):
                visit(_hints(member.fget, names).get("return"), f"{annotation.__name__}.{name}")

    for module in (milepost, api):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, types.FunctionType):
                for argument, hint in _hints(value, names).items():
                    visit(hint, f"{module.__name__}.{name}({argument})")
            elif inspect.isclass(value):
                visit(value, f"{module.__name__}.{name}")
    return reached


def test_every_type_the_api_hands_out_is_public() -> None:
    public = {
        id(getattr(module, name))
        for module in map(importlib.import_module, PUBLIC)
        for name in module.__all__
    }
    reached = _reachable_types()
    assert len(reached) > 40  # the walk went through the model, not stopped at its door
    hidden = sorted(
        f"{kind.__module__}.{kind.__qualname__} (from {via})"
        for kind, via in reached.items()
        if id(kind) not in public
    )
    assert hidden == []
