#include "geo/model/editable_table.hpp"

#include <algorithm>
#include <functional>
#include <system_error>

#include "geo/model/atomic_file.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The record text without its line end.
std::string_view withoutLineEnd(std::string_view raw) {
  if (!raw.empty() && raw.back() == '\n') raw.remove_suffix(1);
  if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  return raw;
}

bool blankLine(std::string_view line) { return withoutLineEnd(line).empty(); }

// The separator the header uses outside quotes: the most frequent of , ; tab (comma if none).
char detectSeparator(std::string_view header) {
  size_t counts[3] = {0, 0, 0};
  const char seps[3] = {',', ';', '\t'};
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (int i = 0; i < 3; ++i)
      if (c == seps[i]) ++counts[i];
  }
  int best = 0;
  for (int i = 1; i < 3; ++i)
    if (counts[i] > counts[best]) best = i;
  return seps[best];
}

size_t hashOf(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

}  // namespace

std::vector<std::string> splitCsvRecord(std::string_view text, char separator) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

Result<EditableTable> EditableTable::open(const fs::path& path) {
  auto bytes = readInputFile(path, "event table", kMaxTableBytes);
  if (!bytes) return bytes.error();
  auto table = parse(*bytes, path.string());
  if (!table) return table;
  table->path_ = path;
  table->opened_ = stampOf(path);
  return table;
}

Result<EditableTable> EditableTable::parse(std::string_view bytes, std::string name) {
  EditableTable t;
  t.name_ = std::move(name);
  // Records: each ends at a line break outside quotes; blank lines are kept with the record
  // before them (its trailer).
  struct Piece {
    std::string raw, trailer;
    int line = 0;  // 0: blank lines before the header
  };
  std::vector<Piece> raws;
  size_t begin = 0;
  int line = 1, recordLine = 1;
  bool quoted = false;
  for (size_t i = 0; i <= bytes.size(); ++i) {
    const bool end = i == bytes.size();
    if (!end && bytes[i] == '"') quoted = !quoted;
    if (!end && (bytes[i] != '\n' || quoted)) {
      if (bytes[i] == '\n') ++line;
      continue;
    }
    if (end && quoted) return makeError(ErrorKind::Data, t.name_ + ":" + std::to_string(recordLine), "a quote is never closed");
    const std::string_view piece = bytes.substr(begin, (end ? i : i + 1) - begin);
    if (!piece.empty()) {
      if (!blankLine(piece)) raws.push_back({std::string(piece), {}, recordLine});
      else if (!raws.empty()) raws.back().trailer.append(piece);
      else raws.push_back({{}, std::string(piece), 0});
    }
    begin = i + 1;
    recordLine = ++line;
  }
  // Blank lines before the header belong to it.
  std::string leading;
  while (!raws.empty() && raws.front().line == 0) {
    leading += raws.front().trailer;
    raws.erase(raws.begin());
  }
  if (raws.empty()) return makeError(ErrorKind::Data, t.name_, "no header line (date,place,...)");
  t.headerRaw_ = leading + raws.front().raw + raws.front().trailer;
  std::string_view header = withoutLineEnd(raws.front().raw);
  const std::string_view bom = "\xEF\xBB\xBF";
  if (header.substr(0, 3) == bom) header.remove_prefix(3);
  t.separator_ = detectSeparator(header);
  for (const std::string& c : splitCsvRecord(header, t.separator_)) t.columns_.emplace_back(trimmed(c));
  const std::string_view firstRaw = raws.front().raw;
  if (firstRaw.size() >= 2 && firstRaw[firstRaw.size() - 2] == '\r') t.lineEnd_ = "\r\n";
  t.quoteAll_ = !header.empty();
  for (size_t at = 0; at < header.size() && t.quoteAll_;) {  // every name starts with a quote
    if (header[at] != '"') t.quoteAll_ = false;
    bool q = false;
    while (at < header.size() && (q || header[at] != t.separator_)) {
      if (header[at] == '"') q = !q;
      ++at;
    }
    ++at;
  }
  for (size_t i = 1; i < raws.size(); ++i) {
    TableRecord r;
    r.id = t.nextId_++;
    r.fields = splitCsvRecord(withoutLineEnd(raws[i].raw), t.separator_);
    if (r.fields.size() < t.columns_.size()) r.fields.resize(t.columns_.size());
    r.raw = std::move(raws[i].raw);
    r.trailer = std::move(raws[i].trailer);
    r.line = raws[i].line;
    t.records_.push_back(std::move(r));
  }
  t.savedHash_ = hashOf(bytes);
  return t;
}

int EditableTable::column(std::string_view name) const {
  const std::string wanted = lower(name);
  for (size_t i = 0; i < columns_.size(); ++i)
    if (lower(columns_[i]) == wanted) return static_cast<int>(i);
  return -1;
}

std::optional<size_t> EditableTable::indexOf(uint64_t id) const {
  for (size_t i = 0; i < records_.size(); ++i)
    if (records_[i].id == id) return i;
  return std::nullopt;
}

