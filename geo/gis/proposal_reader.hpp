// Reads proposed events for the viewer's inbox from what `frontline ingest` writes: the
// event-table CSV (one proposal a row) or --format json (one object per article, with the
// place's and actors' character offsets, which the inbox uses to highlight them).
#pragma once

#include <filesystem>
#include <vector>

#include "geo/model/inbox.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// By extension: .json is ingest's JSON, anything else a CSV. Errors name the file (and the
// article or row) and say what is wrong.
Result<std::vector<InboxProposal>> readProposals(const std::filesystem::path& path);

}  // namespace frontline
