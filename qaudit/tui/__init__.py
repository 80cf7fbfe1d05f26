"""The terminal workbench (Textual). The only package that imports Textual."""
