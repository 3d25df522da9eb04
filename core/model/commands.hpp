#pragma once
// Commands — every edit of a Corpus is an object with apply() and revert() (ImHex style), so
// that History can undo and redo without limit and journal each step.
//
// Rules every command keeps:
//  - apply() is atomic: it checks everything first and either succeeds completely or throws
//    goldspan::Error leaving the corpus unchanged (id counters and revision included).
//  - revert() exactly undoes the last apply() on the state that apply() left; applying again
//    (redo) reproduces that state exactly, with the same ids and timestamps.
//  - An edit that would change nothing is an error, so every history step is a change.
//  - write() gives the journal fields; after the first apply they include the id the edit
//    created, so a replay checks that the corpus assigns the same one.
// Removing a span also removes its relations, claim links and cluster membership; deleting a
// cluster also removes its links. Revert restores them.
//
// [SECTION] Spans        AddSpan, RemoveSpan, RelabelSpan, ResizeSpan, SetAttribute
// [SECTION] Relations    AddRelation, RemoveRelation
// [SECTION] Clusters     CreateCluster, DeleteCluster, RenameCluster, AddMember, RemoveMember
// [SECTION] Claim links  AddLink, RemoveLink
// [SECTION] Suggestions  AddSuggestions, AcceptSuggestion, RejectSuggestion
// [SECTION] Bulk
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/corpus.hpp"
#include "model/span.hpp"

namespace goldspan {

class JsonWriter;  // model/json_text.hpp

// Who made an edit and when (ms since the Unix epoch). Set by History from its annotator and
// clock; kept as read when a command comes from a journal.
struct Stamp {
  std::string annotator;
  int64_t time = 0;
  friend bool operator==(const Stamp& a, const Stamp& b) { return a.annotator == b.annotator && a.time == b.time; }
};

class Command {
 public:
  virtual ~Command() = default;
  virtual void apply(Corpus& corpus) = 0;
  virtual void revert(Corpus& corpus) = 0;
  virtual const char* op() const noexcept = 0;  // the journal's "op"
  // The journal fields besides "op", "by" and "t".
  virtual void write(JsonWriter& out) const = 0;

  const Stamp& stamp() const noexcept { return stamp_; }
  bool stamped() const noexcept { return stamped_; }
  virtual void set_stamp(const Stamp& s);

 protected:
  // For edits that create a record: takes the next id on the first apply (checking it against
  // the one read from a journal, if any) and the same one on every redo.
  uint32_t take_id(uint32_t& counter, char prefix, const char* where);
  // After a failed bulk put the counters back: the next apply takes the same ids again.
  virtual void rearm_ids() noexcept { fresh_ = true; }

  Stamp stamp_;
  bool stamped_ = false;
  uint32_t new_id_ = 0;
  bool fresh_ = true;

  friend class Bulk;
  friend std::unique_ptr<Command> command_from_json(const nlohmann::json&, const Stamp*, const std::string&);
};

// Reads one journal entry (without "undo"/"redo", which History handles). `inherited` is the
// enclosing bulk's stamp: nested entries may omit "by" and "t". Throws Error naming the path.
std::unique_ptr<Command> command_from_json(const nlohmann::json& entry, const Stamp* inherited, const std::string& path);
// The journal line of a command: {"op":…, its fields, "by":…, "t":…}, without a newline.
std::string journal_line(const Command& cmd);

// [SECTION] Spans
class AddSpan final : public Command {
 public:
  AddSpan(std::string doc, std::string type, std::vector<Range> fragments, EdgeMode mode = EdgeMode::Token);
  SpanId id() const noexcept { return new_id_; }  // 0 before the first apply
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "add_span"; }
  void write(JsonWriter& out) const override;

 private:
  std::string doc_, type_;
  std::vector<Range> frags_;  // as resolved by the first apply
  EdgeMode mode_;
};

class RemoveSpan final : public Command {
 public:
  explicit RemoveSpan(SpanId id) : id_(id) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "remove_span"; }
  void write(JsonWriter& out) const override;

 private:
  SpanId id_;
  Span saved_;
  std::vector<Relation> relations_;
  std::vector<Link> links_;
  ClusterId cluster_ = 0;
};

class RelabelSpan final : public Command {
 public:
  RelabelSpan(SpanId id, std::string type) : id_(id), type_(std::move(type)) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "relabel_span"; }
  void write(JsonWriter& out) const override;

 private:
  SpanId id_;
  std::string type_;
  uint16_t old_type_ = 0;
  std::vector<AttributeValue> old_attributes_;  // those the new type lacks are dropped
  int64_t old_modified_ = 0;
};

class ResizeSpan final : public Command {
 public:
  ResizeSpan(SpanId id, std::vector<Range> fragments, EdgeMode mode = EdgeMode::Token)
      : id_(id), frags_(std::move(fragments)), mode_(mode) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "resize_span"; }
  void write(JsonWriter& out) const override;

 private:
  SpanId id_;
  std::vector<Range> frags_;
  EdgeMode mode_;
  Fragments old_;
  int64_t old_modified_ = 0;
};

// value nullopt unsets the attribute.
class SetAttribute final : public Command {
 public:
  SetAttribute(SpanId id, std::string name, std::optional<std::string> value)
      : id_(id), name_(std::move(name)), value_(std::move(value)) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "set_attribute"; }
  void write(JsonWriter& out) const override;

 private:
  SpanId id_;
  std::string name_;
  std::optional<std::string> value_;
  std::vector<AttributeValue> old_;
  int64_t old_modified_ = 0;
};

