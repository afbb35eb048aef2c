#include "meibo/core/Csv.h"

#include <csv.h>

namespace meibo::core {

namespace {
struct ParseState {
    CsvRead* out = nullptr;
    CsvRecord current;
    int line = 1; // physical line being fed
    bool rowStarted = false;
};

void onField(void* data, std::size_t len, void* state)
{
    auto* s = static_cast<ParseState*>(state);
    if (!s->rowStarted) {
        s->current.line = s->line;
        s->rowStarted = true;
    }
    s->current.fields.push_back(csvRestoredCell(std::string(data ? static_cast<const char*>(data) : "", data ? len : 0)));
}

void onRow(int, void* state)
{
    auto* s = static_cast<ParseState*>(state);
    s->out->records.push_back(std::move(s->current));
    s->current = CsvRecord{};
    s->rowStarted = false;
}
} // namespace

bool csvCellStartsFormula(std::string_view cell)
{
    if (cell.empty())
        return false;
    switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

namespace {
/// `'…'X…` where X starts a formula: the shape csvSafeCell gives (and csvRestoredCell undoes).
bool apostrophesBeforeFormula(std::string_view cell)
{
    const std::size_t first = cell.find_first_not_of('\'');
    return first != std::string_view::npos && csvCellStartsFormula(cell.substr(first));
}
} // namespace

std::string csvSafeCell(std::string cell)
{
    if (apostrophesBeforeFormula(cell))
        cell.insert(cell.begin(), '\'');
    return cell;
}

std::string csvRestoredCell(std::string cell)
{
    if (!cell.empty() && cell.front() == '\'' && apostrophesBeforeFormula(cell))
        cell.erase(cell.begin());
    return cell;
}

std::string csvLine(const std::vector<std::string>& fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string f = csvSafeCell(fields[i]);
        if (i)
            out += ',';
        // Quoted also when it starts or ends with a space or tab (libcsv trims those from an unquoted
        // field) or starts with U+FEFF (at the start of a file it would be taken for a byte order
        // mark): the value must read back as written (both found by fuzzing).
        const bool edgeSpace = !f.empty() && (f.front() == ' ' || f.front() == '\t' || f.back() == ' ' || f.back() == '\t');
        const bool bomLike = f.starts_with("\xEF\xBB\xBF");
        if (!edgeSpace && !bomLike && f.find_first_of(",\"\r\n") == std::string::npos) {
            out += f;
            continue;
        }
        out += '"';
        for (char c : f) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    }
    return out + "\r\n";
}

bool isUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size() + (extra == 0 ? 1 : 0))
            return false;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) >> 6) != 2)
                return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

CsvRead readCsv(std::string_view bytes, char delimiter)
{
    CsvRead result;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    if (!isUtf8(bytes)) {
        result.errorLine = 1;
        result.error = "the file is not UTF-8 text: save it as “CSV UTF-8” and import again";
        result.errorJa = "ファイルが UTF-8 のテキストではありません。「CSV UTF-8」形式で保存し直してから取り込んでください。";
        return result;
    }
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    ParseState state;
    state.out = &result;
    // Fed line by line, so every record knows the line it starts on.
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t end = bytes.find('\n', pos);
        end = end == std::string_view::npos ? bytes.size() : end + 1;
        if (csv_parse(&parser, bytes.data() + pos, end - pos, onField, onRow, &state) != end - pos) {
            result.errorLine = state.line;
            // libcsv's own words ("error parsing data while strict checking enabled") tell a person
            // nothing: say what is wrong with the line and how to write it.
            result.error = "a quote (\") is out of place: a field that holds a quote, a comma or a line break must "
                           "be enclosed in quotes, and a quote inside it written twice (\"\")";
            result.errorJa = "引用符（\"）の位置が正しくありません。引用符・カンマ・改行を含む項目は全体を引用符で囲み、"
                             "項目の中の引用符は2つ重ねて（\"\"）書いてください。";
            csv_free(&parser);
            return result;
        }
        pos = end;
        ++state.line;
    }
    // The last line is still the one being read when it has no line break: a record that csv_fini
    // completes belongs to it, not to the line after the end (found by fuzzing).
    const int lastLine = state.line - 1;
    state.line = lastLine;
    if (csv_fini(&parser, onField, onRow, &state) != 0) {
        result.errorLine = lastLine;
        result.error = "the file ends inside a quoted field: a closing quote (\") is missing";
        result.errorJa = "引用符（\"）で始まった項目が閉じられないままファイルが終わっています。閉じる引用符を補ってください。";
    }
    csv_free(&parser);
    return result;
}

} // namespace meibo::core
