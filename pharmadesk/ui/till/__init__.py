"""The till: scan, cart, prescriptions, member, payment, receipt, suspend/resume, returns."""
