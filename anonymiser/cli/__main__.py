"""`python -m anonymiser.cli`: the command line."""

from anonymiser.cli import main

if __name__ == "__main__":
    main()
