// The canonical text of a search request: what caches key its answers by.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "search/search_request.h"

namespace sonda::search {

// Appends fields to a key, each self-delimiting (a number ends with ';', a text is its length then ':'), so
// no value can pass for the next field. For request_key and the keys front ends add to it.
class KeyWriter {
 public:
  explicit KeyWriter(std::string& out) : out_(out) {}

  void text(std::string_view value);
  void number(long long value);
  void real(double value);
  void flag(bool value) { out_ += value ? '1' : '0'; }
  void texts(const std::vector<std::string>& values);
  template <typename T>
  void maybe(const std::optional<T>& value) {
    flag(value.has_value());
    if (!value) return;
    if constexpr (std::is_floating_point_v<T>) {
      real(*value);
    } else {
      number(*value);
    }
  }

 private:
  std::string& out_;
};

// A text two requests share exactly when every field that shapes their answer is equal, whatever syntax
// they were written in (GET parameters in any order, a POST body, defaults left out or spelled out).
// Strings are length-prefixed, so no value can pass for another field.
std::string request_key(const SearchRequest& request);

}  // namespace sonda::search
