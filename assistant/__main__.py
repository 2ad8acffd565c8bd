"""`python -m assistant` runs the same command line as `dla`."""

from assistant.cli import run

if __name__ == "__main__":
    run()
