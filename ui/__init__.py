"""Qt Designer forms (installed as pmo_desktop.ui)."""
