// ChildProcess: a command started in the background, so a test can kill it mid-run (kill -9).
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

namespace sonda::testing {

// Runs `/bin/sh -c command` with output discarded; killed and reaped when destroyed. With `own_group`,
// the command leads a process group of its own and kill() reaches everything it forked (xapian-tcpsrv
// serves each connection from a child process).
class ChildProcess {
 public:
  explicit ChildProcess(const std::string& command, bool own_group = false) : own_group_(own_group) {
    pid_ = fork();
    if (pid_ == 0) {
      if (own_group) setpgid(0, 0);
      execl("/bin/sh", "sh", "-c", ("exec " + command + " >/dev/null 2>&1").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    if (own_group && pid_ > 0) setpgid(pid_, pid_);  // also here: no window where kill() misses the group
  }
  ~ChildProcess() {
    if (pid_ > 0) {
      kill(SIGKILL);
      wait();
    }
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  void kill(int signal) const {
    if (pid_ > 0) ::kill(own_group_ ? -pid_ : pid_, signal);
  }

  // Waits for the end; the exit code, or -signal when killed.
  int wait() {
    if (pid_ <= 0) return status_;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    return status_;
  }

  // True while the process has not ended.
  bool running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == 0) return true;
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    return false;
  }

 private:
  bool own_group_ = false;
  pid_t pid_ = -1;
  int status_ = -1;
};

}  // namespace sonda::testing
