// A document's cleaned title, description and body analysed once, for enrichment and for indexing alike.
#pragma once

#include <vector>

#include "analysis/analyzer.h"

namespace sonda::index {

// The words of a document's title, description and body, each as analysed from the field once cleaned
// (DocumentBuilder::analyse cleans them in place; offsets are into the cleaned fields).
struct AnalysedFields {
  std::vector<analysis::Token> title, description, body;
};

}  // namespace sonda::index
