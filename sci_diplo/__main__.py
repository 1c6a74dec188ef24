from sci_diplo.cli import main

# Guarded: a worker process that is spawned rather than forked (macOS, Windows) imports this
# module again, and must not run the command a second time.
if __name__ == "__main__":
    main()
