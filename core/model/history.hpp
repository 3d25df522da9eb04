#pragma once
// History — runs commands on a Corpus with unlimited undo and redo, stamps them with the
// annotator and the time, and hands one journal line per step to a sink (autosave).
//
//   History h(corpus);
//   h.set_annotator("ana");
//   h.set_journal([&](const std::string& line) { autosave.append(line + "\n"); });
//   SpanId s = h.run<AddSpan>("harbor-a", "PERSON", std::vector<Range>{{12, 16}}).id();
//   h.run<SetAttribute>(s, "stance", "denied");   // throws goldspan::Error: PERSON has no stance
//   h.undo(); h.redo();
//
// Groups turn several commands into one undo step and one journal line (a "bulk" entry);
// each command is applied at once, so ids created inside a group can be used inside it:
//   h.begin_group("new cluster");
//   ClusterId c = h.run<CreateCluster>(SpanKind::Entity, "Askar Akayev").id();
//   h.run<AddMember>(c, s);
//   h.end_group();
// A group is journaled when it ends, so an unfinished group is not in the journal.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/commands.hpp"
#include "model/corpus.hpp"

namespace goldspan {

class History {
 public:
  explicit History(Corpus& corpus);

  Corpus& corpus() noexcept { return corpus_; }
  const Corpus& corpus() const noexcept { return corpus_; }

  void set_annotator(std::string name) { annotator_ = std::move(name); }
  const std::string& annotator() const noexcept { return annotator_; }
  // Milliseconds since the Unix epoch; the default reads the system clock.
  void set_clock(std::function<int64_t()> now_ms) { clock_ = std::move(now_ms); }
  // Receives one JSON line (no newline) after each completed step: a command, a group, an undo,
  // a redo. It should not throw: if it does, the step has happened but is not journaled.
  using JournalSink = std::function<void(const std::string& line)>;
  void set_journal(JournalSink sink) { journal_ = std::move(sink); }
  const JournalSink& journal() const noexcept { return journal_; }

  // Stamps `cmd` (unless it carries a stamp already, as journal entries do), applies it and
  // records it; clears the redo stack (inside a group: when the group ends). Throws Error from apply with nothing changed. Returns the
  // command, owned by the history (valid until the history drops it).
  Command& execute(std::unique_ptr<Command> cmd);
  template <class C, class... Args>
  C& run(Args&&... args) {
    return static_cast<C&>(execute(std::make_unique<C>(std::forward<Args>(args)...)));
  }

  // While a reason is set, every new step (execute, undo, redo, begin_group) throws
  // Error("read-only", reason) with nothing changed: another writer owns the journal (a second
  // browser tab), and a step made here could not be saved. Empty = writable (the default).
  void set_read_only(std::string reason) { read_only_ = std::move(reason); }
  const std::string& read_only() const noexcept { return read_only_; }

  bool can_undo() const noexcept { return !undo_.empty() && !group_; }
  bool can_redo() const noexcept { return !redo_.empty() && !group_; }
  size_t undo_size() const noexcept { return undo_.size(); }
  size_t redo_size() const noexcept { return redo_.size(); }
  // The steps that undo would revert, oldest first (the adjudication view reads its choices'
  // labelled bulks here, so that undo and redo of a choice reopen and settle it).
  const std::vector<std::unique_ptr<Command>>& undo_stack() const noexcept { return undo_; }
  const Command* next_undo() const noexcept { return undo_.empty() ? nullptr : undo_.back().get(); }
  const Command* next_redo() const noexcept { return redo_.empty() ? nullptr : redo_.back().get(); }
  // Throw Error when there is nothing to undo or redo, or a group is open.
  void undo();
  void redo();

  // Groups nest; only the outermost end_group records the step. An empty group records nothing.
  void begin_group(std::string label);
  void end_group();
  // Reverts what the open group did, id counters included, and closes it (all levels).
  void cancel_group();
  bool in_group() const noexcept { return group_ != nullptr; }

 private:
  void emit(const std::string& line);
  void check_writable() const;

  Corpus& corpus_;
  std::string annotator_;
  std::function<int64_t()> clock_;
  JournalSink journal_;
  std::vector<std::unique_ptr<Command>> undo_, redo_;
  std::unique_ptr<Bulk> group_;
  int group_depth_ = 0;
  std::string read_only_;
  Corpus::Counters group_counters_;
};

}  // namespace goldspan
