"""Small widgets and models shared by every area: RAG chips, frozen-column table, row model, clipboard."""
