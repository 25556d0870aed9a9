// ACLED exports (https://acleddata.com) read directly as event tables: rows whose sub_event_type is
// a territorial transfer become changes of control, with actor1 as the new controller.
#pragma once

#include <optional>
#include <string_view>

#include "geo/gis/table_reader.hpp"
#include "geo/model/date.hpp"
#include "geo/model/event.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// Where ACLED's columns are in a table (indexes into TableRow::values; -1 when absent).
struct AcledColumns {
  int eventDate = -1, subEventType = -1, actor1 = -1, location = -1;  // required
  int latitude = -1, longitude = -1, country = -1, source = -1, notes = -1, geoPrecision = -1, eventId = -1;
};

// The columns of an ACLED export, or nullopt when the header is not one (it needs event_date,
// sub_event_type, actor1 and location).
std::optional<AcledColumns> detectAcled(const TableHeader& header);

// "Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of
// territory", and the combined values of older data ("Battle-Government regains territory").
bool isTerritorialTransfer(std::string_view subEventType);

// ACLED's geo_precision: 1 the town itself -> high, 2 near it -> medium, 3 the region -> low.
Confidence confidenceFromGeoPrecision(std::string_view geoPrecision);

// Dates as event tables and ACLED write them: "2017-10-15", "2017-10" (month precision),
// "2017/10/15", "15 October 2017", "15-October-2017", "15 Oct 2017", "October 2017".
Result<Date> parseEventDate(std::string_view text);

}  // namespace frontline
