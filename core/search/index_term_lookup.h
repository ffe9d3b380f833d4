// TermLookup over a Xapian database: accented forms from the schema's XA terms.
#pragma once

#include <xapian.h>

#include "query/term_lookup.h"

namespace sonda::search {

// Reads "XA<folded>:<accented>" terms; works on local, sharded and remote databases alike.
class IndexTermLookup : public query::TermLookup {
 public:
  explicit IndexTermLookup(const Xapian::Database& database) : database_(database) {}

  std::vector<std::string> accented_forms(std::string_view folded) const override;

  // The accented form most documents use for `folded`, or `folded` itself when none is recorded.
  std::string display_form(std::string_view folded) const;

 private:
  const Xapian::Database& database_;
};

}  // namespace sonda::search
