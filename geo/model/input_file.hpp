// Opening user input safely. Only regular files are read (a FIFO would block, /dev/zero never
// ends, a folder is not a file), and their size is checked against a stated limit before any
// byte is read or any memory is reserved for them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "geo/model/result.hpp"

namespace frontline {

// Limits on input files (README, "Limits").
inline constexpr uintmax_t kMaxSmallTextBytes = 4ull << 20;      // manifests, stories, export records
inline constexpr uintmax_t kMaxListBytes = 256ull << 20;         // gazetteers, alias and actor files
inline constexpr uintmax_t kMaxTableBytes = 2ull << 30;          // event tables, areas, layers
// Rows (features) read from one table, and vertices in one geometry.
inline constexpr uintmax_t kMaxTableRows = 5'000'000;
inline constexpr uintmax_t kMaxGeometryVertices = 500'000;

// Checks that `path` (links followed) is a regular file of at most `maxBytes`; `what` names it in
// errors ("manifest"). Returns its size.
Result<uintmax_t> checkInputFile(const std::filesystem::path& path, std::string_view what, uintmax_t maxBytes);

// Reads a whole regular file of at most `maxBytes`; refuses anything else without blocking.
Result<std::string> readInputFile(const std::filesystem::path& path, std::string_view what, uintmax_t maxBytes);

// Human size: "4 MiB".
std::string byteSizeText(uintmax_t bytes);

}  // namespace frontline
