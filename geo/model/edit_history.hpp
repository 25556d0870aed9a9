// Undo and redo: every change is an Edit that knows how to do and undo itself (the command
// pattern). Doing a new edit after undoing drops what could have been redone, as editors do.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace frontline {

struct Edit {
  std::string label;            // "accept Raqqa 2017-10-17", shown in the Undo menu and messages
  std::function<void()> apply;  // does the change (again)
  std::function<void()> revert; // undoes it
};

class EditHistory {
 public:
  void perform(Edit edit);  // applies it and records it
  bool canUndo() const { return done_ > 0; }
  bool canRedo() const { return done_ < edits_.size(); }
  const std::string& undoLabel() const;  // empty when none
  const std::string& redoLabel() const;
  bool undo();  // false when there is nothing to undo
  bool redo();
  size_t size() const { return edits_.size(); }
  size_t position() const { return done_; }  // edits currently applied

 private:
  std::vector<Edit> edits_;
  size_t done_ = 0;
};

}  // namespace frontline
