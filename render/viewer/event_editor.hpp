// The viewer's editing state, without any UI: the event table being edited (the dataset's first
// CSV event table, as `ingest --append` uses), the inbox of proposals, and one undo history for
// both. Nothing reaches the file until save(). The ImGui panel (inbox_panel.hpp) and the scripted
// steps (--keys accept, reject, edit:, save, ...) both act through this.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/model/edit_history.hpp"
#include "geo/model/editable_table.hpp"
#include "geo/model/inbox.hpp"

namespace frontline {

class EventEditor {
 public:
  // Opens `table` for editing. An OGR table (XLSX, GeoPackage...) or an unreadable one leaves the
  // editor read-only, with the reason in problem().
  void openTable(const std::filesystem::path& table);
  bool editable() const { return table_.has_value(); }
  const std::string& problem() const { return problem_; }
  const EditableTable* table() const { return table_ ? &*table_ : nullptr; }

  // Adds a proposals file's proposals to the inbox; returns how many (errors name the file).
  Result<size_t> addProposals(const std::filesystem::path& file);
  const Inbox& inbox() const { return inbox_; }
  std::optional<size_t> selected() const { return selected_; }
  bool select(size_t i);  // false when there is no such proposal

  // Inbox decisions on the selected proposal (false with a reason in lastMessage() when they
  // cannot be done: nothing selected, already accepted, no table to accept into).
  bool accept();
  bool reject();
  bool edit(const std::string& column, std::string value);

  // Direct edits of the table's rows (ids from EditableTable::record(i).id).
  bool addEvent(const std::vector<std::pair<std::string, std::string>>& values);
  bool changeEvent(uint64_t id, const std::string& column, std::string value);
  bool deleteEvent(uint64_t id);
  // The table row being edited in the panel (its id), chosen by its position (0-based).
  bool selectRow(size_t index);
  std::optional<uint64_t> selectedRow() const { return selectedRow_; }

  bool undo();
  bool redo();
  const EditHistory& history() const { return history_; }

  bool dirty() const;
  // Saves to the table's file; overwrite: even though it changed on disk.
  SaveOutcome save(bool overwrite = false);
  SaveOutcome saveAs(const std::filesystem::path& path);

  // Counts every change (edit, undo, redo, save): the map and the checks rebuild when it moves.
  uint64_t version() const { return version_; }
  // What the last action did or why it did not ("accepted al-Qaim 2017-11-03", "nothing to undo").
  const std::string& lastMessage() const { return message_; }

 private:
  bool perform(Edit edit);
  bool fail(std::string why);

  std::optional<EditableTable> table_;
  std::string problem_;
  Inbox inbox_;
  EditHistory history_;
  std::optional<size_t> selected_;
  std::optional<uint64_t> selectedRow_;
  uint64_t version_ = 0;
  std::string message_;
  mutable uint64_t dirtyAt_ = ~0ull;  // version dirty_ was computed at (serialising is not free)
  mutable bool dirty_ = false;
};

}  // namespace frontline
