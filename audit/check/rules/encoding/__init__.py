"""Encoding checks (ENC): mojibake, lost bytes, control and invisible characters, HTML leftovers."""
