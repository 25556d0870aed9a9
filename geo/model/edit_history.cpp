#include "geo/model/edit_history.hpp"

namespace frontline {
namespace {
const std::string kNone;
}

void EditHistory::perform(Edit edit) {
  edit.apply();
  edits_.resize(done_);
  edits_.push_back(std::move(edit));
  done_ = edits_.size();
}

const std::string& EditHistory::undoLabel() const { return canUndo() ? edits_[done_ - 1].label : kNone; }
const std::string& EditHistory::redoLabel() const { return canRedo() ? edits_[done_].label : kNone; }

bool EditHistory::undo() {
  if (!canUndo()) return false;
  edits_[--done_].revert();
  return true;
}

bool EditHistory::redo() {
  if (!canRedo()) return false;
  edits_[done_++].apply();
  return true;
}

}  // namespace frontline
