#include "ImportWizard.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"
#include "Worker.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterFile.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/Text.h"
#include "meibo/db/Registry.h"

#include <QCheckBox>
#include <QColor>
#include <QDir>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>
#include <set>

namespace meibo::gui {

namespace {

/// A wizard page whose Next/Import waits for `complete` and asks `validate`.
class WizardPage : public QWizardPage {
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    std::function<bool()> validate;
    bool isComplete() const override { return complete ? complete() : true; }
    bool validatePage() override { return validate ? validate() : true; }
    void changed() { emit completeChanged(); }
};

/// What a worker hands back: the file's bytes (read once) and what the reader made of them.
struct Loaded {
    std::shared_ptr<const std::string> bytes;
    core::RosterImport parsed;
    QString error; ///< the file could not be read at all
};

const char* const kCombined = "パスポート番号及び国籍";

bool rosterFileName(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || suffix == QLatin1String("tsv") ||
           suffix == QLatin1String("xlsx");
}

QTableWidget* readOnlyTable(int columns, QWidget* parent)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

WizardPage* wizardPage(QWizard* wizard, int id) { return static_cast<WizardPage*>(wizard->page(id)); }

} // namespace

ImportWizard::ImportWizard(Session& session, QWidget* parent)
    : QWizard(parent), m_session(session), m_contracts(new ContractPicker(session)), m_file(new QLineEdit),
      m_format(new QLabel), m_sheet(new QComboBox), m_link(new QCheckBox), m_mapping(readOnlyTable(3, nullptr)),
      m_preview(readOnlyTable(2, nullptr)), m_summary(new QLabel), m_message(new MessageBar),
      m_fileMessage(new QLabel)
{
    setWindowTitle(tr("Import a roster"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));

    // Page 1: the contract, the file, and what was found in it.
    auto* filePage = new WizardPage;
    filePage->setTitle(tr("The roster file"));
    filePage->setSubTitle(tr("A 様式4 roster as you keep it: CSV (UTF-8 or Excel's Shift_JIS), Excel's Unicode text "
                             "(.txt) or the Excel workbook (.xlsx). Nothing is written until the last page."));
    auto* browseButton = new QPushButton(tr("B&rowse…"));
    m_file->setReadOnly(true);
    m_link->setText(tr("&Link people already registered on another contract (same name and date of birth)"));
    m_fileMessage->setWordWrap(true);
    m_fileMessage->setStyleSheet(QStringLiteral("color: #8b0000"));
    m_format->setWordWrap(true);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);
    auto* fileForm = new QFormLayout;
    auto* contractLabel = new QLabel(tr("&Contract:"));
    contractLabel->setBuddy(m_contracts);
    auto* fileLabel = new QLabel(tr("&File:"));
    fileLabel->setBuddy(m_file);
    auto* sheetLabel = new QLabel(tr("&Sheet:"));
    sheetLabel->setBuddy(m_sheet);
    fileForm->addRow(contractLabel, m_contracts);
    fileForm->addRow(fileLabel, fileRow);
    fileForm->addRow(tr("Read as:"), m_format);
    fileForm->addRow(sheetLabel, m_sheet);
    auto* fl = new QVBoxLayout(filePage);
    fl->addLayout(fileForm);
    fl->addWidget(m_link);
    fl->addWidget(m_fileMessage);
    fl->addStretch();
    filePage->complete = [this] {
        return !m_loading && m_bytes && m_readError.isEmpty() && !m_parsed.table.records.empty() &&
               m_contracts->current().has_value();
    };

    // Page 2: which field each column holds.
    auto* mappingPage = new WizardPage;
    mappingPage->setTitle(tr("Columns"));
    mappingPage->setSubTitle(tr("Each column of the file and the item of the roster it holds. When a heading is not "
                                "one the form uses, choose its item here (or ignore the column)."));
    m_mapping->setHorizontalHeaderLabels({tr("Heading in the file"), tr("First value"), tr("Item of the roster")});
    m_mapping->setSelectionMode(QAbstractItemView::NoSelection);
    auto* ml = new QVBoxLayout(mappingPage);
    ml->addWidget(m_mapping);
    mappingPage->complete = [this] { return !m_loading; };

