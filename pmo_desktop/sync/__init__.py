"""Sharing one portfolio across a PMO team through PostgreSQL (issue 13). Qt-free.

The change-log batch is the unit of sync; rows travel by global id; the server merges three-way per
field inside SECURITY DEFINER functions (server_sql). See engine for the order of a sync.
"""
