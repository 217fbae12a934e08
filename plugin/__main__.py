"""The Dataddo provider plugin, as the Python language host runs it (`python DIR ...`)."""

from pulumi_dataddo.native.server import main

main()
