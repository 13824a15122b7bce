"""Project > Collect Status Reports… and the Returned Reports page (issue 21); services in pmo_desktop.collect."""
