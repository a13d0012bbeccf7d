"""The words, emoji and headings people write, as data: statuses, periods, section names."""
