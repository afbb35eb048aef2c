#pragma once

#include "meibo/core/Model.h"
#include "meibo/core/RosterCsv.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

/// The evidence registers behind the status report: training (clause 10), software ledger
/// (15(5)), cloud services (12–14), incidents (11), information received and its disposal (6–8),
/// audits and penetration tests (3). One entry is a set of named fields, checked against its
/// kind's fields below; `end` records that it is over (software removed, service stopped, incident
/// closed, information returned or deleted, audit closed).
struct RegisterField {
    enum class Type { Text, Date, Bool, Choice };
    std::string name;
    Type type = Type::Text;
    bool required = false;
    std::string labelJa;
    std::vector<std::string> choices; ///< for Choice
};

struct RegisterKind {
    std::string id;     ///< training, software, cloud, incident, information, audit
    std::string nameJa; ///< e.g. ソフトウェア管理台帳
    std::string clause; ///< the report item it backs, e.g. "15.5"
    std::vector<RegisterField> fields;
};

const std::vector<RegisterKind>& registerKinds();
/// Throws InvalidInput naming the kinds when `id` is not one.
const RegisterKind& registerKind(std::string_view id);

/// One entry of a register.
struct RegisterEntry {
    std::int64_t id = 0;
    std::string kind;
    std::int64_t contractId = 0;
    std::map<std::string, std::string> fields;
    std::optional<Date> endedOn;
    std::string endNote;

    std::string field(const std::string& name) const;
    std::optional<Date> date(const std::string& name) const;
    bool flag(const std::string& name) const;
};

/// Normalizes (dates, yes/no, choices) and checks `fields` for `kind`: unknown fields, missing
/// required ones and malformed values throw InvalidInput naming the field and what it takes.
void validateRegisterFields(const RegisterKind& kind, std::map<std::string, std::string>& fields);

/// What the register rules look at for one contract.
struct RegisterFacts {
    Contract contract;
    Date asOf{};
    std::vector<RosterEntry> roster;           ///< on the roster on asOf
    std::vector<Qualification> trainings;      ///< training records kept with people (qualification table)
    std::vector<RegisterEntry> entries;        ///< every register entry of the contract
    int incidentReportDays = 1;                ///< an incident is to be reported within this many days
};

/// training-missing, software-support-ends, software-support-unknown, cloud-not-ismap,
/// cloud-approval-missing, incident-report-late, information-not-returned,
/// copy-without-permission, audit-finding-open — each saying how to fix it.
std::vector<Finding> checkRegisters(const RegisterFacts& facts);

/// One line of the contract-end checklist of clause 8: an item of information received, and the
/// fields still to record before it counts as returned, disposed of or deleted with confirmation.
struct DisposalItem {
    std::int64_t entryId = 0;
    std::string name;
    std::vector<std::string> missing; ///< of disposal, disposed_on, confirmed_by, confirmed_on
    bool done() const { return missing.empty(); }
};
/// The checklist over the information register's entries (other kinds are ignored).
std::vector<DisposalItem> disposalChecklist(const std::vector<RegisterEntry>& entries);

/// One row of an end-of-life list (the shape of public lists such as endoflife.date's CSV export):
/// product, cycle (the version line) and eol (a date, or true / false).
struct EolRow {
    int line = 0;
    std::string product;
    std::string cycle;
    std::optional<Date> eol;
};
struct EolImport {
    std::vector<EolRow> rows;
    std::vector<CsvIssue> issues;
    int skipped = 0; ///< rows without a known end date (eol false, or true with no date)
};
/// Columns product (or name), cycle (or version, release), eol (or support_end); other columns are
/// ignored, since public lists carry many.
EolImport parseEolCsv(std::string_view bytes);

/// A software entry that an end-of-life row dates.
struct EolMatch {
    std::int64_t entryId = 0;
    std::string name;
    std::string version;
    Date supportEnd{};
    int line = 0;
};
/// Matches software entries to rows: the product names equal ignoring case, spaces, '-' and '_';
/// the version is the cycle or starts with the cycle followed by '.'. The longest cycle wins.
std::vector<EolMatch> matchEol(const std::vector<RegisterEntry>& software, const EolImport& eol);

} // namespace meibo::core
