#include "InspectDialog.h"

#include "Convert.h"
#include "Prompts.h"
#include "Session.h"

#include "meibo/db/Registry.h"
#include "meibo/forms/Inspect.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace meibo::gui {

namespace {

/// The place of a finding in the interface language ("page 3" → "3 ページ"); sheet!cell and part
/// names read the same in both.
QString placeText(const std::string& where)
{
    static const QRegularExpression numbered(QStringLiteral("^(page|line) (\\d+)$"));
    const QString w = QString::fromStdString(where);
    const auto m = numbered.match(w);
    if (!m.hasMatch())
        return w;
    return m.captured(1) == QLatin1String("page") ? InspectDialog::tr("page %1").arg(m.captured(2))
                                                  : InspectDialog::tr("line %1").arg(m.captured(2));
}

} // namespace

InspectDialog::InspectDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_paths(new QListWidget(this)), m_findings(new QTableWidget(0, 4, this)),
      m_summary(new QLabel(this)), m_inspect(new QPushButton(tr("&Inspect"), this))
{
    setWindowTitle(tr("Inspect deliverables before publication"));
    setAcceptDrops(true);
    resize(900, 600);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Drop the deliverables here (a folder or files: Excel, Word, PDF, CSV, text), or add "
                                "them with the buttons. Meibo looks for hidden rows, columns and sheets, comments, "
                                "tracked changes, authors in the properties, attached files, pages without text and "
                                "personal data; with a registry open, its handlers' addresses, dates of birth and "
                                "passport numbers too. The files are not changed."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_paths->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_paths->setMaximumHeight(110);
    layout->addWidget(m_paths);
    auto* buttons = new QHBoxLayout;
    auto* addFiles = new QPushButton(tr("Add &files…"), this);
    auto* addFolder = new QPushButton(tr("Add f&older…"), this);
    auto* remove = new QPushButton(tr("&Remove"), this);
    buttons->addWidget(addFiles);
    buttons->addWidget(addFolder);
    buttons->addWidget(remove);
    buttons->addStretch();
    buttons->addWidget(m_inspect);
    layout->addLayout(buttons);
    m_findings->setHorizontalHeaderLabels({tr("File"), tr("Place"), tr("Kind"), tr("Finding and what to do")});
    m_findings->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_findings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findings->setWordWrap(true);
    m_findings->verticalHeader()->hide();
    layout->addWidget(m_findings, 1);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addFiles, &QPushButton::clicked, this, [this] {
        addPaths(QFileDialog::getOpenFileNames(this, tr("Deliverables to inspect")));
    });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of deliverables to inspect"));
        if (!dir.isEmpty())
            addPaths({dir});
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_paths->selectedItems()); });
    connect(m_inspect, &QPushButton::clicked, this, [this] { inspect(); });
    m_inspect->setDefault(true);
}

void InspectDialog::addPaths(const QStringList& paths)
{
    for (const QString& p : paths)
        if (!p.isEmpty() && !this->paths().contains(p))
            m_paths->addItem(p);
}

QStringList InspectDialog::paths() const
{
    QStringList out;
    for (int i = 0; i < m_paths->count(); ++i)
        out << m_paths->item(i)->text();
    return out;
}

void InspectDialog::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void InspectDialog::dropEvent(QDropEvent* event)
{
    QStringList dropped;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            dropped << url.toLocalFile();
    addPaths(dropped);
    event->acceptProposedAction();
    inspect();
}

bool InspectDialog::inspect()
{
    const QStringList list = paths();
    if (list.isEmpty()) {
        m_summary->setText(tr("Add a folder or files first."));
        return false;
    }
    std::vector<std::string> paths;
    for (const QString& p : list)
        paths.push_back(p.toStdString());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    forms::InspectResult result;
    const bool withRegistry = m_session.isOpen();
    const bool ok = guarded([&] {
        forms::InspectOptions options;
        if (withRegistry) {
            db::Registry reg(m_session.vault());
            for (const auto& [id, person] : reg.people())
                options.people.push_back({person.name, person.address, person.birthDate, person.passportNo});
            if (const std::string org = reg.organization().name; !org.empty())
                options.knownAuthors.push_back(org);
        }
        result = forms::inspectPaths(paths, options);
        if (withRegistry) {
            std::map<std::string, int> byRule;
            for (const auto& f : result.findings)
                ++byRule[f.rule];
            db::Registry(m_session.vault()).recordInspection(paths, result.files, result.unreadable, byRule);
        }
    });
    QApplication::restoreOverrideCursor();
    if (!ok)
        return false;
    if (withRegistry)
        m_session.notifyChanged(); // the audit log has one entry more

    const bool ja = japaneseUi();
    m_findings->setRowCount(0);
    for (const auto& f : result.findings) {
        const int row = m_findings->rowCount();
        m_findings->insertRow(row);
        auto* file = new QTableWidgetItem(QString::fromStdString(f.file).section(QLatin1Char('/'), -1));
        file->setToolTip(QString::fromStdString(f.file));
        m_findings->setItem(row, 0, file);
        m_findings->setItem(row, 1, new QTableWidgetItem(placeText(f.where)));
        m_findings->setItem(row, 2, new QTableWidgetItem(f.rule == "file-unreadable" ? tr("Not readable")
                                                         : f.warning                  ? tr("Check")
                                                                                      : tr("Problem")));
        m_findings->setItem(row, 3, new QTableWidgetItem(QString::fromStdString(ja ? f.messageJa : f.message)));
    }
    m_findings->resizeColumnToContents(0);
    m_findings->resizeColumnToContents(1);
    m_findings->resizeRowsToContents();
    const int n = static_cast<int>(result.findings.size());
    QString text = n == 0 ? tr("%n file(s) inspected: nothing found.", "", result.files)
                          : tr("%n file(s) inspected: %1 finding(s). Fix them and inspect again before publication.", "",
                               result.files)
                                .arg(n);
    text += QLatin1Char(' ') + (withRegistry ? tr("Checked against the registry's handlers; the inspection is in the audit log.")
                                             : tr("No registry is open: open one to look for its handlers' personal data as well."));
    m_summary->setText(text);
    return true;
}

} // namespace meibo::gui
