#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace meibo::gui {

/// Runs `work` on Qt's thread pool (the passphrase check takes about half a second) and calls
/// `done` back on the GUI thread with its result; the GUI stays responsive meanwhile.
template <typename T>
void runInBackground(QObject* context, std::function<T()> work, std::function<void(QFuture<T>)> done)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->future());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace meibo::gui
