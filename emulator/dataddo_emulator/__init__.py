"""A local emulator of the Dataddo headless API."""