// [SECTION] Relations (typed, between two spans of one document, checked against the schema)
class AddRelation final : public Command {
 public:
  AddRelation(std::string type, SpanId source, SpanId target) : type_(std::move(type)), source_(source), target_(target) {}
  RelationId id() const noexcept { return new_id_; }
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "add_relation"; }
  void write(JsonWriter& out) const override;

 private:
  std::string type_;
  SpanId source_, target_;
};

class RemoveRelation final : public Command {
 public:
  explicit RemoveRelation(RelationId id) : id_(id) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "remove_relation"; }
  void write(JsonWriter& out) const override;

 private:
  RelationId id_;
  Relation saved_;
};

// [SECTION] Clusters (entity or claim mentions across documents)
class CreateCluster final : public Command {
 public:
  CreateCluster(SpanKind kind, std::string name) : kind_(kind), name_(std::move(name)) {}
  ClusterId id() const noexcept { return new_id_; }
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "create_cluster"; }
  void write(JsonWriter& out) const override;

 private:
  SpanKind kind_;
  std::string name_;
};

class DeleteCluster final : public Command {
 public:
  explicit DeleteCluster(ClusterId id) : id_(id) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "delete_cluster"; }
  void write(JsonWriter& out) const override;

 private:
  ClusterId id_;
  Cluster saved_;
  std::vector<Link> links_;
};

class RenameCluster final : public Command {
 public:
  RenameCluster(ClusterId id, std::string name) : id_(id), name_(std::move(name)) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "rename_cluster"; }
  void write(JsonWriter& out) const override;

 private:
  ClusterId id_;
  std::string name_, old_;
};

class AddMember final : public Command {
 public:
  AddMember(ClusterId cluster, SpanId span) : cluster_(cluster), span_(span) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "add_member"; }
  void write(JsonWriter& out) const override;

 private:
  ClusterId cluster_;
  SpanId span_;
};

class RemoveMember final : public Command {
 public:
  RemoveMember(ClusterId cluster, SpanId span) : cluster_(cluster), span_(span) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "remove_member"; }
  void write(JsonWriter& out) const override;

 private:
  ClusterId cluster_;
  SpanId span_;
};

// [SECTION] Claim links (same, supports, ...: between claim spans and/or claim clusters)
class AddLink final : public Command {
 public:
  AddLink(std::string type, Ref source, Ref target) : type_(std::move(type)), source_(source), target_(target) {}
  LinkId id() const noexcept { return new_id_; }
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "add_link"; }
  void write(JsonWriter& out) const override;

 private:
  std::string type_;
  Ref source_, target_;
};

class RemoveLink final : public Command {
 public:
  explicit RemoveLink(LinkId id) : id_(id) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "remove_link"; }
  void write(JsonWriter& out) const override;

 private:
  LinkId id_;
  Link saved_;
};

// [SECTION] Suggestions (proposed spans; see Corpus)
// Adds many suggestions as one step, from one source ("dict:places.tsv", "predictions:x.json").
// All or nothing: an item out of range, with an unknown type, or cutting a grapheme cluster is
// an error naming its index. Edges are widened to tokens like AddSpan's token mode on the first
// apply; ids are consecutive from the counter.
class AddSuggestions final : public Command {
 public:
  struct Item {
    std::string doc, type;
    std::vector<Range> fragments;
  };
  AddSuggestions(std::string source, std::vector<Item> items, EdgeMode mode = EdgeMode::Token)
      : source_(std::move(source)), items_(std::move(items)), mode_(mode) {}
  SuggestionId first_id() const noexcept { return new_id_; }
  size_t size() const noexcept { return items_.size(); }
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "add_suggestions"; }
  void write(JsonWriter& out) const override;

 private:
  std::string source_;
  std::vector<Item> items_;
  EdgeMode mode_;
};

// Turns a suggestion into an ordinary span (stamped with whoever accepts it) and removes the
// suggestion; refused, with nothing changed, when the span would break the schema's overlap
// rules or an identical span exists.
class AcceptSuggestion final : public Command {
 public:
  explicit AcceptSuggestion(SuggestionId id) : id_(id) {}
  SuggestionId suggestion() const noexcept { return id_; }
  SpanId span() const noexcept { return new_id_; }
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "accept_suggestion"; }
  void write(JsonWriter& out) const override;

 private:
  SuggestionId id_;
  Suggestion saved_;
};

class RejectSuggestion final : public Command {
 public:
  explicit RejectSuggestion(SuggestionId id) : id_(id) {}
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "reject_suggestion"; }
  void write(JsonWriter& out) const override;

 private:
  SuggestionId id_;
  Suggestion saved_;
};

// [SECTION] Bulk: several commands as one step. Applied in order; if one fails, those before
// it are reverted and the corpus is as it was.
class Bulk final : public Command {
 public:
  explicit Bulk(std::string label = "") : label_(std::move(label)) {}
  void add(std::unique_ptr<Command> cmd) { cmds_.push_back(std::move(cmd)); }
  const std::vector<std::unique_ptr<Command>>& commands() const noexcept { return cmds_; }
  const std::string& label() const noexcept { return label_; }
  void apply(Corpus& c) override;
  void revert(Corpus& c) override;
  const char* op() const noexcept override { return "bulk"; }
  void write(JsonWriter& out) const override;
  void set_stamp(const Stamp& s) override;  // also stamps children that have none

 private:
  void rearm_ids() noexcept override;
  friend class History;  // builds a bulk from a group's already applied commands
  std::string label_;
  std::vector<std::unique_ptr<Command>> cmds_;
};

}  // namespace goldspan
