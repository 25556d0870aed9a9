#include "render/viewer/dataset_reload.hpp"

#include <unistd.h>

#include <chrono>

#include "geo/model/atomic_file.hpp"

namespace frontline {

DatasetReload::~DatasetReload() {
  if (running_.valid()) running_.wait();  // it reads the session
}

void DatasetReload::request(uint64_t version, const std::filesystem::path& table, std::string bytes) {
  newest_ = version;
  Request r{version, table, std::move(bytes)};
  if (running_.valid()) pending_ = std::move(r);
  else start(std::move(r));
}

void DatasetReload::start(Request request) {
  // The unsaved bytes go to a private file the loader reads instead of the table (same extension,
  // so it is read the same way); messages still name the table.
  const std::filesystem::path copy =
      std::filesystem::temp_directory_path() /
      ("frontline-edit-" + std::to_string(::getpid()) + "-" + std::to_string(++jobs_) + request.table.extension().string());
  running_ = std::async(std::launch::async, [this, request = std::move(request), copy]() {
    Done done;
    done.version = request.version;
    if (auto w = writeFileAtomic(copy, request.bytes); !w) {
      done.prepared = w.error();
      return done;
    }
    auto loaded = loader_({{request.table.string(), copy}});
    std::error_code ec;
    std::filesystem::remove(copy, ec);
    if (!loaded) {
      done.prepared = loaded.error();
      return done;
    }
    done.issues = loaded->dataset.issues;
    if (loaded->dataset.timeline.empty()) {
      done.prepared = makeError(ErrorKind::Data, request.table.string(), "no valid events left: the map is not updated");
      return done;
    }
    done.prepared = session_.prepareData(std::move(loaded).value());
    return done;
  });
}

std::optional<DatasetReload::Done> DatasetReload::poll() {
  if (!running_.valid() || running_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  Done done = running_.get();
  if (pending_) {
    start(std::move(*pending_));
    pending_.reset();
  }
  if (done.version != newest_) return std::nullopt;  // a newer edit is on its way
  return done;
}

}  // namespace frontline
