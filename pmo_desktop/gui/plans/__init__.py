"""Plans on screen: the Gantt, the roadmap, their shared time-scale drawing, rescheduling."""
