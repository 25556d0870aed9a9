#include "geo/model/table_edits.hpp"

namespace frontline {

Edit addRowEdit(EditableTable& table, TableRecord record, std::string label) {
  const uint64_t id = record.id;
  return {std::move(label), [&table, record] { table.insert(table.size(), record); },
          [&table, id] {
            if (auto at = table.indexOf(id)) table.remove(*at);
          }};
}

Edit changeRowEdit(EditableTable& table, TableRecord after, std::string label) {
  const auto at = table.indexOf(after.id);
  TableRecord before = at ? table.record(*at) : after;
  auto put = [&table](const TableRecord& r) {
    if (auto i = table.indexOf(r.id)) table.replace(*i, r);
  };
  return {std::move(label), [put, after] { put(after); }, [put, before] { put(before); }};
}

Edit deleteRowEdit(EditableTable& table, uint64_t id, std::string label) {
  const auto at = table.indexOf(id);
  const size_t position = at ? *at : table.size();
  TableRecord before = at ? table.record(*at) : TableRecord{};
  return {std::move(label),
          [&table, id] {
            if (auto i = table.indexOf(id)) table.remove(*i);
          },
          [&table, position, before] {
            if (before.id != 0 && !table.indexOf(before.id)) table.insert(position, before);
          }};
}

}  // namespace frontline
