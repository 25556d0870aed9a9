// Re-reads the dataset with the edited table's unsaved bytes, on a worker thread, and prepares the
// map session for it: the map, the timeline and `check`'s messages follow the edits while the
// viewer keeps drawing. Only the newest request's result is handed back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "geo/gis/map_session.hpp"

namespace frontline {

class DatasetReload {
 public:
  // Loads the dataset with some tables read from other files (DatasetLoadOptions::replacedTables).
  using Loader = std::function<Result<LoadedDataset>(const std::map<std::string, std::filesystem::path>&)>;

  struct Done {
    uint64_t version = 0;
    // Ready to adopt; an error when the dataset could not be read or has no valid event left.
    Result<std::shared_ptr<MapSession::Prepared>> prepared = makeError(ErrorKind::Internal, "", "not run");
    std::vector<DatasetIssue> issues;  // what `check` would say about it
  };

  DatasetReload(Loader loader, const MapSession& session) : loader_(std::move(loader)), session_(session) {}
  ~DatasetReload();

  // The table `table` now reads `bytes` (edit number `version`). Starts at once, or when the
  // running one ends (intermediate requests are skipped).
  void request(uint64_t version, const std::filesystem::path& table, std::string bytes);
  bool busy() const { return running_.valid() || pending_.has_value(); }
  // The result of the newest request, once it is ready.
  std::optional<Done> poll();

 private:
  struct Request {
    uint64_t version;
    std::filesystem::path table;
    std::string bytes;
  };
  void start(Request request);

  Loader loader_;
  const MapSession& session_;
  std::future<Done> running_;
  std::optional<Request> pending_;
  uint64_t newest_ = 0;
  int jobs_ = 0;
};

}  // namespace frontline
