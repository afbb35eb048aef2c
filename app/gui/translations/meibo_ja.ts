<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>core</name>
    <message>
        <location filename="../ChangesView.cpp" line="380"/>
        <source>Select a change set first.</source>
        <translation>先に変更届を選んでください。</translation>
    </message>
</context>
<context>
    <name>meibo</name>
    <message>
        <location filename="../ChangesView.cpp" line="48"/>
        <source>joins: %1 %2 (%3)</source>
        <translation>新規従事: %1 %2（%3）</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="51"/>
        <source>leaves: %1</source>
        <translation>従事終了: %1</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="56"/>
        <source>changes %1: %2</source>
        <translation>%1 の変更: %2</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="59"/>
        <source>subcontractor added: %1</source>
        <translation>再委託先の追加: %1</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="61"/>
        <source>subcontractor removed: %1</source>
        <translation>再委託先の削除: %1</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="63"/>
        <source>compliance method of clause %1: %2</source>
        <translation>%1) の遵守の方法: %2</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="14"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="15"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="22"/>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="24"/>
        <source>Submitted</source>
        <translation>届出済み</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="26"/>
        <source>Consented</source>
        <translation>同意済み</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="28"/>
        <source>Rejected</source>
        <translation>不同意</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="30"/>
        <source>Applied</source>
        <translation>反映済み</translation>
    </message>
    <message>
        <location filename="../Convert.cpp" line="32"/>
        <source>Withdrawn</source>
        <translation>取下げ</translation>
    </message>
