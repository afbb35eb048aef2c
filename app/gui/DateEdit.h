#pragma once

#include <QDateEdit>

class QLabel;

namespace meibo::gui {

/// A date field that takes a date as people type it — 2026-06-01, 2026/6/1, 2026年6月1日, 令和8年6月1日,
/// R8.6.1 — through core::parseDateInput, the import's parser; it shows the ISO date with the
/// Japanese era beside it (令和8年6月1日) and keeps the calendar popup.
class DateEdit : public QDateEdit {
    Q_OBJECT
public:
    explicit DateEdit(QWidget* parent = nullptr);
    /// The era text shown beside the date ("令和8年6月1日").
    QString eraText() const;

protected:
    QValidator::State validate(QString& input, int& pos) const override;
    void fixup(QString& input) const override;
    QDateTime dateTimeFromText(const QString& text) const override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showEra();
    QLabel* m_era;
};

} // namespace meibo::gui
