"""Printable documents and workbooks (Qt printing without widgets, openpyxl): reports, orders, exports."""
