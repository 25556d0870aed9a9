#include "geo/gis/csv_reader.hpp"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace frontline {
namespace {

bool readWholeFile(const std::filesystem::path& path, std::string& out) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return false;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  out.resize(static_cast<size_t>(size));
  if (size > 0 && std::fread(out.data(), 1, out.size(), file.get()) != out.size()) return false;
  return true;
}

// The separator the header line uses outside quotes, or 0 when it uses none or several (OGR then
// guesses in ways we do not copy).
char detectSeparator(const std::string& text, size_t begin) {
  char found = 0;
  bool quoted = false;
  for (size_t i = begin; i < text.size() && (quoted || (text[i] != '\n' && text[i] != '\r')); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == ',' || c == ';' || c == '\t')) {
      if (found && found != c) return 0;
      found = c;
    }
  }
  return found;
}

// Parses one record starting at `pos` into `fields` (reusing their storage); advances pos past
// its line break and counts the lines it spans. Quotes toggle quoting anywhere in a field, as in
// GDAL's CSVSplitLine; "" inside quotes is a quote; CRLF inside quotes becomes LF.
size_t parseRecord(const std::string& text, size_t& pos, char sep, std::vector<std::string>& fields, int& lines,
                   bool* unclosed = nullptr) {
  size_t count = 0;
  auto field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count];
    f.clear();
    return f;
  };
  std::string* current = &field();
  bool quoted = false;
  const size_t n = text.size();
  while (pos < n) {
    const char c = text[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < n && text[pos + 1] == '"') {
          current->push_back('"');
          pos += 2;
          continue;
        }
        quoted = false;
        ++pos;
        continue;
      }
      if (c == '\r' && pos + 1 < n && text[pos + 1] == '\n') {
        ++pos;
        continue;
      }
      if (c == '\n') ++lines;
      current->push_back(c);
      ++pos;
      continue;
    }
    if (c == '"') {
      quoted = true;
      ++pos;
    } else if (c == sep) {
      ++count;
      current = &field();
      ++pos;
    } else if (c == '\n' || c == '\r') {
      pos += (c == '\r' && pos + 1 < n && text[pos + 1] == '\n') ? 2 : 1;
      ++lines;
      break;
    } else {
      // Copy the run of plain characters at once.
      size_t end = pos + 1;
      while (end < n && text[end] != sep && text[end] != '"' && text[end] != '\n' && text[end] != '\r') ++end;
      current->append(text, pos, end - pos);
      pos = end;
    }
  }
  if (unclosed) *unclosed = quoted;
  return count + 1;
}

}  // namespace

PlainCsvResult readPlainCsv(const std::filesystem::path& path,
                            const std::function<void(const std::vector<std::string>& header, size_t lines)>& onHeader,
                            const std::function<void(const CsvRecord&)>& onRecord) {
  std::error_code ec;
  for (const char* companion : {".csvt", ".prj", ".CSVT", ".PRJ"}) {
    std::filesystem::path p = path;
    if (std::filesystem::exists(p.replace_extension(companion), ec)) return PlainCsvResult::Unsupported;
  }
  std::string text;
  if (!readWholeFile(path, text)) return PlainCsvResult::Unreadable;
  // A CR that does not start a CRLF ends a line for OGR (old Mac files): leave those to it.
  const char* const end = text.data() + text.size();
  for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '\r', static_cast<size_t>(end - p)))); ++p)
    if (p + 1 == end || p[1] != '\n') return PlainCsvResult::Unsupported;
  size_t lineBreaks = 0;
  for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))); ++p)
    ++lineBreaks;

  size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const char sep = ext == ".tsv" ? '\t' : detectSeparator(text, pos);
  if (sep == 0) return PlainCsvResult::Unsupported;

  std::vector<std::string> fields;
  int line = 1, lines = 0;
  // Blank lines before the header are skipped as OGR does.
  while (pos < text.size() && (text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n'))) {
    pos += text[pos] == '\r' ? 2 : 1;
    ++line;
  }
  if (pos >= text.size()) return PlainCsvResult::Unsupported;
  const size_t columns = parseRecord(text, pos, sep, fields, lines);
  line += lines;
  std::vector<std::string> header(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(columns));
  for (size_t i = 0; i < header.size(); ++i) {
    std::string lower = header[i];
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "wkt" || lower.rfind("_wkt", 0) == 0) return PlainCsvResult::Unsupported;  // OGR makes a geometry of it
    if (header[i].empty()) header[i] = "field_" + std::to_string(i + 1);
  }
  onHeader(header, lineBreaks + 1 > static_cast<size_t>(line) ? lineBreaks + 1 - static_cast<size_t>(line) : 0);

  std::vector<std::string> row(columns);
  CsvRecord record;
  record.fields = &row;
  while (pos < text.size()) {
    // An empty line has no fields for OGR and is skipped.
    if (text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
      pos += text[pos] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    const int start = line;
    lines = 0;
    const size_t count = parseRecord(text, pos, sep, fields, lines, &record.unclosedQuote);
    line += lines;
    for (size_t i = 0; i < columns; ++i) {
      if (i < count) row[i].swap(fields[i]);
      else row[i].clear();
    }
    record.line = start;
    onRecord(record);
    for (size_t i = 0; i < columns && i < count; ++i) row[i].swap(fields[i]);  // keep both buffers' capacity
  }
  return PlainCsvResult::Read;
}

}  // namespace frontline
