"""Types for the API's parameters and bodies, so that each app checks input the same way.

They carry the rules of lifelong.core.validation into pydantic: identifiers are whole numbers the
databases can store, dates lie in the platform's window, texts have the length of their column.
A value outside them is a 422 with the field named, before any code of the app runs.
"""

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from lifelong.core.validation import DATE_OUT_OF_RANGE, MAX_INT, date_in_range


def _in_window(value):
    if not date_in_range(value):
        raise ValueError(str(DATE_OUT_OF_RANGE))
    return value


Id = Annotated[int, Field(ge=1, le=MAX_INT)]
Offset = Annotated[int, Field(ge=0, le=MAX_INT)]
Count = Annotated[int, Field(ge=0, le=2_147_483_647)]
Day = Annotated[date, AfterValidator(_in_window)]
Moment = Annotated[datetime, AfterValidator(_in_window)]


def Text(max_length: int):  # noqa: N802 - used like a type: title: Text(300)
    return Annotated[str, StringConstraints(max_length=max_length)]
