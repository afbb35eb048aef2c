<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>meibo::gui::CreateDialog</name>
    <message>
        <location filename="../CreateDialog.cpp" line="30"/>
        <source>New registry</source>
        <translation>新しい名簿ファイル</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="39"/>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="41"/>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="42"/>
        <source>&amp;Organization (名称):</source>
        <translation>名称(&amp;O):</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="43"/>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="44"/>
        <source>&amp;Repeat passphrase:</source>
        <translation>パスフレーズ（確認）(&amp;R):</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="45"/>
        <source>At least 8 characters; a few words are easiest to remember and hardest to guess.</source>
        <translation>8文字以上。いくつかの単語を並べると覚えやすく、推測されにくくなります。</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="66"/>
        <source>The two passphrases differ.</source>
        <translation>2つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <location filename="../CreateDialog.cpp" line="68"/>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>パスフレーズが短すぎます。8文字以上にしてください。</translation>
    </message>
</context>
<context>
    <name>meibo::gui::MainWindow</name>
    <message>
        <location filename="../MainWindow.cpp" line="24"/>
        <source>Meibo — information handler registry</source>
        <translation>Meibo — 情報取扱者名簿</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="27"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="28"/>
        <source>&amp;New registry…</source>
        <translation>新しい名簿ファイル(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="29"/>
        <source>&amp;Open registry…</source>
        <translation>名簿ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="30"/>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="32"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="37"/>
        <source>&lt;h2&gt;Meibo&lt;/h2&gt;&lt;p&gt;The encrypted registry of information handlers (情報取扱者名簿) for government contracts.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Meibo&lt;/h2&gt;&lt;p&gt;政府調達契約のための、暗号化された情報取扱者名簿です。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="41"/>
        <source>&amp;Open a registry…</source>
        <translation>名簿ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="42"/>
        <source>Create a &amp;new registry…</source>
        <translation>新しい名簿ファイルを作成(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="61"/>
        <source>No registry open</source>
        <translation>名簿ファイルが開かれていません</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="74"/>
        <source>Open registry</source>
        <translation>名簿ファイルを開く</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="75"/>
        <source>Meibo registries (*.meibo);;All files (*)</source>
        <translation>Meibo 名簿ファイル (*.meibo);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="90"/>
        <source>New registry</source>
        <translation>新しい名簿ファイル</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="91"/>
        <source>Meibo registries (*.meibo)</source>
        <translation>Meibo 名簿ファイル (*.meibo)</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="98"/>
        <source>Recovery key</source>
        <translation>回復キー</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="99"/>
        <source>The registry was created. This is its recovery key, shown only now. Print it or write it down and keep it apart from the computer: it opens the registry if the passphrase is forgotten.</source>
        <translation>名簿ファイルを作成しました。以下は回復キーで、表示は今回限りです。印刷するか書き留めて、コンピューターとは別の場所に保管してください。パスフレーズを忘れたときに名簿ファイルを開けます。</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="130"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="134"/>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Organization: %2&lt;/p&gt;&lt;p&gt;Verified: all %3 pages authenticated; opened with key slot “%4”.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;名称: %2&lt;/p&gt;&lt;p&gt;検証済み: 全 %3 ページの認証に成功。鍵スロット「%4」で開きました。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../MainWindow.cpp" line="142"/>
        <source>Unlocked: %1</source>
        <translation>ロック解除: %1</translation>
    </message>
</context>
<context>
    <name>meibo::gui::UnlockDialog</name>
    <message>
        <location filename="../UnlockDialog.cpp" line="28"/>
        <source>Use the &amp;recovery key instead</source>
        <translation>回復キーを使う(&amp;R)</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="32"/>
        <source>Unlock registry</source>
        <translation>名簿ファイルのロック解除</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="40"/>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="45"/>
        <source>Registry:</source>
        <translation>名簿ファイル:</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="46"/>
        <location filename="../UnlockDialog.cpp" line="57"/>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../UnlockDialog.cpp" line="57"/>
        <source>&amp;Recovery key:</source>
        <translation>回復キー(&amp;R):</translation>
    </message>
</context>
</TS>
