"""The registers: item models over the store, the register view, column editors, the detail pane."""
