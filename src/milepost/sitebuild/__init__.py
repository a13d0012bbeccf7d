"""Building the site incrementally: a track is parsed and rendered again only when its bytes
(or milepost, its config, or ``today``) changed since the last build into the same folder.

What a build keeps for the next one lives beside the site and is safe to delete (the next
build is then a clean one): the parts cache (``.milepost-cache/``, :mod:`.cache`) and the
manifest (``.milepost-site.json``, :mod:`.pages`). A page is written only when its bytes
differ from the file's. An incremental build writes the same bytes as a clean one (tests hold
it to that).

- :mod:`~milepost.sitebuild.build`: one build, step by step (:func:`build_site`);
- :mod:`~milepost.sitebuild.plan`: each roadmap file, its key, and whether what was kept of
  it still stands;
- :mod:`~milepost.sitebuild.rendering`: the tracks that changed, parsed and rendered (in
  worker processes when many);
- :mod:`~milepost.sitebuild.graph`: edges, cycles and conflicts in time between the tracks;
- :mod:`~milepost.sitebuild.pages`: the pages across tracks joined, the files written, the
  manifest;
- :mod:`~milepost.sitebuild.cache`: the parts cache, read back as plain data only.

With :mod:`milepost.api` and the CLI, one of the modules that touch files (through ``fs``).
"""

from __future__ import annotations

from milepost.sitebuild.build import build_site, refuse_a_folder_not_ours
from milepost.sitebuild.cache import CACHE
from milepost.sitebuild.pages import MANIFEST, SiteResult
from milepost.sitebuild.rendering import PARALLEL_FROM

__all__ = [
    "CACHE",
    "MANIFEST",
    "PARALLEL_FROM",
    "SiteResult",
    "build_site",
    "refuse_a_folder_not_ours",
]
