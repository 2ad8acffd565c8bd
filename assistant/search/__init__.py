"""Search: the bilingual Whoosh index, query understanding and ranking."""
