"""Surgical edits: each operation turns a roadmap and its arguments into line patches.

Nothing here writes files; ``milepost.api.edit`` applies the patches, parses the result again
to verify the edit, and writes atomically.
"""
