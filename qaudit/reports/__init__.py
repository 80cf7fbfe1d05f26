"""Word reports that cooperative staff can restyle.

- :mod:`~qaudit.reports.kinds`: the report kinds and ``build_context(kind, data, language)``,
  a pure function from plain data (:mod:`~qaudit.reports.data`) to template fields;
- :mod:`~qaudit.reports.render`: ``render(template, context, out)`` fills a .docx template
  (docxtpl, one sandboxed Jinja environment with StrictUndefined) and writes it atomically;
- :mod:`~qaudit.reports.templates`: which template file a report uses (user folder first).

The use case :func:`qaudit.services.reports.write_report` joins them. Submodules are imported
on use, so importing this package costs nothing.
"""
