// Atomic file writes: content goes to a hidden temporary file beside the target, which is renamed
// over the target only once complete and flushed, so no reader ever sees half a file.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

#include "geo/model/result.hpp"

namespace frontline {

// ".name.tmp-1a2b3c4d" in the same folder (the same filesystem, so rename is atomic).
std::filesystem::path temporarySibling(const std::filesystem::path& path);

// Flushes, syncs and closes `file` (written at `temp`), then renames it to `path`. On any failure
// the temporary file is removed and the error names `path` with `what` ("cannot write PNG").
// `failure` is an error already met while writing (empty if none).
Result<void> finishAtomicWrite(std::FILE* file, const std::filesystem::path& temp, const std::filesystem::path& path,
                               std::string failure = {}, std::string_view what = "cannot write");

// Writes `bytes` to `path` atomically; the folder must exist.
Result<void> writeFileAtomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace frontline
