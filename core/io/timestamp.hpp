#pragma once
// Times in exported files: ISO 8601 in UTC with milliseconds, "2024-05-01T12:00:00.000Z", the
// form JavaScript's Date.toISOString() writes, so that every record's time survives exactly.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace goldspan {

// Milliseconds since the Unix epoch (years 0000-9999) as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string format_timestamp(int64_t ms);
// Reads "YYYY-MM-DDTHH:MM:SSZ" or with ".mmm" before the Z (UTC only, fields in range).
std::optional<int64_t> parse_timestamp(std::string_view text) noexcept;
// The system clock in milliseconds since the Unix epoch.
int64_t now_ms();

}  // namespace goldspan
