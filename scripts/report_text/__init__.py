"""The text of the report templates, in Dutch and English, one module per group of reports."""
