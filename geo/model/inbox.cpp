#include "geo/model/inbox.hpp"

#include "geo/model/table_edits.hpp"

namespace frontline {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string describe(const InboxProposal& p) { return p.value("place") + " " + p.value("date"); }

}  // namespace

std::string InboxProposal::value(std::string_view column) const {
  const std::string wanted = lower(column);
  for (const auto& [name, text] : values)
    if (lower(name) == wanted) return text;
  return {};
}

void InboxProposal::set(std::string_view column, std::string text) {
  const std::string wanted = lower(column);
  for (auto& [name, value] : values)
    if (lower(name) == wanted) {
      value = std::move(text);
      return;
    }
  values.emplace_back(wanted, std::move(text));
}

const char* stateName(InboxProposal::State state) {
  switch (state) {
    case InboxProposal::State::Accepted: return "accepted";
    case InboxProposal::State::Rejected: return "rejected";
    default: return "pending";
  }
}

size_t Inbox::count(InboxProposal::State state) const {
  size_t n = 0;
  for (const InboxProposal& p : items_) n += p.state == state;
  return n;
}

Edit Inbox::accept(size_t i, EditableTable& table) {
  InboxProposal& p = items_.at(i);
  TableRecord record = table.makeRecord(p.values);
  const uint64_t id = record.id;
  Edit row = addRowEdit(table, std::move(record), "");
  const auto before = p.state;
  return {"accept " + describe(p),
          [this, i, id, apply = row.apply] {
            apply();
            items_[i].state = InboxProposal::State::Accepted;
            items_[i].rowId = id;
          },
          [this, i, before, revert = row.revert] {
            revert();
            items_[i].state = before;
            items_[i].rowId = 0;
          }};
}

Edit Inbox::reject(size_t i) {
  InboxProposal& p = items_.at(i);
  const auto before = p.state;
  return {"reject " + describe(p), [this, i] { items_[i].state = InboxProposal::State::Rejected; },
          [this, i, before] { items_[i].state = before; }};
}

Edit Inbox::edit(size_t i, const std::string& column, std::string value, EditableTable& table) {
  InboxProposal& p = items_.at(i);
  const std::string old = p.value(column);
  Edit row{"", [] {}, [] {}};
  if (p.state == InboxProposal::State::Accepted)
    if (auto at = table.indexOf(p.rowId)) row = changeRowEdit(table, table.withValue(table.record(*at), column, value), "");
  return {"edit " + describe(p) + ": " + column + " = " + value,
          [this, i, column, value, apply = row.apply] {
            apply();
            items_[i].set(column, value);
          },
          [this, i, column, old, revert = row.revert] {
            revert();
            items_[i].set(column, old);
          }};
}

std::vector<InboxProposal> proposalsFromTable(const EditableTable& table) {
  std::vector<InboxProposal> out;
  const std::string name = table.path().empty() ? std::string("proposals") : table.path().filename().string();
  for (size_t r = 0; r < table.size(); ++r) {
    InboxProposal p;
    for (size_t c = 0; c < table.columns().size(); ++c) p.values.emplace_back(lower(table.columns()[c]), table.record(r).fields[c]);
    p.origin = name + ":" + std::to_string(table.record(r).line);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace frontline
