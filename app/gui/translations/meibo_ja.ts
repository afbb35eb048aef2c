<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>core</name>
    <message>
        <source>Select a change set first.</source>
        <translation>先に変更届を選んでください。</translation>
    </message>
</context>
<context>
    <name>meibo</name>
    <message>
        <source>joins: %1 %2 (%3)</source>
        <translation>新規従事: %1 %2（%3）</translation>
    </message>
    <message>
        <source>leaves: %1</source>
        <translation>従事終了: %1</translation>
    </message>
    <message>
        <source>changes %1: %2</source>
        <translation>%1 の変更: %2</translation>
    </message>
    <message>
        <source>subcontractor added: %1</source>
        <translation>再委託先の追加: %1</translation>
    </message>
    <message>
        <source>subcontractor removed: %1</source>
        <translation>再委託先の削除: %1</translation>
    </message>
    <message>
        <source>compliance method of clause %1: %2</source>
        <translation>%1) の遵守の方法: %2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>届出済み</translation>
    </message>
    <message>
        <source>Consented</source>
        <translation>同意済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>反映済み</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>取下げ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空欄）</translation>
    </message>
</context>
<context>
    <name>meibo::gui::AdminMenu</name>
    <message>
        <source>E&amp;xtras</source>
        <translation>ツール(&amp;X)</translation>
    </message>
    <message>
        <source>Change the &amp;passphrase…</source>
        <translation>パスフレーズの変更(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Key slots and recovery key…</source>
        <translation>鍵スロットと回復キー(&amp;K)…</translation>
    </message>
    <message>
        <source>Signing &amp;certificate…</source>
        <translation>署名用の証明書(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Verify a bundle…</source>
        <translation>提出フォルダの検証(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Backup and restore…</source>
        <translation>バックアップと復元(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Subcontractors…</source>
        <translation>再委託先(&amp;S)…</translation>
    </message>
    <message>
        <source>Import the &amp;end-of-life list…</source>
        <translation>サポート終了一覧の取り込み(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>meibo::gui::AuditView</name>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Filter: action, entity, officer, a name …</source>
        <translation>絞り込み: 操作、対象、担当者、氏名など</translation>
    </message>
    <message>
        <source>Fil&amp;ter:</source>
        <translation>絞り込み(&amp;T):</translation>
    </message>
    <message>
        <source>Verify the &amp;chain</source>
        <translation>チェーンを検証(&amp;C)</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 entries, every link verified.</source>
        <translation>監査ログは改ざんされていません: %1 件、すべての連鎖を検証しました。</translation>
    </message>
    <message>
        <source>The audit log is broken: %1. Keep this file as evidence and restore the registry from a backup.</source>
        <translation>監査ログが壊れています: %1。このファイルを証拠として保管し、名簿ファイルをバックアップから復元してください。</translation>
    </message>
    <message>
        <source>When (Japan time)</source>
        <translation>日時（日本時間）</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>Operation code: %1
Record: %2
OS user: %3
Key slot: %4
Recorded at: %5</source>
        <translation>操作コード：%1
記録：%2
OS ユーザー：%3
鍵スロット：%4
記録時刻：%5</translation>
    </message>
</context>
<context>
    <name>meibo::gui::BackupDialog</name>
    <message>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>%1, written %2</source>
        <translation>%1、%2 に作成</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>バックアップと復元</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>The backup is an encrypted copy beside the registry (&lt;file&gt;.bak). Meibo also writes it before the first change of each day. It opens with the passphrases of the day it was written. Copy it to another disk now and then.</source>
        <translation>バックアップは名簿ファイルと同じフォルダーにある暗号化された写し（&lt;ファイル&gt;.bak）です。毎日最初の変更の前にも自動で作られます。作られた日のパスフレーズで開きます。ときどき別のディスクにコピーしてください。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Replaces everything in the registry by the contents of a backup of this same registry. The passphrases and the recovery key stay as they are now. The present contents are saved first (&lt;file&gt;.before-restore).</source>
        <translation>名簿ファイルの中身をすべて、この名簿ファイルのバックアップの内容で置き換えます。パスフレーズと回復キーはいまのままです。置き換える前の内容は先に保存します（&lt;ファイル&gt;.before-restore）。</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <source>Backup &amp;file:</source>
        <translation>バックアップのファイル(&amp;F):</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>バックアップのファイル</translation>
    </message>
    <message>
        <source>Meibo backups (*.bak *.meibo *.before-restore);;All files (*)</source>
        <translation>Meibo のバックアップ (*.bak *.meibo *.before-restore);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Backup %1: %2</source>
        <translation>バックアップ %1: %2</translation>
    </message>
    <message>
        <source>Choose the backup file to restore from (usually %1). Nothing was changed.</source>
        <translation>復元に使うバックアップのファイルを選んでください（通常は %1）。何も変更していません。</translation>
    </message>
    <message>
        <source>Replace everything in the registry by the backup %1 (%2)?

Now the registry holds %3 contract(s), %4 person(s) and %5 audit entries. Everything written after the backup is lost from the registry; the present contents are first saved to %6.</source>
        <translation>名簿ファイルの中身をすべて、バックアップ %1（%2）で置き換えますか？

いまの名簿ファイルには契約 %3 件、情報取扱者 %4 人、監査ログ %5 件があります。バックアップより後に記録した内容は名簿ファイルから失われます。いまの内容は先に %6 に保存します。</translation>
    </message>
    <message>
        <source>Restore the registry</source>
        <translation>名簿ファイルの復元</translation>
    </message>
    <message>
        <source>The registry was restored from %1. What it held before is kept in %2.</source>
        <translation>%1 から名簿ファイルを復元しました。復元前の内容は %2 に保存してあります。</translation>
    </message>
    <message>
        <source>Wrote the backup %1 (encrypted; it opens with today&apos;s passphrases).</source>
        <translation>バックアップ %1 を書き出しました（暗号化済み。今日のパスフレーズで開きます）。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::CertificateDialog</name>
    <message>
        <source>imported from a PKCS#12 file</source>
        <translation>PKCS#12 ファイルから取り込んだ証明書</translation>
    </message>
    <message>
        <source>self-signed, made by Meibo (recipients see the issuer as unknown unless they trust it)</source>
        <translation>Meibo が作った自己署名証明書（相手が信頼するまで、発行者は不明と表示されます）</translation>
    </message>
    <message>
        <source>&amp;Copy the fingerprint</source>
        <translation>フィンガープリントをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save the certificate…</source>
        <translation>証明書を保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Signing certificate</source>
        <translation>署名用の証明書</translation>
    </message>
    <message>
        <source>The certificate kept in the registry</source>
        <translation>名簿ファイルに保管している証明書</translation>
    </message>
    <message>
        <source>Signer:</source>
        <translation>署名者:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 フィンガープリント:</translation>
    </message>
    <message>
        <source>Tell the ministry this fingerprint (by telephone or on paper, not only in the same mail as the documents): it is how they know that the signature is yours.</source>
        <translation>このフィンガープリントを担当課室に伝えてください（書類と同じメールだけでなく、電話や紙でも）。署名が貴社のものであることは、これで確かめられます。</translation>
    </message>
    <message>
        <source>Import a certificate (PKCS#12: .p12 / .pfx)</source>
        <translation>証明書の取り込み（PKCS#12: .p12 / .pfx）</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <source>File&apos;s &amp;passphrase:</source>
        <translation>ファイルのパスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <source>Or make a self-signed certificate</source>
        <translation>または自己署名証明書を作る</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;name:</source>
        <translation>署名者の名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>作成(&amp;G)</translation>
    </message>
    <message>
        <source>PKCS#12 certificate</source>
        <translation>PKCS#12 証明書</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save the certificate</source>
        <translation>証明書の保存</translation>
    </message>
    <message>
        <source>PEM certificate (*.pem)</source>
        <translation>PEM 証明書 (*.pem)</translation>
    </message>
    <message>
        <source>none yet: import one, or make a self-signed one (an export makes one if none)</source>
        <translation>まだありません。取り込むか、自己署名証明書を作ってください（ない場合は出力時に作ります）</translation>
    </message>
    <message>
        <source>Replace the certificate</source>
        <translation>証明書の置き換え</translation>
    </message>
    <message>
        <source>Replace the kept certificate of “%1” (SHA-256 %2)? Documents signed with it stay valid, but new ones will be signed with the new certificate: tell the ministry its fingerprint.</source>
        <translation>保管している「%1」の証明書（SHA-256 %2）を置き換えますか？&#x3000;これで署名した書類はそのまま有効ですが、これからの書類は新しい証明書で署名します。新しいフィンガープリントを担当課室に伝えてください。</translation>
    </message>
    <message>
        <source>Kept the certificate of “%1” in the registry (SHA-256 %2).</source>
        <translation>「%1」の証明書を名簿ファイルに保管しました（SHA-256 %2）。</translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file (.p12 or .pfx) first. Nothing was changed.</source>
        <translation>先に PKCS#12 ファイル（.p12 または .pfx）を選んでください。何も変更していません。</translation>
    </message>
    <message>
        <source>Cannot read %1: choose a PKCS#12 file (.p12 or .pfx) of at most 1 MiB. Nothing was changed.</source>
        <translation>%1 を読めません。1 MiB 以下の PKCS#12 ファイル（.p12 または .pfx）を選んでください。何も変更していません。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>何も変更していません。</translation>
    </message>
    <message>
        <source>Give the signer&apos;s name (usually the organization&apos;s name). Nothing was changed.</source>
        <translation>署名者の名前（通常は会社名）を入力してください。何も変更していません。</translation>
    </message>
    <message>
        <source>Cannot write %1: choose another folder.</source>
        <translation>%1 に書き込めません。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Saved the certificate (without its key) to %1: give it to whoever verifies your documents.</source>
        <translation>証明書（秘密鍵は含みません）を %1 に保存しました。書類を検証する相手に渡してください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ChangesView</name>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>状態(&amp;T):</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>変更日</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>届出済み</translation>
    </message>
    <message>
        <source>Consented</source>
        <translation>同意済み</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>New change set</source>
        <translation>新しい変更届</translation>
    </message>
    <message>
        <source>Effective &amp;date:</source>
        <translation>変更日(&amp;D):</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>理由(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;New change set</source>
        <translation>変更届を作成(&amp;N)</translation>
    </message>
    <message>
        <source>Changes in the selected draft</source>
        <translation>選択した下書きの変更内容</translation>
    </message>
    <message>
        <source>&amp;Import people from CSV…</source>
        <translation>CSV から新規従事者を追加(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>対象者(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Leaves the roster</source>
        <translation>従事終了(&amp;L)</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>項目:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>値:</translation>
    </message>
    <message>
        <source>Chan&amp;ge the field</source>
        <translation>項目を変更(&amp;G)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>手続</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <source>How / b&amp;y / why:</source>
        <translation>方法・同意者・理由(&amp;Y):</translation>
    </message>
    <message>
        <source>how it was sent, who consented, or why it was rejected</source>
        <translation>届出の方法、同意した担当職員、または不同意の理由</translation>
    </message>
    <message>
        <source>S&amp;ubmit</source>
        <translation>届出(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;onsent</source>
        <translation>同意(&amp;O)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>不同意(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>反映(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>取下げ(&amp;W)</translation>
    </message>
    <message>
        <source>P&amp;review the notice…</source>
        <translation>変更届をプレビュー(&amp;R)…</translation>
    </message>
    <message>
        <source>People joining (roster CSV)</source>
        <translation>新規従事者（名簿 CSV）</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation>（事後届出）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a change set, or make a new one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;変更届を選ぶか、新しく作成してください。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Change set %1 — %2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;変更届 %1 — %2&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Effective %1%2. Reason: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;変更日 %1%2。理由: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (a late notice: recorded after the change happened)</source>
        <translation>（事後届出: 変更後に記録されたもの）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Submitted %1 %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;届出 %1 %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Consented %1 %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;同意 %1 %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Rejected %1: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;不同意 %1: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Applied: the roster changed from %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;反映済み: %1 から名簿に反映&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;No changes yet: add people from a CSV, or choose a person and what changes.&lt;/li&gt;</source>
        <translation>&lt;li&gt;変更内容はまだありません。CSV から新規従事者を追加するか、対象者と変更する項目を選んでください。&lt;/li&gt;</translation>
    </message>
    <message>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <source>Give the reason for the change (it is printed on the notice).</source>
        <translation>変更の理由を入力してください（変更届に記載されます）。</translation>
    </message>
    <message>
        <source>Change set %1 created as a draft.</source>
        <translation>変更届 %1 を下書きとして作成しました。</translation>
    </message>
    <message>
        <source>Select a draft change set first.</source>
        <translation>先に下書きの変更届を選んでください。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 を読み込めません。</translation>
    </message>
    <message>
        <source>%1 has problems; nothing was added:
</source>
        <translation>%1 に問題があるため、何も追加していません:
</translation>
    </message>
    <message numerus="yes">
        <source>Added %n change(s) to change set %1.</source>
        <translation>
            <numerusform>変更届 %1 に %n 件の変更を追加しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the person who leaves.</source>
        <translation>従事を終了する人を選んでください。</translation>
    </message>
    <message>
        <source>%1 leaves the roster with change set %2.</source>
        <translation>変更届 %2 で %1 の従事を終了します。</translation>
    </message>
    <message>
        <source>Choose the person whose record changes.</source>
        <translation>記載を変更する人を選んでください。</translation>
    </message>
    <message>
        <source>Change set %1: %2 %3 = %4.</source>
        <translation>変更届 %1: %2 の %3 を %4 に変更。</translation>
    </message>
    <message>
        <source>Change set %1 submitted to the ministry on %2.</source>
        <translation>変更届 %1 を %2 に担当課室へ届け出ました。</translation>
    </message>
    <message>
        <source>Change set %1: the ministry&apos;s consent of %2 is recorded. Apply it to change the roster.</source>
        <translation>変更届 %1: %2 の担当課室の同意を記録しました。名簿に反映するには「反映」を押してください。</translation>
    </message>
    <message>
        <source>Give the ministry&apos;s reason for the rejection.</source>
        <translation>担当課室が同意しなかった理由を入力してください。</translation>
    </message>
    <message>
        <source>Change set %1: the rejection is recorded.</source>
        <translation>変更届 %1: 不同意を記録しました。</translation>
    </message>
    <message>
        <source>Change set %1 withdrawn.</source>
        <translation>変更届 %1 を取り下げました。</translation>
    </message>
    <message>
        <source>Change set %1 applied: the roster changes from %2.</source>
        <translation>変更届 %1 を反映しました: %2 から名簿が変わります。</translation>
    </message>
    <message>
        <source>Select a change set first.</source>
        <translation>先に変更届を選んでください。</translation>
    </message>
    <message numerus="yes">
        <source>Apply change set %1 to the roster?

Its %n change(s) become part of the roster from %2; the roster, the structure and every document exported for a day from then on show them. This cannot be undone: a later correction needs a new change set.</source>
        <translation>
            <numerusform>変更届 %1 を名簿に反映しますか？

%n 件の変更が %2 から名簿に反映され、名簿、体制図、その日以降を基準日とする出力書類のすべてに表れます。元に戻すことはできません（後の訂正には新しい変更届が必要です）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply the change set</source>
        <translation>変更届の反映</translation>
    </message>
    <message>
        <source>Not applied: the roster is unchanged.</source>
        <translation>反映していません。名簿は変わっていません。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ContractDialog</name>
    <message>
        <source>Contract %1</source>
        <translation>契約 %1</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新しい契約</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>コード(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Title (契約件名):</source>
        <translation>契約件名(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>契約期間の開始日(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>契約期間の終了日(&amp;E):</translation>
    </message>
    <message>
        <source>Si&amp;gned on (契約締結日):</source>
        <translation>契約締結日(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Addressee (… 殿):</source>
        <translation>宛先（… 殿）(&amp;A):</translation>
    </message>
    <message>
        <source>Ministry c&amp;ontact:</source>
        <translation>担当職員(&amp;O):</translation>
    </message>
    <message>
        <source>Personal data as&amp;ked for on (※5):</source>
        <translation>住所・生年月日の提出を求められた日（※5）(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Roster agreed on (8 ①):</source>
        <translation>名簿の同意を得た日（8 ①）(&amp;R):</translation>
    </message>
    <message>
        <source>Once the roster is agreed with the ministry, it changes only through change sets.</source>
        <translation>名簿について担当課室の同意を得た後は、変更届を通してのみ変更できます。</translation>
    </message>
    <message>
        <source>The start of the contract</source>
        <translation>契約の開始日</translation>
    </message>
    <message>
        <source>The end of the contract</source>
        <translation>契約の終了日</translation>
    </message>
    <message>
        <source>The signing date</source>
        <translation>契約締結日</translation>
    </message>
    <message>
        <source>The day personal data was asked for</source>
        <translation>住所・生年月日の提出を求められた日</translation>
    </message>
    <message>
        <source>The day the roster was agreed</source>
        <translation>名簿の同意を得た日</translation>
    </message>
    <message>
        <source>e.g. 2026-06-01, 2026/6/1 or 令和8年6月1日</source>
        <translation>例：2026-06-01、2026/6/1、令和8年6月1日</translation>
    </message>
    <message>
        <source>Give the contract a short code, e.g. METI-2026-01.</source>
        <translation>契約に短い記号を付けてください（例：METI-2026-01）。</translation>
    </message>
    <message>
        <source>The title (契約件名) is required.</source>
        <translation>契約件名は必須です。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1は必須です。</translation>
    </message>
    <message>
        <source>Record the ministry&apos;s consent</source>
        <translation>担当課室の同意の記録</translation>
    </message>
    <message>
        <source>Record that the ministry agreed the roster of %1 on %2?

From that day on, every change to this roster — people joining or leaving, their details, the structure — must be notified in advance as a change notice and applied only after the ministry consents. Edits that would rewrite an agreed day are refused.</source>
        <translation>%1 の情報取扱者名簿について、%2 に担当課室の同意を得たことを記録しますか？

その日以降、この名簿の変更（従事者の追加・終了、記載事項、体制）は、すべて変更届として事前に届け出て、担当課室の同意を得てから反映することになります。同意済みの日の内容を書き換える編集はできなくなります。</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>何も保存していません。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::CreateDialog</name>
    <message>
        <source>New registry</source>
        <translation>新しい名簿ファイル</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>&amp;Organization (名称):</source>
        <translation>名称(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>パスフレーズ（確認）(&amp;R):</translation>
    </message>
    <message>
        <source>At least 8 characters; a few words are easiest to remember and hardest to guess.</source>
        <translation>8文字以上。いくつかの単語を並べると覚えやすく、推測されにくくなります。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>パスフレーズが短すぎます。8文字以上にしてください。</translation>
    </message>
    <message>
        <source>Give the organization&apos;s name (名称): it heads every document of the registry.</source>
        <translation>名称（会社名）を入力してください。名簿ファイルのすべての書類の冒頭に記載されます。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::DashboardView</name>
    <message>
        <source>Findin&amp;gs (grouped by contract and rule; Enter or a click on a line goes to it)</source>
        <translation>指摘(&amp;G)（契約・ルールごと。行をクリックするか Enter で該当箇所へ移動）</translation>
    </message>
    <message>
        <source>Reading the registry…</source>
        <translation>名簿ファイルを読み込んでいます…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Today: %1 — %2 contract(s); findings: &lt;b&gt;%3 error(s)&lt;/b&gt;, %4 warning(s).&lt;/p&gt;</source>
        <translation>&lt;p&gt;本日: %1 — 契約 %2 件、指摘: &lt;b&gt;エラー %3 件&lt;/b&gt;、警告 %4 件&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Period %1 – %2</source>
        <translation>&lt;p&gt;契約期間 %1 – %2</translation>
    </message>
    <message>
        <source>; roster agreed with the ministry on %1 (changes need a change set)</source>
        <translation>、%1 に名簿について担当課室の同意済み（変更には変更届が必要）</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Next status report&lt;/b&gt; (実施状況報告書): period %1 – %2, due %3 (%4).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;次の実施状況報告書&lt;/b&gt;: 対象期間 %1 – %2、提出期限 %3（%4）&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>あと %n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n 日超過</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 (%3): support ends %4 (%5)</source>
        <translation>%1 %2（%3）: サポート期限 %4（%5）</translation>
    </message>
    <message numerus="yes">
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>%n 日前に終了</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Software support ending&lt;/b&gt; (15(5))&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;サポート期限が近い・切れたソフトウェア&lt;/b&gt;（15)（５））&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Change set %1 waits for consent (submitted %2); effective %3: %4 — %5</source>
        <translation>変更届 %1 は同意待ち（%2 届出）、変更日 %3: %4 — %5</translation>
    </message>
    <message>
        <source>Change set %1 consented on %2, not applied yet; effective %3: %4 — %5</source>
        <translation>変更届 %1 は %2 に同意済み、未反映。変更日 %3: %4 — %5</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Change notices in progress&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;手続中の変更届&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1: %2 — %3 (%4)</source>
        <translation>%1：%2 — %3（%4）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Due within %n day(s):&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n日以内の期限：&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;No contract yet: add one with Edit ▸ New contract, then its people in the Roster view (Add person, or import a roster file).&lt;/p&gt;</source>
        <translation>&lt;p&gt;契約がまだありません。「編集 ▸ 新しい契約」で追加し、名簿の画面で情報取扱者を追加（または名簿ファイルを取込み）してください。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>meibo::gui::DateEdit</name>
    <message>
        <source>Type a date as you would write it: 2026-06-01, 2026/6/1, 2026年6月1日 or 令和8年6月1日.</source>
        <translation>日付は 2026-06-01、2026/6/1、2026年6月1日、令和8年6月1日 のいずれでも入力できます。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::DiagramWidget</name>
    <message>
        <source>Nobody on the roster on this day.</source>
        <translation>この日の名簿には誰も記載されていません。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::DocumentPreview</name>
    <message>
        <source>Preview: %1</source>
        <translation>プレビュー: %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>A preview in memory: export the change set to get the signed PDF and DOCX.</source>
        <translation>メモリ上のプレビューです。署名付きの PDF と DOCX は変更届を出力して作成します。</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>%1 を印刷</translation>
    </message>
</context>
<context>
    <name>meibo::gui::EolImportDialog</name>
    <message>
        <source>Import the end-of-life list</source>
        <translation>サポート終了一覧の取り込み</translation>
    </message>
    <message>
        <source>A CSV list of software support end dates (columns product, cycle and eol, as the public end-of-life lists have them) dates the entries of the contract&apos;s software ledger whose name and version it lists. All or nothing: a list with a problem changes nothing.</source>
        <translation>ソフトウェアのサポート終了日の一覧（CSV。公開されているサポート終了一覧と同じ product、cycle、eol の列）から、契約のソフトウェア管理台帳のうち名称とバージョンが一致するものにサポート期限を記録します。一覧に問題が1つでもあれば、何も変更しません。</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;List (CSV):</source>
        <translation>一覧（CSV）(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Support ends</source>
        <translation>サポート期限</translation>
    </message>
    <message>
        <source>Line of the list</source>
        <translation>一覧の行</translation>
    </message>
    <message>
        <source>End-of-life list</source>
        <translation>サポート終了一覧</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose the contract first. Nothing was changed.</source>
        <translation>先に契約を選んでください。何も変更していません。</translation>
    </message>
    <message>
        <source>Choose the end-of-life list: a CSV file of at most 16 MiB that you may read. Nothing was changed.</source>
        <translation>サポート終了一覧（16 MiB 以下の、読める CSV ファイル）を選んでください。何も変更していません。</translation>
    </message>
    <message>
        <source>The list has problems, so nothing was imported:</source>
        <translation>一覧に問題があるため、何も取り込んでいません:</translation>
    </message>
    <message numerus="yes">
        <source>%n software entry(ies) of %1 dated from the list.</source>
        <translation>
            <numerusform>%1 のソフトウェア %n 件にサポート期限を記録しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meibo::gui::ExportDialog</name>
    <message>
        <source>The compliance &amp;methods (遵守の方法)</source>
        <translation>遵守の方法(&amp;M)</translation>
    </message>
    <message>
        <source>Leave addresses and birth dates out (※5, before the contract)</source>
        <translation>個人住所と生年月日を省略する（※5、契約前）</translation>
    </message>
    <message>
        <source>Dates in the CSV and XLSX as YYYY-MM-DD (&amp;ISO; otherwise in the Japanese era)</source>
        <translation>CSV・XLSX の日付を西暦（YYYY-MM-DD）で書く（和暦にしない）(&amp;I)</translation>
    </message>
    <message>
        <source>CSV and XLSX with the import&apos;s &amp;keys as column names and country codes (otherwise the form&apos;s Japanese names)</source>
        <translation>CSV・XLSX の列名を取込み用の英語キーに、国籍を国コードにする（様式の日本語名にしない）(&amp;K)</translation>
    </message>
    <message>
        <source>The certificate of return or &amp;deletion (clause 8)</source>
        <translation>返却・消去証明書(&amp;D)（8)）</translation>
    </message>
    <message>
        <source>The certificate kept in the registry (a self-signed one is made if none)</source>
        <translation>名簿ファイルに保管した証明書（なければ自己署名証明書を作成）</translation>
    </message>
    <message>
        <source>A PKCS#12 file:</source>
        <translation>PKCS#12 ファイル:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>出力(&amp;E)</translation>
    </message>
    <message>
        <source>Export the signed documents</source>
        <translation>署名付き文書の出力</translation>
    </message>
    <message>
        <source>its passphrase</source>
        <translation>そのパスフレーズ</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>PKCS#12 certificate</source>
        <translation>PKCS#12 証明書</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>選択(&amp;H)…</translation>
    </message>
    <message>
        <source>a new or empty folder</source>
        <translation>新しいフォルダまたは空のフォルダ</translation>
    </message>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>Roster &amp;as of:</source>
        <translation>名簿の基準日(&amp;A):</translation>
    </message>
    <message>
        <source>Change &amp;notice:</source>
        <translation>変更届(&amp;N):</translation>
    </message>
    <message>
        <source>Status re&amp;port:</source>
        <translation>実施状況報告書(&amp;P):</translation>
    </message>
    <message>
        <source>Documents: 様式4 情報取扱者名簿 and 情報管理体制図 (signed PDF and DOCX), the 従事者情報 of clause 4 (signed PDF, DOCX and CSV), the roster as CSV and XLSX, the diagram as PNG and SVG, a signed manifest; and what is chosen above: the 変更届, the 実施状況報告書, the compliance methods, the deletion certificate.</source>
        <translation>様式4 情報取扱者名簿と情報管理体制図（署名付き PDF と DOCX）、情報セキュリティに関する事項4)の従事者情報（署名付き PDF、DOCX と CSV）、名簿の CSV と XLSX、体制図の PNG と SVG、署名付きマニフェスト。加えて上で選んだ変更届、実施状況報告書、遵守の方法、返却・消去証明書。</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>内容:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>証明書:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>フォルダ(&amp;F):</translation>
    </message>
    <message>
        <source>The folder will hold personal data in plain form (names, addresses, passport numbers), readable only by you. Send it, then delete it.</source>
        <translation>このフォルダには個人情報（氏名、個人住所、パスポート番号）が暗号化されずに保存されます（本人のみ読み取り可）。提出後は削除してください。</translation>
    </message>
    <message>
        <source>None: the roster as of the day above</source>
        <translation>なし: 上記の基準日の名簿</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Report %1: %2 – %3, revision %4 (%5)</source>
        <translation>報告書 %1: %2 – %3、第 %4 版（%5）</translation>
    </message>
    <message>
        <source>final</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Change set %1 (%2, effective %3): %4</source>
        <translation>変更届 %1（%2、変更日 %3）: %4</translation>
    </message>
    <message>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <source>Choose a new or empty folder for the bundle.</source>
        <translation>出力先として新しいフォルダか空のフォルダを選んでください。</translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file, or use the kept certificate.</source>
        <translation>PKCS#12 ファイルを選ぶか、保管済みの証明書を使ってください。</translation>
    </message>
    <message>
        <source>Verified: every file matches the manifest signed by “%1”.</source>
        <translation>検証済み: すべてのファイルが「%1」の署名したマニフェストと一致します。</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2 in %3 ms. %4</source>
        <translation>%2 に %1 個のファイルを出力しました（%3 ms）。%4</translation>
    </message>
    <message>
        <source>The bundle does not match its manifest: %1</source>
        <translation>出力がマニフェストと一致しません: %1</translation>
    </message>
    <message>
        <source>Compliance methods missing</source>
        <translation>遵守の方法が未記入です</translation>
    </message>
    <message numerus="yes">
        <source>%n of the 17 compliance methods (遵守の方法) of %1 are not written yet: the document will print 未記入 there.

Export anyway? (Write them in the Report view under Compliance methods…)</source>
        <translation>
            <numerusform>%1 の遵守の方法（17項目）のうち %n 項目が未記入のため、書類のその箇所は「未記入」と印刷されます。

このまま出力しますか？（記入は実施状況報告書の画面の「遵守の方法…」から行えます）</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: nothing was written.</source>
        <translation>出力していません。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>A new or empty folder for the bundle</source>
        <translation>出力先の新しいフォルダーまたは空のフォルダー</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>フォルダー名:</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>選択</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新しいフォルダー</translation>
    </message>
    <message>
        <source>The folder %1 does not exist yet. Create it and export the documents into it?</source>
        <translation>フォルダー %1 はまだありません。作成して、そこへ書類を出力しますか？</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created here: choose another place.</source>
        <translation>フォルダー %1 をここには作成できません。別の場所を選んでください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::FindingsModel</name>
    <message>
        <source>One information security officer</source>
        <translation>情報管理責任者は1名</translation>
    </message>
    <message>
        <source>Passport number or nationality missing</source>
        <translation>旅券番号・国籍の記載漏れ</translation>
    </message>
    <message>
        <source>Address or birth date not recorded yet</source>
        <translation>住所・生年月日が未記入</translation>
    </message>
    <message>
        <source>Address or birth date requested by the ministry</source>
        <translation>住所・生年月日の提出を求められている</translation>
    </message>
    <message>
        <source>Subcontractor not on the contract</source>
        <translation>契約にない再委託先</translation>
    </message>
    <message>
        <source>Reporting line broken</source>
        <translation>報告先がつながっていない</translation>
    </message>
    <message>
        <source>Reporting lines in a circle</source>
        <translation>報告先の循環</translation>
    </message>
    <message>
        <source>Disclosure incomplete (affiliation, expertise, track record, nationality)</source>
        <translation>所属・専門性・実績・国籍の提示不足</translation>
    </message>
    <message>
        <source>Need to handle the information not stated</source>
        <translation>情報を取り扱う必要性が未記入</translation>
    </message>
    <message>
        <source>Change notice waiting for consent</source>
        <translation>同意待ちの変更届</translation>
    </message>
    <message>
        <source>Consented change notice not applied</source>
        <translation>同意済みで未反映の変更届</translation>
    </message>
    <message>
        <source>Change notified after the fact</source>
        <translation>事後の変更届</translation>
    </message>
    <message>
        <source>Status report due</source>
        <translation>実施状況報告書の提出期限</translation>
    </message>
    <message>
        <source>Status report overdue</source>
        <translation>実施状況報告書の提出遅れ</translation>
    </message>
    <message>
        <source>Security training not recorded</source>
        <translation>情報セキュリティ教育の記録なし</translation>
    </message>
    <message>
        <source>Software support ending</source>
        <translation>サポートが終了するソフトウェア</translation>
    </message>
    <message>
        <source>Software support end unknown</source>
        <translation>サポート終了日が不明なソフトウェア</translation>
    </message>
    <message>
        <source>Cloud service not ISMAP-registered</source>
        <translation>ISMAP 未登録のクラウドサービス</translation>
    </message>
    <message>
        <source>Cloud service without approval</source>
        <translation>承認のないクラウドサービス</translation>
    </message>
    <message>
        <source>Incident reported late</source>
        <translation>インシデント報告の遅れ</translation>
    </message>
    <message>
        <source>Copy made without permission</source>
        <translation>許可のない複製</translation>
    </message>
    <message>
        <source>Information not returned or deleted</source>
        <translation>未返却・未消去の情報</translation>
    </message>
    <message>
        <source>Audit finding still open</source>
        <translation>未対応の監査指摘</translation>
    </message>
    <message>
        <source>Other findings</source>
        <translation>その他の指摘</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>エラー %1 件、警告 %2 件</translation>
    </message>
    <message>
        <source>Contract / rule / subject</source>
        <translation>契約 / ルール / 対象</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>対処</translation>
    </message>
    <message>
        <source>Same passport number for two people</source>
        <translation>同じパスポート番号の者が2名</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ImportWizard</name>
    <message>
        <source>Import a roster</source>
        <translation>名簿の取込み</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取込み(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The roster file</source>
        <translation>名簿ファイル</translation>
    </message>
    <message>
        <source>A 様式4 roster as you keep it: CSV (UTF-8 or Excel&apos;s Shift_JIS), Excel&apos;s Unicode text (.txt) or the Excel workbook (.xlsx). Nothing is written until the last page.</source>
        <translation>お手元の様式4の名簿：CSV（UTF-8 または Excel の Shift_JIS）、Excel の Unicode テキスト（.txt）、Excel ブック（.xlsx）。最後のページで取り込むまで、何も書き込みません。</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Link people already registered on another contract (same name and date of birth)</source>
        <translation>他の契約に登録済みの人（氏名と生年月日が同じ）を同一人物として結び付ける(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>シート(&amp;S):</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>読み取り:</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Each column of the file and the item of the roster it holds. When a heading is not one the form uses, choose its item here (or ignore the column).</source>
        <translation>ファイルの列ごとに、名簿のどの項目として読むかを示します。見出しが様式と違う列は、ここで項目を選んでください（または取り込まないでください）。</translation>
    </message>
    <message>
        <source>Heading in the file</source>
        <translation>ファイルの見出し</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>最初の値</translation>
    </message>
    <message>
        <source>Item of the roster</source>
        <translation>名簿の項目</translation>
    </message>
    <message>
        <source>Check and import</source>
        <translation>確認と取込み</translation>
    </message>
    <message>
        <source>Every row of the file with its problems beside it. The roster is imported only when no row has a problem: all rows or none.</source>
        <translation>ファイルのすべての行と、その問題です。問題のある行が一つもないときだけ取り込みます（全行か、何も取り込まないか）。</translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation>名簿ファイル</translation>
    </message>
    <message>
        <source>Roster files (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>名簿ファイル (*.csv *.txt *.tsv *.xlsx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>ファイル %1 を読めません：%2</translation>
    </message>
    <message>
        <source>(choose a file)</source>
        <translation>（ファイルを選んでください）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel ブック（.xlsx）</translation>
    </message>
    <message>
        <source>(not read as text)</source>
        <translation>（テキストとして読めません）</translation>
    </message>
    <message>
        <source>%1 text, tab-separated</source>
        <translation>%1 のテキスト、タブ区切り</translation>
    </message>
    <message>
        <source>%1 text, comma-separated</source>
        <translation>%1 のテキスト、カンマ区切り</translation>
    </message>
    <message>
        <source>(choose a sheet)</source>
        <translation>（シートを選んでください）</translation>
    </message>
    <message>
        <source>(not recognized: choose)</source>
        <translation>（認識できません：項目を選んでください）</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>（この列は取り込まない）</translation>
    </message>
    <message>
        <source>Registered person&apos;s number (person_id)</source>
        <translation>登録済みの人の番号（person_id）</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>シートの行</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>問題なし</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) can be imported.</source>
        <translation>
            <numerusform>%n 行を取り込めます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): nothing can be imported until they are fixed in the file (or the columns are chosen on the previous page).</source>
        <translation>
            <numerusform>問題が %n 件あります。ファイルで直す（または前のページで列の項目を選ぶ）まで、何も取り込めません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a problem.</source>
        <translation>
            <numerusform>問題のある行：%n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a contract and a file first; nothing was imported.</source>
        <translation>先に契約とファイルを選んでください。何も取り込んでいません。</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n problem(s) (see the rows above); nothing was imported.</source>
        <translation>
            <numerusform>ファイルに %n 件の問題があります（上の行を参照）。何も取り込んでいません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 row(s) into %2: %3 added, %4 updated, %5 new people.</source>
        <translation>%2 に %1 行を取り込みました（追加 %3、更新 %4、新しい人 %5）。</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>%1行目</translation>
    </message>
    <message>
        <source>sheet %1, row %2</source>
        <translation>シート「%1」%2行目</translation>
    </message>
    <message>
        <source>sheet %1, cell %2</source>
        <translation>シート「%1」%2セル</translation>
    </message>
</context>
<context>
    <name>meibo::gui::InspectDialog</name>
    <message>
        <source>page %1</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>点検(&amp;I)</translation>
    </message>
    <message>
        <source>Inspect deliverables before publication</source>
        <translation>納品物の公開前点検</translation>
    </message>
    <message>
        <source>Drop the deliverables here (a folder or files: Excel, Word, PDF, CSV, text), or add them with the buttons. Meibo looks for hidden rows, columns and sheets, comments, tracked changes, authors in the properties, attached files, pages without text and personal data; with a registry open, its handlers&apos; addresses, dates of birth and passport numbers too. The files are not changed.</source>
        <translation>納品物（フォルダーまたはファイル：Excel、Word、PDF、CSV、テキスト）をここにドロップするか、ボタンで追加してください。非表示の行・列・シート、コメント、変更履歴、プロパティの作成者名、添付ファイル、文字情報のないページ、個人情報を探します。名簿ファイルを開いていれば、取扱者の住所・生年月日・パスポート番号も探します。ファイルは変更しません。</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>ファイルを追加(&amp;F)…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>フォルダーを追加(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>一覧から外す(&amp;R)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>箇所</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Finding and what to do</source>
        <translation>指摘と対処</translation>
    </message>
    <message>
        <source>Deliverables to inspect</source>
        <translation>点検する納品物</translation>
    </message>
    <message>
        <source>Folder of deliverables to inspect</source>
        <translation>点検する納品物のフォルダー</translation>
    </message>
    <message>
        <source>Add a folder or files first.</source>
        <translation>先にフォルダーかファイルを追加してください。</translation>
    </message>
    <message>
        <source>Not readable</source>
        <translation>読めない</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>要対処</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) inspected: nothing found.</source>
        <translation>
            <numerusform>%n 個のファイルを点検しました。指摘はありません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) inspected: %1 finding(s). Fix them and inspect again before publication.</source>
        <translation>
            <numerusform>%n 個のファイルを点検しました。指摘は %1 件です。公開前に直して、もう一度点検してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked against the registry&apos;s handlers; the inspection is in the audit log.</source>
        <translation>名簿の取扱者と照合しました。点検したことは監査ログに記録しました。</translation>
    </message>
    <message>
        <source>No registry is open: open one to look for its handlers&apos; personal data as well.</source>
        <translation>名簿ファイルが開かれていません。開くと、取扱者の個人情報も照合します。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::KeySlotsDialog</name>
    <message>
        <source>Re&amp;move the selected slot…</source>
        <translation>選んだスロットを削除(&amp;M)…</translation>
    </message>
    <message>
        <source>Replace the reco&amp;very key…</source>
        <translation>回復キーを再発行(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Add the slot</source>
        <translation>スロットを追加(&amp;A)</translation>
    </message>
    <message>
        <source>Key slots</source>
        <translation>鍵スロット</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Opens with</source>
        <translation>開く鍵</translation>
    </message>
    <message>
        <source>Key derivation</source>
        <translation>鍵の導出</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>&amp;Slots (up to 8):</source>
        <translation>スロット（最大8個）(&amp;S):</translation>
    </message>
    <message>
        <source>Each slot opens the same registry: the officer&apos;s passphrase, a deputy&apos;s own passphrase, and the recovery key. Removing a slot or replacing the recovery key takes effect at once; backups written before still open with the old ones.</source>
        <translation>どのスロットでも同じ名簿ファイルを開けます（担当者のパスフレーズ、副担当者のパスフレーズ、回復キー）。スロットの削除と回復キーの再発行はすぐに有効になります。それより前に書かれたバックアップは古い鍵で開きます。</translation>
    </message>
    <message>
        <source>e.g. deputy</source>
        <translation>例: 副担当</translation>
    </message>
    <message>
        <source>A deputy&apos;s passphrase</source>
        <translation>副担当者のパスフレーズ</translation>
    </message>
    <message>
        <source>Slot &amp;name:</source>
        <translation>スロットの名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>R&amp;epeat the passphrase:</source>
        <translation>パスフレーズ（確認）(&amp;E):</translation>
    </message>
    <message>
        <source>the recovery key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <source>a passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>none needed (a random key)</source>
        <translation>不要（乱数の鍵）</translation>
    </message>
    <message>
        <source>Argon2id, %1 MiB × %2 passes</source>
        <translation>Argon2id、%1 MiB × %2 回</translation>
    </message>
    <message>
        <source>Argon2id, %1 KiB × %2 passes</source>
        <translation>Argon2id、%1 KiB × %2 回</translation>
    </message>
    <message>
        <source>opened this session</source>
        <translation>いま開いているスロット</translation>
    </message>
    <message>
        <source>cannot be removed; replace it instead</source>
        <translation>削除できません（再発行はできます）</translation>
    </message>
    <message>
        <source>Give the slot a name of 1 to 32 bytes (up to 32 letters or about 10 Japanese characters), e.g. the deputy&apos;s name. Nothing was changed.</source>
        <translation>スロットに1〜32バイト（半角32文字、全角10文字程度）の名前を付けてください（例: 副担当者の名前）。何も変更していません。</translation>
    </message>
    <message>
        <source>There is a key slot named “%1” already: choose another name. Nothing was changed.</source>
        <translation>「%1」という名前の鍵スロットはすでにあります。別の名前にしてください。何も変更していません。</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice. Nothing was changed.</source>
        <translation>2回入力したパスフレーズが一致しません。同じものを2回入力してください。何も変更していません。</translation>
    </message>
    <message>
        <source>Added the key slot “%1”: the registry now opens with its passphrase too.</source>
        <translation>鍵スロット「%1」を追加しました。このパスフレーズでも名簿ファイルを開けます。</translation>
    </message>
    <message>
        <source>Select the slot to remove first.</source>
        <translation>先に削除するスロットを選んでください。</translation>
    </message>
    <message>
        <source>Remove the key slot</source>
        <translation>鍵スロットの削除</translation>
    </message>
    <message>
        <source>Remove the key slot “%1”? Its passphrase will no longer open the registry. Backups written before now still open with it.</source>
        <translation>鍵スロット「%1」を削除しますか？&#x3000;そのパスフレーズでは名簿ファイルを開けなくなります。これより前に書かれたバックアップは、そのパスフレーズで開きます。</translation>
    </message>
    <message>
        <source>Removed the key slot “%1”.</source>
        <translation>鍵スロット「%1」を削除しました。</translation>
    </message>
    <message>
        <source>Replace the recovery key</source>
        <translation>回復キーの再発行</translation>
    </message>
    <message>
        <source>Make a new recovery key? The present one stops opening the registry at once (backups written before now still open with it). Have a printer or paper ready: the new key is shown only once.</source>
        <translation>新しい回復キーを作りますか？&#x3000;いまの回復キーではすぐに開けなくなります（これより前に書かれたバックアップは開けます）。新しい回復キーは一度しか表示されないので、印刷するか書き留める用意をしてください。</translation>
    </message>
    <message>
        <source>The recovery key was replaced; the old one no longer opens the registry.</source>
        <translation>回復キーを再発行しました。古い回復キーでは名簿ファイルを開けません。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::MainWindow</name>
    <message>
        <source>Meibo — information handler registry</source>
        <translation>Meibo — 情報取扱者名簿</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>体制図</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更届</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>実施状況報告書</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>管理台帳</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Locked after %1 minute(s) without input.</source>
        <translation>%1 分間操作がなかったためロックしました。</translation>
    </message>
    <message>
        <source>Locked with the screen.</source>
        <translation>画面のロックに合わせてロックしました。</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n day(s): %1</source>
        <translation>
            <numerusform>%n日以内の期限：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New registry…</source>
        <translation>新しい名簿ファイル(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open registry…</source>
        <translation>名簿ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export documents…</source>
        <translation>文書を出力(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Calendar file of the deadlines…</source>
        <translation>期限のカレンダーファイル(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Organization…</source>
        <translation>会社情報(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;contract…</source>
        <translation>新しい契約(&amp;C)…</translation>
    </message>
    <message>
        <source>Contract &amp;details…</source>
        <translation>契約の詳細(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>情報取扱者を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit person…</source>
        <translation>情報取扱者を編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Compliance &amp;methods…</source>
        <translation>遵守の方法(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Verify the audit chain</source>
        <translation>監査ログを検証(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>名簿(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Structure</source>
        <translation>体制図(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation>変更届(&amp;H)</translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation>実施状況報告書(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;gisters</source>
        <translation>管理台帳(&amp;G)</translation>
    </message>
    <message>
        <source>A&amp;udit log</source>
        <translation>監査ログ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>タイムライン(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>再読み込み(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Meibo</source>
        <translation>Meibo について(&amp;A)</translation>
    </message>
    <message>
        <source>About Meibo</source>
        <translation>Meibo について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Meibo&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The information-handler registry (情報取扱者名簿, 様式4) and the security records of METI contracts, in one encrypted file. Meibo never opens a network connection.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Meibo&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;経済産業省の委託契約の情報取扱者名簿（様式4）と情報セキュリティの記録を、1つの暗号化ファイルで管理します。Meibo はネットワーク接続を一切行いません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Calendar file of the deadlines</source>
        <translation>期限のカレンダーファイル</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>カレンダーファイル (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) written to %1: import the file into your calendar.</source>
        <translation>
            <numerusform>%n 件の期限を %1 に書き出しました。予定表のアプリに取り込んでください。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h2&gt;Meibo&lt;/h2&gt;&lt;p&gt;The encrypted registry of information handlers (情報取扱者名簿) for government contracts.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Meibo&lt;/h2&gt;&lt;p&gt;政府調達契約のための、暗号化された情報取扱者名簿です。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Open a registry…</source>
        <translation>名簿ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Create a &amp;new registry…</source>
        <translation>新しい名簿ファイルを作成(&amp;N)…</translation>
    </message>
    <message>
        <source>Open registry</source>
        <translation>名簿ファイルを開く</translation>
    </message>
    <message>
        <source>Meibo registries (*.meibo);;All files (*)</source>
        <translation>Meibo 名簿ファイル (*.meibo);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>New registry</source>
        <translation>新しい名簿ファイル</translation>
    </message>
    <message>
        <source>Meibo registries (*.meibo)</source>
        <translation>Meibo 名簿ファイル (*.meibo)</translation>
    </message>
    <message>
        <source>&amp;Unlock %1</source>
        <translation>%1 のロックを解除(&amp;U)</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>Unlocked: %1</source>
        <translation>ロック解除: %1</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>名簿の取込み(&amp;I)…</translation>
    </message>
    <message>
        <source>P&amp;eople</source>
        <translation>人物(&amp;E)</translation>
    </message>
    <message>
        <source>Inspect &amp;deliverables…</source>
        <translation>納品物の公開前点検(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>利用ガイド(&amp;U)</translation>
    </message>
    <message>
        <source>The security &amp;clauses (情報セキュリティに関する事項)</source>
        <translation>情報セキュリティに関する事項(&amp;C)</translation>
    </message>
    <message>
        <source>Opened with the recovery key</source>
        <translation>回復キーで開きました</translation>
    </message>
    <message>
        <source>The registry was opened with the recovery key. Set a new passphrase now, so that the recovery key can go back into safekeeping?</source>
        <translation>回復キーで名簿ファイルを開きました。今すぐ新しいパスフレーズを設定し、回復キーを保管場所に戻しますか？</translation>
    </message>
    <message>
        <source>registry</source>
        <translation>名簿</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>利用ガイド</translation>
    </message>
    <message>
        <source>情報セキュリティに関する事項</source>
        <translation>情報セキュリティに関する事項</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 — verified: all %3 pages authenticated; opened with %4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 — 検証済み：全 %3 ページを認証。%4で開いています。</translation>
    </message>
    <message>
        <source>the recovery key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <source>the passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>ドキュメント</translation>
    </message>
    <message>
        <source>E&amp;nd assignment…</source>
        <translation>担当を終了(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>meibo::gui::MethodsDialog</name>
    <message>
        <source>Compliance methods (遵守の方法) — %1</source>
        <translation>遵守の方法 — %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事項</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>遵守の方法</translation>
    </message>
    <message>
        <source>How the company complies with this item (empty: none recorded)</source>
        <translation>この項目をどのように遵守するか（空欄: 未登録）</translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation>項目(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>遵守の方法(&amp;M):</translation>
    </message>
    <message>
        <source>Effective &amp;from (change set):</source>
        <translation>適用日（変更届）(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Save method</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>The ministry agreed to the roster on %1: a new method goes into a change set (変更届) taking effect on this day, after its consent.</source>
        <translation>名簿は %1 に担当課室の同意を得ています。新しい遵守の方法は変更届に記録し、同意を得てからこの日付で反映されます。</translation>
    </message>
    <message>
        <source>Until the ministry agrees to the roster, a method is saved directly.</source>
        <translation>名簿の同意を得るまでは、遵守の方法をそのまま保存します。</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>先に項目を選んでください。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <source>Method %1) saved.</source>
        <translation>%1) の遵守の方法を保存しました。</translation>
    </message>
    <message>
        <source>The roster was agreed with the ministry: a method can no longer be cleared, only replaced through a change set. Write the new method. Nothing was saved.</source>
        <translation>名簿は担当課室の同意済みのため、遵守の方法は消去できず、変更届で置き換えるだけです。新しい遵守の方法を記入してください。保存していません。</translation>
    </message>
    <message>
        <source>The ministry agreed to the roster of %1 on %2 (8 ①): the compliance methods change only with advance notice and consent. Put this method into a new change set (変更届) instead?</source>
        <translation>%1 の名簿は %2 に担当課室の同意を得ています（8 ①）。遵守の方法の変更にも事前の届出と同意が必要です。代わりにこの遵守の方法を新しい変更届に記録しますか？</translation>
    </message>
    <message>
        <source>Roster agreed</source>
        <translation>名簿は同意済み</translation>
    </message>
    <message>
        <source>The roster was agreed with the ministry: direct edits are refused. Nothing was saved.</source>
        <translation>名簿は担当課室の同意済みのため、直接編集はできません。保存していません。</translation>
    </message>
    <message>
        <source>New compliance method for item %1</source>
        <translation>%1) の遵守の方法の変更</translation>
    </message>
    <message>
        <source>Change set %1 was created as a draft with this method. Submit it to the ministry from the Changes view; the method changes once it is consented and applied.</source>
        <translation>この遵守の方法を記録した変更届 %1 を下書きとして作成しました。「変更届」タブから担当課室へ届け出てください。同意を得て反映すると遵守の方法が変わります。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::OrganizationDialog</name>
    <message>
        <source>Organization</source>
        <translation>会社情報</translation>
    </message>
    <message>
        <source>&amp;Name (名称):</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Address (住所):</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Representative (代表者氏名):</source>
        <translation>代表者氏名(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Capital and officers (資本関係・役員):</source>
        <translation>資本関係・役員(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Places of work (業務の実施場所):</source>
        <translation>業務の実施場所(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Officer (audit log):</source>
        <translation>担当者名（監査ログ）(&amp;O):</translation>
    </message>
</context>
<context>
    <name>meibo::gui::PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>パスフレーズの変更</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>変更(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>現在のパスフレーズ(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>新しいパスフレーズ(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Repeat the new passphrase:</source>
        <translation>新しいパスフレーズ（確認）(&amp;R):</translation>
    </message>
    <message>
        <source>not needed: opened with the recovery key</source>
        <translation>不要です（回復キーで開いています）</translation>
    </message>
    <message>
        <source>At least 8 characters; a few words are easiest to remember and hardest to guess. The passphrase of the key slot this registry was opened with (“%1”) is changed; backups written before now still open with the old one.</source>
        <translation>8文字以上にしてください。いくつかの単語を並べると覚えやすく、推測されにくくなります。変更するのは、この名簿ファイルを開いた鍵スロット（「%1」）のパスフレーズです。変更前に書かれたバックアップは古いパスフレーズで開きます。</translation>
    </message>
    <message>
        <source>the first passphrase slot</source>
        <translation>最初のパスフレーズのスロット</translation>
    </message>
    <message>
        <source>Type the current passphrase first. Nothing was changed.</source>
        <translation>先に現在のパスフレーズを入力してください。何も変更していません。</translation>
    </message>
    <message>
        <source>The two new passphrases differ: type the same one twice. Nothing was changed.</source>
        <translation>2回入力した新しいパスフレーズが一致しません。同じものを2回入力してください。何も変更していません。</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one: choose another. Nothing was changed.</source>
        <translation>新しいパスフレーズが現在のものと同じです。別のものにしてください。何も変更していません。</translation>
    </message>
    <message>
        <source>The current passphrase is wrong: check it (Caps Lock, input mode). Nothing was changed.</source>
        <translation>現在のパスフレーズが違います。Caps Lock や入力モードを確かめてください。何も変更していません。</translation>
    </message>
    <message>
        <source>The passphrase of key slot “%1” was changed. Use the new one from now on; backups written before now still open with the old one.</source>
        <translation>鍵スロット「%1」のパスフレーズを変更しました。これからは新しいパスフレーズを使ってください。変更前に書かれたバックアップは古いパスフレーズで開きます。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::PeopleView</name>
    <message>
        <source>Search by &amp;name:</source>
        <translation>氏名で検索(&amp;N):</translation>
    </message>
    <message>
        <source>name or kana, e.g. 経済</source>
        <translation>氏名またはふりがな（例: 経済）</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>契約</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>契約件名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>有効開始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>有効終了</translation>
    </message>
    <message>
        <source>&amp;Qualifications and track record…</source>
        <translation>資格・研修・実績(&amp;Q)…</translation>
    </message>
    <message>
        <source>Contracts and roles:</source>
        <translation>契約と区分:</translation>
    </message>
    <message>
        <source>History of the record (each version and the days it covers):</source>
        <translation>記録の履歴（各版とその有効期間）:</translation>
    </message>
    <message>
        <source>Qualifications and trainings:</source>
        <translation>資格・研修:</translation>
    </message>
    <message>
        <source>(own staff)</source>
        <translation>（自社）</translation>
    </message>
    <message>
        <source>Nobody matches the search.</source>
        <translation>検索に一致する人はいません。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — on %n contract roster(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n 件の契約の名簿に記載</numerusform>
        </translation>
    </message>
    <message>
        <source>(open)</source>
        <translation>（継続中）</translation>
    </message>
    <message>
        <source>(from the start)</source>
        <translation>（当初から）</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>（現在）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>研修</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>資格</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>記録はありません。</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>先に人を選んでください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::PersonDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 の編集</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>情報取扱者の追加</translation>
    </message>
    <message>
        <source>The ministry agreed to this roster on %1: a change goes into a change set (変更届) and takes effect after its consent.</source>
        <translation>この名簿は %1 に担当課室の同意を得ています。変更は変更届に記録し、同意を得てから反映されます。</translation>
    </message>
    <message>
        <source>Everyone but the 情報管理責任者 reports to someone: give that person&apos;s label.</source>
        <translation>情報管理責任者以外は報告先が必要です。その人の記号を入力してください。</translation>
    </message>
    <message>
        <source>Some fields need attention (see the messages under them); nothing was saved.</source>
        <translation>確認が必要な項目があります（各項目の下のメッセージを参照）。保存していません。</translation>
    </message>
    <message>
        <source>The ministry agreed to the roster of %1 on %2 (8 ①): it changes only with advance notice and consent. Put this change into a new change set (変更届) instead?</source>
        <translation>%1 の名簿は %2 に担当課室の同意を得ています（8 ①）。以後の変更には事前の届出と同意が必要です。代わりにこの変更を新しい変更届に記録しますか？</translation>
    </message>
    <message>
        <source>Roster agreed</source>
        <translation>名簿は同意済み</translation>
    </message>
    <message>
        <source>The roster was agreed with the ministry: direct edits are refused. Nothing was saved.</source>
        <translation>名簿は担当課室の同意済みのため、直接編集はできません。保存していません。</translation>
    </message>
    <message>
        <source>Effecti&amp;ve day of the change (変更届):</source>
        <translation>変更の効力発生日（変更届）(&amp;V):</translation>
    </message>
    <message>
        <source>The day the change takes effect, as YYYY-MM-DD.</source>
        <translation>変更の効力発生日を YYYY-MM-DD の形で入力してください。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 を保存しました。</translation>
    </message>
    <message>
        <source>Added %1 %2 to %3.</source>
        <translation>%3 に %1 %2 を追加しました。</translation>
    </message>
    <message>
        <source>New information handler: %1 %2</source>
        <translation>情報取扱者の追加: %1 %2</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <source>Change for %1</source>
        <translation>%1 の記載変更</translation>
    </message>
    <message>
        <source>%1 is not on the roster on %2: choose an effective day while they are.</source>
        <translation>%1 は %2 の名簿に記載されていません。記載されている期間の変更日を選んでください。</translation>
    </message>
    <message>
        <source>%1 is already someone&apos;s label on %2: choose another.</source>
        <translation>%1 は %2 の時点ですでに使われている記号です。別の記号を選んでください。</translation>
    </message>
    <message>
        <source>Change set %1 was created as a draft with this change. Submit it to the ministry from the Changes view; the roster changes once it is consented and applied.</source>
        <translation>この変更を記録した変更届 %1 を下書きとして作成しました。「変更届」タブから担当課室へ届け出てください。同意を得て反映すると名簿が変わります。</translation>
    </message>
    <message>
        <source>&amp;Qualifications and track record…</source>
        <translation>資格・研修・実績(&amp;Q)…</translation>
    </message>
    <message>
        <source>※4: everyone but Japanese nationals and permanent residents (永住者) gives a passport number and nationality; special permanent residents (特別永住者) are not exempt.</source>
        <translation>※4：日本国籍を有する者及び永住者以外は、パスポート番号及び国籍の記載が必要です（特別永住者は免除されません）。</translation>
    </message>
    <message>
        <source>Choose… (&amp;W)</source>
        <translation>選択(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose the person this one reports to from the roster, by name</source>
        <translation>報告先を名簿から氏名で選びます</translation>
    </message>
</context>
<context>
    <name>meibo::gui::PersonPicker</name>
    <message>
        <source>Choose people</source>
        <translation>受講者の選択</translation>
    </message>
    <message>
        <source>Choose a person</source>
        <translation>報告先の選択</translation>
    </message>
    <message>
        <source>&amp;Search by name:</source>
        <translation>氏名で検索(&amp;S):</translation>
    </message>
    <message>
        <source>Name, reading or label</source>
        <translation>氏名・ふりがな・記号</translation>
    </message>
    <message>
        <source>&amp;People (tick everyone who took part):</source>
        <translation>対象者(&amp;P)（受講した人すべてにチェック）:</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>対象者(&amp;P):</translation>
    </message>
</context>
<context>
    <name>meibo::gui::QualificationsDialog</name>
    <message>
        <source>Qualifications, trainings and track record</source>
        <translation>資格・研修・実績</translation>
    </message>
    <message>
        <source>Clause 4 of the security terms asks to show the ministry the affiliation, expertise, track record and nationality of everyone working on the contract. Record here the person&apos;s security qualifications and trainings (expertise) and their track record.</source>
        <translation>情報セキュリティに関する事項4)により、本業務の全ての従事者の所属、専門性、実績及び国籍を担当職員に提示します。ここでは情報セキュリティに係る資格・研修（専門性）と実績を記録します。</translation>
    </message>
    <message>
        <source>Qualifications and trainings (専門性)</source>
        <translation>資格・研修（専門性）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>発行者・実施者</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>資格</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>研修</translation>
    </message>
    <message>
        <source>e.g. 情報処理安全確保支援士</source>
        <translation>例: 情報処理安全確保支援士</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty when unknown)</source>
        <translation>YYYY-MM-DD（不明なら空欄）</translation>
    </message>
    <message>
        <source>e.g. IPA</source>
        <translation>例: IPA</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Date obtained or attended:</source>
        <translation>取得日・受講日(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Issuer or organizer:</source>
        <translation>発行者・実施者(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Track record (実績)</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>&amp;Track record, e.g. past contracts of this kind:</source>
        <translation>実績（同種の業務の受注・従事の実績など）(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Save track record</source>
        <translation>実績を保存(&amp;S)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>own staff</source>
        <translation>自社</translation>
    </message>
    <message>
        <source>Give the name of the qualification or training; nothing was added.</source>
        <translation>資格・研修の名称を入力してください。何も追加していません。</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as YYYY-MM-DD (e.g. 2024-10-01); nothing was added.</source>
        <translation>「%1」は日付ではありません。2024-10-01 や 令和6年10月1日 のように記入してください。何も追加していません。</translation>
    </message>
    <message>
        <source>%1 is after today: record a qualification once it is obtained and a training once it was attended; nothing was added.</source>
        <translation>%1 は今日より後の日付です。資格は取得後に、研修は受講後に記録してください。何も追加していません。</translation>
    </message>
    <message>
        <source>Recorded the training “%1”.</source>
        <translation>研修「%1」を記録しました。</translation>
    </message>
    <message>
        <source>Recorded the qualification “%1”.</source>
        <translation>資格「%1」を記録しました。</translation>
    </message>
    <message>
        <source>Saved the track record of %1.</source>
        <translation>%1 の実績を保存しました。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RecoveryKeyDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完了(&amp;D)</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <source>The registry was created. This is its recovery key, shown only now. Print it (or write it down) and keep the paper apart from the computer, locked away: it opens the registry if the passphrase is forgotten, and anyone who has it can open it.</source>
        <translation>名簿ファイルを作成しました。これが回復キーです（表示は今回限りです）。印刷するか書き留め、コンピューターとは別の、鍵のかかる場所に保管してください。パスフレーズを忘れたときに名簿ファイルを開ける唯一の手段であり、これを持つ者は誰でも開くことができます。</translation>
    </message>
    <message>
        <source>To close, type the &amp;last group of the key (the last four characters):</source>
        <translation>閉じるには、キーの最後のまとまり（最後の4文字）を入力してください(&amp;L)：</translation>
    </message>
    <message>
        <source>Copied. Paste it only where it stays offline (not into mail or a chat), then clear the clipboard by copying something else.</source>
        <translation>コピーしました。貼り付けるのはオフラインで保管される場所だけにし（メールやチャットには貼り付けないでください）、その後は別の文字をコピーしてクリップボードを消してください。</translation>
    </message>
    <message>
        <source>Meibo recovery key</source>
        <translation>Meibo 回復キー</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>名簿ファイル：%1</translation>
    </message>
    <message>
        <source>Printed on %1</source>
        <translation>印刷日：%1</translation>
    </message>
    <message>
        <source>Keep this paper locked away, apart from the computer. It opens the registry if the passphrase is forgotten; anyone who has it can open the registry.</source>
        <translation>この用紙はコンピューターとは別の、鍵のかかる場所に保管してください。パスフレーズを忘れたときに名簿ファイルを開けます。これを持つ者は誰でも名簿ファイルを開くことができます。</translation>
    </message>
    <message>
        <source>Printing to a file is refused: the recovery key belongs on paper only. Choose a printer.</source>
        <translation>ファイルへの印刷はできません。回復キーは紙にだけ残してください。プリンターを選んでください。</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>プリンター %1 に送りました。</translation>
    </message>
    <message>
        <source>Type the last group of the key first: it shows that the key was kept.</source>
        <translation>先にキーの最後のまとまりを入力してください。キーを保管したことの確認になります。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RegisterEntryDialog</name>
    <message>
        <source>* required</source>
        <translation>* 必須</translation>
    </message>
    <message>
        <source>Choose &amp;people…</source>
        <translation>受講者を選択(&amp;P)…</translation>
    </message>
    <message>
        <source>A, B, D — or choose people</source>
        <translation>A, B, D（または受講者を選択）</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RegistersView</name>
    <message>
        <source>Dele&amp;tion certificate…</source>
        <translation>返却・消去証明書を出力(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>編集(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>終了(&amp;N)</translation>
    </message>
    <message>
        <source>removed, stopped, closed, returned …</source>
        <translation>削除、利用停止、対応完了、返却など</translation>
    </message>
    <message>
        <source>Ended &amp;on:</source>
        <translation>終了日(&amp;O):</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Disposal chec&amp;klist (clause 8)</source>
        <translation>返却・消去チェックリスト（8)）(&amp;K)</translation>
    </message>
    <message>
        <source>✓ %1: done</source>
        <translation>✓ %1: 完了</translation>
    </message>
    <message>
        <source>✗ %1: missing %2</source>
        <translation>✗ %1: 未記入 %2</translation>
    </message>
    <message>
        <source>No information received is recorded yet.</source>
        <translation>受領した情報はまだ記録されていません。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still to return, dispose of or delete with confirmation.</source>
        <translation>
            <numerusform>返却・廃棄・消去または担当職員の確認が済んでいない情報が %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every item is returned, disposed of or deleted with confirmation: the certificate can be made.</source>
        <translation>すべての情報が返却・廃棄・消去され、担当職員の確認を得ています。返却・消去証明書を作成できます。</translation>
    </message>
    <message>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>先に項目を選んでください。</translation>
    </message>
    <message>
        <source>Entry ended on %1.</source>
        <translation>%1 付で終了しました。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ReportView</name>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>Repor&amp;t:</source>
        <translation>報告書(&amp;T):</translation>
    </message>
    <message>
        <source>New for the period en&amp;ding:</source>
        <translation>対象期間の末日(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;New report</source>
        <translation>報告書を作成(&amp;N)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>What is checked</source>
        <translation>確認事項</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>実施状況</translation>
    </message>
    <message>
        <source>Reason / content</source>
        <translation>理由・内容</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <source>The reason for 未実施 or 該当なし (別葉); for item 15 what was done, even when 実施</source>
        <translation>未実施・該当なしの理由（別葉）。15) は実施の場合も実施内容を記載</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>選択した項目</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>実施状況(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Reason / content:</source>
        <translation>理由・内容(&amp;R):</translation>
    </message>
    <message>
        <source>Save ite&amp;m</source>
        <translation>項目を保存(&amp;M)</translation>
    </message>
    <message>
        <source>Com&amp;pliance methods…</source>
        <translation>遵守の方法(&amp;P)…</translation>
    </message>
    <message>
        <source>Method (遵守の方法):</source>
        <translation>遵守の方法:</translation>
    </message>
    <message>
        <source>Related findings:</source>
        <translation>関連する指摘:</translation>
    </message>
    <message>
        <source>Before it can be final</source>
        <translation>確定の前に</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>日付(&amp;O):</translation>
    </message>
    <message>
        <source>Fina&amp;lize</source>
        <translation>確定(&amp;L)</translation>
    </message>
    <message>
        <source>Rev&amp;ise</source>
        <translation>改訂(&amp;I)</translation>
    </message>
    <message>
        <source>%1 – %2, revision %3 (%4)</source>
        <translation>%1 – %2、第 %3 版（%4）</translation>
    </message>
    <message>
        <source>final</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>No report yet: choose the last day of a period and make one.</source>
        <translation>報告書はまだありません。対象期間の末日を選んで作成してください。</translation>
    </message>
    <message>
        <source>Final since %1 (audit head %2). A change opens a new revision.</source>
        <translation>%1 に確定（監査ログ先頭 %2）。変更すると新しい版が作られます。</translation>
    </message>
    <message>
        <source>Nothing is missing: it can be finalized.</source>
        <translation>不足はありません。確定できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) missing:</source>
        <translation>
            <numerusform>未記入・不足 %n 件:</numerusform>
        </translation>
    </message>
    <message>
        <source>(none recorded: Compliance methods…)</source>
        <translation>（未登録: 遵守の方法から記入）</translation>
    </message>
    <message>
        <source>No findings concern this item.</source>
        <translation>この項目に関する指摘はありません。</translation>
    </message>
    <message>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <source>Report %1 started from the previous period&apos;s answers.</source>
        <translation>前期の回答を引き継いで報告書 %1 を作成しました。</translation>
    </message>
    <message>
        <source>Make or choose a report first.</source>
        <translation>先に報告書を作成するか選んでください。</translation>
    </message>
    <message>
        <source>The report was final: the change went into its new revision (report %1).</source>
        <translation>報告書は確定済みのため、変更は新しい版（報告書 %1）に記録しました。</translation>
    </message>
    <message>
        <source>Item %1 saved.</source>
        <translation>%1) を保存しました。</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>先に項目を選んでください。</translation>
    </message>
    <message>
        <source>Report %1 is final. Export it from File ▸ Export.</source>
        <translation>報告書 %1 を確定しました。「ファイル ▸ 文書を出力」から出力できます。</translation>
    </message>
    <message>
        <source>Revision opened as report %1; the final one is kept.</source>
        <translation>報告書 %1 として改訂版を作成しました。確定版はそのまま保存されます。</translation>
    </message>
    <message>
        <source>Report %1 started: answer every item, then finalize it.</source>
        <translation>報告書 %1 を作成しました。全項目に回答してから確定してください。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (marked 実施): %n finding(s), e.g. %2</source>
        <translation>
            <numerusform>%1（「実施」）：指摘 %n 件。例：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Finalize report %1 as of %2?

A final report can no longer be changed: any later change opens a new revision, and the export signs this one.</source>
        <translation>報告書 %1 を %2 付けで確定しますか？

確定した報告書は変更できません。後の変更は新しい改訂版になり、出力ではこの版に署名します。</translation>
    </message>
    <message>
        <source>

These items are marked 実施 although findings of the registry concern them. Finalize only if the report is right regardless (explain it in the item&apos;s text):
• %1</source>
        <translation>

次の項目は「実施」としていますが、名簿ファイルの指摘が残っています。それでも報告が正しい場合にだけ確定してください（理由は項目の記入欄に記入してください）：
• %1</translation>
    </message>
    <message>
        <source>Finalize the report</source>
        <translation>報告書の確定</translation>
    </message>
    <message>
        <source>Not finalized: the report is still a draft.</source>
        <translation>確定していません。報告書は下書きのままです。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RosterModel</name>
    <message>
        <source>Label</source>
        <translation>記号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属部署</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>在留区分</translation>
    </message>
    <message>
        <source>Passport no.</source>
        <translation>パスポート番号</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>所属組織</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>報告先</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>必要性</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RosterView</name>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>基準日(&amp;A):</translation>
    </message>
    <message>
        <source>Add &amp;person…</source>
        <translation>追加(&amp;P)…</translation>
    </message>
    <message>
        <source>Edi&amp;t person…</source>
        <translation>編集(&amp;T)…</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <source>Findings for %1</source>
        <translation>%1 への指摘</translation>
    </message>
    <message>
        <source>Findings for the whole roster</source>
        <translation>名簿全体への指摘</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: the dashboard lists them all, grouped by rule.</source>
        <translation>
            <numerusform>ほか %n 件：ダッシュボードに、ルールごとにまとめてすべて表示しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>指摘はありません。</translation>
    </message>
    <message>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <source>Select a person in the roster first.</source>
        <translation>先に名簿から人を選んでください。</translation>
    </message>
    <message>
        <source>E&amp;nd assignment…</source>
        <translation>担当を終了(&amp;N)…</translation>
    </message>
    <message>
        <source>End assignment…</source>
        <translation>担当を終了…</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>End the assignment of %1</source>
        <translation>%1 の担当を終了</translation>
    </message>
    <message>
        <source>&amp;Last day on the roster:</source>
        <translation>名簿に載る最終日(&amp;L):</translation>
    </message>
    <message>
        <source>The ministry agreed to this roster: the person leaves through a change notice (変更届), from the day after the last day.</source>
        <translation>この名簿は担当課室の同意を得ています。最終日の翌日から外れる変更届を通して終了します。</translation>
    </message>
    <message>
        <source>Nothing is deleted: the person stays in the history and on earlier rosters.</source>
        <translation>記録は削除されません。履歴とそれまでの名簿には残ります。</translation>
    </message>
    <message>
        <source>The ministry agreed to the roster of %1 on %2: %3 can leave it only with advance notice and consent. Draft a change set (変更届) in which %3 leaves the roster from %4? The roster changes once the ministry consents and the change set is applied.</source>
        <translation>%1 の名簿は %2 に担当課室の同意を得ています。%3 を名簿から外すには事前の届出と同意が必要です。%4 から %3 が外れる変更届を下書きとして作成しますか？ 名簿は、同意を得て変更届を反映したときに変わります。</translation>
    </message>
    <message>
        <source>%1 leaves the roster of %2 after %3: from the next day they are no longer an information handler on it and the forms no longer list them. Their records stay in the history. End the assignment?</source>
        <translation>%1 は %3 を最後に %2 の名簿から外れます。翌日からはこの契約の情報取扱者ではなくなり、書類にも載りません。記録は履歴に残ります。担当を終了しますか？</translation>
    </message>
    <message>
        <source>End assignment</source>
        <translation>担当の終了</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>何も変更していません。</translation>
    </message>
    <message>
        <source>%1 leaves the roster</source>
        <translation>%1 の担当終了</translation>
    </message>
    <message>
        <source>Change set %1 was created as a draft: %2 leaves the roster from %3. Submit it to the ministry from the Changes view; the roster changes once it is consented and applied.</source>
        <translation>変更届 %1 を下書きとして作成しました（%3 から %2 が名簿から外れます）。変更届の画面から担当課室へ届け出てください。名簿は同意を得て反映したときに変わります。</translation>
    </message>
    <message>
        <source>%1 leaves the roster after %2.</source>
        <translation>%1 は %2 を最後に名簿から外れました。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Locking closes the registry and wipes its key from memory. A new language applies the next time Meibo starts.</source>
        <translation>ロックすると名簿ファイルを閉じ、鍵をメモリから消去します。言語の変更は次回の起動時から有効です。</translation>
    </message>
    <message>
        <source>Lock &amp;after idle:</source>
        <translation>自動ロックまでの時間(&amp;A):</translation>
    </message>
</context>
<context>
    <name>meibo::gui::StructureView</name>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>基準日(&amp;A):</translation>
    </message>
    <message>
        <source>Drag a person onto their new superior, or right-click them (arrow keys and the menu key) and choose whom they report to.</source>
        <translation>人を新しい報告先の上にドラッグするか、右クリック（矢印キーとメニューキー）して報告先を選びます。</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>検索(&amp;D):</translation>
    </message>
    <message>
        <source>Name or label, then Enter</source>
        <translation>氏名または記号を入力して Enter</translation>
    </message>
    <message>
        <source>F&amp;old teams</source>
        <translation>チームをたたむ(&amp;O)</translation>
    </message>
    <message>
        <source>Folds every team of %1 or more people into one box again.</source>
        <translation>%1名以上のチームを、再び1つの枠にまとめます。</translation>
    </message>
    <message>
        <source>The structure rules find nothing: one 情報管理責任者, everyone connected, no cycles.</source>
        <translation>体制のルールに関する指摘はありません（情報管理責任者は1名、全員がつながり、循環なし）。</translation>
    </message>
    <message numerus="yes">
        <source>%n people (click to show)</source>
        <translation>
            <numerusform>%n名（クリックで表示）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody on this roster on this day matches “%1”.</source>
        <translation>この日の名簿に「%1」に当たる人はいません。</translation>
    </message>
    <message>
        <source>%1 is framed in the diagram.</source>
        <translation>%1 を枠で囲みました。</translation>
    </message>
    <message>
        <source>&amp;Show the team</source>
        <translation>チームを表示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Report to…</source>
        <translation>報告先を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>%1 is not on the roster on this day.</source>
        <translation>%1 はこの日の名簿に記載されていません。</translation>
    </message>
    <message>
        <source>The ministry agreed to the structure of %1 on %2: reporting lines change only with advance notice and consent. Create a change set making %3 report to %4?</source>
        <translation>%1 の体制は %2 に担当課室の同意を得ています。報告先の変更には事前の届出と同意が必要です。%3 の報告先を %4 にする変更届を作成しますか？</translation>
    </message>
    <message>
        <source>Structure agreed</source>
        <translation>体制は同意済み</translation>
    </message>
    <message>
        <source>The structure was agreed with the ministry: nothing was changed.</source>
        <translation>体制は担当課室の同意済みです。変更していません。</translation>
    </message>
    <message>
        <source>Reporting line: %1 reports to %2</source>
        <translation>報告先の変更: %1 の報告先を %2 に</translation>
    </message>
    <message>
        <source>Change set %1 was created as a draft: %2 reports to %3 once it is consented and applied.</source>
        <translation>変更届 %1 を下書きとして作成しました。同意を得て反映すると %2 の報告先が %3 になります。</translation>
    </message>
    <message>
        <source>%1 now reports to %2.</source>
        <translation>%1 の報告先を %2 にしました。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::SubcontractorsDialog</name>
    <message>
        <source>Subcontractors</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <source>Name (名称)</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address (住所)</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Representative (代表者氏名)</source>
        <translation>代表者氏名</translation>
    </message>
    <message>
        <source>Subcontractor</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: from the start)</source>
        <translation>YYYY-MM-DD（空欄: 最初から）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: open)</source>
        <translation>YYYY-MM-DD（空欄: 期限なし）</translation>
    </message>
    <message>
        <source>&amp;Subcontractors of the organization:</source>
        <translation>自社の再委託先(&amp;S):</translation>
    </message>
    <message>
        <source>A new subcontractor</source>
        <translation>新しい再委託先</translation>
    </message>
    <message>
        <source>&amp;Name (名称):</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>A&amp;ddress (住所):</source>
        <translation>住所(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Representative (代表者氏名):</source>
        <translation>代表者氏名(&amp;R):</translation>
    </message>
    <message>
        <source>Ca&amp;pital and officers (資本関係・役員):</source>
        <translation>資本関係・役員(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Work places (業務の実施場所):</source>
        <translation>業務の実施場所(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Add the subcontractor</source>
        <translation>再委託先を追加(&amp;A)</translation>
    </message>
    <message>
        <source>Subcontractors of a contract</source>
        <translation>契約の再委託先</translation>
    </message>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>Su&amp;bcontractor:</source>
        <translation>再委託先(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>開始日(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>終了日(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Link to the contract</source>
        <translation>契約に加える(&amp;L)</translation>
    </message>
    <message>
        <source>Give the subcontractor&apos;s name (名称). Nothing was changed.</source>
        <translation>再委託先の名称を入力してください。何も変更していません。</translation>
    </message>
    <message>
        <source>There is a subcontractor named “%1” already. Nothing was changed.</source>
        <translation>「%1」という再委託先はすでにあります。何も変更していません。</translation>
    </message>
    <message>
        <source>Added the subcontractor “%1”.</source>
        <translation>再委託先「%1」を追加しました。</translation>
    </message>
    <message>
        <source>Choose the contract first. Nothing was changed.</source>
        <translation>先に契約を選んでください。何も変更していません。</translation>
    </message>
    <message>
        <source>Add the subcontractor first, then choose it here. Nothing was changed.</source>
        <translation>先に再委託先を追加してから、ここで選んでください。何も変更していません。</translation>
    </message>
    <message>
        <source>Write the dates as 2026-04-01 (year-month-day), or leave them empty. Nothing was changed.</source>
        <translation>日付は 2026-04-01（年-月-日）の形で入力するか、空欄にしてください。何も変更していません。</translation>
    </message>
    <message>
        <source>The last day (%1) is before the first (%2). Nothing was changed.</source>
        <translation>終了日（%1）が開始日（%2）より前です。何も変更していません。</translation>
    </message>
    <message>
        <source>“%1” is now a subcontractor of %2.</source>
        <translation>「%1」を %2 の再委託先にしました。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::TimelineChart</name>
    <message>
        <source>Choose a contract.</source>
        <translation>契約を選んでください。</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Status reports</source>
        <translation>実施状況報告書</translation>
    </message>
    <message>
        <source>No. %1, due %2%3</source>
        <translation>第%1回 提出期限 %2%3</translation>
    </message>
    <message>
        <source> (final)</source>
        <translation>（最終版）</translation>
    </message>
    <message>
        <source>Change set %1 (%2)</source>
        <translation>変更届 %1（%2）</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>meibo::gui::TimelineView</name>
    <message>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Bars: who was on the roster when, by role. Change notices: ◆ submitted, ● consented, ▲ effective. Red line: today. Click a change notice, a report period or a person to go there.</source>
        <translation>横棒：名簿に載っていた期間（区分ごとの色）。変更届：◆ 届出日、● 同意日、▲ 変更日。赤い線：今日。変更届・報告期間・人をクリックすると該当箇所へ移動します。</translation>
    </message>
    <message>
        <source>Print the timeline</source>
        <translation>タイムラインを印刷</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n page(s).</source>
        <translation>
            <numerusform>%nページを印刷しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be opened.</source>
        <translation>印刷できませんでした。プリンターを開けませんでした。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::UnlockDialog</name>
    <message>
        <source>Use the &amp;recovery key instead</source>
        <translation>回復キーを使う(&amp;R)</translation>
    </message>
    <message>
        <source>Unlock registry</source>
        <translation>名簿ファイルのロック解除</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>名簿ファイル:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>回復キー(&amp;R):</translation>
    </message>
</context>
<context>
    <name>meibo::gui::VerifyBundleDialog</name>
    <message>
        <source>as signed</source>
        <translation>署名どおり</translation>
    </message>
    <message>
        <source>CHANGED after signing</source>
        <translation>署名後に変更されています</translation>
    </message>
    <message>
        <source>MISSING from the folder</source>
        <translation>フォルダーにありません（欠落）</translation>
    </message>
    <message>
        <source>cannot be read safely (a link, a device or too large)</source>
        <translation>安全に読めません（リンク、デバイス、または大きすぎるファイル）</translation>
    </message>
    <message>
        <source>ADDED: not among the signed files</source>
        <translation>追加されています（署名したファイルにありません）</translation>
    </message>
    <message>
        <source>&amp;Compare the signer with the certificate kept in this registry</source>
        <translation>署名者を、この名簿ファイルに保管している証明書と照合する(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>検証(&amp;V)</translation>
    </message>
    <message>
        <source>Verify a bundle</source>
        <translation>提出フォルダの検証</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>The bundle&apos;s &amp;folder:</source>
        <translation>提出フォルダ(&amp;F):</translation>
    </message>
    <message>
        <source>No registry is open, or it keeps no certificate.</source>
        <translation>名簿ファイルが開いていないか、証明書を保管していません。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>署名者:</translation>
    </message>
    <message>
        <source>Certificate SHA-256:</source>
        <translation>証明書の SHA-256:</translation>
    </message>
    <message>
        <source>The bundle&apos;s folder</source>
        <translation>提出フォルダ</translation>
    </message>
    <message>
        <source>Choose the folder of the bundle first (the folder that holds manifest.json).</source>
        <translation>先に提出フォルダ（manifest.json のあるフォルダー）を選んでください。</translation>
    </message>
    <message>
        <source>This folder holds no signed list of files (manifest.json): choose the folder of a Meibo export.</source>
        <translation>このフォルダーには署名付きのファイル一覧（manifest.json）がありません。Meibo で出力したフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The folder&apos;s list of files (manifest.json) is damaged or is not a Meibo manifest, so nothing in it can be verified.</source>
        <translation>このフォルダーのファイル一覧（manifest.json）は壊れているか Meibo のものではないため、何も検証できません。</translation>
    </message>
    <message>
        <source>The folder cannot be read: check that it exists and that you may open it.</source>
        <translation>フォルダーを読めません。存在すること、開く権限があることを確かめてください。</translation>
    </message>
    <message>
        <source>(no valid signature)</source>
        <translation>（有効な署名がありません）</translation>
    </message>
    <message numerus="yes">
        <source>The bundle is intact: all %n file(s) are as they were signed, and it was signed with the certificate kept in this registry.</source>
        <translation>
            <numerusform>提出フォルダは改変されていません。%n 個のファイルはすべて署名したとおりで、署名はこの名簿ファイルに保管している証明書によるものです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The bundle is intact: all %n file(s) are as “%1” signed them. Anyone can make a certificate with any name: compare the fingerprint below with the one the sender gave you.</source>
        <translation>
            <numerusform>提出フォルダは改変されていません。%n 個のファイルはすべて「%1」が署名したとおりです。証明書はだれでも任意の名前で作れるため、下のフィンガープリントを送り主から伝えられたものと照らし合わせてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The bundle is not signed: its signature file (manifest.json.p7s) is missing.</source>
        <translation>提出フォルダに署名がありません（署名ファイル manifest.json.p7s がありません）。</translation>
    </message>
    <message>
        <source>The signature does not match the list of files: the list was changed after signing.</source>
        <translation>署名がファイル一覧と一致しません。一覧が署名の後に変更されています。</translation>
    </message>
    <message>
        <source>It was signed with another certificate than the one kept in this registry: someone else signed it, or the certificate was replaced since.</source>
        <translation>この名簿ファイルに保管している証明書とは別の証明書で署名されています。別の人が署名したか、その後に証明書が置き換えられています。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) differ from what was signed (see the list below).</source>
        <translation>
            <numerusform>%n 個のファイルが署名した内容と異なります（下の一覧を見てください）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not trust this bundle.</source>
        <translation>この提出フォルダを信頼しないでください。</translation>
    </message>
</context>
</TS>
