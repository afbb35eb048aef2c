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
               [--data-requested D]                       prints the id
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

Trying Meibo:
  demo DIR [--json]                      build a sample registry in DIR and say what was made

  help                                   this text

Exit status: 0 success; 1 the command failed (one line on stderr says what and what to do;
nothing was changed); 2 wrong usage; 3 `check` found an error.
Dates are ISO 8601 (YYYY-MM-DD). `--json` prints one JSON document on stdout and nothing else.
)";
}

} // namespace meibo::cli
