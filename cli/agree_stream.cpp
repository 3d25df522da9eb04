#include "agree_stream.hpp"

#include <algorithm>
#include <tuple>

#include "agree/by_document.hpp"
#include "gold_stream.hpp"

namespace goldspan::cli {

AgreeStreamed agree_stream(const std::vector<std::string>& files, const AgreeStreamOptions& options, std::ostream& err) {
  GoldStreams streams(files, options.locale, "goldspan agree");
  const size_t n = files.size();
  AgreeAccumulator acc(streams.names(), options.per_label, options.per_doc);
  ClusterMentions clusters(n);
  std::vector<std::tuple<std::string, size_t, size_t>> missing;  // id, first file with it, file without
  size_t incomplete = 0;
  streams.each([&](const std::vector<const GoldLine*>& lines) {
    const size_t first = size_t(std::find_if(lines.begin(), lines.end(), [](const GoldLine* l) { return l; }) - lines.begin());
    AgreeDocument doc{lines[first]->id(), lines[first]->import.documents.front(), std::vector<const DocAnnotations*>(n),
                      std::vector<size_t>(n)};
    std::vector<DocAnnotations> held(n);
    for (size_t f = 0; f < n; ++f) {
      if (!lines[f]) {
        missing.emplace_back(doc.id, first, f);
        continue;
      }
      held[f] = ImportDocuments(lines[f]->import).annotations(0);
      doc.files[f] = &held[f];
      doc.lines[f] = lines[f]->number;
    }
    incomplete += std::find(doc.files.begin(), doc.files.end(), nullptr) != doc.files.end();
    acc.add(doc);
    clusters.add(doc);
  }, err);
  // As the whole file path words them, in its order (by document id).
  std::sort(missing.begin(), missing.end());
  for (const auto& [id, has, lacks] : missing)
    err << "goldspan agree: warning: " << files[lacks] << " lacks document '" << id << "' of " << files[has]
        << ": compared on the documents both have\n";
  if (incomplete)
    err << "goldspan agree: warning: unitizing alpha leaves out the " << incomplete
        << " document(s) some file lacks: it needs every annotator on the whole continuum\n";
  AgreeStreamed r;
  r.counts = acc.counts();
  r.figures = acc.json(clusters.json());
  for (size_t f = 0; f < n; ++f) r.figures["annotators"][f]["file"] = files[f];
  return r;
}

}  // namespace goldspan::cli
