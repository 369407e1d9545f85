"""URL converters shared by every app's urls.py (registered in config/urls.py).

`<id:pk>` is Django's `<int:pk>` bounded to what the database can store: an address with a 19-digit or
longer number is simply not found (404), where `<int:>` would hand the view a number that overflows
SQLite's 64-bit integers and answers 500.
"""


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))
