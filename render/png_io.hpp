// PNG files through libpng. Writes are atomic: a temporary file in the same folder is renamed
// over the target only once it is complete, so a crash or full disk never leaves half a PNG.
#pragma once

#include <filesystem>

#include "geo/model/result.hpp"
#include "render/image.hpp"

namespace frontline {

// compressionLevel: 0 (none) .. 9 (smallest); 1 is fast and good for frame sequences.
Result<void> writePngAtomic(const std::filesystem::path& path, const Image& image, int compressionLevel = 6);

Result<Image> readPng(const std::filesystem::path& path);

}  // namespace frontline
