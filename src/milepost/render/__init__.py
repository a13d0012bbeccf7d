"""Turning milepost's model into text for people: new roadmaps, reports, the site."""
