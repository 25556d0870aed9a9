#include "render/png_io.hpp"

#include "geo/model/atomic_file.hpp"

#include <png.h>
#include <unistd.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>

namespace frontline {
namespace {

struct WriteState {
  std::string error;
};

void onPngError(png_structp png, png_const_charp message) {
  auto* state = static_cast<WriteState*>(png_get_error_ptr(png));
  if (state) state->error = message;
  png_longjmp(png, 1);
}
void onPngWarning(png_structp, png_const_charp) {}

// Writes the PNG stream; returns an error text or empty on success. Kept free of C++ objects with
// destructors between setjmp and longjmp.
std::string encode(FILE* file, const Image& image, int level, WriteState& state) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, onPngError, onPngWarning);
  if (!png) return "out of memory";
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return "out of memory";
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return state.error.empty() ? "libpng error" : state.error;
  }
  png_init_io(png, file);
  png_set_compression_level(png, level);
  // Level 1 exports favour speed: the SUB filter alone is cheap and compresses maps well.
  png_set_filter(png, 0, level <= 2 ? PNG_FILTER_SUB : PNG_ALL_FILTERS);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
               PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < image.height; ++y) png_write_row(png, image.pixel(0, y));
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return {};
}

}  // namespace

Result<void> writePngAtomic(const std::filesystem::path& path, const Image& image, int compressionLevel) {
  const std::string where = path.string();
  if (image.width <= 0 || image.height <= 0) return makeError(ErrorKind::Internal, where, "empty image");
  const auto target = atomicWriteTarget(path);  // a device (/dev/stdout) is written in place
  if (!target) return target.error();
  const std::filesystem::path& temp = *target;
  FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file) return makeError(ErrorKind::Io, where, std::string("cannot write: ") + std::strerror(errno));
  WriteState state;
  return finishAtomicWrite(file, temp, path, encode(file, image, compressionLevel, state), "cannot write PNG");
}

Result<Image> readPng(const std::filesystem::path& path) {
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&png, path.c_str()))
    return makeError(ErrorKind::Input, path.string(), std::string("cannot read PNG: ") + png.message);
  png.format = PNG_FORMAT_RGBA;
  Image image(static_cast<int>(png.width), static_cast<int>(png.height));
  if (!png_image_finish_read(&png, nullptr, image.rgba.data(), 0, nullptr)) {
    png_image_free(&png);
    return makeError(ErrorKind::Input, path.string(), std::string("cannot decode PNG: ") + png.message);
  }
  return image;
}

}  // namespace frontline
