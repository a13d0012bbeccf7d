"""``milepost diff``, ``log``, ``stats`` and ``announce``: what git history says."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from milepost.cli.options import color_option, format_option, since_option, today_option
from milepost.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from milepost.history_api import History


def _split(args: tuple[str, ...], *, since: bool) -> tuple[list[str], list[str]]:
    """Revisions and paths, in any order (see :func:`milepost.history_api.split_arguments`)."""
    from milepost import history_api

    revs, paths = history_api.split_arguments(args, since=since)
    if len(revs) > 2:
        raise UsageError(
            f"at most two revisions, got {len(revs)}: {' '.join(revs)}",
            hint="a path that does not exist is taken for a revision",
        )
    return revs, paths


def _console(color: str) -> Console:
    """The terminal's console; for pipes and logs, wide enough that lines never wrap."""
    from milepost.cli.options import PIPED_WIDTH, console_for

    return console_for(color, piped_width=PIPED_WIDTH)


def _notes(history: History, *, since: dt.date | None = None) -> tuple[list[str], list[str]]:
    """What reading the history found worth saying, on stderr, and returned for JSON output
    (whose readers do not read stderr): (warnings, notes). A period from ``since`` that
    reaches back past a shallow clone's horizon is a warning (its "no changes" may be
    wrong), in place of the note of how far back the clone sees."""
    warning = history.horizon_warning(since) if since is not None else None
    horizon = history.horizon_note if warning is None else None
    warnings = [warning] if warning is not None else []
    notes = ([horizon] if horizon else []) + history.notes
    for line in warnings:
        click.echo(f"milepost: warning: {line}", err=True)
    for note in notes:
        click.echo(f"milepost: note: {note}", err=True)
    return warnings, notes


@click.command("diff", context_settings={"ignore_unknown_options": False})
@click.argument("args", nargs=-1)
@since_option("Compare with each roadmap as it was before this day.")
@format_option("text", "markdown", "json")
@color_option
@click.option("-v", "--verbose", is_flag=True, help="Explain how reworded items were paired.")
def diff(args: tuple[str, ...], since: dt.date | None, fmt: str, color: str, verbose: bool) -> int:
    """What changed in the roadmaps: [REV_A [REV_B]] [PATH...].

    Without revisions: from each track's last review (the commit that set its "last updated"
    date) to the working tree. One revision: from it to the working tree. Two: between them.
    An argument that names an existing file or folder, or a track (its slug or name) that is
    not also a revision, is a path; any other, a revision.
    """
    from milepost import history_api
    from milepost.render.history import diff_markdown, diff_text

    _not_after_today(since, dt.date.today())
    revs, paths = _split(args, since=since is not None)
    if since is not None and revs:
        raise UsageError(
            f"{revs[0]!r} is neither a track nor an existing file or folder",
            hint="give either revisions or --since, not both",
        )
    diffs, history = history_api.diffs(
        paths,
        base=revs[0] if revs else None,
        head=revs[1] if len(revs) > 1 else None,
        since=since,
    )
    start = since
    if since is None and not revs:  # from each track's last review: the earliest of them
        start = min((d.base.when for d in diffs if d.base.when is not None), default=None)
    warnings, notes = _notes(history, since=start)
    if fmt == "json":
        data = {"diffs": [d.to_dict() for d in diffs], "warnings": warnings, "notes": notes}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo(diff_markdown(diffs), nl=False)
    else:
        console = _console(color)
        console.print(diff_text(diffs, verbose=verbose, width=console.width))
    return 0


@click.command("log")
@click.argument("track")
@click.argument("item")
@today_option
@format_option("text", "json")
@color_option
def log(track: str, item: str, today: dt.date, fmt: str, color: str) -> int:
    """An item's story: each status and period it had (and where its roadmap moved), with
    dates and commits.

    TRACK is a roadmap's path, its folder, or a track's slug or name. A roadmap deleted
    since (a track retired) is named by the path it had, its folder, or (in a portfolio a
    config names) its slug: its story runs up to the commit that deleted it.
    """
    from milepost import history_api
    from milepost.render.story import story_text

    story = history_api.item_story(track, item, today=today)
    found, lineage, history = story.track, story.lineage, story.history
    *was, name = story.names
    retired = found.retired  # the commit that deleted the roadmap: the story's last step
    _notes(history)
    if fmt == "json":
        steps = [
            {
                "date": s.when.isoformat(),
                "commit": s.commit.sha if s.commit else None,
                "subject": s.commit.subject if s.commit else None,
                "author": s.commit.author if s.commit else None,
                "removed": s.state is None,
                "retired": retired is not None and s.commit == retired,
                # the roadmap's path before this step's commit moved it (git mv)
                "moved_from": story.moves.get(s.at),
                # at a shallow clone's horizon: listed before it, since when is not known
                "horizon": found.horizon and s.at == 0,
                "title": s.state.title if s.state else None,
                "status": s.state.status.value if s.state and s.state.status else None,
                "period": s.state.period if s.state else None,
                "section": s.state.section if s.state else None,
            }
            for s in lineage.steps
        ]
        data = {"track": name, "was": was, "item": lineage.title, "steps": steps}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    label = f"{name} (was: {', '.join(was)})" if was else name
    text = story_text(
        lineage, track=label, horizon=found.horizon, retired=retired, moves=story.moves
    )
    _console(color).print(text)
    return 0


