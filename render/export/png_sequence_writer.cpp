#include "render/export/png_sequence_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include "geo/model/atomic_file.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

struct PendingPng : PendingFrame {
  size_t index = 0;
  bool repeat = false;
  std::shared_ptr<const EncodedPng> png;
};

bool isFrameName(const std::string& name) {
  static const std::regex pattern(R"(frame_[0-9]{5,}\.png)");
  return std::regex_match(name, pattern);
}

// The first line where two settings records differ, as "was: ... / now: ...".
std::string firstDifference(const std::string& was, const std::string& now) {
  std::istringstream a(was), b(now);
  std::string la, lb;
  while (true) {
    const bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return {};
    if (!ha) la = "(nothing)";
    if (!hb) lb = "(nothing)";
    if (la != lb) return "it was made with '" + la + "', now '" + lb + "'";
  }
}

}  // namespace

PngSequenceWriter::PngSequenceWriter(Options options) : options_(std::move(options)) {}
PngSequenceWriter::~PngSequenceWriter() {
  encoder_.reset();
  pool_.reset();  // finishes queued compression before the encoder's buffers go
}

Result<std::unique_ptr<PngSequenceWriter>> PngSequenceWriter::create(Options options) {
  namespace fs = std::filesystem;
  const fs::path folder = options.folder;
  const std::string where = folder.string();
  std::error_code ec;
  const auto status = fs::status(folder, ec);
  if (status.type() == fs::file_type::not_found) {
    const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
      return makeError(ErrorKind::Io, where, "the folder '" + parent.string() + "' does not exist");
    if (!fs::create_directory(folder, ec) && ec)
      return makeError(ErrorKind::Io, where, "cannot create the folder: " + ec.message());
  } else if (ec) {
    return makeError(ErrorKind::Io, where, ec.message());
  } else if (status.type() != fs::file_type::directory) {
    return makeError(ErrorKind::Usage, where,
                     "exists and is not a folder; give a folder for PNG frames, or a file name ending in .mp4, "
                     ".webm or .gif for a video");
  }

  // Other files: anything but frames, our temporary files and the settings record.
  std::vector<fs::path> frames, temporaries, others;
  bool hasRecord = false;
  for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (isFrameName(name)) frames.push_back(e.path());
    else if (isTemporaryName(name)) temporaries.push_back(e.path());
    else if (name == kExportRecordName) hasRecord = true;
    else others.push_back(e.path());
  }
  if (ec) return makeError(ErrorKind::Io, where, "cannot list the folder: " + ec.message());

  const fs::path record = folder / kExportRecordName;
  switch (options.existing) {
    case ExistingOutput::Refuse:
      // A record alone (an export that failed before its first frame) holds nothing to lose.
      if (!frames.empty() || !others.empty()) {
        const size_t count = frames.size() + others.size();
        return makeError(ErrorKind::Usage, where,
                         "is not empty (" + std::to_string(count) + (count == 1 ? " file" : " files") +
                             "); add --resume to continue an interrupted export into it, or --overwrite to replace "
                             "its frames");
      }
      for (const fs::path& p : temporaries) fs::remove(p, ec);
      break;
    case ExistingOutput::Overwrite:
      for (const auto& list : {frames, temporaries})
        for (const fs::path& p : list)
          if (!fs::remove(p, ec) && ec) return makeError(ErrorKind::Io, p.string(), "cannot delete: " + ec.message());
      break;
    case ExistingOutput::Resume:
      if (!frames.empty() && !hasRecord)
        return makeError(ErrorKind::Usage, where,
                         std::string("has frames but no ") + kExportRecordName +
                             " record, so it was not made by 'frontline export'; use --overwrite to replace them");
      if (hasRecord) {
        // Read only if it is a small regular file (a link to /dev/zero would never end), and
        // quoted only if frontline wrote it (never echo the first line of some other file).
        auto read = readInputFile(record, "export record", kMaxSmallTextBytes);
        if (!read) return read.error();
        const std::string& was = *read;
        const std::string firstLine = options.settings.substr(0, options.settings.find('\n') + 1);
        if (was.compare(0, firstLine.size(), firstLine) != 0)
          return makeError(ErrorKind::Usage, where,
                           std::string("has a ") + kExportRecordName +
                               " that 'frontline export' did not write; use --overwrite to start again");
        if (was != options.settings)
          return makeError(ErrorKind::Usage, where,
                           "was exported with other settings (" + firstDifference(was, options.settings) +
                               "); use the same options to resume, or --overwrite to start again");
      }
      for (const fs::path& p : temporaries) fs::remove(p, ec);  // left by a killed export
      break;
  }
  if (auto r = writeFileAtomic(record, options.settings); !r) return r.error();

  std::unique_ptr<PngSequenceWriter> writer(new PngSequenceWriter(std::move(options)));
  PngSequenceWriter& w = *writer;
  for (size_t n = w.options_.frames > 0 ? w.options_.frames - 1 : 0; n >= 100000; n /= 10) ++w.digits_;
  if (w.options_.existing == ExistingOutput::Resume) {
    w.done_.assign(w.options_.frames, 0);
    for (size_t i = 0; i < w.options_.frames; ++i)
      if (isCompletePng(w.framePath(i), w.options_.width, w.options_.height)) {
        w.done_[i] = 1;
        ++w.alreadyDone_;
      }
  }
  w.pool_ = std::make_unique<WorkerPool>(w.options_.threads, "fl-png");
  w.encoder_ = std::make_unique<PngEncoder>(*w.pool_, w.options_.level);
  return writer;
}

std::filesystem::path PngSequenceWriter::framePath(size_t index) const {
  char name[40];
  std::snprintf(name, sizeof name, "frame_%0*zu.png", digits_, index);
  return options_.folder / name;
}

bool PngSequenceWriter::isDone(size_t index) const { return index < done_.size() && done_[index]; }

std::unique_ptr<PendingFrame> PngSequenceWriter::submit(const ExportFrame& frame) {
  auto pending = std::make_unique<PendingPng>();
  pending->index = frame.index;
  if (!options_.incremental) encoder_->reset();
  pending->repeat = frame.repeat && options_.incremental;
  // A repeat has the previous frame's pixels: the encoder gives the same bands back at no cost.
  pending->png = encoder_->encode(frame.pixels, true, options_.incremental ? &frame.changedRows : nullptr);
  return pending;
}

Result<void> PngSequenceWriter::commit(std::unique_ptr<PendingFrame> frame) {
  auto& pending = static_cast<PendingPng&>(*frame);
  const std::filesystem::path path = framePath(pending.index);
  if (pending.repeat && !lastWritten_.empty()) {
    // The same picture as the previous frame: a hard link, renamed into place like a new file.
    const auto temp = temporarySibling(path);
    if (::link(lastWritten_.c_str(), temp.c_str()) == 0) {
      if (std::rename(temp.c_str(), path.c_str()) == 0) {
        ++linked_;
        lastWritten_ = path;
        return {};
      }
      const std::string error = std::strerror(errno);
      ::unlink(temp.c_str());
      return makeError(ErrorKind::Io, path.string(), "cannot write: " + error);
    }
    // No links on this file system (or too many): write the bytes instead.
  }
  if (auto r = writePngFile(path, *pending.png); !r) return r;
  bytes_ += pending.png->fileSize();
  lastWritten_ = path;
  return {};
}

Result<void> PngSequenceWriter::finish() { return {}; }

void PngSequenceWriter::abandon() {
  // Frames are renamed into place only when complete, and a failed write removes its temporary
  // file: there is nothing half-written to clean up.
}

}  // namespace frontline
