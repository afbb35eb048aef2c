#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <vector>

namespace meibo::gui {

/// Runs `work` on Qt's thread pool (the passphrase check takes about half a second) and calls
/// `done` back on the GUI thread with its result; the GUI stays responsive meanwhile. Returns the
/// future, for a caller that must wait for it (before the registry closes under the work).
template <typename T>
QFuture<T> runInBackground(QObject* context, std::function<T()> work, std::function<void(QFuture<T>)> done)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->future());
        watcher->deleteLater();
    });
    QFuture<T> future = QtConcurrent::run(std::move(work));
    watcher->setFuture(future);
    return future;
}

} // namespace meibo::gui

namespace meibo::gui {

/// The latest of a view's background reads: `start` runs `work` on a worker and hands its result
/// to `show` on the GUI thread unless a newer read was started since; `wait` finishes a running
/// read at once (a test or a screenshot that reads the view); `drop` waits and forgets it (the
/// registry is closing under it).
template <typename T> class LatestRead {
public:
    LatestRead() = default;
    LatestRead(const LatestRead&) = delete;
    LatestRead& operator=(const LatestRead&) = delete;
    ~LatestRead() { drop(); }

    void start(QObject* context, std::function<T()> work, std::function<void(T)> show)
    {
        if (m_pending)
            m_pending->superseded = true;
        // Older reads may still run (superseded, not shown): kept, so that drop() waits for them too.
        std::erase_if(m_running, [](const std::shared_ptr<Pending>& p) { return p->future.isFinished(); });
        auto pending = std::make_shared<Pending>();
        pending->show = std::move(show);
        m_pending = pending;
        pending->future = runInBackground<T>(context, std::move(work),
                                             [pending](QFuture<T> done) { deliver(*pending, done); });
        m_running.push_back(pending);
    }
    void wait()
    {
        if (auto pending = m_pending) {
            pending->future.waitForFinished();
            deliver(*pending, pending->future);
        }
    }
    void drop()
    {
        for (const auto& p : m_running) {
            p->future.waitForFinished();
            p->superseded = true;
        }
        m_running.clear();
        m_pending.reset();
    }
    bool busy() const { return m_pending && !m_pending->shown && !m_pending->superseded; }

private:
    struct Pending {
        QFuture<T> future;
        std::function<void(T)> show;
        bool shown = false;
        bool superseded = false;
    };
    static void deliver(Pending& p, QFuture<T> done)
    {
        if (p.shown || p.superseded || done.resultCount() == 0)
            return;
        p.shown = true;
        p.show(done.result());
    }
    std::shared_ptr<Pending> m_pending;
    std::vector<std::shared_ptr<Pending>> m_running;
};

} // namespace meibo::gui
