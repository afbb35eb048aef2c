#pragma once

// The one definition of "no mnemonic twice" for the GUI tests: the letters a window shows after
// '&' on its labels, buttons and group boxes (not those of dialogs it owns, nor of pages hidden in
// it), and the clash of two of them, or of one with a letter already taken (the menu bar's).

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QList>
#include <QMultiMap>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace meibo::test {

/// The mnemonic letter of a text ("Save ite&m" → 'M'; "&&" is a literal ampersand), or 0.
inline QChar mnemonicOf(const QString& text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toUpper();
    }
    return {};
}

/// The mnemonics shown in `widget`'s own window, with the texts that carry them.
inline QMultiMap<QChar, QString> mnemonicsShown(QWidget* widget)
{
    QMultiMap<QChar, QString> out;
    auto add = [&](QWidget* w, const QString& text) {
        if (w->window() == widget->window() && (w == widget || w->isVisibleTo(widget)) && !mnemonicOf(text).isNull())
            out.insert(mnemonicOf(text), text);
    };
    for (auto* l : widget->findChildren<QLabel*>())
        add(l, l->text());
    for (auto* b : widget->findChildren<QAbstractButton*>())
        add(b, b->text());
    for (auto* g : widget->findChildren<QGroupBox*>())
        add(g, g->title());
    return out;
}

/// Empty when no two of `widget`'s mnemonics are the same letter and none is one of `taken`;
/// otherwise the clash in words ("S: 保存(&S) | 選択(&S)").
inline QString mnemonicClash(QWidget* widget, const QList<QChar>& taken = {})
{
    const auto found = mnemonicsShown(widget);
    for (const QChar c : found.uniqueKeys()) {
        const QStringList texts = found.values(c);
        if (texts.size() > 1)
            return QString(c) + QStringLiteral(": ") + texts.join(QStringLiteral(" | "));
        if (taken.contains(c))
            return QString(c) + QStringLiteral(" is a menu's: ") + texts.front();
    }
    return {};
}

} // namespace meibo::test
