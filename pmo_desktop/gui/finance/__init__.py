"""Money on screen: the budget grid, the financial summary and the dashboard."""
