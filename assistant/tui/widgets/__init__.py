"""Reusable widgets of the Textual front end, grouped by the screen area they fill."""
