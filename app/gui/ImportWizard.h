#pragma once

#include "meibo/core/RosterCsv.h"

#include <QWizard>

#include <functional>
#include <memory>
#include <string>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class Session;

/// Imports a roster file as the officer has it (CSV in UTF-8 or CP932, Excel's Unicode text, the
/// .xlsx workbook) in three pages: the file, with the encoding or sheet found; the column mapping
/// (which field each header holds, changeable when a header is unusual); the rows with their
/// problems beside them, then the import, all or nothing. The same path as `meibo-cli import`:
/// core::readRosterFile (with the officer's mapping as core::ColumnMapping), then
/// db::Registry::importRoster. Files are read and checked on a worker thread.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { FilePage, MappingPage, PreviewPage };

    ImportWizard(Session& session, QWidget* parent = nullptr);

    /// Reads this file (on a worker; isLoading() until it is read).
    void setFile(const QString& path);
    bool isLoading() const { return m_loading; }
    /// The file as last read and checked.
    const core::RosterImport& parsed() const { return m_parsed; }
    /// The field (key, `person_id`, the combined パスポート番号及び国籍, or "" to ignore) the column
    /// headed `header` holds; reads the file again.
    void setMapping(const QString& header, const QString& field);

    ContractPicker* contractPicker() const { return m_contracts; }
    QLineEdit* fileEdit() const { return m_file; }
    QLabel* formatLabel() const { return m_format; }
    QComboBox* sheetCombo() const { return m_sheet; }
    QCheckBox* linkExistingCheck() const { return m_link; }
    QTableWidget* mappingTable() const { return m_mapping; }
    QTableWidget* previewTable() const { return m_preview; }
    QLabel* summaryLabel() const { return m_summary; }
    MessageBar* messageBar() const { return m_message; }
    /// After an import: what happened, for the roster view's message bar.
    QString outcome() const { return m_outcome; }

    /// Imports what the preview shows; false (with the reason shown, the registry unchanged) when
    /// a row has a problem or the registry refuses.
    bool importRoster();

    /// The problems of one row, one per line, in the interface language.
    QString problemsOfLine(int line) const;

signals:
    void loaded();

private:
    void browse();
    void reload();
    void showParsed();
    void fillMapping();
    void fillPreview();

    Session& m_session;
    ContractPicker* m_contracts;
    QLineEdit* m_file;
    QLabel* m_format;
    QComboBox* m_sheet;
    QCheckBox* m_link;
    QTableWidget* m_mapping;
    QTableWidget* m_preview;
    QLabel* m_summary;
    MessageBar* m_message;
    QLabel* m_fileMessage;

    std::shared_ptr<const std::string> m_bytes; ///< the file as read, kept while the mapping changes
    QString m_path;
    core::ColumnMapping m_columns;
    core::RosterImport m_parsed;
    QString m_readError;
    bool m_loading = false;
    int m_generation = 0;
    bool m_filling = false;
    QString m_outcome;
};

/// Lets `target` take a roster file dropped on it (.csv, .txt, .tsv, .xlsx): `open` is called with
/// its path.
void acceptRosterDrops(QWidget* target, std::function<void(const QString&)> open);

} // namespace meibo::gui
