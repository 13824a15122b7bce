"""Reading untrusted workbooks into plain grids of values, with the hostile-file rules (size, zip bombs,
encryption, DTDs, damaged files: one line, nothing read). The importer, the governance registers and
the people sheet all read workbooks through here; nothing here knows what a sheet means."""
