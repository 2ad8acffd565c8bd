"""The corpus: statute texts, translations and glossary as reviewed data under `corpus/`."""
