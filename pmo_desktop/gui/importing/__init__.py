"""The import wizard: bringing workbooks, CSV files and plans into the open portfolio."""
