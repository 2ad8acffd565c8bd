"""Obligations: rule-based extraction of duties, cross-references and duty-to-penalty links."""
