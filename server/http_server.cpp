// The one place that knows cpp-httplib: sockets, threads and timeouts in front of the Api.
#include "server/http_server.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cctype>
#include <cerrno>

#include "server/connection_queue.h"
#include "server/response_codec.h"

namespace sonda::server {
namespace {

// Why a request's framing or headers are refused, or "" when they are fine. A proxy and this server must
// never frame one request two ways (RFC 9112 §6.3), so anything that two parsers could read differently is
// refused: a repeated Content-Length, Content-Length with Transfer-Encoding, a coding other than chunked,
// a header name with a space (before its colon) or a control byte, a value with a control byte.
std::string framing_problem(const httplib::Request& request) {
  if (request.headers.count("Content-Length") > 1) return "repeated Content-Length";
  if (request.has_header("Transfer-Encoding")) {
    if (request.has_header("Content-Length")) return "Content-Length with Transfer-Encoding";
    if (request.headers.count("Transfer-Encoding") > 1 ||
        request.get_header_value("Transfer-Encoding") != "chunked")
      return "a Transfer-Encoding other than chunked";
  }
  for (const auto& [name, value] : request.headers) {
    for (unsigned char c : name)
      if (c <= ' ' || c == 0x7F) return "a header name with a space or a control byte";
    for (unsigned char c : value)
      if ((c < ' ' && c != '\t') || c == 0x7F) return "a header value with a control byte";
  }
  return {};
}

// True when the headers of `request` exceed the count or the bytes `config` allows.
bool headers_too_large(const httplib::Request& request, const ListenConfig& config) {
  size_t count = 0, bytes = 0;
  for (const auto& [name, value] : request.headers) {
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT")
      continue;  // cpp-httplib's own
    ++count;
    bytes += name.size() + value.size() + 4;  // ": " and CRLF
  }
  return count > config.max_header_count || bytes > config.max_header_bytes;
}

// Ends the connection `request` came on, its answer written: cpp-httplib 0.11 keeps a connection open
// whatever the response says, and gives a handler no socket, so the socket is the one whose peer is the
// request's; shutting its reading side drops whatever the client sent after the request, and the server
// closes the connection when it next reads.
void close_after_answer(const httplib::Request& request, int port) {
  for (int fd = 0; fd < 65536; ++fd) {
    sockaddr_storage peer{}, local{};
    socklen_t peer_size = sizeof peer, local_size = sizeof local;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) {
      if (errno == EBADF && fd > 1024) break;  // past the open descriptors
      continue;
    }
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) continue;
    char host[INET6_ADDRSTRLEN] = {};
    int peer_port = 0, local_port = 0;
    if (peer.ss_family == AF_INET) {
      auto* in = reinterpret_cast<sockaddr_in*>(&peer);
      ::inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
      peer_port = ntohs(in->sin_port);
      local_port = ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port);
    } else if (peer.ss_family == AF_INET6) {
      auto* in = reinterpret_cast<sockaddr_in6*>(&peer);
      ::inet_ntop(AF_INET6, &in->sin6_addr, host, sizeof host);
      peer_port = ntohs(in->sin6_port);
      local_port = ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port);
    } else {
      continue;
    }
    if (peer_port == request.remote_port && local_port == port && request.remote_addr == host) {
      ::shutdown(fd, SHUT_RD);
      return;
    }
  }
}

HttpRequest convert(const httplib::Request& in) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  for (const auto& [name, value] : in.params) out.params.emplace_back(name, value);
  out.body = in.body;
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[lower] = value;
  }
  return out;
}

void write(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
  if (from.stream) {
    auto stream = from.stream;
    to.set_chunked_content_provider(from.content_type, [stream](size_t, httplib::DataSink& sink) {
      stream([&sink](std::string_view piece) {
        return piece.empty() || sink.write(piece.data(), piece.size());
      });
      sink.done();
      return true;
    });
    return;
  }
  if (!from.content_type.empty()) to.set_content(from.body, from.content_type.c_str());
}

}  // namespace

HttpServer::HttpServer(Api& api, ListenConfig config)
    : api_(api), config_(std::move(config)), server_(std::make_unique<httplib::Server>()) {
  size_t threads = config_.threads ? config_.threads : 1;
  size_t waiting = config_.max_waiting;
  server_->new_task_queue = [threads, waiting] { return new ConnectionQueue(threads, waiting); };
  server_->set_socket_options([this](int socket) {
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = socket;  // its backlog is raised after bind: cpp-httplib 0.11 listens with 5
  });
  server_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (std::string problem = framing_problem(request); !problem.empty()) {
      write(api_.transport_error(request.path, 400, "bad_request", "malformed request: " + problem),
            response);
      response.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (headers_too_large(request, config_)) {
      write(api_.transport_error(request.path, 431, "request_header_fields_too_large",
                                 "too many headers, or too long ones"),
            response);
      response.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.method == "TRACE" || request.method == "CONNECT") {  // cpp-httplib routes neither
      write(api_.handle(convert(request)), response);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!rejecting_on_this_thread()) return httplib::Server::HandlerResponse::Unhandled;
    write(
        api_.transport_error(request.path, 503, "overloaded", "too many connections; try again in a second"),
        response);
    response.set_header("Retry-After", "1");
    response.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
  });
  // Called once the answer is written: one that says `Connection: close` ends its connection (cpp-httplib
  // closes it by itself when the client asked to, so no socket is looked for then).
  server_->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    if (response.get_header_value("Connection") == "close" &&
        request.get_header_value("Connection") != "close")
      close_after_answer(request, port_);
  });
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(config_.max_requests_per_connection);
  server_->set_keep_alive_timeout(config_.keep_alive_seconds);
  server_->set_read_timeout(config_.read_timeout_seconds, 0);
  server_->set_write_timeout(config_.write_timeout_seconds, 0);
  server_->set_payload_max_length(config_.max_body_bytes);
  auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    write(api_.handle(convert(request)), response);
  };
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Options(".*", handler);
  server_->Put(".*", handler);  // the Api answers 405 with Allow on its routes, 404 elsewhere
  server_->Patch(".*", handler);
  server_->Delete(".*", handler);
  server_->set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    int status = response.status;
    HttpResponse error =
        status == 413
            ? api_.transport_error(request.path, 413, "payload_too_large", "the request body is too large")
        : status == 404 ? api_.transport_error(request.path, 404, "not_found", "no such route")
        : status == 414 ? api_.transport_error(request.path, 414, "uri_too_long",
                                               "the request line is too long (use POST /search)")
                        : api_.transport_error(request.path, status, "bad_request", "bad request");
    write(error, response);
  });
  server_->set_exception_handler([this](const httplib::Request& request, httplib::Response& response,
                                        std::exception_ptr) {
    write(api_.transport_error(request.path, 503, "search_unavailable", "the request could not be completed"),
          response);
  });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
  int port = config_.port == 0 ? server_->bind_to_any_port(config_.host)
                               : (server_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
  if (port > 0 && listen_socket_ >= 0) ::listen(listen_socket_, config_.listen_backlog);
  port_ = port;
  return port;
}

bool HttpServer::listen() {
  return server_->listen_after_bind();
}

void HttpServer::stop() {
  server_->stop();
}

}  // namespace sonda::server
