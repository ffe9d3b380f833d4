// The one place that knows cpp-httplib: sockets, threads and timeouts in front of the Api.
#include "server/http_server.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cctype>
#include <cerrno>

#include "server/connection_hub.h"
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

// How long a serving thread waits on its connection for the next request before giving it to the hub.
constexpr std::chrono::milliseconds kLinger{1};

// Set by the logger once an answer saying `Connection: close` is written: the connection then ends.
thread_local bool close_after_answer = false;

// The reason phrase of the statuses the connection hub answers itself.
const char* reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

// `response` as the bytes of a whole HTTP/1.1 answer that closes its connection.
std::string raw_answer(const HttpResponse& response) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) + "\r\n";
  for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
  out += "Content-Type: " + response.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\nConnection: close\r\n\r\n";
  return out + response.body;
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

// Runs a task on the thread that hands it over: cpp-httplib's accepting thread gives each accepted socket
// straight to the connection hub.
class InlineTasks : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> task) override { task(); }
  void shutdown() override {}
};

}  // namespace

// cpp-httplib's server with the connection loop replaced: an accepted socket goes to the connection hub,
// and a serving thread answers one whole request at a time through cpp-httplib's request processing.
class HttplibServer : public httplib::Server {
 public:
  explicit HttplibServer(std::function<void(int)> adopt) : adopt_(std::move(adopt)) {
    new_task_queue = [] { return new InlineTasks; };
  }
  // Reads one request from `stream` and answers it; false when nothing could be read or written.
  bool answer(httplib::Stream& stream, bool last, bool& client_closes) {
    return process_request(stream, last, client_closes, nullptr);
  }

 private:
  bool process_and_close_socket(socket_t socket) override {
    adopt_(socket);
    return true;
  }
  std::function<void(int)> adopt_;
};

HttpServer::HttpServer(Api& api, ListenConfig config)
    : api_(api),
      config_(std::move(config)),
      server_(std::make_unique<HttplibServer>([this](int socket) { hub_->adopt(socket); })),
      queue_(std::make_unique<ConnectionQueue>(config_.threads ? config_.threads : 1, config_.max_waiting)) {
  HubLimits limits;
  limits.head.max_header_count = config_.max_header_count;
  limits.head.max_header_bytes = config_.max_header_bytes;
  limits.max_body_bytes = config_.max_body_bytes;
  limits.keep_alive = std::chrono::seconds(config_.keep_alive_seconds);
  limits.request_timeout = std::chrono::seconds(config_.read_timeout_seconds);
  limits.max_connections = config_.max_connections;
  hub_ = std::make_unique<ConnectionHub>(
      limits,
      [this](std::shared_ptr<Connection> connection) {
        queue_->enqueue([this, connection]() mutable { serve(std::move(connection)); });
      },
      [this](int status, const std::string& code, const std::string& message, const std::string& path) {
        HttpResponse refusal = api_.transport_error(path, status, code, message);
        if (status == 503) refusal.headers.emplace_back("Retry-After", "1");
        return raw_answer(refusal);
      });
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
  // Called once the answer is written: one that says `Connection: close` ends its connection.
  server_->set_logger([](const httplib::Request&, const httplib::Response& response) {
    if (response.get_header_value("Connection") == "close") close_after_answer = true;
  });
  server_->set_tcp_nodelay(true);
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
    if (status != 404) response.set_header("Connection", "close");  // what follows may not be a request
  });
  server_->set_exception_handler([this](const httplib::Request& request, httplib::Response& response,
                                        std::exception_ptr) {
    write(api_.transport_error(request.path, 503, "search_unavailable", "the request could not be completed"),
          response);
  });
}

HttpServer::~HttpServer() {
  hub_->stop();
  queue_->shutdown();
}

void HttpServer::serve(std::shared_ptr<Connection> connection) {
  while (true) {
    bool last = ++connection->requests >= config_.max_requests_per_connection;
    bool client_closes = false;
    close_after_answer = false;
    bool answered;
    {
      ConnectionStream stream(
          *connection, ConnectionStream::Clock::now() + std::chrono::seconds(config_.read_timeout_seconds),
          std::chrono::seconds(config_.write_timeout_seconds));
      answered = server_->answer(stream, last, client_closes);
    }
    if (!answered || client_closes || last || close_after_answer || rejecting_on_this_thread()) return;
    // A keep-alive client usually sends its next request within a fraction of a millisecond: waiting
    // that long here, while another thread is free, saves two hand-overs through the hub.
    if (!hub_->holds_whole_request(*connection) &&
        !(queue_->has_idle_thread() && connection->receive_within(kLinger) &&
          hub_->holds_whole_request(*connection)))
      return hub_->give_back(std::move(connection));
  }
}

int HttpServer::bind() {
  int port = config_.port == 0 ? server_->bind_to_any_port(config_.host)
                               : (server_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
  if (port > 0 && listen_socket_ >= 0) ::listen(listen_socket_, config_.listen_backlog);
  port_ = port;
  return port;
}

bool HttpServer::listen() {
  bool served = server_->listen_after_bind();
  hub_->stop();
  queue_->shutdown();
  return served;
}

void HttpServer::stop() {
  server_->stop();
}

}  // namespace sonda::server
