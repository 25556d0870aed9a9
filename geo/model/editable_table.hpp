// A CSV event table opened for editing: rows can be added, changed and deleted in memory, and
// Save writes the file back keeping everything not edited byte for byte (header, column order,
// quoting, line ends, blank lines, a BOM, a missing final newline). New and changed rows are
// written in the header's column order with the table's separator, line end and quoting.
// Save refuses when the file changed on disk since it was opened, or is read-only, and then
// nothing is lost: the edits stay in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/result.hpp"

namespace frontline {

// One record of the table: its fields and, while unedited, its bytes as read.
struct TableRecord {
  uint64_t id = 0;                  // stable across edits (what undo steps and the inbox refer to)
  std::vector<std::string> fields;  // as many as the header has columns (padded when short)
  std::string raw;                  // bytes as read, line end included; empty for a new or changed record
  std::string trailer;              // blank lines after it in the file (kept when it is changed)
  int line = 0;                     // line it started on in the file as opened (0: new)
};

// What Save found: nothing wrong, or why it did not write.
enum class SaveProblem { None, ChangedOnDisk, ReadOnly, Failed };

struct SaveOutcome {
  SaveProblem problem = SaveProblem::None;
  std::string message;  // names the file and says what to do
  bool ok() const { return problem == SaveProblem::None; }
};

class EditableTable {
 public:
  // Reads a CSV file (`,`, `;` or tab separated: the one the header uses). Errors: unreadable,
  // no header, a quote left open.
  static Result<EditableTable> open(const std::filesystem::path& path);
  // The same from bytes (`name` is used in messages); not tied to a file until saveAs.
  static Result<EditableTable> parse(std::string_view bytes, std::string name);

  const std::filesystem::path& path() const { return path_; }
  const std::vector<std::string>& columns() const { return columns_; }  // as written in the header
  int column(std::string_view name) const;  // index of a column (any case), -1 if none

  size_t size() const { return records_.size(); }
  const TableRecord& record(size_t i) const { return records_[i]; }
  std::optional<size_t> indexOf(uint64_t id) const;
  std::string value(size_t i, std::string_view column) const;  // empty when no such column

  // A record ready to insert, its fields laid out in the header's order from name=value pairs
  // (columns the table lacks are dropped; missing ones are empty).
  TableRecord makeRecord(const std::vector<std::pair<std::string, std::string>>& values);
  // `record` with one field changed (no raw bytes any more); unchanged when there is no such column.
  TableRecord withValue(const TableRecord& record, std::string_view column, std::string value) const;

  // Primitive edits (EditHistory undoes them by doing the inverse).
  void insert(size_t at, TableRecord record);
  void replace(size_t at, TableRecord record);
  TableRecord remove(size_t at);

  // The whole file as it would be saved.
  std::string serialise() const;
  // One record's bytes: as read when unedited, else formatted (without the line end).
  std::string formatRecord(const TableRecord& record) const;

  // True when serialise() differs from what the file held when opened or last saved.
  bool dirty() const;

  // Why saving to path() would be refused now (ChangedOnDisk, ReadOnly), else None.
  SaveOutcome checkSave() const;
  // Writes atomically. overwrite: write even though the file changed on disk (never when it is
  // read-only). On success the table is tied to `path` and clean.
  SaveOutcome save(bool overwrite = false);
  SaveOutcome saveAs(const std::filesystem::path& path);

 private:
  struct Stamp {
    bool exists = false;
    uintmax_t size = 0;
    std::filesystem::file_time_type time{};
    size_t hash = 0;
  };
  static Stamp stampOf(const std::filesystem::path& path);
  SaveOutcome write(const std::filesystem::path& path);

  std::filesystem::path path_;
  std::string name_;
  std::string headerRaw_;  // header line as read (BOM, line end and blank lines after it included)
  std::vector<std::string> columns_;
  std::vector<TableRecord> records_;
  char separator_ = ',';
  std::string lineEnd_ = "\n";
  bool quoteAll_ = false;  // the header quotes every name: new rows do too
  uint64_t nextId_ = 1;
  Stamp opened_;           // the file as opened or last saved
  size_t savedHash_ = 0;   // hash of serialise() then
};

// Splits one CSV record (no line end) into fields: quotes and doubled quotes as RFC 4180.
std::vector<std::string> splitCsvRecord(std::string_view text, char separator);

}  // namespace frontline
