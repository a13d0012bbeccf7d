"""``milepost rule CODE|NAME`` and ``milepost rule --all``: the rule catalog."""

from __future__ import annotations

import click

from milepost.errors import UsageError
from milepost.rules import ALL_RULES, FixAvailability, Rule, find_rule


def page(rule: Rule) -> str:
    """One rule's documentation, with ruff's headings."""
    fix = {
        FixAvailability.ALWAYS: "always",
        FixAvailability.SOMETIMES: "sometimes",
        FixAvailability.NEVER: "never",
    }[rule.fix]
    safety = ""
    if rule.fix is not FixAvailability.NEVER:
        safety = (
            "The fix is safe: it applies with --fix."
            if rule.fix_safe
            else ("The fix is unsafe: it applies only with --unsafe-fixes.")
        )
    parts = [
        f"{rule.code} {rule.name} ({rule.group}, {rule.severity.value})",
        "",
        "## What it does",
        rule.summary,
        "",
        "## Why is this bad?",
        rule.why,
        "",
        "## Example",
        "```markdown",
        rule.bad.rstrip("\n"),
        "```",
        "",
        "## Use instead",
        "```markdown",
        rule.good.rstrip("\n"),
        "```",
        "",
        "## Fix safety",
        f"Fix available: {fix}. {safety}".rstrip(),
    ]
    if rule.options:
        parts += ["", "## Options", rule.options]
    return "\n".join(parts) + "\n"


@click.command("rule")
@click.argument("key", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule.")
def command(key: str | None, show_all: bool) -> int:
    """Explain a rule (by code or name), or list them all."""
    if show_all or key is None:
        for rule in ALL_RULES:
            fix = "*" if rule.fix is not FixAvailability.NEVER else " "
            click.echo(f"{rule.code} {fix} {rule.name:<28} {rule.severity.value:<8} {rule.summary}")
        return 0
    found = find_rule(key)
    if found is None:
        raise UsageError(f"no rule {key!r}", hint="see `milepost rule --all`")
    click.echo(page(found), nl=False)
    return 0
