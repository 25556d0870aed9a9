#include "render/viewer/event_editor.hpp"

#include "geo/gis/proposal_reader.hpp"
#include "geo/model/table_edits.hpp"

namespace frontline {
namespace {

bool isCsv(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv" || ext == ".tsv" || ext == ".txt";
}

}  // namespace

void EventEditor::openTable(const std::filesystem::path& table) {
  table_.reset();
  if (!isCsv(table)) {
    problem_ = table.string() + ": only CSV event tables can be edited in the viewer; this one is read-only here "
                                "(edit it in its own program, or list a CSV table first in the manifest)";
    return;
  }
  auto opened = EditableTable::open(table);
  if (!opened) {
    problem_ = opened.error().message() + " (editing is off)";
    return;
  }
  table_ = std::move(opened).value();
  problem_.clear();
  ++version_;
}

Result<size_t> EventEditor::addProposals(const std::filesystem::path& file) {
  auto proposals = readProposals(file);
  if (!proposals) return proposals.error();
  for (InboxProposal& p : *proposals) inbox_.add(std::move(p));
  if (!selected_ && inbox_.size() > 0) selected_ = 0;
  ++version_;
  return proposals->size();
}

bool EventEditor::select(size_t i) {
  if (i >= inbox_.size()) return fail("no proposal " + std::to_string(i + 1) + " (the inbox has " +
                                      std::to_string(inbox_.size()) + ")");
  selected_ = i;
  return true;
}

bool EventEditor::fail(std::string why) {
  message_ = std::move(why);
  return false;
}

bool EventEditor::perform(Edit edit) {
  message_ = edit.label;
  history_.perform(std::move(edit));
  ++version_;
  return true;
}

bool EventEditor::accept() {
  if (!selected_) return fail("no proposal selected");
  if (!table_) return fail("cannot accept: " + problem_);
  if (inbox_.at(*selected_).state == InboxProposal::State::Accepted) return fail("already accepted");
  // As `ingest --append`: an undated proposal cannot become an event until it is given a date.
  if (inbox_.at(*selected_).value("date").empty()) return fail("no date: give it one (edit the date field) first");
  return perform(inbox_.accept(*selected_, *table_));
}

bool EventEditor::reject() {
  if (!selected_) return fail("no proposal selected");
  if (inbox_.at(*selected_).state != InboxProposal::State::Pending)
    return fail(std::string("already ") + stateName(inbox_.at(*selected_).state) + " (undo it first)");
  return perform(inbox_.reject(*selected_));
}

bool EventEditor::edit(const std::string& column, std::string value) {
  if (!selected_) return fail("no proposal selected");
  if (!table_) return fail("cannot edit: " + problem_);
  if (table_->column(column) < 0) return fail("the table has no column '" + column + "'");
  if (inbox_.at(*selected_).value(column) == value) return fail(column + " is already " + value);
  return perform(inbox_.edit(*selected_, column, std::move(value), *table_));
}

bool EventEditor::addEvent(const std::vector<std::pair<std::string, std::string>>& values) {
  if (!table_) return fail("cannot add: " + problem_);
  std::string label = "add";
  for (const auto& [column, value] : values)
    if (column == "place" || column == "date") label += " " + value;
  return perform(addRowEdit(*table_, table_->makeRecord(values), label));
}

bool EventEditor::changeEvent(uint64_t id, const std::string& column, std::string value) {
  if (!table_) return fail("cannot change: " + problem_);
  const auto at = table_->indexOf(id);
  if (!at) return fail("that row is no longer in the table");
  if (table_->column(column) < 0) return fail("the table has no column '" + column + "'");
  if (table_->value(*at, column) == value) return fail(column + " is already " + value);
  const std::string label = "change " + table_->value(*at, "place") + " " + table_->value(*at, "date") + ": " + column +
                            " = " + value;
  return perform(changeRowEdit(*table_, table_->withValue(table_->record(*at), column, std::move(value)), label));
}

bool EventEditor::deleteEvent(uint64_t id) {
  if (!table_) return fail("cannot delete: " + problem_);
  const auto at = table_->indexOf(id);
  if (!at) return fail("that row is no longer in the table");
  return perform(deleteRowEdit(*table_, id, "delete " + table_->value(*at, "place") + " " + table_->value(*at, "date")));
}

bool EventEditor::selectRow(size_t index) {
  if (!table_ || index >= table_->size())
    return fail("no row " + std::to_string(index + 1) + " (the table has " + std::to_string(table_ ? table_->size() : 0) +
                ")");
  selectedRow_ = table_->record(index).id;
  return true;
}

bool EventEditor::dirty() const {
  if (dirtyAt_ != version_) {
    dirty_ = table_ && table_->dirty();
    dirtyAt_ = version_;
  }
  return dirty_;
}

bool EventEditor::undo() {
  const std::string label = history_.undoLabel();
  if (!history_.undo()) return fail("nothing to undo");
  message_ = "undid: " + label;
  ++version_;
  return true;
}

bool EventEditor::redo() {
  const std::string label = history_.redoLabel();
  if (!history_.redo()) return fail("nothing to redo");
  message_ = "redid: " + label;
  ++version_;
  return true;
}

SaveOutcome EventEditor::save(bool overwrite) {
  if (!table_) return {SaveProblem::Failed, problem_};
  SaveOutcome outcome = table_->save(overwrite);
  message_ = outcome.ok() ? "saved " + table_->path().string() : outcome.message;
  ++version_;
  return outcome;
}

SaveOutcome EventEditor::saveAs(const std::filesystem::path& path) {
  if (!table_) return {SaveProblem::Failed, problem_};
  SaveOutcome outcome = table_->saveAs(path);
  message_ = outcome.ok() ? "saved " + path.string() : outcome.message;
  ++version_;
  return outcome;
}

}  // namespace frontline
