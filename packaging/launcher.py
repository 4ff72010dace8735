"""The frozen executable's entry point: the same `main` as the installed `nn-playground` command."""

import sys

from playground.cli import main

if __name__ == "__main__":
    sys.exit(main())