std::string EditableTable::value(size_t i, std::string_view name) const {
  const int c = column(name);
  if (c < 0 || static_cast<size_t>(c) >= records_[i].fields.size()) return {};
  return records_[i].fields[static_cast<size_t>(c)];
}

TableRecord EditableTable::makeRecord(const std::vector<std::pair<std::string, std::string>>& values) {
  TableRecord r;
  r.id = nextId_++;
  r.fields.resize(columns_.size());
  for (const auto& [name, text] : values)
    if (const int c = column(name); c >= 0) r.fields[static_cast<size_t>(c)] = text;
  return r;
}

TableRecord EditableTable::withValue(const TableRecord& record, std::string_view name, std::string text) const {
  TableRecord r = record;
  const int c = column(name);
  if (c < 0) return r;
  if (r.fields.size() < columns_.size()) r.fields.resize(columns_.size());
  if (r.fields[static_cast<size_t>(c)] == text) return r;
  r.fields[static_cast<size_t>(c)] = std::move(text);
  r.raw.clear();
  return r;
}

void EditableTable::insert(size_t at, TableRecord record) {
  records_.insert(records_.begin() + static_cast<std::ptrdiff_t>(std::min(at, records_.size())), std::move(record));
}

void EditableTable::replace(size_t at, TableRecord record) { records_.at(at) = std::move(record); }

TableRecord EditableTable::remove(size_t at) {
  TableRecord r = std::move(records_.at(at));
  records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(at));
  return r;
}

std::string EditableTable::formatRecord(const TableRecord& record) const {
  if (!record.raw.empty()) return record.raw;
  std::string out;
  const size_t n = std::max(columns_.size(), record.fields.size());
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += separator_;
    const std::string_view f = i < record.fields.size() ? std::string_view(record.fields[i]) : std::string_view();
    const bool quote = quoteAll_ || f.find_first_of(std::string("\"\r\n") + separator_) != std::string_view::npos;
    if (!quote) {
      out.append(f);
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::string EditableTable::serialise() const {
  std::string out = headerRaw_;
  auto endLine = [&] {
    if (!out.empty() && out.back() != '\n') out += lineEnd_;
  };
  for (const TableRecord& r : records_) {
    endLine();
    out += formatRecord(r);
    if (r.raw.empty()) out += lineEnd_;
    out += r.trailer;
  }
  return out;
}

bool EditableTable::dirty() const { return hashOf(serialise()) != savedHash_; }

EditableTable::Stamp EditableTable::stampOf(const fs::path& path) {
  Stamp s;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return s;
  s.exists = true;
  s.size = fs::file_size(path, ec);
  s.time = fs::last_write_time(path, ec);
  if (auto bytes = readInputFile(path, "event table", kMaxTableBytes)) s.hash = hashOf(*bytes);
  return s;
}

SaveOutcome EditableTable::checkSave() const {
  if (path_.empty()) return {SaveProblem::Failed, name_ + ": not tied to a file: use Save as"};
  std::error_code ec;
  const Stamp now = stampOf(path_);
  if (opened_.exists && !now.exists)
    return {SaveProblem::ChangedOnDisk, path_.string() + ": was deleted or moved since it was opened"};
  if (opened_.exists && (now.size != opened_.size || now.time != opened_.time) && now.hash != opened_.hash)
    return {SaveProblem::ChangedOnDisk,
            path_.string() + ": changed on disk since it was opened (another program wrote it); overwrite it with "
                             "your version, save yours as a copy, or cancel"};
  if (now.exists) {
    const fs::perms p = fs::status(path_, ec).permissions();
    if (!ec && (p & fs::perms::owner_write) == fs::perms::none)
      return {SaveProblem::ReadOnly, path_.string() + ": the file is read-only; save as a copy, or make it writable"};
  }
  return {};
}

SaveOutcome EditableTable::save(bool overwrite) {
  SaveOutcome check = checkSave();
  if (check.problem == SaveProblem::ReadOnly || check.problem == SaveProblem::Failed) return check;
  if (check.problem == SaveProblem::ChangedOnDisk && !overwrite) return check;
  return write(path_);
}

SaveOutcome EditableTable::saveAs(const fs::path& path) {
  std::error_code ec;
  if (fs::exists(path, ec) && (fs::status(path, ec).permissions() & fs::perms::owner_write) == fs::perms::none)
    return {SaveProblem::ReadOnly, path.string() + ": the file is read-only; choose another name"};
  return write(path);
}

SaveOutcome EditableTable::write(const fs::path& path) {
  std::error_code ec;
  const auto mode = fs::status(path, ec).permissions();
  const bool existed = !ec && fs::exists(path, ec);
  const std::string bytes = serialise();
  if (auto r = writeFileAtomic(path, bytes); !r)
    return {SaveProblem::Failed, r.error().message() + " (nothing was changed on disk; your edits are kept)"};
  if (existed) fs::permissions(path, mode, ec);  // the new file keeps the old one's permissions
  path_ = path;
  name_ = path.string();
  opened_ = stampOf(path);
  savedHash_ = hashOf(bytes);
  return {};
}

}  // namespace frontline
