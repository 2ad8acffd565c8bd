"""The one index build: independent artefacts (search, obligations) under one manifest, one lock, self-repairing."""

from assistant.indexing.build import IndexBuild, build_index, ensure_build, ensure_index, index_status
from assistant.indexing.manifest import ArtefactDamagedError, read_verified

__all__ = [
    "ArtefactDamagedError",
    "IndexBuild",
    "build_index",
    "ensure_build",
    "ensure_index",
    "index_status",
    "read_verified",
]
