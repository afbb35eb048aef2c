#include "Commands.h"

namespace meibo::cli {

const char* fullHelp()
{
    return R"(meibo-cli — the encrypted registry of information handlers (情報取扱者名簿)

Usage: meibo-cli [-f VAULT] [--passphrase-file FILE | --recovery-key-file FILE] COMMAND ...

Global options (before the command):
  -f, --file VAULT          registry file; default $MEIBO_FILE, then ~/.local/share/meibo/registry.meibo
  --passphrase-file FILE    read the passphrase from the first line of FILE
  --recovery-key-file FILE  open with the recovery key in FILE instead of a passphrase
  --version                 print the version
Without --passphrase-file the passphrase is read from standard input when it is not a terminal,
else asked at the terminal without echo.

The registry file:
  init [--org-name NAME] [--json]        create a new encrypted registry (never overwrites);
                                         prints the recovery key once
  info [--json]                          format, key slots, KDF cost and size (no passphrase)
  status [--json]                        open, authenticate every page, quick_check; show counts
  deadlines [--within DAYS] [--ics FILE] [--json]
                                         what is due; FILE: an iCalendar (.ics) of the deadlines
  passwd [--new-passphrase-file FILE]    change the passphrase (rewraps the key; crash-safe)
  slot list [--json]                     key slots (no passphrase)
  slot add NAME [--new-passphrase-file FILE]   add a passphrase slot (e.g. a deputy officer)
  slot remove NAME                       remove a passphrase slot
  slot rotate-recovery                   replace the recovery key; prints the new one once
  backup                                 write the encrypted backup VAULT.bak now
                                         (also done before upgrades and on each day's first write)

Roster (様式4) — contracts by id or code, dates YYYY-MM-DD:
  org set [--name N] [--address A] [--representative R] [--capital-officers T] [--work-places T] [--officer NAME]
  org show [--json]
  contract add --code C --title T --start D --end D [--signed D] [--addressee TEXT] [--contact TEXT]
               [--data-requested D] [--report-months N] [--report-align contract|fiscal]
               [--report-due-days N] [--incident-report-days N]  prints the id
  contract list|show C|set C ...
  subcontractor add --name N [...] [--contract C [--from D] [--to D]]
  subcontractor link --contract C --name N [--from D] [--to D]; subcontractor list
  person add --name N [--kana …] [--address …] [--birth-date D] [--department …] [--title …]
             [--nationality CC] [--residence-status S] [--passport-no P] [--organization SUB]
  person set ID [--from D] [FIELD=VALUE ...]              correct, or change from day D
  person list|show ID [--as-of D]
  qualification add --person ID [--training] --name N [--on D] [--issuer I]
  assign --contract C --person ID --role R --label L [--need T] [--reports-to L] [--from D] [--to D]
  end --contract C --label L --on D                       last day on the roster; nothing deleted
  import --contract C FILE.csv [--json]                   all or nothing; every bad row reported
  roster --contract C [--as-of D] [--json | --csv]
  check [--contract C] [--as-of D] [--json]               exit 3 when an error is found
  audit verify [--json] | audit list [--limit N] [--json]

Change sets (変更届) — after `contract set C --roster-consented D` the roster changes only this way:
  change new --contract C --effective D --reason TEXT [--late]        prints the id
  change add ID (--csv FILE | --remove LABEL | --set LABEL FIELD=VALUE ... |
                 --add-subcontractor NAME | --remove-subcontractor NAME | --method ITEM TEXT)
  change submit ID --on D [--how TEXT]; change consent ID --on D [--by NAME]
  change reject ID --on D --reason TEXT; change apply ID; change withdraw ID [--on D]
  change list --contract C [--json]; change show ID [--json]

Status report (実施状況報告書) and its evidence:
  schedule --contract C [--as-of D] [--json]              report periods, due dates, their reports
  report new --contract C --period-end D                  prints the id; starts from the last answers
  report set ID ITEM STATUS [--text TEXT]                 ITEM 2..17, 15.1..15.10, 16.1..16.6;
                                                          STATUS 実施|未実施|該当なし (done|not-done|n/a)
  report show ID [--as-of D] [--json]                     with each item's method and findings
  report finalize ID [--on D]                             refused while a reason or content is missing
  report revise ID; report list --contract C [--json]     a final report changes only as a new revision
  method set --contract C ITEM TEXT; method show --contract C [--as-of D] [--json]
                                                          遵守の方法 for clause 1 (structure) … 17
  register kinds [--json]                                 the registers and their fields
  register add KIND --contract C FIELD=VALUE ...          training|software|cloud|incident|information|audit
  register edit ID FIELD=VALUE ...; register end ID --on D [--note TEXT]
  register list [KIND] --contract C [--json]
  register import-eol FILE.csv --contract C               end-of-life list (product,cycle,eol) → support_end
  disposal --contract C [--json]                          the return / deletion checklist (clause 8)

Documents:
  cert generate [--cn NAME] | cert import FILE.p12 --p12-passphrase-file F | cert show [--json]
  export --contract C --out DIR [--as-of D] [--change ID] [--report ID] [--methods]
         [--deletion-certificate] [--pre-contract] [--csv-keys] [--dates wareki|iso]
         [--p12 FILE --p12-passphrase-file F] [--json]     signed PDF, DOCX, CSV, XLSX, manifest
                                                          (with the clause-4 disclosure)
  [-f VAULT] verify DIR [--cert FILE.pem] [--json]        the manifest's signature, its signer's
                                                          SHA-256 fingerprint (checked against the
                                                          registry's or FILE's certificate), every file
  [-f VAULT] inspect PATH... [--report DIR] [--json]       before publication (contract 5.(2)): hidden
                                                          rows/columns/sheets, comments, tracked changes,
                                                          metadata, embedded files, pages without text,
                                                          personal data (the registry's handlers with -f);
                                                          exit 0 clean, 3 findings, 1 a file unreadable

Trying Meibo:
  demo DIR [--json]                      a sample registry and its signed export in DIR

  help                                   this text

Exit status: 0 success; 1 the command failed (one line on stderr says what and what to do;
nothing was changed); 2 wrong usage; 3 `check` found an error
(or `inspect` found something).
Dates are ISO 8601 (YYYY-MM-DD). `--json` prints one JSON document on stdout and nothing else.
Findings and report gaps are English, or Japanese when LC_ALL / LC_MESSAGES / LANG starts with
"ja" (LANG=ja_JP.UTF-8); JSON gives both ("message" and "message_ja").
)";
}

} // namespace meibo::cli
