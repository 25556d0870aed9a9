// The text of a report as `frontline ingest` read it (plain text with its header lines split off,
// Windows-1252 decoded, or HTML reduced to text), so that the character offsets in ingest's JSON
// point at the same words in the viewer's inbox.
#pragma once

#include <filesystem>
#include <string>

#include "geo/model/result.hpp"

namespace frontline {

Result<std::string> readArticleText(const std::filesystem::path& file);

// The paragraph (text between blank lines) around the byte range [begin, end), as offsets.
std::pair<size_t, size_t> paragraphAround(const std::string& text, size_t begin, size_t end);

}  // namespace frontline
