"""The ``pharmadesk`` command: the same use cases as the program, for scripts and schedulers."""
