#include "io/timestamp.hpp"

#include <chrono>
#include <cstdio>

namespace goldspan {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int64_t(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) noexcept {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = int64_t(yoe) + era * 400 + (m <= 2);
}

bool leap(int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string format_timestamp(int64_t ms) {
  int64_t days = ms / 86400000, rest = ms % 86400000;
  if (rest < 0) {
    rest += 86400000;
    --days;
  }
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d,
                int(rest / 3600000), int(rest / 60000 % 60), int(rest / 1000 % 60), int(rest % 1000));
  return buf;
}

std::optional<int64_t> parse_timestamp(std::string_view t) noexcept {
  auto digits = [&](size_t at, size_t n, int& out) {
    if (at + n > t.size()) return false;
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi, s, ms = 0;
  if (!(digits(0, 4, y) && t.size() > 4 && t[4] == '-' && digits(5, 2, mo) && t.size() > 7 && t[7] == '-' &&
        digits(8, 2, d) && t.size() > 10 && t[10] == 'T' && digits(11, 2, h) && t.size() > 13 && t[13] == ':' &&
        digits(14, 2, mi) && t.size() > 16 && t[16] == ':' && digits(17, 2, s)))
    return std::nullopt;
  size_t at = 19;
  if (at < t.size() && t[at] == '.') {
    if (!digits(at + 1, 3, ms)) return std::nullopt;
    at += 4;
  }
  if (at + 1 != t.size() || t[at] != 'Z') return std::nullopt;
  static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > month_days[mo - 1] + (mo == 2 && leap(y)) || h > 23 || mi > 59 || s > 59)
    return std::nullopt;
  return days_from_civil(y, unsigned(mo), unsigned(d)) * 86400000 + int64_t(h) * 3600000 + int64_t(mi) * 60000 +
         int64_t(s) * 1000 + ms;
}

int64_t now_ms() {
  using namespace std::chrono;
  return int64_t(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

}  // namespace goldspan
