#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace meibo::test {

/// A fresh folder under $TMPDIR, removed with everything in it when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

std::vector<std::uint8_t> readBytes(const std::string& path);
void writeBytes(const std::string& path, const std::vector<std::uint8_t>& bytes);
void writeText(const std::string& path, const std::string& text);
bool exists(const std::string& path);
/// True when `needle` occurs anywhere in `haystack`.
bool contains(const std::vector<std::uint8_t>& haystack, const std::string& needle);

/// Runs `fn` in a forked child and returns what it wrote to the pipe it was given (and its status).
struct ChildResult {
    int status = -1;
    std::string output;
};
ChildResult runInChild(const std::function<void(int writeFd)>& fn);

} // namespace meibo::test

namespace meibo::test {
/// Runs a program with arguments, feeding `input` on stdin; captures exit status, stdout, stderr.
struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& input = {},
                         const std::vector<std::string>& extraEnv = {});
} // namespace meibo::test
