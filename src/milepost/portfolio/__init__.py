"""Many tracks as one portfolio: which files are roadmaps, and (later) how they relate."""
