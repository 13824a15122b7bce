"""What-if scenarios over the book of work: named changes, compared side by side, applied as one batch. No Qt."""
