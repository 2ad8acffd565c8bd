"""The app's screens: one per mode (search & read now; ask and checklist later) plus dialogs."""
