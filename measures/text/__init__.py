"""Plain-Python text tools (no Django): cleaning, extraction, name matching, spreadsheet formulae."""
