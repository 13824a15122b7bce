"""Package data: icons, style sheet, demo recipe, report branding (installed as pmo_desktop.resources)."""
