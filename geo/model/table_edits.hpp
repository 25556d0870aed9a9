// Undoable row edits of an EditableTable: add, change and delete as EditHistory entries. They
// find their row by id when applied, so edits elsewhere in the table in between do not matter.
#pragma once

#include <string>

#include "geo/model/edit_history.hpp"
#include "geo/model/editable_table.hpp"

namespace frontline {

// Appends `record` at the end (undo removes it).
Edit addRowEdit(EditableTable& table, TableRecord record, std::string label);
// Replaces the row with id `after.id` by `after` (undo puts back what was there).
Edit changeRowEdit(EditableTable& table, TableRecord after, std::string label);
// Deletes the row with this id (undo puts it back where it was, bytes and all).
Edit deleteRowEdit(EditableTable& table, uint64_t id, std::string label);

}  // namespace frontline
