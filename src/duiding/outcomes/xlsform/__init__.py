"""XLSForm (the ODK / KoboToolbox spreadsheet standard) in and out of Duiding.

- `read_xlsform(file) -> FormDefinition`: a workbook with the sheets `survey`, `choices` and
  (optional) `settings` becomes a title and a list of question dicts (`outcomes/definition.py`).
  Everything Duiding cannot represent is refused with a Dutch message naming the sheet, the row
  (as Excel numbers it) and the column; all problems of a file are collected and the whole file
  is refused (`XLSFormError.messages`). pyxform checks the workbook as well, and
  `definition.clean_questions` has the last word.
- `write_xlsform(questionnaire or version) -> bytes`: the same questions as an .xlsx that pyxform
  converts, which `read_xlsform` reads back to the same questions (the round trip).

What maps to what (both ways): see `README.md` beside this module.
"""

from duiding.outcomes.xlsform.common import FormDefinition, XLSFormError
from duiding.outcomes.xlsform.read import read_xlsform
from duiding.outcomes.xlsform.write import write_xlsform

__all__ = ["FormDefinition", "XLSFormError", "read_xlsform", "write_xlsform"]
