"""`python -m archive` is the `tct` command."""
from archive.cli import main

main()
