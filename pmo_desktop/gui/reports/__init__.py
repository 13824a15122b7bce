"""Outputs: the board pack dialog and File > Export to Excel."""