    // Page 3: the rows and their problems, then the import.
    auto* previewPage = new WizardPage;
    previewPage->setTitle(tr("Check and import"));
    previewPage->setSubTitle(tr("Every row of the file with its problems beside it. The roster is imported only when no "
                                "row has a problem: all rows or none."));
    previewPage->setFinalPage(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* pl = new QVBoxLayout(previewPage);
    pl->addWidget(m_summary);
    pl->addWidget(m_preview, 1);
    pl->addWidget(m_message);
    previewPage->complete = [this] { return !m_loading; };
    previewPage->validate = [this] { return importRoster(); };

    setPage(FilePage, filePage);
    setPage(MappingPage, mappingPage);
    setPage(PreviewPage, previewPage);
    resize(900, 640);

    connect(browseButton, &QPushButton::clicked, this, &ImportWizard::browse);
    connect(m_contracts, &ContractPicker::contractChanged, this, [this] {
        // A workbook's rows start with the contract (valid_from): read again for the new one.
        if (m_bytes && m_parsed.format == "xlsx")
            reload();
        wizardPage(this, FilePage)->changed();
    });
    connect(m_sheet, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling && m_bytes)
            reload();
    });
    connect(&m_session, &Session::closed, this, &QDialog::reject); // locking drops what was read
    m_contracts->reload();
    showParsed();
}

void ImportWizard::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Roster file"), m_path,
                                                      tr("Roster files (*.csv *.txt *.tsv *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportWizard::setFile(const QString& path)
{
    m_path = path;
    m_file->setText(QDir::toNativeSeparators(path));
    m_bytes.reset();
    m_columns.clear();
    m_filling = true;
    m_sheet->clear();
    m_filling = false;
    reload();
}

void ImportWizard::setMapping(const QString& header, const QString& field)
{
    m_columns[ss(header)] = ss(field);
    reload();
}

void ImportWizard::reload()
{
    if (m_path.isEmpty())
        return;
    core::RosterFileOptions options;
    options.today = m_session.today();
    options.fileName = ss(QFileInfo(m_path).fileName());
    options.sheet = ss(m_sheet->currentData().toString());
    if (const auto contract = m_contracts->current())
        options.contractStart = contract->start;
    const int generation = ++m_generation;
    m_loading = true;
    m_outcome.clear();
    for (int id : pageIds())
        wizardPage(this, id)->changed();
    m_format->setText(tr("Reading…"));
    std::shared_ptr<const std::string> bytes = m_bytes;
    const QString path = m_path;
    runInBackground<Loaded>(
        this,
        [bytes, path, options, columns = m_columns]() -> Loaded {
            Loaded out;
            out.bytes = bytes;
            if (!out.bytes) {
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly)) {
                    out.error = tr("The file %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), f.errorString());
                    return out;
                }
                const QByteArray data = f.readAll();
                out.bytes = std::make_shared<const std::string>(data.constData(), std::size_t(data.size()));
            }
            try {
                // The one reader of roster files, the same as `meibo-cli import`.
                out.parsed = core::readRosterFile(*out.bytes, options, columns);
            } catch (const core::Error& e) {
                out.error = errorText(e);
            } catch (const std::exception&) {
                out.error = unexpectedErrorText();
            }
            return out;
        },
        [this, generation](QFuture<Loaded> future) {
            if (generation != m_generation)
                return; // a newer read (another mapping, sheet or file) is under way
            Loaded result = future.result();
            m_loading = false;
            m_bytes = result.bytes;
            m_readError = result.error;
            m_parsed = std::move(result.parsed);
            showParsed();
            for (int id : pageIds())
                wizardPage(this, id)->changed();
            emit loaded();
        });
}

void ImportWizard::showParsed()
{
    m_fileMessage->setText(m_readError);
    m_fileMessage->setVisible(!m_readError.isEmpty());
    if (!m_bytes) {
        m_format->setText(m_path.isEmpty() ? tr("(choose a file)") : QString());
        m_sheet->setEnabled(false);
        fillMapping();
        fillPreview();
        return;
    }
    const core::RosterImport& p = m_parsed;
    if (p.format == "xlsx")
        m_format->setText(tr("Excel workbook (.xlsx)"));
    else if (p.encoding.empty())
        m_format->setText(tr("(not read as text)"));
    else
        m_format->setText(p.format == "tsv" ? tr("%1 text, tab-separated").arg(qs(p.encoding))
                                            : tr("%1 text, comma-separated").arg(qs(p.encoding)));
    // The sheets of a workbook, the one read chosen.
    m_filling = true;
    const QString chosen = m_sheet->currentData().toString();
    m_sheet->clear();
    if (!p.sheets.empty() && p.sheet.empty() && chosen.isEmpty())
        m_sheet->addItem(tr("(choose a sheet)"), QString());
    for (const std::string& s : p.sheets)
        m_sheet->addItem(qs(s), qs(s));
    const int at = m_sheet->findData(p.sheet.empty() ? chosen : qs(p.sheet));
    m_sheet->setCurrentIndex(at >= 0 ? at : 0);
    m_sheet->setEnabled(p.sheets.size() > 1);
    m_filling = false;
    if (p.table.records.empty() && !p.issues.empty()) {
        // The file could not be read as a table: why, on the first page (with the GUI's fix: a
        // workbook with several rosters needs a sheet chosen here).
        m_fileMessage->setText(problemsOfLine(-1));
        m_fileMessage->setVisible(true);
    }
    fillMapping();
    fillPreview();
}

