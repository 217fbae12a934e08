"""The acceptance suite: end-to-end scenarios through the real Pulumi engine against a Dataddo
account, opt-in (`DATADDO_ACCEPTANCE=1`, `make acceptance`), and against the emulator in
`make test` (docs/acceptance.md)."""
