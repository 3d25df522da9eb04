#include "model/history.hpp"

#include <chrono>

#include "error.hpp"

namespace goldspan {

History::History(Corpus& corpus) : corpus_(corpus) {
  clock_ = [] {
    using namespace std::chrono;
    return int64_t(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
  };
}

void History::emit(const std::string& line) {
  if (journal_) journal_(line);
}

Command& History::execute(std::unique_ptr<Command> cmd) {
  if (!cmd) throw Error("execute", "no command");
  check_writable();
  if (!cmd->stamped()) cmd->set_stamp(Stamp{annotator_, clock_ ? clock_() : 0});
  cmd->apply(corpus_);
  Command& done = *cmd;
  if (group_) {  // the redo stack goes when the group ends: a cancelled group leaves it valid
    group_->add(std::move(cmd));
    return done;
  }
  redo_.clear();
  undo_.push_back(std::move(cmd));
  if (journal_) emit(journal_line(done));
  return done;
}

void History::check_writable() const {
  if (!read_only_.empty()) throw Error("read-only", read_only_);
}

void History::undo() {
  check_writable();
  if (group_) throw Error("undo", "a group is open");
  if (undo_.empty()) throw Error("undo", "nothing to undo");
  undo_.back()->revert(corpus_);
  redo_.push_back(std::move(undo_.back()));
  undo_.pop_back();
  emit(R"({"op":"undo"})");
}

void History::redo() {
  check_writable();
  if (group_) throw Error("redo", "a group is open");
  if (redo_.empty()) throw Error("redo", "nothing to redo");
  redo_.back()->apply(corpus_);
  undo_.push_back(std::move(redo_.back()));
  redo_.pop_back();
  emit(R"({"op":"redo"})");
}

void History::begin_group(std::string label) {
  check_writable();
  if (group_depth_++ > 0) return;
  group_ = std::make_unique<Bulk>(std::move(label));
  group_counters_ = corpus_.next_;
}

void History::end_group() {
  if (group_depth_ == 0) throw Error("end_group", "no group is open");
  if (--group_depth_ > 0) return;
  std::unique_ptr<Bulk> bulk = std::move(group_);
  if (bulk->cmds_.empty()) return;
  // Children keep their own stamps; the bulk's is the first one's so that most children
  // inherit it in the journal.
  bulk->Command::set_stamp(bulk->cmds_.front()->stamp());
  const std::string line = journal_ ? journal_line(*bulk) : std::string();
  redo_.clear();
  undo_.push_back(std::move(bulk));
  emit(line);
}

void History::cancel_group() {
  if (group_depth_ == 0) throw Error("cancel_group", "no group is open");
  std::unique_ptr<Bulk> bulk = std::move(group_);
  group_depth_ = 0;
  for (size_t i = bulk->cmds_.size(); i > 0; --i) bulk->cmds_[i - 1]->revert(corpus_);
  corpus_.next_ = group_counters_;  // never journaled, so a replay would not take these ids
}

}  // namespace goldspan
