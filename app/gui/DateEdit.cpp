#include "DateEdit.h"

#include "Convert.h"

#include "meibo/core/Date.h"
#include "meibo/forms/JapaneseDate.h"

#include <QCalendarWidget>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QResizeEvent>

#include <algorithm>

namespace meibo::gui {

namespace {
std::optional<QDate> typed(const QString& text)
{
    if (auto d = core::parseDateInput(ss(text.trimmed())))
        return toQDate(*d);
    return std::nullopt;
}
} // namespace

DateEdit::DateEdit(QWidget* parent) : QDateEdit(parent), m_era(new QLabel(this))
{
    setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    setCalendarPopup(true);
    m_era->setStyleSheet(QStringLiteral("QLabel { color: #666; }"));
    m_era->setAttribute(Qt::WA_TransparentForMouseEvents);
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("2026-06-01  令和10年10月10日")) + 48);
    setToolTip(tr("Type a date as you would write it: 2026-06-01, 2026/6/1, 2026年6月1日 or 令和8年6月1日."));
    connect(this, &QDateEdit::dateChanged, this, &DateEdit::showEra);
    // The calendar's month heading carries the era too.
    connect(calendarWidget(), &QCalendarWidget::currentPageChanged, this, [this](int year, int month) {
        const QDate first(year, month, 1);
        calendarWidget()->setToolTip(qs(forms::japaneseDate(fromQDate(first))));
    });
    showEra();
}

QString DateEdit::eraText() const { return m_era->text(); }

void DateEdit::showEra()
{
    m_era->setText(date().isValid() ? qs(forms::japaneseDate(fromQDate(date()))) : QString());
    m_era->adjustSize();
    const int right = width() - m_era->width() - 28; // before the popup button
    m_era->move(std::max(right, 0), (height() - m_era->height()) / 2);
}

void DateEdit::resizeEvent(QResizeEvent* event)
{
    QDateEdit::resizeEvent(event);
    showEra();
}

QValidator::State DateEdit::validate(QString& input, int& pos) const
{
    if (typed(input))
        return QValidator::Acceptable;
    // Anything a date may be on its way to: digits, separators, 年月日, era names and initials.
    static const QRegularExpression partial(
        QStringLiteral("^[0-9０-９ /.\\-／．－年月日元明治大正昭和平成令和MTSHRmtshr]*$"));
    if (partial.match(input).hasMatch())
        return QValidator::Intermediate;
    return QDateEdit::validate(input, pos);
}

void DateEdit::fixup(QString& input) const
{
    if (auto d = typed(input))
        input = d->toString(displayFormat());
    else
        QDateEdit::fixup(input);
}

QDateTime DateEdit::dateTimeFromText(const QString& text) const
{
    if (auto d = typed(text))
        return QDateTime(*d, QTime(0, 0));
    return QDateEdit::dateTimeFromText(text);
}

} // namespace meibo::gui
