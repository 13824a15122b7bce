"""The registers as a service without Qt: what a register is (definitions, columns), which rows it
shows (query) and how typed values are stored (writes). The GUI's item models adapt it; the CLI, the
importer and sync can call it too."""
