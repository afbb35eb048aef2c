#pragma once

#include "meibo/core/Date.h"
#include "meibo/db/Vault.h"

#include <QObject>

#include <atomic>

#include <memory>
#include <optional>

namespace meibo::gui {

/// The open registry, shared by every view. Views read through db::Registry / db::ChangeSets on
/// the session's Vault and listen to `changed` (something was written) and `closed` (locked: drop
/// every row you hold).
class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    void open(std::unique_ptr<db::Vault> vault);
    /// Closes the database, drops the key from memory (Vault::close wipes it) and tells every view.
    void close();
    bool isOpen() const { return m_vault != nullptr; }
    db::Vault& vault();

    /// Today for the views (a test may pin it).
    core::Date today() const;
    void setToday(std::optional<core::Date> day) { m_today = day; }

    /// A token that keeps the registry open while a worker thread uses it (a key change, a backup):
    /// close() waits until the last token is gone, then closes. Release it on any thread.
    std::shared_ptr<void> holdOpen();

    /// Tells every view that the registry changed. A view that cannot read what it shows (a damaged
    /// page, a full disk) reports the sentence through the one guard (Prompts.h) and the others
    /// still refresh; the program goes on.
    void notifyChanged();

signals:
    void opened();
    /// The registry is about to close: work still reading it on a worker thread must finish now.
    void aboutToClose();
    void closed();
    void changed();

private:
    std::unique_ptr<db::Vault> m_vault;
    std::optional<core::Date> m_today;
    std::atomic<int> m_holds{0};
    bool m_closeWanted = false;
};

} // namespace meibo::gui
