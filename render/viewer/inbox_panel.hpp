// The Inbox window: proposed events from `frontline ingest` output, each with its article's
// sentence (the place and the actor highlighted), its fields to edit, and Accept / Reject; the
// events of the edited table with Add / Change / Delete; Undo / Redo; Save with a choice when
// the file changed on disk or is read-only. The state lives in EventEditor; this only draws it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "geo/model/dataset.hpp"
#include "render/viewer/event_editor.hpp"

namespace frontline {

class InboxPanel {
 public:
  bool open = true;
  // `check`'s messages for the dataset with the edits, and a note when it could not be re-read.
  std::vector<DatasetIssue> checks;
  std::string checkNote;

  // Draws the window at the left edge. Returns true when the selected proposal changed (the map
  // centres on it).
  bool draw(EventEditor& editor, float top, float height);

  // Save to the table's file; when that is refused (changed on disk, read-only) the choice window
  // opens: overwrite (changed on disk only), save as a copy, cancel.
  void save(EventEditor& editor);
  bool choosing() const { return choice_.has_value(); }
  bool overwrite(EventEditor& editor);                                    // false: no choice open
  bool saveAs(EventEditor& editor, const std::filesystem::path& path);    // false: it failed
  void cancel() { choice_.reset(); }

  // "Pick on the map" in the new-event form: the app hands over the next click's position.
  bool picking() const { return picking_; }
  void picked(double lat, double lon);

 private:
  void drawProposal(EventEditor& editor, size_t i);
  void drawTableEvents(EventEditor& editor);
  void drawChoice(EventEditor& editor);
  void drawSentence(const InboxProposal& p);
  void drawChecks();

  std::optional<SaveOutcome> choice_;  // the refusal being decided on
  char copyPath_[512] = {};
  // Field being edited (column -> text), for the selected proposal.
  std::map<std::string, std::string> draft_;
  std::optional<size_t> draftFor_;
  uint64_t draftVersion_ = 0;
  // Articles read for highlighting: file -> text, or the reason it could not be read.
  std::map<std::string, Result<std::string>> articles_;
  // New event form.
  char addDate_[16] = {}, addPlace_[128] = {}, addController_[64] = {}, addLat_[24] = {}, addLon_[24] = {};
  int addStatus_ = 0;
  bool picking_ = false;
};

}  // namespace frontline
