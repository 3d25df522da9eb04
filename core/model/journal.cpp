#include "model/journal.hpp"

#include <nlohmann/json.hpp>

#include "error.hpp"

namespace goldspan {

namespace {

// What is being replayed is already in the journal: keep the history from writing it again.
class Quiet {
 public:
  explicit Quiet(History& h) : h_(h), sink_(h.journal()) { h_.set_journal(nullptr); }
  ~Quiet() { h_.set_journal(std::move(sink_)); }
  Quiet(const Quiet&) = delete;
  Quiet& operator=(const Quiet&) = delete;

 private:
  History& h_;
  History::JournalSink sink_;
};

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

void replay_journal_line(History& history, std::string_view line, size_t line_number) {
  if (blank(line)) return;
  const std::string where = "journal line " + std::to_string(line_number);
  if (history.in_group()) throw Error(where, "cannot replay while a group is open");
  nlohmann::json entry;
  try {
    entry = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(where, std::string("invalid JSON: ") + e.what());
  }
  Quiet quiet(history);
  try {
    const auto op = entry.is_object() ? entry.find("op") : entry.end();
    if (op != entry.end() && (*op == "undo" || *op == "redo")) {
      if (entry.size() != 1) throw Error("(entry)", "an undo or redo entry has no other keys");
      if (*op == "undo") history.undo();
      else history.redo();
    } else {
      history.execute(command_from_json(entry, nullptr, ""));
    }
  } catch (const Error& e) {
    throw Error(where, e.what());
  }
}

size_t replay_journal(History& history, std::string_view text, size_t first_line) {
  size_t applied = 0, number = first_line;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    if (!blank(line)) {
      replay_journal_line(history, line, number);
      ++applied;
    }
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
    ++number;
  }
  return applied;
}

}  // namespace goldspan
