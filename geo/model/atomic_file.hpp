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

// Where to write `path`: a temporary sibling when `path` is missing or a regular file (renamed over
// it at the end), `path` itself when it is a device or a pipe (/dev/stdout, /dev/null), which a
// rename would replace; an error when it is a folder. finishAtomicWrite skips the rename when the
// two are the same.
Result<std::filesystem::path> atomicWriteTarget(const std::filesystem::path& path);

// Whether `path` exists and is something other than a regular file (a device, a pipe, a socket).
bool isSpecialFile(const std::filesystem::path& path);

// Flushes, syncs and closes `file` (written at `temp`), then renames it to `path`. On any failure
// the temporary file is removed and the error names `path` with `what` ("cannot write PNG").
// `failure` is an error already met while writing (empty if none).
Result<void> finishAtomicWrite(std::FILE* file, const std::filesystem::path& temp, const std::filesystem::path& path,
                               std::string failure = {}, std::string_view what = "cannot write");

// Writes `bytes` to `path` atomically (in place when it is a device); the folder must exist.
Result<void> writeFileAtomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace frontline
