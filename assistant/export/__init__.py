"""Exports of checklist results: Markdown (a contract pinned by golden files) and JSON."""
