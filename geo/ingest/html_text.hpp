// HTML report pages -> Article: visible text (scripts, styles, navigation dropped; block elements
// separate paragraphs) and metadata from <title> and meta tags (og:title, og:site_name, og:url,
// article:published_time, name=date, <time datetime>), through libxml2's forgiving HTML parser.
// The declared charset (meta) is honoured; undeclared non-UTF-8 bytes are read as Windows-1252.
#pragma once

#include <string>
#include <string_view>

#include "geo/ingest/article.hpp"
#include "geo/model/result.hpp"

namespace frontline::ingest {

// True when the bytes look like HTML (a doctype, <html>, <head> or <body> near the start).
bool looksLikeHtml(std::string_view bytes);

// Error (kind Input) when libxml2 cannot make a document of it at all.
Result<Article> parseHtml(std::string name, std::string_view bytes);

}  // namespace frontline::ingest
