"""The one module that runs git: a clean environment, the repository always explicit."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

__all__ = ["user_name"]

# Inside a hook git exports GIT_DIR / GIT_INDEX_FILE, which would misdirect a child git.
_KEEP = frozenset(
    {
        "GIT_EXEC_PATH",
        "GIT_SSH",
        "GIT_SSH_COMMAND",
        "GIT_CONFIG_NOSYSTEM",
        "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM",
    }
)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in _KEEP}


def user_name(where: str | os.PathLike[str]) -> str | None:
    """``git config user.name`` as seen from ``where``; None without git or a name."""
    folder = Path(where)
    if not folder.is_dir():
        folder = folder.parent
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "config", "user.name"],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    name = result.stdout.strip()
    return name if result.returncode == 0 and name else None
