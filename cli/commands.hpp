#pragma once
// One function per `goldspan` subcommand. Each returns the process exit code; a goldspan::Error
// or filesystem error it lets through is reported by main (1, or 2 when it names an option).
#include <string>
#include <vector>

namespace goldspan::cli {

using Args = std::vector<std::string>;

int cmd_tokenize(const Args& args);
int cmd_validate(const Args& args);
int cmd_convert(const Args& args);
int cmd_stats(const Args& args);
int cmd_search(const Args& args);
int cmd_preannotate(const Args& args);
int cmd_agree(const Args& args);
int cmd_adjudicate(const Args& args);
int cmd_claims(const Args& args);

}  // namespace goldspan::cli
