#pragma once

#include "meibo/core/Model.h"

#include <QDialog>

#include <vector>

class QLineEdit;
class QListWidget;

namespace meibo::gui {

/// Chooses people of a roster by name rather than by typing their label: a list of "B 産業 花子
/// (情報取扱管理者)" that narrows as a name, reading or label is typed. One person (報告先) or several
/// at once (a training's participants).
class PersonPicker : public QDialog {
    Q_OBJECT
public:
    /// `people`: the roster's entries (a label shown once, the first entry given for it).
    PersonPicker(const std::vector<core::RosterEntry>& people, bool several, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return m_search; }
    QListWidget* list() const { return m_list; }
    /// Marks these labels chosen (the field's current value).
    void setChosen(const QStringList& labels);
    /// The labels chosen, in the roster's order.
    QStringList chosen() const;

private:
    void filter(const QString& text);

    QLineEdit* m_search;
    QListWidget* m_list;
};

} // namespace meibo::gui
