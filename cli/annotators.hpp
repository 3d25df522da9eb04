#pragma once
// Naming the annotators behind several gold files (`agree`, `adjudicate`).
#include <string>
#include <vector>

namespace goldspan::cli {

// The file's provenance when it names exactly one annotator, else the file name.
std::string annotator_name(const std::string& gold_text, const std::string& file);

// A name several files share gets the file's position appended ("ana #2").
void number_shared_names(std::vector<std::string>& names);

}  // namespace goldspan::cli
