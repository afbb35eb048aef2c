#pragma once

#include <string>
#include <string_view>

namespace meibo::core {

/// The audit log as a history a person reads: what each stored operation code ("report.set") and
/// each recorded member ("effective", "birth_date") is called, in Japanese and English. The person
/// fields take their names from RosterFields (one definition); an unknown code comes back as it is.
std::string auditActionName(std::string_view action, bool japanese);
/// The name of a member of an audit entry's before/after record; `key` may be a dotted path
/// ("answers.10.status"), named part by part ("10 の状況").
std::string auditFieldName(std::string_view key, bool japanese);
/// "person/12" → "人 12" / "person 12"; "contract/3/assignment/5" → "契約 3 の割当て 5".
std::string auditEntityName(std::string_view entity, bool japanese);

} // namespace meibo::core
