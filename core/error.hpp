#pragma once
// goldspan::Error — the one exception type the core throws for bad input.
// `where` names the place (a file, a JSON path, a byte offset) so that every
// message shown to a user can say exactly what is wrong and where.
#include <stdexcept>
#include <string>

namespace goldspan {

class Error : public std::runtime_error {
 public:
  Error(std::string where, const std::string& what)
      : std::runtime_error(where.empty() ? what : where + ": " + what), where_(std::move(where)) {}
  const std::string& where() const noexcept { return where_; }

 private:
  std::string where_;
};

}  // namespace goldspan
