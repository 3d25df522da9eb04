#pragma once
// The journal — an append-only log of edits, one JSON object per line (JSON Lines), written by
// History after every step through its sink (format in docs/model.md). Replaying a journal over
// the same initial state (schema and documents, no spans) through a fresh History reproduces
// the exact state, undo and redo stacks included, because undo and redo are entries too.
#include <cstddef>
#include <string_view>

#include "model/history.hpp"

namespace goldspan {

// Applies one line (with the stamps it carries; nothing is journaled again). A blank line is
// ignored. Throws Error("journal line N", ...) when the line is malformed or does not fit the
// state, leaving corpus and history exactly as they were.
void replay_journal_line(History& history, std::string_view line, size_t line_number);

// Applies every line of `text` in order. On the first bad line throws as above: the lines
// before it stay applied, the bad one and those after it are not. Returns the number of entries
// applied. `first_line` numbers the first line of `text` (to resume a partly read file).
size_t replay_journal(History& history, std::string_view text, size_t first_line = 1);

}  // namespace goldspan
