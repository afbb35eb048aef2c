// deadlines [--within DAYS] [--ics FILE] [--json]: what is due, and the officer's calendar file.

#include "Commands.h"
#include "Console.h"

#include "DeadlinesCalendar.h"

#include "meibo/core/Error.h"

#include <iostream>

namespace meibo::cli {

void addDeadlinesCommand(CLI::App& app, Context& ctx, int& exitCode)
{
    auto* cmd = app.add_subcommand("deadlines", "What is due (reports, consents, contract ends); --ics FILE for a calendar");
    static int within = -1;
    static std::string ics;
    cmd->add_option("--within", within, "Only what is due within DAYS days (overdue included)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--ics", ics, "Write the deadlines as an iCalendar file (RFC 5545, all-day events, Asia/Tokyo)");
    cmd->add_flag("--json", ctx.json, "Print the result as JSON");
    cmd->callback([&] {
        db::Vault vault = ctx.openVault(true);
        const core::Date today = core::todayLocal();
        const auto deadlines = meibo::app::deadlinesWithin(vault, today, within);
        if (!ics.empty())
            meibo::app::writeDeadlinesIcs(ics, deadlines);
        if (ctx.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& d : deadlines)
                list.push_back({{"contract", d.contract}, {"kind", d.kind}, {"due", core::formatIsoDate(d.due)},
                                {"days_left", core::daysBetween(today, d.due)}, {"what", d.what},
                                {"what_ja", d.whatJa}});
            nlohmann::json doc = {{"today", core::formatIsoDate(today)}, {"deadlines", list}};
            if (!ics.empty())
                doc["ics"] = ics;
            Context::printJson(doc);
        } else {
            if (deadlines.empty())
                std::cout << (japaneseMessages() ? "期限はありません。\n" : "Nothing is due.\n");
            for (const auto& d : deadlines)
                std::cout << core::formatIsoDate(d.due) << " (" << core::daysBetween(today, d.due) << " days)  "
                          << d.contract << "  " << (japaneseMessages() ? d.whatJa : d.what) << "\n";
            if (!ics.empty())
                std::cout << "Wrote " << deadlines.size() << " deadline(s) to " << ics << "\n";
        }
        exitCode = Ok;
    });
}

} // namespace meibo::cli
