"""The window around the views: start-up, main window, actions, view registry, jobs, undo, crash log."""
