"""What users take away: the checklist as Markdown (a contract pinned by golden files) and the reading list."""
