"""`python -m tct` is the `tct` command."""
from tct.cli import main

main()
