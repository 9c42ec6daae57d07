"""Style sheet, icons and translations; installed as the package ``pharmadesk.resources``."""
