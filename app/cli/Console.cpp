#include "Console.h"

#include "meibo/core/Files.h"

#include "meibo/core/RosterFields.h"

#include "meibo/core/Error.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace meibo::cli {

namespace {
void chompLine(std::string& line)
{
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
}
} // namespace

std::string readFirstLine(const std::string& path, const char* what, const char* whatJa)
{
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        core::throwUnreadable(path, std::string("the ") + what + " file", std::string(whatJa) + "のファイル");
    std::string line;
    std::getline(in, line);
    chompLine(line);
    if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
        line.erase(0, 3); // a BOM from a Windows editor is not part of the passphrase
    return line;
}

bool stdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }

std::optional<std::string> readStdinLine()
{
    std::string line;
    if (!std::getline(std::cin, line) && line.empty())
        return std::nullopt;
    chompLine(line);
    return line;
}

std::string promptHidden(const std::string& prompt)
{
    FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        throw core::Error(core::ErrorCode::InvalidInput,
                          "no terminal to ask for the passphrase: give it with --passphrase-file FILE or on "
                          "standard input",
                          "passphrase",
                          "パスフレーズを尋ねる端末がありません。--passphrase-file FILE か標準入力で渡してください。");
    std::fputs(prompt.c_str(), tty);
    std::fflush(tty);
    termios old{};
    const int fd = ::fileno(tty);
    const bool haveTermios = ::tcgetattr(fd, &old) == 0;
    if (haveTermios) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::string line;
    int c;
    while ((c = std::fgetc(tty)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    if (haveTermios)
        ::tcsetattr(fd, TCSAFLUSH, &old);
    std::fputs("\n", tty);
    std::fclose(tty);
    chompLine(line);
    return line;
}

bool japaneseMessages()
{
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value)
            return std::strncmp(value, "ja", 2) == 0;
    }
    return false;
}

namespace {
/// Decimal digits only, at most 18 of them (so it fits), and not zero.
std::optional<std::int64_t> decimal(const std::string& text)
{
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9')
            return std::nullopt;
    const std::int64_t v = std::stoll(text);
    return v > 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}
} // namespace

void namingField(const std::function<void()>& check)
{
    try {
        check();
    } catch (const core::Error& e) {
        const core::RosterField* f = core::findRosterField(e.where());
        if (!f || e.code() != core::ErrorCode::InvalidInput)
            throw;
        throw core::Error(e.code(), e.where() + ": " + e.what(), e.where(),
                          e.messageJa().empty() ? std::string() : std::string(f->labelJa) + "：" + e.messageJa(),
                          e.fix());
    }
}

void namingRegisterField(const std::function<void()>& check)
{
    try {
        check();
    } catch (const core::Error& e) {
        if (e.where().empty() || e.code() != core::ErrorCode::InvalidInput)
            throw;
        throw core::Error(e.code(), e.where() + ": " + e.what(), e.where(),
                          e.messageJa().empty() ? std::string() : e.where() + "：" + e.messageJa(), e.fix());
    }
}

std::int64_t parseId(const std::string& text, const char* what)
{
    if (auto v = decimal(text))
        return *v;
    throw UsageError(std::string(what) + ": “" + text + "” is not an id; write the number `list` shows (1, 2, 3 …)");
}

core::Date requireDate(const std::string& text, const char* option)
{
    if (auto d = core::parseDateInput(text))
        return *d;
    if (japaneseMessages())
        throw UsageError(std::string("--") + option + "：「" + text +
                         "」は日付として読めません。2026-11-25、2026/11/25、令和8年11月25日 のように指定してください。");
    throw UsageError(std::string("--") + option + ": “" + text + "” is not a date; write it as YYYY-MM-DD (e.g. 2026-11-25)");
}

std::optional<core::Date> optionalDate(const std::string& text, const char* option)
{
    if (text.empty())
        return std::nullopt;
    return requireDate(text, option);
}

CLI::Validator idText()
{
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return decimal(text) ? std::string() : "“" + text + "” is not an id; write the number `list` shows (1, 2, 3 …)";
        },
        "ID");
}

CLI::Validator countText()
{
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const auto v = decimal(text);
            return v && *v <= 1000000 ? std::string() : "“" + text + "” is not a count; write a number from 1 to 1000000";
        },
        "N");
}

} // namespace meibo::cli
