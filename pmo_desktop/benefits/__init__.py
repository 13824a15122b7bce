"""Benefits realisation: the register, measurements, realisation for the portfolio. No Qt here."""