def _not_after_today(since: dt.date | None, today: dt.date) -> None:
    """A ``--since`` after today asks about days to come, which history cannot tell: an
    error, not "0 changed" (a typed year, 2062 for 2026, says nothing changed)."""
    if since is not None and since > today:
        raise UsageError(f"--since {since.isoformat()} is after today ({today.isoformat()})")


@click.command("stats")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@since_option("Count only what happened on or after this day.")
@today_option
@format_option("text", "json")
@color_option
def stats(
    paths: tuple[Path, ...], since: dt.date | None, today: dt.date, fmt: str, color: str
) -> int:
    """Delivery statistics from history: shipped per month, cycle times, slips, staleness."""
    from milepost import history_api
    from milepost.render.stats import stats_plain, stats_table

    _not_after_today(since, today)
    per_track, total, history = history_api.stats(list(paths), today=today, since=since)
    warnings, notes = _notes(history, since=since)
    if fmt == "json":
        data = {
            "today": today.isoformat(),
            "since": since.isoformat() if since else None,
            "tracks": [s.to_dict() for s in per_track],
            "overall": total.to_dict(),
            "warnings": warnings,
            "notes": notes,
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if color == "never" or (color == "auto" and not sys.stdout.isatty()):
        click.echo(stats_plain(per_track, total), nl=False)  # without loading rich at all
    else:
        _console(color).print(stats_table(per_track, total))
    return 0


@click.command("announce")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@since_option(
    "Announce what changed from this day (default: since the last announcement "
    "delivered, else the last 7 days)."
)
@click.option(
    "--to",
    "target",
    type=click.Choice(["markdown", "discord"]),
    default="markdown",
    show_default=True,
    help="Print Markdown, or post to the Discord webhook in MILEPOST_DISCORD_WEBHOOK "
    "(or the config's announce.discord_webhook).",
)
@click.option("--dry-run", is_flag=True, help="Print what would be posted; post nothing.")
@today_option
def announce(
    paths: tuple[Path, ...], since: dt.date | None, target: str, dry_run: bool, today: dt.date
) -> int:
    """A summary of what shipped, started, slipped, was blocked and was dropped across tracks."""
    import os

    from milepost import history_api
    from milepost.render.announce import from_diffs, to_discord, to_markdown

    _not_after_today(since, today)
    diffs, history, start, record = history_api.announcement_diffs(
        list(paths), since=since, today=today, resume=target == "discord"
    )
    _notes(history, since=start)
    until = record.day if record is not None else today  # a resumed delivery keeps its day
    announcement = from_diffs(diffs, since=start, until=until)
    if target == "markdown":
        click.echo(to_markdown(announcement), nl=False)
        return 0
    payloads = to_discord(announcement)
    if dry_run:
        click.echo(json.dumps(payloads, indent=2, ensure_ascii=False))
        return 0
    if not announcement.sections:
        click.echo(f"milepost: nothing to announce since {start.isoformat()}", err=True)
        return 0
    from milepost import api
    from milepost.webhook.delivery import post
    from milepost.webhook.url import ENV_VAR, discord_url

    config = api.find_config(paths[0] if paths else ".")
    url = discord_url(config.discord_webhook, os.environ, allow_loopback=True)
    if url is None:
        raise UsageError(
            "no Discord webhook configured",
            hint=f"set {ENV_VAR} (or announce.discord_webhook in milepost.toml)",
        )
    ledger = history_api.cache_folder(history) / "announce-ledger.json"
    if record is not None:
        history_api.record_pending(history, record, since=since)
    result = post(
        url,
        payloads,
        ledger=ledger,
        announcement_id=f"{start.isoformat()}..{record.commit if record else ''}",
    )
    if record is not None:
        history_api.record_announced(history, record)
    already = f" ({result.skipped} already sent)" if result.skipped else ""
    plural = "s" if result.sent != 1 else ""
    click.echo(f"milepost: posted {result.sent} message{plural} to Discord{already}", err=True)
    return 0
