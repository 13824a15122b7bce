"""Sub-commands of `pmo`, one module per area. Each module has `register(subparsers)`."""
