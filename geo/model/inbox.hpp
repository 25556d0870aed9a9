// The viewer's inbox: proposed events (from `frontline ingest` output) waiting to be accepted
// into an event table, edited, or rejected. Every decision is an undoable Edit; accepting adds a
// row to the table, and editing an accepted proposal changes that row.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geo/model/edit_history.hpp"
#include "geo/model/editable_table.hpp"

namespace frontline {

// A span of the article's text (byte offsets, end exclusive).
struct TextSpan {
  size_t begin = 0, end = 0;
};

struct InboxProposal {
  enum class State { Pending, Accepted, Rejected };

  std::vector<std::pair<std::string, std::string>> values;  // event-table column -> value
  std::string origin;   // where it was read: "proposals.csv:3", "alqaim.json: alqaim.txt"
  std::string articleFile;  // the report it came from (JSON proposals), else empty
  // Where the sentence (the quote), the place and the actor are in the article's text (byte
  // offsets, JSON proposals only).
  std::optional<TextSpan> sentence, place, actor;
  State state = State::Pending;
  uint64_t rowId = 0;  // the table row it became, while accepted

  std::string value(std::string_view column) const;
  void set(std::string_view column, std::string text);
};

const char* stateName(InboxProposal::State state);  // "pending", "accepted", "rejected"

class Inbox {
 public:
  void add(InboxProposal proposal) { items_.push_back(std::move(proposal)); }
  size_t size() const { return items_.size(); }
  const InboxProposal& at(size_t i) const { return items_.at(i); }
  size_t count(InboxProposal::State state) const;

  // The edits (perform them through an EditHistory). Accepting appends the proposal to `table`;
  // editing an accepted proposal changes its row there too. `table` must outlive the history.
  Edit accept(size_t i, EditableTable& table);
  Edit reject(size_t i);
  Edit edit(size_t i, const std::string& column, std::string value, EditableTable& table);

 private:
  std::vector<InboxProposal> items_;
};

// Proposals from an event-table CSV (what `frontline ingest` writes by default): one per row.
std::vector<InboxProposal> proposalsFromTable(const EditableTable& table);

}  // namespace frontline
