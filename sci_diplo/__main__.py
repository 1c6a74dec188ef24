from sci_diplo.cli import main

main()