QString ImportWizard::problemsOfLine(int line) const
{
    // -1: every problem (the file as a whole).
    QStringList out;
    for (const core::CsvIssue& i : m_parsed.issues) {
        if (line >= 0 && i.line != line)
            continue;
        if (japaneseUi()) {
            out << qs(core::formatIssues({i}, true, core::FrontEnd::Gui)).trimmed();
            continue;
        }
        // The English sentence, placed by the field's name rather than its key.
        const core::RosterField* f = i.column.empty() ? nullptr : core::findRosterField(i.column);
        QString where = i.sheet.empty() ? tr("line %1").arg(i.line)
                        : i.cell.empty() ? tr("sheet %1, row %2").arg(qs(i.sheet)).arg(i.line)
                                         : tr("sheet %1, cell %2").arg(qs(i.sheet), qs(i.cell));
        if (!i.column.empty())
            where += QStringLiteral(", ") + (f ? qs(std::string(f->labelEn)) : qs(i.column));
        out << where + QStringLiteral(": ") + qs(core::issueText(i, core::FrontEnd::Gui, false));
    }
    return out.join(QLatin1Char('\n'));
}

void ImportWizard::fillMapping()
{
    m_mapping->setRowCount(0);
    if (m_parsed.table.records.empty())
        return;
    const core::CsvRecord& header = m_parsed.table.records.front();
    const core::CsvRecord* first = m_parsed.table.records.size() > 1 ? &m_parsed.table.records[1] : nullptr;
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
        const std::string name = core::tidyText(header.fields[c]);
        if (name.empty())
            continue; // an empty heading: a margin, or the right half of a merged one
        const int r = m_mapping->rowCount();
        m_mapping->insertRow(r);
        m_mapping->setItem(r, 0, new QTableWidgetItem(qs(name).replace(QLatin1Char('\n'), QLatin1Char(' '))));
        m_mapping->setItem(r, 1, new QTableWidgetItem(first && c < first->fields.size()
                                                          ? qs(core::tidyText(first->fields[c])).replace(QLatin1Char('\n'), QLatin1Char(' '))
                                                          : QString()));
        auto* combo = new QComboBox;
        combo->addItem(tr("(not recognized: choose)"), QStringLiteral("?"));
        combo->addItem(tr("(ignore this column)"), QString());
        for (const core::RosterField& f : core::rosterFields())
            combo->addItem(japaneseUi() ? QStringLiteral("%1 (%2)").arg(qs(std::string(f.labelJa)), qs(std::string(f.labelEn)))
                                        : QStringLiteral("%1 (%2)").arg(qs(std::string(f.labelEn)), qs(std::string(f.labelJa))),
                           qs(std::string(f.key)));
        combo->addItem(QString::fromUtf8(kCombined), QString::fromUtf8(kCombined));
        combo->addItem(tr("Registered person's number (person_id)"), QStringLiteral("person_id"));
        QString current = QStringLiteral("?");
        if (auto m = m_columns.find(name); m != m_columns.end())
            current = qs(m->second);
        else if (c < m_parsed.headerFields.size() && !m_parsed.headerFields[c].empty())
            current = qs(m_parsed.headerFields[c]);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
        const QString heading = qs(name);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, heading] {
            const QString field = combo->currentData().toString();
            if (field == QLatin1String("?")) {
                m_columns.erase(ss(heading));
                reload();
            } else {
                setMapping(heading, field);
            }
        });
        m_mapping->setCellWidget(r, 2, combo);
    }
    m_mapping->resizeColumnsToContents();
}

