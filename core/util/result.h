// Result<T> and Status: expected failures as values at module boundaries.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sonda {

// What kind of expected failure happened; callers map these to exit codes or HTTP statuses.
enum class ErrorCode {
  invalid_argument,
  not_found,
  too_large,
  unavailable,
  locked,
  io_error,
  corrupt,
  internal,
};

// A failure: a code and a message that is safe to show to the person who caused it.
struct Error {
  ErrorCode code;
  std::string message;
};

// A value or an Error (or another error type E, for adapters whose errors carry more).
template <typename T, typename E = Error>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(E error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const E& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

// Success or an Error, for operations that return nothing.
class Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}

  static Status success() { return Status(); }
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

}  // namespace sonda
