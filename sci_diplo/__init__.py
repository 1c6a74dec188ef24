"""sci_diplo: facts about science and technology diplomacy, from text to JSON."""

__version__ = "0.1.0"