void ImportWizard::fillPreview()
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_message->clearMessage();
    if (m_parsed.table.records.empty()) {
        m_preview->setColumnCount(0);
        m_summary->setText(m_bytes ? problemsOfLine(-1) : QString());
        return;
    }
    const auto& records = m_parsed.table.records;
    const core::CsvRecord& header = records.front();
    std::vector<std::size_t> shown; // the columns with a heading
    for (std::size_t c = 0; c < header.fields.size(); ++c)
        if (!core::tidyText(header.fields[c]).empty())
            shown.push_back(c);
    QStringList headings{m_parsed.sheet.empty() ? tr("Line") : tr("Row"), tr("Problems")};
    for (std::size_t c : shown)
        headings << qs(core::tidyText(header.fields[c])).replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_preview->setColumnCount(int(headings.size()));
    m_preview->setHorizontalHeaderLabels(headings);
    m_preview->horizontalHeader()->setStretchLastSection(false);
    m_preview->setRowCount(int(records.size() - 1));
    std::set<int> lines;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const core::CsvRecord& rec = records[r];
        lines.insert(rec.line);
        const int row = int(r - 1);
        const QString problems = problemsOfLine(rec.line);
        m_preview->setItem(row, 0, new QTableWidgetItem(QString::number(rec.line)));
        auto* problem = new QTableWidgetItem(problems.isEmpty() ? tr("OK") : problems);
        problem->setToolTip(problems);
        m_preview->setItem(row, 1, problem);
        for (std::size_t k = 0; k < shown.size(); ++k) {
            const std::size_t c = shown[k];
            m_preview->setItem(row, 2 + int(k),
                               new QTableWidgetItem(c < rec.fields.size() ? qs(rec.fields[c]).replace(QLatin1Char('\n'),
                                                                                                       QLatin1Char(' '))
                                                                          : QString()));
        }
        if (!problems.isEmpty())
            for (int c = 0; c < m_preview->columnCount(); ++c)
                m_preview->item(row, c)->setBackground(QColor(0xfd, 0xe7, 0xe9));
    }
    m_preview->resizeColumnsToContents();
    // The problems wrap in a column of their own width, so that the row's cells stay in view.
    m_preview->setWordWrap(true);
    m_preview->setColumnWidth(1, std::min(m_preview->columnWidth(1), 380));
    m_preview->resizeRowsToContents();

    // The summary: how many rows, what was assumed, and problems that belong to no row (the header).
    QStringList text;
    const int bad = int(records.size() - 1) - int(m_parsed.rows.size());
    if (m_parsed.issues.empty())
        text << tr("%n row(s) can be imported.", nullptr, int(m_parsed.rows.size()));
    else
        text << tr("%n problem(s): nothing can be imported until they are fixed in the file (or the columns are "
                   "chosen on the previous page).",
                   nullptr, int(m_parsed.issues.size()))
             << tr("%n row(s) with a problem.", nullptr, std::max(bad, 0));
    const auto& notes = japaneseUi() ? m_parsed.notesJa : m_parsed.notes;
    for (const std::string& n : notes)
        text << qs(n);
    for (const core::CsvIssue& i : m_parsed.issues)
        if (!lines.count(i.line) && !text.contains(problemsOfLine(i.line)))
            text << problemsOfLine(i.line);
    m_summary->setText(text.join(QLatin1Char('\n')));
}

bool ImportWizard::importRoster()
{
    m_message->clearMessage();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract || !m_bytes || m_loading) {
        m_message->showError(tr("Choose a contract and a file first; nothing was imported."));
        return false;
    }
    if (!m_parsed.issues.empty()) {
        m_message->showError(tr("The file has %n problem(s) (see the rows above); nothing was imported.", nullptr,
                                int(m_parsed.issues.size())));
        return false;
    }
    try {
        // The same call as `meibo-cli import`: all rows in one transaction, or none.
        const auto result = db::Registry(m_session.vault()).importRoster(contract->id, m_parsed, m_link->isChecked());
        m_outcome = tr("Imported %1 row(s) into %2: %3 added, %4 updated, %5 new people.")
                        .arg(m_parsed.rows.size())
                        .arg(qs(contract->code))
                        .arg(result.added)
                        .arg(result.updated)
                        .arg(result.people);
        m_message->showInfo(m_outcome);
        m_session.notifyChanged();
        return true;
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
}

namespace {

/// Takes dropped roster files for a widget (the roster view): the first local file of a roster's
/// kind opens the wizard.
class RosterDropFilter : public QObject {
public:
    RosterDropFilter(QWidget* target, std::function<void(const QString&)> open)
        : QObject(target), m_open(std::move(open))
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* e = static_cast<QDropEvent*>(event);
            if (!fileOf(e->mimeData()).isEmpty()) {
                e->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* e = static_cast<QDropEvent*>(event);
            const QString path = fileOf(e->mimeData());
            if (!path.isEmpty()) {
                e->acceptProposedAction();
                m_open(path);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    static QString fileOf(const QMimeData* data)
    {
        if (!data || !data->hasUrls())
            return {};
        for (const QUrl& url : data->urls())
            if (url.isLocalFile() && rosterFileName(url.toLocalFile()))
                return url.toLocalFile();
        return {};
    }

    std::function<void(const QString&)> m_open;
};

} // namespace

void acceptRosterDrops(QWidget* target, std::function<void(const QString&)> open)
{
    target->setAcceptDrops(true);
    target->installEventFilter(new RosterDropFilter(target, std::move(open)));
}

} // namespace meibo::gui
