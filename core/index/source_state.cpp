// What the indexer remembers about each source file, stored in the database with its documents.
#include "index/source_state.h"

#include <charconv>
#include <vector>

#include "util/hash.h"

namespace sonda::index {
namespace {

constexpr std::string_view kVersion = "sonda-source-1";
constexpr size_t kMaxKeyBytes = 200;

std::vector<std::string_view> split_nul(std::string_view value) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t end = value.find('\0');
    parts.push_back(value.substr(0, end));
    if (end == std::string_view::npos) return parts;
    value.remove_prefix(end + 1);
  }
}

}  // namespace

std::string encode_source_state(const SourceState& state) {
  std::string out(kVersion);
  for (std::string_view part :
       {std::string_view(state.root), std::string_view(state.path), std::string_view(state.stamp)}) {
    out.push_back('\0');
    out.append(part);
  }
  out.push_back('\0');
  out.append(to_hex(state.content_hash));
  return out;
}

std::optional<SourceState> decode_source_state(std::string_view value) {
  std::vector<std::string_view> parts = split_nul(value);
  if (parts.size() != 5 || parts[0] != kVersion || parts[4].size() != 16) return std::nullopt;
  SourceState state{std::string(parts[1]), std::string(parts[2]), std::string(parts[3]), 0};
  auto [end, ec] = std::from_chars(parts[4].data(), parts[4].data() + 16, state.content_hash, 16);
  if (ec != std::errc() || end != parts[4].data() + 16) return std::nullopt;
  return state;
}

std::string source_state_key(std::string_view path) {
  std::string key(kSourceStateKeyPrefix);
  if (key.size() + path.size() <= kMaxKeyBytes) return key.append(path);
  return key.append("#").append(to_hex(fnv1a(path)));
}

}  // namespace sonda::index
