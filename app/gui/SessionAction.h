#pragma once

// How views act on the registry and follow it: one place for the pattern every view shares.

#include "ContractPicker.h"
#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"

#include "meibo/core/Error.h"

#include <QObject>

namespace meibo::gui {

/// Runs one user action on the open registry: clears the message, runs `step` (which returns the
/// notice to show), shows it and tells every view that the registry changed. A refusal
/// (core::Error) is shown instead and nothing is notified. Returns whether the step succeeded.
template <typename Step> bool runAction(Session& session, MessageBar& message, Step&& step)
{
    message.clearMessage();
    if (!session.isOpen())
        return false;
    try {
        const QString done = step();
        message.showInfo(done);
        session.notifyChanged();
        return true;
    } catch (const core::Error& e) {
        message.showError(errorText(e));
        return false;
    } catch (const std::exception&) {
        message.showError(unexpectedErrorText());
        return false;
    }
}

/// Keeps a view with a contract picker in step with the session: when a registry opens, `opened`
/// (e.g. set the view's dates to today), then the contracts are reloaded and the view refreshed;
/// after any change, the same reload and refresh. What a view clears on close stays its own.
template <typename Refresh, typename Opened>
void followSession(Session& session, QObject* view, ContractPicker* contracts, Refresh refresh, Opened opened)
{
    QObject::connect(&session, &Session::opened, view, [=] {
        opened();
        contracts->reload();
        refresh();
    });
    QObject::connect(&session, &Session::changed, view, [=] {
        contracts->reload();
        refresh();
    });
}

} // namespace meibo::gui
