// A synonym file kept current while serving: re-read when it changes; a bad change keeps the groups before.
#include "search/synonym_file.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace sonda::search {
namespace {
constexpr std::streamsize kMaxFileBytes = 64 << 20;
}  // namespace

Result<std::unique_ptr<SynonymFile>> SynonymFile::open(std::string path, Log log,
                                                       std::chrono::milliseconds check_interval) {
  std::unique_ptr<SynonymFile> file(new SynonymFile(std::move(path), std::move(log), check_interval));
  file->stamp_ = file->stamp();
  auto groups = file->read();
  if (!groups) return groups.error();
  file->groups_ = std::move(*groups);
  file->checked_ = std::chrono::steady_clock::now();
  return file;
}

std::string SynonymFile::stamp() const {
  struct stat status {};
  if (::stat(path_.c_str(), &status) != 0) return {};
  return std::to_string(status.st_size) + ":" + std::to_string(status.st_mtim.tv_sec) + "." +
         std::to_string(status.st_mtim.tv_nsec);
}

Result<std::shared_ptr<const query::Synonyms>> SynonymFile::read() {
  std::ifstream in(path_, std::ios::binary);
  if (!in) return Error{ErrorCode::not_found, path_ + ": cannot read the synonym file"};
  std::string text(kMaxFileBytes + 1, '\0');
  in.read(text.data(), kMaxFileBytes + 1);
  text.resize(static_cast<size_t>(in.gcount()));
  if (static_cast<std::streamsize>(text.size()) > kMaxFileBytes)
    return Error{ErrorCode::too_large, path_ + ": a synonym file of more than 64 MiB"};
  auto parsed = query::Synonyms::parse(text, analyzer_);
  if (!parsed) return Error{parsed.error().code, path_ + ": " + parsed.error().message};
  return std::make_shared<const query::Synonyms>(std::move(*parsed));
}

void SynonymFile::check() {
  auto now = std::chrono::steady_clock::now();
  if (now - checked_ < check_interval_) return;
  checked_ = now;
  std::string stamp_now = stamp();
  if (stamp_now == stamp_) return;
  stamp_ = stamp_now;
  auto groups = read();
  if (!groups) {
    if (log_) log_("synonyms not reloaded, the previous groups stay: " + groups.error().message);
    return;
  }
  groups_ = std::move(*groups);
  ++generation_;
  if (log_) log_("synonyms reloaded from " + path_ + ": " + std::to_string(groups_->groups()) + " groups");
}

std::shared_ptr<const query::Synonyms> SynonymFile::current() {
  std::lock_guard lock(mutex_);
  check();
  return groups_;
}

unsigned long SynonymFile::generation() {
  std::lock_guard lock(mutex_);
  check();
  return generation_;
}

}  // namespace sonda::search
