"""The app's screens: one per mode (search & read, ask, checklist) plus dialogs and overlays (chapters, compare)."""
