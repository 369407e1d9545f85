# Dates are shown dd/mm/yyyy in both languages (Vietnamese administrative usage).
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
# Typed dates: day first, one or two digits for day and month, four for the year, "/", "." or "-" between
# them (06/12/2026, 6/12/2026, 06.12.2026, 06-12-2026), and ISO 2026-12-06. A two-digit year is refused
# (lifelong.core.forms.DayField explains why). Every DateField uses these, also in English.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M", "%d-%m-%Y %H:%M", "%H:%M %d/%m/%Y",
                          "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
