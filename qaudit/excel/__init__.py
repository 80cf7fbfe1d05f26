"""Excel workbooks: export, the results overview, and reading a filled-in workbook back."""
