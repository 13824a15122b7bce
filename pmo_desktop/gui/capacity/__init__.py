"""People and capacity: the people register, time off and the capacity heatmap."""
