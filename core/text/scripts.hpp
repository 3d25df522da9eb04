#pragma once
// Scripts present in a text, as ISO 15924 codes ("Latn", "Arab", "Hani", ...), so the page can
// fetch only the fonts a loaded document needs. Common and Inherited characters (digits,
// punctuation, combining marks) belong to no script of their own and are not reported.
#include <string>
#include <string_view>
#include <vector>

namespace goldspan {

// Sorted, without duplicates. `utf8` must be valid UTF-8.
std::vector<std::string> scripts_in(std::string_view utf8);

}  // namespace goldspan
