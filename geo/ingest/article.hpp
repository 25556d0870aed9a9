// Report texts as ingest reads them: bytes -> UTF-8 text (encoding checks and Windows-1252 decoding),
// header lines (Title:, Publisher:, URL:, Date:), and the dateline ("BAGHDAD, Nov 3 (Reuters) -").
// Standard library only; HTML goes through geo/ingest/html_text.hpp first.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "geo/model/date.hpp"
#include "geo/model/result.hpp"

namespace frontline::ingest {

struct Article {
  std::string name;       // file name (or "-" for stdin), for messages
  std::string text;       // UTF-8 body; mention offsets are byte offsets into it
  std::string title, publisher, url;
  std::string dateText;   // the publication date as written (header, meta tag or dateline)
  std::optional<Date> published;
  std::string dateline;   // "BAGHDAD" from "BAGHDAD, Nov 3 (Reuters) -"
  std::string encodingNote;  // "decoded as Windows-1252", empty for UTF-8
};

// What the bytes are.
enum class TextKind { Utf8, Windows1252, Binary };

// Binary: NUL bytes or many control characters in the first 64 KiB. Windows1252: not UTF-8 but
// every byte is printable in Windows-1252/Latin-1.
TextKind classifyBytes(std::string_view bytes);

// Windows-1252 (a superset of Latin-1's printable range) -> UTF-8.
std::string decodeWindows1252(std::string_view bytes);

// Splits header lines ("Key: value" lines at the top, up to the first blank line) from the body of
// a plain-text report and fills title/publisher/url/date; finds the dateline. `text` must be UTF-8.
Article parsePlainText(std::string name, std::string text);

// Fills published/dateline from the article's dateText and body when not already known.
void completeDates(Article& article);

}  // namespace frontline::ingest
