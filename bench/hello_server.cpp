// sonda-hello-server: the HTTP stack's ceiling, a cpp-httplib handler that answers a constant, configured
// like sonda-serve (thread pool, TCP_NODELAY, keep-alive), for wrk to compare /search against.
//
//   sonda-hello-server PORT [THREADS]
#include <httplib.h>

#include <cstdlib>

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 18090;
  size_t threads = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 64;
  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(2);
  server.Get("/hello", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("{\"hello\":\"world\"}", "application/json");
  });
  return server.listen("127.0.0.1", port) ? 0 : 1;
}
