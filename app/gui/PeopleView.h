#pragma once

#include <QWidget>

#include <cstdint>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;

namespace meibo::gui {

class MessageBar;
class QualificationsDialog;
class Session;

/// One person across every contract: search the registered people by name, then see each contract
/// and role they had or have (with the period), every version of their record (what it said from
/// when to when) and their qualifications. Read through db::Registry; rows are read when the view
/// is shown, not on every change elsewhere.
class PeopleView : public QWidget {
    Q_OBJECT
public:
    explicit PeopleView(Session& session, QWidget* parent = nullptr);

    void refresh();
    QLineEdit* searchEdit() const { return m_search; }
    QTableWidget* peopleTable() const { return m_people; }
    QTableWidget* assignmentsTable() const { return m_assignments; }
    QTableWidget* historyTable() const { return m_history; }
    QListWidget* qualificationsList() const { return m_qualifications; }
    MessageBar* messageBar() const { return m_message; }
    /// Selects the first person shown whose name (or kana) contains `name`; false when none does.
    bool selectName(const QString& name);
    /// The person selected, or 0.
    std::int64_t currentPersonId() const;
    /// The selected person's qualifications, trainings and track record (window-modal).
    QualificationsDialog* openQualifications();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void applyFilter();
    void showPerson();

    Session& m_session;
    QLineEdit* m_search;
    QTableWidget* m_people;
    QLabel* m_personTitle;
    QTableWidget* m_assignments;
    QTableWidget* m_history;
    QListWidget* m_qualifications;
    MessageBar* m_message;
    bool m_stale = true;
};

} // namespace meibo::gui
