#include "geo/ingest/article.hpp"

#include <array>
#include <cctype>

#include "geo/gazetteer/utf8.hpp"
#include "geo/ingest/report_dates.hpp"

namespace frontline::ingest {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "Title", "URL", ... -> which field; nullptr for other keys.
std::string* headerField(Article& a, std::string_view key) {
  const std::string k = lower(key);
  if (k == "title" || k == "headline") return &a.title;
  if (k == "publisher" || k == "source" || k == "site") return &a.publisher;
  if (k == "url" || k == "link") return &a.url;
  if (k == "date" || k == "published" || k == "publication date" || k == "pubdate") return &a.dateText;
  return nullptr;
}

bool knownHeaderKey(std::string_view key) {
  static const std::array<const char*, 6> other{"author", "byline", "dateline", "updated", "id", "language"};
  const std::string k = lower(key);
  for (const char* o : other)
    if (k == o) return true;
  Article scratch;
  return headerField(scratch, key) != nullptr;
}

// "Key: value" with a known key.
bool headerLine(std::string_view line, std::string_view& key, std::string_view& value) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 20) return false;
  key = trim(line.substr(0, colon));
  value = trim(line.substr(colon + 1));
  return knownHeaderKey(key);
}

}  // namespace

TextKind classifyBytes(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 65536);
  size_t controls = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return TextKind::Binary;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls > head.size() / 100 + 2) return TextKind::Binary;
  if (isValidUtf8(bytes)) return TextKind::Utf8;
  // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined.
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return TextKind::Binary;
  }
  return TextKind::Windows1252;
}

std::string decodeWindows1252(std::string_view bytes) {
  static const std::array<char32_t, 32> high{0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6,
                                             0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD,
                                             0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
                                             0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) out.push_back(ch);
    else if (c < 0xA0) appendUtf8(out, high[c - 0x80]);
    else appendUtf8(out, c);
  }
  return out;
}

Article parsePlainText(std::string name, std::string text) {
  Article a;
  a.name = std::move(name);
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  // Header lines at the top, up to the first blank line (or the first line that is not one).
  size_t pos = 0, bodyStart = 0;
  bool sawHeader = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string_view line = trim(std::string_view(text).substr(pos, eol - pos));
    std::string_view key, value;
    if (line.empty()) {
      if (sawHeader) bodyStart = std::min(eol + 1, text.size());
      break;
    }
    if (!headerLine(line, key, value)) break;
    sawHeader = true;
    if (std::string* field = headerField(a, key); field && field->empty()) *field = std::string(value);
    pos = eol + 1;
    bodyStart = std::min(pos, text.size());
  }
  a.text = text.substr(bodyStart);
  completeDates(a);
  return a;
}

void completeDates(Article& a) {
  if (!a.published && !a.dateText.empty()) a.published = parsePublicationDate(a.dateText);
  // Dateline: "BAGHDAD, Nov 3 (Reuters) -", "DEIR AL-ZOR, Syria (AP) —", "BEIRUT (Reuters) -" near the top.
  const std::string_view body = std::string_view(a.text).substr(0, std::min<size_t>(a.text.size(), 2000));
  size_t start = 0;
  while (start < body.size() && std::isspace(static_cast<unsigned char>(body[start]))) ++start;
  for (int line = 0; line < 4 && start < body.size(); ++line) {
    size_t eol = body.find('\n', start);
    if (eol == std::string_view::npos) eol = body.size();
    const std::string_view l = body.substr(start, eol - start);
    // Leading upper-case place name (letters, spaces, hyphens, apostrophes), at least 3 letters.
    size_t i = 0, letters = 0;
    while (i < l.size() && (std::isupper(static_cast<unsigned char>(l[i])) || l[i] == ' ' || l[i] == '-' || l[i] == '\'')) {
      if (std::isupper(static_cast<unsigned char>(l[i]))) ++letters;
      ++i;
    }
    const size_t dash = l.find(" - ") != std::string_view::npos ? l.find(" - ") : l.find(" \xE2\x80\x94 ");
    const size_t dash2 = l.find(" \xE2\x80\x93 ");
    const size_t cut = std::min(dash, dash2);
    if (letters >= 3 && i < l.size() && (l[i] == ',' || l[i] == '(') && cut != std::string_view::npos && cut < 120) {
      a.dateline = std::string(trim(l.substr(0, i)));
      if (!a.published) {
        const std::string_view between = l.substr(i, cut - i);
        for (const DateMention& m : findDates(between, std::nullopt))
          if (m.date) {
            a.published = m.date;
            a.dateText = m.text;
            break;
          }
      }
      break;
    }
    start = eol + 1;
  }
}

}  // namespace frontline::ingest