</context>
<context>
    <name>meibo::gui::AuditView</name>
    <message>
        <location filename="../AuditView.cpp" line="26"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="26"/>
        <source>When (UTC)</source>
        <translation>日時（UTC）</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="26"/>
        <source>Officer</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="26"/>
        <source>OS user</source>
        <translation>OS ユーザー</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="26"/>
        <source>Key slot</source>
        <translation>キースロット</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="27"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="27"/>
        <source>Entity</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="27"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="27"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="38"/>
        <source>Filter: action, entity, officer, a name …</source>
        <translation>絞り込み: 操作、対象、担当者、氏名など</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="40"/>
        <source>Fil&amp;ter:</source>
        <translation>絞り込み(&amp;T):</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="42"/>
        <source>Verify the &amp;chain</source>
        <translation>チェーンを検証(&amp;C)</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="90"/>
        <source>The audit log is intact: %1 entries, every link verified.</source>
        <translation>監査ログは改ざんされていません: %1 件、すべての連鎖を検証しました。</translation>
    </message>
    <message>
        <location filename="../AuditView.cpp" line="92"/>
        <source>The audit log is broken: %1. Keep this file as evidence and restore the registry from a backup.</source>
        <translation>監査ログが壊れています: %1。このファイルを証拠として保管し、名簿ファイルをバックアップから復元してください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ChangesView</name>
    <message>
        <location filename="../ChangesView.cpp" line="76"/>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="78"/>
        <source>S&amp;tate:</source>
        <translation>状態(&amp;T):</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="80"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="91"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="91"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="91"/>
        <source>Effective</source>
        <translation>変更日</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="91"/>
        <source>Submitted</source>
        <translation>届出済み</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="91"/>
        <source>Consented</source>
        <translation>同意済み</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="92"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="100"/>
        <source>New change set</source>
        <translation>新しい変更届</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="103"/>
        <source>Effective &amp;date:</source>
        <translation>変更日(&amp;D):</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="106"/>
        <source>Rea&amp;son:</source>
        <translation>理由(&amp;S):</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="109"/>
        <source>&amp;New change set</source>
        <translation>変更届を作成(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="113"/>
        <source>Changes in the selected draft</source>
        <translation>選択した下書きの変更内容</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="115"/>
        <source>&amp;Import people from CSV…</source>
        <translation>CSV から新規従事者を追加(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="117"/>
        <source>&amp;Person:</source>
        <translation>対象者(&amp;P):</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="120"/>
        <source>&amp;Leaves the roster</source>
        <translation>従事終了(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="129"/>
        <source>Field:</source>
        <translation>項目:</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="132"/>
        <source>Value:</source>
        <translation>値:</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="135"/>
        <source>Chan&amp;ge the field</source>
        <translation>項目を変更(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="139"/>
        <source>Steps</source>
        <translation>手続</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="142"/>
        <source>On:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="145"/>
        <source>How / b&amp;y / why:</source>
        <translation>方法・同意者・理由(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="147"/>
        <source>how it was sent, who consented, or why it was rejected</source>
        <translation>届出の方法、同意した担当職員、または不同意の理由</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="150"/>
        <source>S&amp;ubmit</source>
        <translation>届出(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="151"/>
        <source>C&amp;onsent</source>
        <translation>同意(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="152"/>
        <source>Re&amp;ject</source>
        <translation>不同意(&amp;J)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="153"/>
        <source>&amp;Apply</source>
        <translation>反映(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="154"/>
        <source>&amp;Withdraw</source>
        <translation>取下げ(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="158"/>
        <source>P&amp;review the notice…</source>
        <translation>変更届をプレビュー(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="186"/>
        <source>People joining (roster CSV)</source>
        <translation>新規従事者（名簿 CSV）</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="187"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="233"/>
        <source> (late)</source>
        <translation>（事後届出）</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="273"/>
        <source>&lt;p&gt;Select a change set, or make a new one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;変更届を選ぶか、新しく作成してください。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="276"/>
        <source>&lt;h3&gt;Change set %1 — %2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;変更届 %1 — %2&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="277"/>
        <source>&lt;p&gt;Effective %1%2. Reason: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;変更日 %1%2。理由: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="279"/>
        <source> (a late notice: recorded after the change happened)</source>
        <translation>（事後届出: 変更後に記録されたもの）</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="282"/>
        <source>&lt;p&gt;Submitted %1 %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;届出 %1 %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="284"/>
        <source>&lt;p&gt;Consented %1 %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;同意 %1 %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="286"/>
        <source>&lt;p&gt;Rejected %1: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;不同意 %1: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="288"/>
        <source>&lt;p&gt;Applied: the roster changed from %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;反映済み: %1 から名簿に反映&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="293"/>
        <source>&lt;li&gt;No changes yet: add people from a CSV, or choose a person and what changes.&lt;/li&gt;</source>
        <translation>&lt;li&gt;変更内容はまだありません。CSV から新規従事者を追加するか、対象者と変更する項目を選んでください。&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="304"/>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="307"/>
        <source>Give the reason for the change (it is printed on the notice).</source>
        <translation>変更の理由を入力してください（変更届に記載されます）。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="312"/>
        <source>Change set %1 created as a draft.</source>
        <translation>変更届 %1 を下書きとして作成しました。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="324"/>
        <location filename="../ChangesView.cpp" line="347"/>
        <location filename="../ChangesView.cpp" line="363"/>
        <source>Select a draft change set first.</source>
        <translation>先に下書きの変更届を選んでください。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="327"/>
        <source>Cannot read %1.</source>
        <translation>%1 を読み込めません。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="333"/>
        <source>%1 has problems; nothing was added:
</source>
        <translation>%1 に問題があるため、何も追加していません:
</translation>
    </message>
    <message numerus="yes">
        <location filename="../ChangesView.cpp" line="338"/>
        <source>Added %n change(s) to change set %1.</source>
        <translation><numerusform>変更届 %1 に %n 件の変更を追加しました。</numerusform></translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="349"/>
        <source>Choose the person who leaves.</source>
        <translation>従事を終了する人を選んでください。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="354"/>
        <source>%1 leaves the roster with change set %2.</source>
        <translation>変更届 %2 で %1 の従事を終了します。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="365"/>
        <source>Choose the person whose record changes.</source>
        <translation>記載を変更する人を選んでください。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="373"/>
        <source>Change set %1: %2 %3 = %4.</source>
        <translation>変更届 %1: %2 の %3 を %4 に変更。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="387"/>
        <source>Change set %1 submitted to the ministry on %2.</source>
        <translation>変更届 %1 を %2 に担当課室へ届け出ました。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="396"/>
        <source>Change set %1: the ministry&apos;s consent of %2 is recorded. Apply it to change the roster.</source>
        <translation>変更届 %1: %2 の担当課室の同意を記録しました。名簿に反映するには「反映」を押してください。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="407"/>
        <source>Give the ministry&apos;s reason for the rejection.</source>
        <translation>担当課室が同意しなかった理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="410"/>
        <source>Change set %1: the rejection is recorded.</source>
        <translation>変更届 %1: 不同意を記録しました。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="419"/>
        <source>Change set %1 withdrawn.</source>
        <translation>変更届 %1 を取り下げました。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="428"/>
        <source>Change set %1 applied: the roster changes from %2.</source>
        <translation>変更届 %1 を反映しました: %2 から名簿が変わります。</translation>
    </message>
    <message>
        <location filename="../ChangesView.cpp" line="437"/>
        <source>Select a change set first.</source>
        <translation>先に変更届を選んでください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ContractDialog</name>
    <message>
        <location filename="../ContractDialog.cpp" line="62"/>
        <source>Contract %1</source>
        <translation>契約 %1</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="62"/>
        <source>New contract</source>
        <translation>新しい契約</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="65"/>
        <source>&amp;Code:</source>
        <translation>コード(&amp;C):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="66"/>
        <source>&amp;Title (契約件名):</source>
        <translation>契約件名(&amp;T):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="67"/>
        <source>&amp;Start:</source>
        <translation>契約期間の開始日(&amp;S):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="68"/>
        <source>&amp;End:</source>
        <translation>契約期間の終了日(&amp;E):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="69"/>
        <source>Si&amp;gned on (契約締結日):</source>
        <translation>契約締結日(&amp;G):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="70"/>
        <source>&amp;Addressee (… 殿):</source>
        <translation>宛先（… 殿）(&amp;A):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="71"/>
        <source>Ministry c&amp;ontact:</source>
        <translation>担当職員(&amp;O):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="72"/>
        <source>Personal data as&amp;ked for on (※5):</source>
        <translation>住所・生年月日の提出を求められた日（※5）(&amp;K):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="73"/>
        <source>&amp;Roster agreed on (8 ①):</source>
        <translation>名簿の同意を得た日（8 ①）(&amp;R):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="89"/>
        <source>Once the roster is agreed with the ministry, it changes only through change sets.</source>
        <translation>名簿について担当課室の同意を得た後は、変更届を通してのみ変更できます。</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="105"/>
        <source>code: give the contract a short code, e.g. METI-2026-01</source>
        <translation>コード: 契約の短いコードを入力してください（例: METI-2026-01）</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="108"/>
        <source>title: the 契約件名 is required</source>
        <translation>契約件名: 必須です</translation>
    </message>
</context>
<context>
    <name>meibo::gui::CreateDialog</name>
    <message>
        <location filename="../CreateDialog.cpp" line="32"/>
        <source>New registry</source>
        <translation>新しい名簿ファイル</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="41"/>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="43"/>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="44"/>
        <source>&amp;Organization (名称):</source>
        <translation>名称(&amp;O):</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="45"/>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="46"/>
        <source>&amp;Repeat passphrase:</source>
        <translation>パスフレーズ（確認）(&amp;R):</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="47"/>
        <source>At least 8 characters; a few words are easiest to remember and hardest to guess.</source>
        <translation>8文字以上。いくつかの単語を並べると覚えやすく、推測されにくくなります。</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="68"/>
        <source>The two passphrases differ.</source>
        <translation>2つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="70"/>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>パスフレーズが短すぎます。8文字以上にしてください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::DashboardView</name>
    <message>
        <location filename="../DashboardView.cpp" line="56"/>
        <source>&lt;p&gt;Today: %1 — %2 contract(s); findings: &lt;b&gt;%3 error(s)&lt;/b&gt;, %4 warning(s).&lt;/p&gt;</source>
        <translation>&lt;p&gt;本日: %1 — 契約 %2 件、指摘: &lt;b&gt;エラー %3 件&lt;/b&gt;、警告 %4 件&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="62"/>
        <source>&lt;p&gt;No contract yet: add one with Edit ▸ New contract, then its people in the Roster view (or import a roster CSV with &lt;code&gt;meibo-cli import&lt;/code&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;契約がまだありません。「編集 ▸ 新しい契約」で契約を追加し、「名簿」タブで情報取扱者を登録してください（名簿 CSV は &lt;code&gt;meibo-cli import&lt;/code&gt; で取り込めます）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="66"/>
        <source>&lt;p&gt;Period %1 – %2</source>
        <translation>&lt;p&gt;契約期間 %1 – %2</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="68"/>
        <source>; roster agreed with the ministry on %1 (changes need a change set)</source>
        <translation>、%1 に名簿について担当課室の同意済み（変更には変更届が必要）</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="76"/>
        <source>&lt;p&gt;&lt;b&gt;Next status report&lt;/b&gt; (実施状況報告書): period %1 – %2, due %3 (%4).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;次の実施状況報告書&lt;/b&gt;: 対象期間 %1 – %2、提出期限 %3（%4）&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../DashboardView.cpp" line="79"/>
        <location filename="../DashboardView.cpp" line="96"/>
        <location filename="../DashboardView.cpp" line="108"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>あと %n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DashboardView.cpp" line="79"/>
        <location filename="../DashboardView.cpp" line="109"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n 日超過</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="93"/>
        <source>%1 %2 (%3): support ends %4 (%5)</source>
        <translation>%1 %2（%3）: サポート期限 %4（%5）</translation>
    </message>
    <message numerus="yes">
        <location filename="../DashboardView.cpp" line="97"/>
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>%n 日前に終了</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="100"/>
        <source>&lt;p&gt;&lt;b&gt;Software support ending&lt;/b&gt; (15(5))&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;サポート期限が近い・切れたソフトウェア&lt;/b&gt;（15)（５））&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="112"/>
        <source>Change set %1 waits for consent (submitted %2); effective %3: %4 — %5</source>
        <translation>変更届 %1 は同意待ち（%2 届出）、変更日 %3: %4 — %5</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="116"/>
        <source>Change set %1 consented on %2, not applied yet; effective %3: %4 — %5</source>
        <translation>変更届 %1 は %2 に同意済み、未反映。変更日 %3: %4 — %5</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="123"/>
        <source>&lt;p&gt;&lt;b&gt;Change notices in progress&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;手続中の変更届&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="135"/>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="137"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../DashboardView.cpp" line="139"/>
        <source>&lt;p&gt;No findings.&lt;/p&gt;</source>
        <translation>&lt;p&gt;指摘はありません。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>meibo::gui::DiagramWidget</name>
    <message>
        <location filename="../StructureView.cpp" line="173"/>
        <source>Nobody on the roster on this day.</source>
        <translation>この日の名簿には誰も記載されていません。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::DocumentPreview</name>
    <message>
        <location filename="../DocumentPreview.cpp" line="90"/>
        <source>Preview: %1</source>
        <translation>プレビュー: %1</translation>
    </message>
    <message>
        <location filename="../DocumentPreview.cpp" line="94"/>
        <source>A preview in memory: export the change set to get the signed PDF and DOCX.</source>
        <translation>メモリ上のプレビューです。署名付きの PDF と DOCX は変更届を出力して作成します。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ExportDialog</name>
    <message>
        <location filename="../ExportDialog.cpp" line="49"/>
        <source>The compliance &amp;methods (遵守の方法)</source>
        <translation>遵守の方法(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="50"/>
        <source>Leave addresses and birth dates out (※5, before the contract)</source>
        <translation>個人住所と生年月日を省略する（※5、契約前）</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="50"/>
        <source>The certificate of return or &amp;deletion (clause 8)</source>
        <translation>返却・消去証明書(&amp;D)（8)）</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="53"/>
        <source>The certificate kept in the registry (a self-signed one is made if none)</source>
        <translation>名簿ファイルに保管した証明書（なければ自己署名証明書を作成）</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="54"/>
        <source>A PKCS#12 file:</source>
        <translation>PKCS#12 ファイル:</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="56"/>
        <source>&amp;Export</source>
        <translation>出力(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="58"/>
        <source>Export the signed documents</source>
        <translation>署名付き文書の出力</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="67"/>
        <source>its passphrase</source>
        <translation>そのパスフレーズ</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="72"/>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="74"/>
        <source>PKCS#12 certificate</source>
        <translation>PKCS#12 証明書</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="75"/>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="81"/>
        <source>C&amp;hoose…</source>
        <translation>選択(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="83"/>
        <source>An empty folder for the bundle</source>
        <translation>出力先の空のフォルダ</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="87"/>
        <source>a new or empty folder</source>
        <translation>新しいフォルダまたは空のフォルダ</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="93"/>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="96"/>
        <source>Roster &amp;as of:</source>
        <translation>名簿の基準日(&amp;A):</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="99"/>
        <source>Change &amp;notice:</source>
        <translation>変更届(&amp;N):</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="102"/>
        <source>Status re&amp;port:</source>
        <translation>実施状況報告書(&amp;P):</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="108"/>
        <source>Documents: 様式4 情報取扱者名簿 and 情報管理体制図 (signed PDF and DOCX), the roster as CSV and XLSX, the diagram as PNG and SVG, a signed manifest; and what is chosen above: the 変更届, the 実施状況報告書, the compliance methods, the deletion certificate.</source>
        <translation>様式4 情報取扱者名簿と情報管理体制図（署名付き PDF と DOCX）、名簿の CSV と XLSX、体制図の PNG と SVG、署名付きマニフェスト。加えて上で選んだ変更届、実施状況報告書、遵守の方法、返却・消去証明書。</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="114"/>
        <source>Contents:</source>
        <translation>内容:</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="115"/>
        <source>Certificate:</source>
        <translation>証明書:</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="125"/>
        <source>&amp;Folder:</source>
        <translation>フォルダ(&amp;F):</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="128"/>
        <source>The folder will hold personal data in plain form (names, addresses, passport numbers), readable only by you. Send it, then delete it.</source>
        <translation>このフォルダには個人情報（氏名、個人住所、パスポート番号）が暗号化されずに保存されます（本人のみ読み取り可）。提出後は削除してください。</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="153"/>
        <source>None: the roster as of the day above</source>
        <translation>なし: 上記の基準日の名簿</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="155"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="160"/>
        <source>Report %1: %2 – %3, revision %4 (%5)</source>
        <translation>報告書 %1: %2 – %3、第 %4 版（%5）</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="164"/>
        <source>final</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="164"/>
        <source>draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="168"/>
        <source>Change set %1 (%2, effective %3): %4</source>
        <translation>変更届 %1（%2、変更日 %3）: %4</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="186"/>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="191"/>
        <source>Choose a new or empty folder for the bundle.</source>
        <translation>出力先として新しいフォルダか空のフォルダを選んでください。</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="207"/>
        <source>Choose the PKCS#12 file, or use the kept certificate.</source>
        <translation>PKCS#12 ファイルを選ぶか、保管済みの証明書を使ってください。</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="264"/>
        <source>Verified: every file matches the manifest signed by “%1”.</source>
        <translation>検証済み: すべてのファイルが「%1」の署名したマニフェストと一致します。</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="265"/>
        <source>Wrote %1 files to %2 in %3 ms. %4</source>
        <translation>%2 に %1 個のファイルを出力しました（%3 ms）。%4</translation>
    </message>
    <message>
        <location filename="../ExportDialog.cpp" line="274"/>
        <source>The bundle does not match its manifest: %1</source>
        <translation>出力がマニフェストと一致しません: %1</translation>
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
    <message>
        <source>Checked against the registry&apos;s handlers; the inspection is in the audit log.</source>
        <translation>名簿の取扱者と照合しました。点検したことは監査ログに記録しました。</translation>
    </message>
    <message>
        <source>No registry is open: open one to look for its handlers&apos; personal data as well.</source>
        <translation>名簿ファイルが開かれていません。開くと、取扱者の個人情報も照合します。</translation>
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
</context>
<context>
    <name>meibo::gui::MainWindow</name>
    <message>
        <location filename="../MainWindow.cpp" line="49"/>
        <source>Meibo — information handler registry</source>
        <translation>Meibo — 情報取扱者名簿</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="85"/>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="86"/>
        <source>Roster</source>
        <translation>名簿</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="87"/>
        <source>Structure</source>
        <translation>体制図</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="88"/>
        <source>Changes</source>
        <translation>変更届</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="89"/>
        <source>Report</source>
        <translation>実施状況報告書</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="90"/>
        <source>Registers</source>
        <translation>管理台帳</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="91"/>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="105"/>
        <source>Locked after %1 minute(s) without input.</source>
        <translation>%1 分間操作がなかったためロックしました。</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="109"/>
        <source>Locked with the screen.</source>
        <translation>画面のロックに合わせてロックしました。</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="126"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="127"/>
        <source>&amp;New registry…</source>
        <translation>新しい名簿ファイル(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="128"/>
        <source>&amp;Open registry…</source>
        <translation>名簿ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="129"/>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="131"/>
        <source>&amp;Export documents…</source>
        <translation>文書を出力(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Inspect deliverables…</source>
        <translation>納品物の公開前点検(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="134"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="136"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="138"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="139"/>
        <source>&amp;Organization…</source>
        <translation>会社情報(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="140"/>
        <source>New &amp;contract…</source>
        <translation>新しい契約(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="141"/>
        <source>Contract &amp;details…</source>
        <translation>契約の詳細(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="143"/>
        <source>&amp;Add person…</source>
        <translation>情報取扱者を追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="147"/>
        <source>&amp;Edit person…</source>
        <translation>情報取扱者を編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="151"/>
        <source>Compliance &amp;methods…</source>
        <translation>遵守の方法(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="156"/>
        <source>&amp;Verify the audit chain</source>
        <translation>監査ログを検証(&amp;V)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="162"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="163"/>
        <source>&amp;Dashboard</source>
        <translation>ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="163"/>
        <source>&amp;Roster</source>
        <translation>名簿(&amp;R)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="163"/>
        <source>&amp;Structure</source>
        <translation>体制図(&amp;S)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="163"/>
        <source>C&amp;hanges</source>
        <translation>変更届(&amp;H)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="164"/>
        <source>Re&amp;port</source>
        <translation>実施状況報告書(&amp;P)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="164"/>
        <source>Re&amp;gisters</source>
        <translation>管理台帳(&amp;G)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="164"/>
        <source>A&amp;udit log</source>
        <translation>監査ログ(&amp;U)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="169"/>
        <source>Re&amp;fresh</source>
        <translation>再読み込み(&amp;F)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="171"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="172"/>
        <source>&amp;About Meibo</source>
        <translation>Meibo について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="173"/>
        <source>About Meibo</source>
        <translation>Meibo について</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="174"/>
        <source>&lt;p&gt;&lt;b&gt;Meibo&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The information-handler registry (情報取扱者名簿, 様式4) and the security records of METI contracts, in one encrypted file. Meibo never opens a network connection.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Meibo&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;経済産業省の委託契約の情報取扱者名簿（様式4）と情報セキュリティの記録を、1つの暗号化ファイルで管理します。Meibo はネットワーク接続を一切行いません。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="302"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 — verified: all %3 pages authenticated; opened with key slot “%4”.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 — 検証済み: 全 %3 ページを認証、キースロット「%4」で開きました。</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="56"/>
        <source>&lt;h2&gt;Meibo&lt;/h2&gt;&lt;p&gt;The encrypted registry of information handlers (情報取扱者名簿) for government contracts.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Meibo&lt;/h2&gt;&lt;p&gt;政府調達契約のための、暗号化された情報取扱者名簿です。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="61"/>
        <source>&amp;Open a registry…</source>
        <translation>名簿ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="62"/>
        <source>Create a &amp;new registry…</source>
        <translation>新しい名簿ファイルを作成(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="191"/>
        <source>Open registry</source>
        <translation>名簿ファイルを開く</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="192"/>
        <source>Meibo registries (*.meibo);;All files (*)</source>
        <translation>Meibo 名簿ファイル (*.meibo);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="207"/>
        <source>New registry</source>
        <translation>新しい名簿ファイル</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="208"/>
        <source>Meibo registries (*.meibo)</source>
        <translation>Meibo 名簿ファイル (*.meibo)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="215"/>
        <source>Recovery key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="216"/>
        <source>The registry was created. This is its recovery key, shown only now. Print it or write it down and keep it apart from the computer: it opens the registry if the passphrase is forgotten.</source>
        <translation>名簿ファイルを作成しました。以下は回復キーで、表示は今回限りです。印刷するか書き留めて、コンピューターとは別の場所に保管してください。パスフレーズを忘れたときに名簿ファイルを開けます。</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="295"/>
        <source>&amp;Unlock %1</source>
        <translation>%1 のロックを解除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="297"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="311"/>
        <source>Unlocked: %1</source>
        <translation>ロック解除: %1</translation>
    </message>
</context>
<context>
    <name>meibo::gui::MethodsDialog</name>
    <message>
        <location filename="../MethodsDialog.cpp" line="63"/>
        <source>Compliance methods (遵守の方法) — %1</source>
        <translation>遵守の方法 — %1</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="65"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="65"/>
        <source>Subject</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="65"/>
        <source>Method</source>
        <translation>遵守の方法</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="90"/>
        <source>How the company complies with this item (empty: none recorded)</source>
        <translation>この項目をどのように遵守するか（空欄: 未登録）</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="96"/>
        <source>&amp;Items:</source>
        <translation>項目(&amp;I):</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="99"/>
        <source>&amp;Method:</source>
        <translation>遵守の方法(&amp;M):</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="102"/>
        <source>Effective &amp;from (change set):</source>
        <translation>適用日（変更届）(&amp;F):</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="106"/>
        <source>&amp;Save method</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="150"/>
        <source>The ministry agreed to the roster on %1: a new method goes into a change set (変更届) taking effect on this day, after its consent.</source>
        <translation>名簿は %1 に担当課室の同意を得ています。新しい遵守の方法は変更届に記録し、同意を得てからこの日付で反映されます。</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="153"/>
        <source>Until the ministry agrees to the roster, a method is saved directly.</source>
        <translation>名簿の同意を得るまでは、遵守の方法をそのまま保存します。</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="187"/>
        <source>Select an item first.</source>
        <translation>先に項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="192"/>
        <source>Nothing was changed.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="198"/>
        <source>Method %1) saved.</source>
        <translation>%1) の遵守の方法を保存しました。</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="209"/>
        <source>The roster was agreed with the ministry: a method can no longer be cleared, only replaced through a change set. Write the new method. Nothing was saved.</source>
        <translation>名簿は担当課室の同意済みのため、遵守の方法は消去できず、変更届で置き換えるだけです。新しい遵守の方法を記入してください。保存していません。</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="213"/>
        <source>The ministry agreed to the roster of %1 on %2 (8 ①): the compliance methods change only with advance notice and consent. Put this method into a new change set (変更届) instead?</source>
        <translation>%1 の名簿は %2 に担当課室の同意を得ています（8 ①）。遵守の方法の変更にも事前の届出と同意が必要です。代わりにこの遵守の方法を新しい変更届に記録しますか？</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="217"/>
        <source>Roster agreed</source>
        <translation>名簿は同意済み</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="218"/>
        <source>The roster was agreed with the ministry: direct edits are refused. Nothing was saved.</source>
        <translation>名簿は担当課室の同意済みのため、直接編集はできません。保存していません。</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="227"/>
        <source>New compliance method for item %1</source>
        <translation>%1) の遵守の方法の変更</translation>
    </message>
    <message>
        <location filename="../MethodsDialog.cpp" line="229"/>
        <source>Change set %1 was created as a draft with this method. Submit it to the ministry from the Changes view; the method changes once it is consented and applied.</source>
        <translation>この遵守の方法を記録した変更届 %1 を下書きとして作成しました。「変更届」タブから担当課室へ届け出てください。同意を得て反映すると遵守の方法が変わります。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::OrganizationDialog</name>
    <message>
        <location filename="../ContractDialog.cpp" line="132"/>
        <source>Organization</source>
        <translation>会社情報</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="135"/>
        <source>&amp;Name (名称):</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="136"/>
        <source>&amp;Address (住所):</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="137"/>
        <source>&amp;Representative (代表者氏名):</source>
        <translation>代表者氏名(&amp;R):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="138"/>
        <source>&amp;Capital and officers (資本関係・役員):</source>
        <translation>資本関係・役員(&amp;C):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="139"/>
        <source>&amp;Places of work (業務の実施場所):</source>
        <translation>業務の実施場所(&amp;P):</translation>
    </message>
    <message>
        <location filename="../ContractDialog.cpp" line="140"/>
        <source>&amp;Officer (audit log):</source>
        <translation>担当者名（監査ログ）(&amp;O):</translation>
    </message>
</context>
<context>
    <name>meibo::gui::PersonDialog</name>
    <message>
        <location filename="../PersonDialog.cpp" line="40"/>
        <source>Edit %1</source>
        <translation>%1 の編集</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="40"/>
        <source>Add a person</source>
        <translation>情報取扱者の追加</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="71"/>
        <source>The ministry agreed to this roster on %1: a change goes into a change set (変更届) and takes effect after its consent.</source>
        <translation>この名簿は %1 に担当課室の同意を得ています。変更は変更届に記録し、同意を得てから反映されます。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="168"/>
        <source>Everyone but the 情報管理責任者 reports to someone: give that person&apos;s label.</source>
        <translation>情報管理責任者以外は報告先が必要です。その人の記号を入力してください。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="227"/>
        <source>Some fields need attention (see the messages under them); nothing was saved.</source>
        <translation>確認が必要な項目があります（各項目の下のメッセージを参照）。保存していません。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="234"/>
        <source>The ministry agreed to the roster of %1 on %2 (8 ①): it changes only with advance notice and consent. Put this change into a new change set (変更届) instead?</source>
        <translation>%1 の名簿は %2 に担当課室の同意を得ています（8 ①）。以後の変更には事前の届出と同意が必要です。代わりにこの変更を新しい変更届に記録しますか？</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="237"/>
        <source>Roster agreed</source>
        <translation>名簿は同意済み</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="238"/>
        <source>The roster was agreed with the ministry: direct edits are refused. Nothing was saved.</source>
        <translation>名簿は担当課室の同意済みのため、直接編集はできません。保存していません。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="69"/>
        <source>Effecti&amp;ve day of the change (変更届):</source>
        <translation>変更の効力発生日（変更届）(&amp;V):</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="162"/>
        <source>The day the change takes effect, as YYYY-MM-DD.</source>
        <translation>変更の効力発生日を YYYY-MM-DD の形で入力してください。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="247"/>
        <source>Saved %1.</source>
        <translation>%1 を保存しました。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="248"/>
        <source>Added %1 %2 to %3.</source>
        <translation>%3 に %1 %2 を追加しました。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="271"/>
        <source>New information handler: %1 %2</source>
        <translation>情報取扱者の追加: %1 %2</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="280"/>
        <source>Nothing was changed.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="283"/>
        <source>Change for %1</source>
        <translation>%1 の記載変更</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="291"/>
        <source>%1 is not on the roster on %2: choose an effective day while they are.</source>
        <translation>%1 は %2 の名簿に記載されていません。記載されている期間の変更日を選んでください。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="293"/>
        <source>%1 is already someone&apos;s label on %2: choose another.</source>
        <translation>%1 は %2 の時点ですでに使われている記号です。別の記号を選んでください。</translation>
    </message>
    <message>
        <location filename="../PersonDialog.cpp" line="298"/>
        <source>Change set %1 was created as a draft with this change. Submit it to the ministry from the Changes view; the roster changes once it is consented and applied.</source>
        <translation>この変更を記録した変更届 %1 を下書きとして作成しました。「変更届」タブから担当課室へ届け出てください。同意を得て反映すると名簿が変わります。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RegisterEntryDialog</name>
    <message>
        <location filename="../RegistersView.cpp" line="75"/>
        <source>* required</source>
        <translation>* 必須</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RegistersView</name>
    <message>
        <location filename="../RegistersView.cpp" line="144"/>
        <source>Dele&amp;tion certificate…</source>
        <translation>返却・消去証明書を出力(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="146"/>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="148"/>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="149"/>
        <source>E&amp;dit…</source>
        <translation>編集(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="150"/>
        <source>E&amp;nd</source>
        <translation>終了(&amp;N)</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="153"/>
        <source>removed, stopped, closed, returned …</source>
        <translation>削除、利用停止、対応完了、返却など</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="154"/>
        <source>Ended &amp;on:</source>
        <translation>終了日(&amp;O):</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="171"/>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="183"/>
        <source>Disposal chec&amp;klist (clause 8)</source>
        <translation>返却・消去チェックリスト（8)）(&amp;K)</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="271"/>
        <source>✓ %1: done</source>
        <translation>✓ %1: 完了</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="272"/>
        <source>✗ %1: missing %2</source>
        <translation>✗ %1: 未記入 %2</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="280"/>
        <source>No information received is recorded yet.</source>
        <translation>受領した情報はまだ記録されていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../RegistersView.cpp" line="282"/>
        <source>%n item(s) still to return, dispose of or delete with confirmation.</source>
        <translation>
            <numerusform>返却・廃棄・消去または担当職員の確認が済んでいない情報が %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="285"/>
        <source>Every item is returned, disposed of or deleted with confirmation: the certificate can be made.</source>
        <translation>すべての情報が返却・廃棄・消去され、担当職員の確認を得ています。返却・消去証明書を作成できます。</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="305"/>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="323"/>
        <location filename="../RegistersView.cpp" line="337"/>
        <source>Select an entry first.</source>
        <translation>先に項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../RegistersView.cpp" line="343"/>
        <source>Entry ended on %1.</source>
        <translation>%1 付で終了しました。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::ReportView</name>
    <message>
        <location filename="../ReportView.cpp" line="64"/>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="66"/>
        <source>Repor&amp;t:</source>
        <translation>報告書(&amp;T):</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="68"/>
        <source>New for the period en&amp;ding:</source>
        <translation>対象期間の末日(&amp;D):</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="70"/>
        <source>&amp;New report</source>
        <translation>報告書を作成(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="81"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="81"/>
        <source>What is checked</source>
        <translation>確認事項</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="81"/>
        <source>Status</source>
        <translation>実施状況</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="81"/>
        <source>Reason / content</source>
        <translation>理由・内容</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="82"/>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="92"/>
        <source>The reason for 未実施 or 該当なし (別葉); for item 15 what was done, even when 実施</source>
        <translation>未実施・該当なしの理由（別葉）。15) は実施の場合も実施内容を記載</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="98"/>
        <source>Selected item</source>
        <translation>選択した項目</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="101"/>
        <source>&amp;Status:</source>
        <translation>実施状況(&amp;S):</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="104"/>
        <source>&amp;Reason / content:</source>
        <translation>理由・内容(&amp;R):</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="107"/>
        <source>Save ite&amp;m</source>
        <translation>項目を保存(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="110"/>
        <source>Com&amp;pliance methods…</source>
        <translation>遵守の方法(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="114"/>
        <source>Method (遵守の方法):</source>
        <translation>遵守の方法:</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="115"/>
        <source>Related findings:</source>
        <translation>関連する指摘:</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="117"/>
        <source>Before it can be final</source>
        <translation>確定の前に</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="122"/>
        <source>&amp;On:</source>
        <translation>日付(&amp;O):</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="124"/>
        <source>Fina&amp;lize</source>
        <translation>確定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="125"/>
        <source>Rev&amp;ise</source>
        <translation>改訂(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="199"/>
        <source>%1 – %2, revision %3 (%4)</source>
        <translation>%1 – %2、第 %3 版（%4）</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="202"/>
        <source>final</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="202"/>
        <source>draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="224"/>
        <source>No report yet: choose the last day of a period and make one.</source>
        <translation>報告書はまだありません。対象期間の末日を選んで作成してください。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="269"/>
        <source>Final since %1 (audit head %2). A change opens a new revision.</source>
        <translation>%1 に確定（監査ログ先頭 %2）。変更すると新しい版が作られます。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="272"/>
        <source>Nothing is missing: it can be finalized.</source>
        <translation>不足はありません。確定できます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ReportView.cpp" line="273"/>
        <source>%n answer(s) missing:</source>
        <translation>
            <numerusform>未記入・不足 %n 件:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="309"/>
        <source>(none recorded: Compliance methods…)</source>
        <translation>（未登録: 遵守の方法から記入）</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="315"/>
        <source>No findings concern this item.</source>
        <translation>この項目に関する指摘はありません。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="324"/>
        <location filename="../ReportView.cpp" line="395"/>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="326"/>
        <source>Report %1 started from the previous period&apos;s answers.</source>
        <translation>前期の回答を引き継いで報告書 %1 を作成しました。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="339"/>
        <location filename="../ReportView.cpp" line="370"/>
        <location filename="../ReportView.cpp" line="381"/>
        <source>Make or choose a report first.</source>
        <translation>先に報告書を作成するか選んでください。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="342"/>
        <source>The report was final: the change went into its new revision (report %1).</source>
        <translation>報告書は確定済みのため、変更は新しい版（報告書 %1）に記録しました。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="344"/>
        <source>Item %1 saved.</source>
        <translation>%1) を保存しました。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="359"/>
        <source>Select an item first.</source>
        <translation>先に項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="372"/>
        <source>Report %1 is final. Export it from File ▸ Export.</source>
        <translation>報告書 %1 を確定しました。「ファイル ▸ 文書を出力」から出力できます。</translation>
    </message>
    <message>
        <location filename="../ReportView.cpp" line="383"/>
        <source>Revision opened as report %1; the final one is kept.</source>
        <translation>報告書 %1 として改訂版を作成しました。確定版はそのまま保存されます。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RosterModel</name>
    <message>
        <location filename="../RosterModel.cpp" line="151"/>
        <source>Label</source>
        <translation>記号</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="153"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="155"/>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="157"/>
        <source>Department</source>
        <translation>所属部署</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="159"/>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="161"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="163"/>
        <source>Residence status</source>
        <translation>在留区分</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="165"/>
        <source>Passport no.</source>
        <translation>パスポート番号</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="167"/>
        <source>Organization</source>
        <translation>所属組織</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="169"/>
        <source>Reports to</source>
        <translation>報告先</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="171"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="173"/>
        <source>Need</source>
        <translation>必要性</translation>
    </message>
    <message>
        <location filename="../RosterModel.cpp" line="175"/>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
</context>
<context>
    <name>meibo::gui::RosterView</name>
    <message>
        <location filename="../RosterView.cpp" line="37"/>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="39"/>
        <source>&amp;As of:</source>
        <translation>基準日(&amp;A):</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="41"/>
        <source>Add &amp;person…</source>
        <translation>追加(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="42"/>
        <source>Edi&amp;t person…</source>
        <translation>編集(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="61"/>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="144"/>
        <source>Findings for %1</source>
        <translation>%1 への指摘</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="145"/>
        <source>Findings for the whole roster</source>
        <translation>名簿全体への指摘</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="155"/>
        <source>No findings.</source>
        <translation>指摘はありません。</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="173"/>
        <source>Choose a contract first.</source>
        <translation>先に契約を選んでください。</translation>
    </message>
    <message>
        <location filename="../RosterView.cpp" line="184"/>
        <source>Select a person in the roster first.</source>
        <translation>先に名簿から人を選んでください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::SettingsDialog</name>
    <message>
        <location filename="../SettingsDialog.cpp" line="18"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../SettingsDialog.cpp" line="20"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../SettingsDialog.cpp" line="28"/>
        <source>&amp;Lock after idle:</source>
        <translation>自動ロックまでの時間(&amp;L):</translation>
    </message>
    <message>
        <location filename="../SettingsDialog.cpp" line="31"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../SettingsDialog.cpp" line="34"/>
        <source>Locking closes the registry and wipes its key from memory. A new language applies the next time Meibo starts.</source>
        <translation>ロックすると名簿ファイルを閉じ、鍵をメモリから消去します。言語の変更は次回の起動時から有効です。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::StructureView</name>
    <message>
        <location filename="../StructureView.cpp" line="206"/>
        <source>&amp;Contract:</source>
        <translation>契約(&amp;C):</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="208"/>
        <source>&amp;As of:</source>
        <translation>基準日(&amp;A):</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="210"/>
        <source>Drag a person onto their new superior, or right-click them (arrow keys and the menu key) and choose whom they report to.</source>
        <translation>人を新しい報告先の上にドラッグするか、右クリック（矢印キーとメニューキー）して報告先を選びます。</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="265"/>
        <source>The structure rules find nothing: one 情報管理責任者, everyone connected, no cycles.</source>
        <translation>体制のルールに関する指摘はありません（情報管理責任者は1名、全員がつながり、循環なし）。</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="276"/>
        <source>&amp;Report to…</source>
        <translation>報告先を変更(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="297"/>
        <source>%1 is not on the roster on this day.</source>
        <translation>%1 はこの日の名簿に記載されていません。</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="302"/>
        <source>The ministry agreed to the structure of %1 on %2: reporting lines change only with advance notice and consent. Create a change set making %3 report to %4?</source>
        <translation>%1 の体制は %2 に担当課室の同意を得ています。報告先の変更には事前の届出と同意が必要です。%3 の報告先を %4 にする変更届を作成しますか？</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="306"/>
        <source>Structure agreed</source>
        <translation>体制は同意済み</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="308"/>
        <source>The structure was agreed with the ministry: nothing was changed.</source>
        <translation>体制は担当課室の同意済みです。変更していません。</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="315"/>
        <source>Reporting line: %1 reports to %2</source>
        <translation>報告先の変更: %1 の報告先を %2 に</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="316"/>
        <source>Change set %1 was created as a draft: %2 reports to %3 once it is consented and applied.</source>
        <translation>変更届 %1 を下書きとして作成しました。同意を得て反映すると %2 の報告先が %3 になります。</translation>
    </message>
    <message>
        <location filename="../StructureView.cpp" line="333"/>
        <source>%1 now reports to %2.</source>
        <translation>%1 の報告先を %2 にしました。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::UnlockDialog</name>
    <message>
        <location filename="../UnlockDialog.cpp" line="30"/>
        <source>Use the &amp;recovery key instead</source>
        <translation>回復キーを使う(&amp;R)</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="34"/>
        <source>Unlock registry</source>
        <translation>名簿ファイルのロック解除</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="42"/>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="47"/>
        <source>Registry:</source>
        <translation>名簿ファイル:</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="48"/>
        <location filename="../UnlockDialog.cpp" line="59"/>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="59"/>
        <source>&amp;Recovery key:</source>
        <translation>回復キー(&amp;R):</translation>
    </message>
</context>
</TS>
