"""Healthwatch's loop: review packs out as spreadsheets, verdicts back in as YAML.

- what a pack holds is derived once, in `govreg.packs` (the one adapter over the status rules);
- `columns`: the pack's columns, shared by the CSV and the workbook;
- `xlsx_out`: the workbook, byte-for-byte reproducible;
- `read`: a filled pack (xlsx or csv) read as untrusted input;
- `write_yaml`: verdicts written into the reviewer's file, keeping its comments and order;
- `importer`: the `reviews import` command, all or nothing.
"""
