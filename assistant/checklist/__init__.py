"""Guided compliance checklists: questionnaire data, conditions, sessions and findings."""
