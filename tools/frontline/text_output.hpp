// Writing a command's text output: to stdout, or atomically to a file (a temporary file in the same
// folder renamed into place once complete, so a failed write never leaves half a file).
#pragma once

#include <filesystem>
#include <string>

#include "geo/model/result.hpp"

namespace frontline::cli {

Result<void> writeTextAtomic(const std::filesystem::path& path, const std::string& text);

// `path` empty or "-": stdout; otherwise writeTextAtomic.
Result<void> writeOutput(const std::string& path, const std::string& text);

}  // namespace frontline::cli
