"""The pure domain: tables, enums and the rules (scoring, verdict, cycle gates).

Nothing here talks to a database engine, a file or a screen.
"""
