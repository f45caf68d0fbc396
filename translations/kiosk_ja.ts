<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Kiosk settings</source>
        <translation>キオスクの設定</translation>
    </message>
    <message>
        <source>Text size: {percent}%</source>
        <translation>文字サイズ：{percent}%</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>ハイコントラスト</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>テスト印刷</translation>
    </message>
    <message>
        <source>Camera check</source>
        <translation>カメラの確認</translation>
    </message>
    <message>
        <source>Screen cleaning</source>
        <translation>画面の清掃</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>キオスクを終了</translation>
    </message>
    <message>
        <source>Kiosk setup…</source>
        <translation>キオスク設定…</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>受付画面に戻る</translation>
    </message>
</context>
<context>
    <name>CleaningScreen</name>
    <message>
        <source>Screen cleaning</source>
        <translation>画面の清掃</translation>
    </message>
    <message>
        <source>Touches are ignored now. Press and hold anywhere for 3 seconds to finish.</source>
        <translation>現在タッチは無効です。どこかを3秒間長押しすると終了します。</translation>
    </message>
</context>
<context>
    <name>DepartmentScreen</name>
    <message>
        <source>Where would you like to go?</source>
        <translation>どちらの診療科に行かれますか？</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>No departments are available. Please see reception.</source>
        <translation>選べる診療科がありません。受付にお越しください。</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>{room} 号室</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>Departments file</source>
        <extracomment>A file to read (the wizard reads it on a worker and calls show_departments / show_error).</extracomment>
        <translation>診療科ファイル</translation>
    </message>
    <message>
        <source>Departments (*.json *.csv)</source>
        <translation>診療科 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>診療科</translation>
    </message>
    <message>
        <source>Import the clinic's departments from a JSON or CSV file, or keep the ones already here. The hub also sends departments at every synchronisation.</source>
        <translation>JSON または CSV ファイルから診療科を取り込むか、現在の診療科をそのまま使います。ハブも同期のたびに診療科を送ります。</translation>
    </message>
    <message>
        <source>No file: keep the current departments</source>
        <translation>ファイルなし：現在の診療科を維持</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <source>Demo departments</source>
        <translation>デモ用診療科</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>現在のまま</translation>
    </message>
    <message>
        <source>This file cannot be used: {reason}</source>
        <translation>このファイルは使えません：{reason}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>ファイルを読み込み中…</translation>
    </message>
    <message>
        <source>{count} departments will be imported:</source>
        <translation>{count} 件の診療科を取り込みます：</translation>
    </message>
    <message>
        <source>The current departments stay as they are.</source>
        <translation>現在の診療科はそのままです。</translation>
    </message>
</context>
<context>
    <name>DeskEligibility</name>
    <message>
        <source>Registered here</source>
        <translation>当院で登録</translation>
    </message>
    <message>
        <source>Primary care, registered elsewhere</source>
        <translation>一次診療（他院で登録）</translation>
    </message>
    <message>
        <source>With a referral paper</source>
        <translation>紹介状あり</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>再診予約</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>救急</translation>
    </message>
    <message>
        <source>Self-referred</source>
        <translation>紹介なし受診</translation>
    </message>
    <message>
        <source>Referral paper needed</source>
        <translation>紹介状が必要</translation>
    </message>
    <message>
        <source>Outside route: reception decides</source>
        <translation>経路外：受付が判断</translation>
    </message>
    <message>
        <source>Registered facility not known yet</source>
        <translation>登録医療機関はまだ不明</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>コード {code}</translation>
    </message>
    <message>
        <source>code chosen by reception</source>
        <translation>コードは受付が選択</translation>
    </message>
    <message>
        <source>Not known yet: the registered facility is not known</source>
        <translation>まだ不明：登録医療機関が不明</translation>
    </message>
    <message>
        <source>Decided by reception</source>
        <translation>受付が判断</translation>
    </message>
    <message>
        <source>0% without a referral paper</source>
        <translation>紹介状なしでは0%</translation>
    </message>
    <message>
        <source>Not known yet (the card's benefit level comes with the gateway's answer)</source>
        <translation>まだ不明（カードの給付水準はゲートウェイの回答で判明）</translation>
    </message>
    <message>
        <source>{percent}% (paid in full at this facility)</source>
        <translation>{percent}%（当院では全額支給）</translation>
    </message>
    <message>
        <source>0%: not paid by health insurance on this route</source>
        <translation>0%：この経路では保険給付なし</translation>
    </message>
    <message>
        <source>{percent}% ({route}% of the card level's {level}%)</source>
        <translation>{percent}%（カード水準 {level}% の {route}%）</translation>
    </message>
    <message>
        <source>{percent}% of covered costs</source>
        <translation>対象費用の {percent}%</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>たった今同期</translation>
    </message>
    <message>
        <source>synced {n} min ago</source>
        <translation>{n} 分前に同期</translation>
    </message>
    <message>
        <source>synced {n} h ago</source>
        <translation>{n} 時間前に同期</translation>
    </message>
    <message>
        <source>synced {n} days ago</source>
        <translation>{n} 日前に同期</translation>
    </message>
    <message>
        <source>Local card list ({age}), not confirmed online</source>
        <translation>ローカルのカード一覧（{age}）、オンライン未確認</translation>
    </message>
    <message>
        <source>Local card list (never synced), not confirmed online</source>
        <translation>ローカルのカード一覧（未同期）、オンライン未確認</translation>
    </message>
    <message>
        <source>Only the card's own dates: not in the local card list, not confirmed online</source>
        <translation>カード記載の日付のみ：ローカル一覧になし、オンライン未確認</translation>
    </message>
    <message>
        <source>area {area}</source>
        <translation>地域 {area}</translation>
    </message>
    <message>
        <source>5 years continuous from {date}</source>
        <translation>{date} から5年継続</translation>
    </message>
    <message>
        <source>issued by {office}</source>
        <translation>発行 {office}</translation>
    </message>
    <message>
        <source>Possibly still admitted elsewhere: {where} looked the card up after the patient's last discharge. Ask the patient before registering.</source>
        <translation>他院にまだ入院中の可能性：{where} が最後の退院後にカードを照会しています。登録前に患者に確認してください。</translation>
    </message>
    <message>
        <source>No health-insurance card number is known for this citizen ID: look the card up (Number only, F3), or tick Self-pay.</source>
        <translation>この身分証番号に対応する保険証番号が不明です：保険証を照会する（番号のみ、F3）か、自費にチェックしてください。</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>That ticket is not one of today's visits.</source>
        <extracomment>"Setup…" pressed: the kiosk setup (behind the admin PIN) is opened by the builder.</extracomment>
        <translation>この番号札は本日の受付ではありません。</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>受付窓口</translation>
    </message>
    <message>
        <source>&amp;Card:</source>
        <translation>カード(&amp;C)：</translation>
    </message>
    <message>
        <source>Scan, or type a card number or citizen ID and press Enter</source>
        <translation>スキャンするか、保険証番号または身分証番号を入力して Enter を押してください</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Number only… (F3)</source>
        <translation>番号のみ…（F3）</translation>
    </message>
    <message>
        <source>Setup…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Registered: ticket {ticket}.</source>
        <translation>登録しました：番号 {ticket}。</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Camera, scanner, printer</source>
        <translation>カメラ・スキャナー・プリンター</translation>
    </message>
    <message>
        <source>Leave a field empty if the device is not used. Each test uses the device now: the printer prints a test ticket, the scanner waits for a scan.</source>
        <translation>使わない機器は空欄にしてください。各テストは機器を実際に使います：プリンターはテスト券を印刷し、スキャナーは読み取りを待ちます。</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>シリアルスキャナー</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>0, /dev/video0, a video file or a stream URL</source>
        <translation>0、/dev/video0、動画ファイルまたはストリーム URL</translation>
    </message>
    <message>
        <source>/dev/ttyACM0 or COM3</source>
        <translation>/dev/ttyACM0 または COM3</translation>
    </message>
    <message>
        <source>empty: a file in the data folder; serial:/dev/ttyUSB0, network:10.0.0.9</source>
        <translation>空欄：データフォルダーのファイル；serial:/dev/ttyUSB0、network:10.0.0.9</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>Scan any code now…</source>
        <translation>何かコードを読み取ってください…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Support code: {code}</source>
        <extracomment>The English summaries this module translates (see the module docstring).</extracomment>
        <translation>サポートコード: {code}</translation>
    </message>
    <message>
        <source>Free space on the kiosk's disk, then try again; nothing was lost.</source>
        <translation>キオスクのディスクの空き容量を確保してから再試行してください。データは失われていません。</translation>
    </message>
    <message>
        <source>Another program is writing to the database: try again in a moment.</source>
        <translation>別のプログラムがデータベースに書き込み中です。しばらくしてから再試行してください。</translation>
    </message>
    <message>
        <source>The kiosk may not write its database: check the disk and the file's permissions.</source>
        <translation>キオスクがデータベースに書き込めません。ディスクとファイルの権限を確認してください。</translation>
    </message>
    <message>
        <source>Call the administrator: the database must be restored from a backup.</source>
        <translation>管理者に連絡してください。バックアップからデータベースを復元する必要があります。</translation>
    </message>
    <message>
        <source>Check the disk; call the administrator if it happens again.</source>
        <translation>ディスクを確認してください。再発する場合は管理者に連絡してください。</translation>
    </message>
    <message>
        <source>Check the database setting and that the database server is running.</source>
        <translation>データベースの設定と、データベースサーバーが動作しているかを確認してください。</translation>
    </message>
    <message>
        <source>Install the kiosk version that wrote this database.</source>
        <translation>このデータベースを書き込んだバージョンのキオスクをインストールしてください。</translation>
    </message>
    <message>
        <source>Check the disk and the database; the log has the details.</source>
        <translation>ディスクとデータベースを確認してください。詳細はログにあります。</translation>
    </message>
    <message>
        <source>Synchronise with the hub to get the departments, or choose another department.</source>
        <translation>中央サーバーと同期して診療科を取得するか、別の診療科を選んでください。</translation>
    </message>
    <message>
        <source>Correct the configuration file; the log names the setting.</source>
        <translation>設定ファイルを修正してください。問題の設定項目はログに記録されています。</translation>
    </message>
    <message>
        <source>Check the card list file; the log names the line.</source>
        <translation>カード一覧ファイルを確認してください。問題の行はログに記録されています。</translation>
    </message>
    <message>
        <source>Check the network and the hub address; check-in goes on offline.</source>
        <translation>ネットワークと中央サーバーのアドレスを確認してください。受付はオフラインで続行されます。</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself.</source>
        <translation>キオスクが自動的に再試行します。</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself; tell the administrator if it goes on.</source>
        <translation>キオスクが自動的に再試行します。続く場合は管理者に伝えてください。</translation>
    </message>
    <message>
        <source>Tell the administrator: the hub refused this kiosk's request.</source>
        <translation>管理者に伝えてください。中央サーバーがこのキオスクの要求を拒否しました。</translation>
    </message>
    <message>
        <source>The card is checked again later; check-in goes on.</source>
        <translation>カードは後で再確認されます。受付は続行されます。</translation>
    </message>
    <message>
        <source>Tell the administrator: the facility's gateway account must be checked.</source>
        <translation>管理者に伝えてください。施設の保険ゲートウェイのアカウントを確認する必要があります。</translation>
    </message>
    <message>
        <source>Check the printer's cable and power.</source>
        <translation>プリンターのケーブルと電源を確認してください。</translation>
    </message>
    <message>
        <source>Switch the printer off and on again.</source>
        <translation>プリンターの電源を入れ直してください。</translation>
    </message>
    <message>
        <source>Correct the printer setting in the setup.</source>
        <translation>セットアップでプリンターの設定を修正してください。</translation>
    </message>
    <message>
        <source>Check the printer, then print again.</source>
        <translation>プリンターを確認してから、もう一度印刷してください。</translation>
    </message>
    <message>
        <source>Reinstall the kiosk: a font for the ticket is missing.</source>
        <translation>キオスクを再インストールしてください。番号券用のフォントがありません。</translation>
    </message>
    <message>
        <source>Check the camera's cable, then restart the kiosk.</source>
        <translation>カメラのケーブルを確認してから、キオスクを再起動してください。</translation>
    </message>
    <message>
        <source>Run the kiosk's self-test and reinstall if it fails.</source>
        <translation>キオスクのセルフテストを実行し、失敗した場合は再インストールしてください。</translation>
    </message>
    <message>
        <source>Nothing was read from the code.</source>
        <translation>コードから何も読み取れませんでした。</translation>
    </message>
    <message>
        <source>The code is too long to be a card code.</source>
        <translation>コードが長すぎるため、カードのコードではありません。</translation>
    </message>
    <message>
        <source>This code is not a health-insurance (BHYT) card or a citizen-ID (CCCD) code.</source>
        <translation>このコードは健康保険証（BHYT）でも市民身分証（CCCD）のコードでもありません。</translation>
    </message>
    <message>
        <source>The card number is not valid: check every character.</source>
        <translation>カード番号が正しくありません。1文字ずつ確認してください。</translation>
    </message>
    <message>
        <source>The citizen ID number is not valid: it has 12 digits.</source>
        <translation>市民身分証番号が正しくありません。12桁の数字です。</translation>
    </message>
    <message>
        <source>A date in the code cannot be read.</source>
        <translation>コード内の日付を読み取れません。</translation>
    </message>
    <message>
        <source>The gender in the code cannot be read.</source>
        <translation>コード内の性別を読み取れません。</translation>
    </message>
    <message>
        <source>The code is cut short: the name, date of birth or gender is missing.</source>
        <translation>コードが途中で切れています。氏名、生年月日または性別がありません。</translation>
    </message>
    <message>
        <source>A card number has 15 characters (or 10 digits, or the 12-digit personal ID), a citizen ID 12 digits; this one has {count}.</source>
        <translation>カード番号は15文字（または10桁の数字、または12桁の個人識別番号）、市民身分証番号は12桁です。この番号は{count}桁です。</translation>
    </message>
    <message>
        <source>Unexpected error in the kiosk (support code {code}); the log has the details. Please report it.</source>
        <translation>キオスクで予期しないエラーが発生しました（サポートコード {code}）。詳細はログにあります。報告してください。</translation>
    </message>
    <message>
        <source>Problem with the kiosk's surroundings, not with the patient: {summary}.</source>
        <translation>患者ではなく、キオスクの周辺環境の問題です：{summary}。</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
</context>
<context>
    <name>FacilityPage</name>
    <message>
        <source>Province: {province}</source>
        <extracomment>Short name for the step list and screenshots.</extracomment>
        <translation>省：{province}</translation>
    </message>
    <message>
        <source>2 digits (province) and 3 letters or digits, e.g. 01999</source>
        <translation>数字 2 桁（省コード）と英数字 3 桁、例：01999</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>医療機関</translation>
    </message>
    <message>
        <source>Facility code (MA_CSKCB)</source>
        <translation>医療機関コード (MA_CSKCB)</translation>
    </message>
    <message>
        <source>Facility name, printed on tickets</source>
        <translation>医療機関名（番号券に印刷）</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>Hub</source>
        <translation>ハブ</translation>
    </message>
    <message>
        <source>The hub keeps the card list and receives the visits. Leave the address empty if this kiosk works on its own.</source>
        <translation>ハブはカード一覧を保持し、受付記録を受け取ります。単独で使う場合はアドレスを空欄にしてください。</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>ハブのアドレス</translation>
    </message>
    <message>
        <source>Device token (issued for this kiosk by the hub administrator)</source>
        <translation>デバイストークン（ハブ管理者がこのキオスク用に発行）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Test the hub</source>
        <translation>ハブをテスト</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>ハブに接続中…</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>The kiosk cannot compare this ID card with your health-insurance card.</source>
        <extracomment>"I have no ID card with me". "Try again" after a code that was not a CCCD or did not match. "Start again" / "Finish": back to the welcome screen.</extracomment>
        <translation>この身分証を健康保険証と照合できません。</translation>
    </message>
    <message>
        <source>The name on the ID card is not the name on the health-insurance card.</source>
        <translation>身分証の氏名が健康保険証の氏名と異なります。</translation>
    </message>
    <message>
        <source>The date of birth on the ID card is not the one on the health-insurance card.</source>
        <translation>身分証の生年月日が健康保険証と異なります。</translation>
    </message>
    <message>
        <source>The ID card number is not the one on the health-insurance card.</source>
        <translation>身分証の番号が健康保険証の番号と異なります。</translation>
    </message>
    <message>
        <source>I have no ID card with me</source>
        <translation>身分証を持っていません</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Please go to the reception desk</source>
        <translation>受付へお越しください</translation>
    </message>
    <message>
        <source>You need an ID document to use your health-insurance card.</source>
        <translation>健康保険証を使うには身分証が必要です。</translation>
    </message>
    <message>
        <source>Please bring your health-insurance card and an ID document to reception. The staff will help you.</source>
        <translation>健康保険証と身分証を持って受付へお越しください。係員がお手伝いします。</translation>
    </message>
    <message>
        <source>One more step: show your ID card</source>
        <translation>あと一歩：身分証を提示してください</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an ID document. Please hold the QR code of your chip citizen ID card (or of the VNeID app) in front of the camera.</source>
        <translation>健康保険証は身分証と一緒に提示する必要があります。ICチップ付き身分証（またはVNeIDアプリ）のQRコードをカメラにかざしてください。</translation>
    </message>
    <message>
        <source>Checking your ID card…</source>
        <translation>身分証を確認しています…</translation>
    </message>
    <message>
        <source>That was not the QR code of a chip ID card. Please show the code on the back of your citizen ID card.</source>
        <translation>ICチップ付き身分証のQRコードではありません。身分証の裏面のコードを見せてください。</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>まだご利用中ですか？</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in 1 second.</source>
        <translation>プライバシー保護のため、1 秒後に画面を消去します。</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in {n} seconds.</source>
        <translation>プライバシー保護のため、{n} 秒後に画面を消去します。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
</context>
<context>
    <name>KeypadScreen</name>
    <message>
        <source>Type your health-insurance card number or citizen ID number</source>
        <extracomment>"No card? Reception ticket": a number for the reception desk without any card.</extracomment>
        <translation>保険証番号または国民 ID 番号を入力してください</translation>
    </message>
    <message>
        <source>Card number: 2 letters and 13 characters, as printed on the card. Citizen ID: 12 digits.</source>
        <translation>保険証番号：カードに印字された英字 2 文字と 13 文字。国民 ID：12 桁の数字。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>No card? Reception ticket</source>
        <translation>カードがない方：受付の番号券</translation>
    </message>
</context>
<context>
    <name>KioskError</name>
    <message>
        <source>The kiosk could not do this</source>
        <translation>キオスクはこの操作を実行できませんでした</translation>
    </message>
    <message>
        <source>The installation is broken</source>
        <translation>インストールが壊れています</translation>
    </message>
    <message>
        <source>An unexpected error occurred</source>
        <translation>予期しないエラーが発生しました</translation>
    </message>
    <message>
        <source>The database refused the request</source>
        <translation>データベースが要求を拒否しました</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>データベースを使用できません</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>The database is locked</source>
        <translation>データベースがロックされています</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>データベースに書き込めません</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>データベースファイルが破損しています</translation>
    </message>
    <message>
        <source>The disk reported an error</source>
        <translation>ディスクがエラーを報告しました</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <source>The database belongs to a newer kiosk version</source>
        <translation>データベースは新しいバージョンのキオスクのものです</translation>
    </message>
    <message>
        <source>Unknown department</source>
        <translation>不明な診療科</translation>
    </message>
    <message>
        <source>The insurance gateway could not be used</source>
        <translation>保険ゲートウェイを使用できません</translation>
    </message>
    <message>
        <source>The insurance gateway does not answer</source>
        <translation>保険ゲートウェイが応答しません</translation>
    </message>
    <message>
        <source>The insurance gateway refused the facility's account</source>
        <translation>保険ゲートウェイが施設のアカウントを拒否しました</translation>
    </message>
    <message>
        <source>The insurance gateway refused the check-in file</source>
        <translation>保険ゲートウェイがチェックインファイルを拒否しました</translation>
    </message>
    <message>
        <source>The check-in file cannot be signed</source>
        <translation>チェックインファイルに署名できません</translation>
    </message>
    <message>
        <source>The visit cannot be turned into a check-in file</source>
        <translation>この受診からチェックインファイルを作成できません</translation>
    </message>
    <message>
        <source>Synchronisation with the hub failed</source>
        <translation>ハブとの同期に失敗しました</translation>
    </message>
    <message>
        <source>The hub cannot be reached</source>
        <translation>ハブに接続できません</translation>
    </message>
    <message>
        <source>The hub is busy</source>
        <translation>ハブが混み合っています</translation>
    </message>
    <message>
        <source>The hub reported a fault</source>
        <translation>ハブが障害を報告しました</translation>
    </message>
    <message>
        <source>The hub refused the request</source>
        <translation>ハブが要求を拒否しました</translation>
    </message>
    <message>
        <source>Another kiosk uses this device's token: register this kiosk as a new device</source>
        <translation>別のキオスクがこのデバイスのトークンを使っています：このキオスクを新しいデバイスとして登録してください</translation>
    </message>
    <message>
        <source>The configuration file cannot be used</source>
        <translation>設定ファイルを使用できません</translation>
    </message>
    <message>
        <source>This is not a usable card code</source>
        <translation>使用できるカードのコードではありません</translation>
    </message>
    <message>
        <source>The card list cannot be read</source>
        <translation>カード一覧を読み込めません</translation>
    </message>
    <message>
        <source>The camera cannot be used</source>
        <translation>カメラを使用できません</translation>
    </message>
    <message>
        <source>The ticket cannot be printed</source>
        <translation>番号札を印刷できません</translation>
    </message>
    <message>
        <source>A font for the ticket is missing</source>
        <translation>番号札に必要なフォントがありません</translation>
    </message>
    <message>
        <source>The ticket cannot be printed as given</source>
        <translation>指定された内容では番号札を印刷できません</translation>
    </message>
    <message>
        <source>The printer setting cannot be understood</source>
        <translation>プリンター設定を解釈できません</translation>
    </message>
    <message>
        <source>The printer gave an unreadable status</source>
        <translation>プリンターが読み取れない状態を返しました</translation>
    </message>
    <message>
        <source>The ticket printer cannot be reached</source>
        <translation>番号札プリンターに接続できません</translation>
    </message>
    <message>
        <source>This card already has a number for this department today</source>
        <translation>このカードは本日この診療科の番号をすでに受け取っています</translation>
    </message>
</context>
<context>
    <name>NotSetUpWindow</name>
    <message>
        <source>This kiosk is not set up yet</source>
        <translation>このキオスクはまだ設定されていません</translation>
    </message>
    <message>
        <source>Patients: please check in at the reception desk.</source>
        <translation>患者さま：受付窓口で受付をしてください。</translation>
    </message>
    <message>
        <source>Staff: set it up now (facility, hub, departments, camera, scanner, printer), or run `kiosk setup` on this machine. The configuration file will be {path}. To try the kiosk with sample cards, start it with `kiosk run --demo`.</source>
        <translation>スタッフ：今すぐ設定する（施設、ハブ、診療科、カメラ、スキャナー、プリンター）か、この端末で `kiosk setup` を実行してください。設定ファイルは {path} になります。サンプルカードで試すには `kiosk run --demo` で起動してください。</translation>
    </message>
    <message>
        <source>Set up this kiosk…</source>
        <translation>このキオスクを設定…</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Name</source>
        <extracomment>The most of the panel's height the footer takes before it scrolls (large text). Rows of the department list kept in view before the details start to scroll. Staff pressed "Register anyway" / "Cancel" on the confirmation question. Staff ticked / unticked "identity document checked". Staff ticked / unticked "self-pay" (a CCCD check-in without a known card). Staff chose the visit's circumstance (a :class:`Circumstance` value). The row of the gateway's kept data (area, five-year date, issuing office): shown only when the gateway answered with them.</extracomment>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>保険証番号</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>身分証番号</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>Registered facility</source>
        <translation>登録医療機関</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>受診経路</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>給付</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>診療科(&amp;D)</translation>
    </message>
    <message>
        <source>Ci&amp;rcumstance</source>
        <translation>受診の状況(&amp;R)</translation>
    </message>
    <message>
        <source>Came on their own</source>
        <translation>自分で来院</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>救急</translation>
    </message>
    <message>
        <source>Referral paper</source>
        <translation>紹介状あり</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>再診予約あり</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>登録 (Enter)</translation>
    </message>
    <message>
        <source>Reprint (F5)</source>
        <translation>再印刷 (F5)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>クリア (Esc)</translation>
    </message>
    <message>
        <source>Self-&amp;pay (not billed to BHYT)</source>
        <translation>自費（保険請求しない）(&amp;P)</translation>
    </message>
    <message>
        <source>Check the identity document first: tick the box below, then register.</source>
        <translation>先に身分証を確認してください：下のボックスにチェックしてから登録します。</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>{room} 号室</translation>
    </message>
    <message>
        <source>Scan a card or type a card number or citizen ID, then press Enter.</source>
        <translation>カードをスキャンするか、保険証番号または身分証番号を入力して Enter を押してください。</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>終了日なし</translation>
    </message>
    <message>
        <source>{percent}% by the card's benefit level (route not decided)</source>
        <translation>カードの給付水準で {percent}%（経路未決定）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Gateway data</source>
        <translation>ゲートウェイ情報</translation>
    </message>
    <message>
        <source>Register &amp;anyway</source>
        <translation>このまま登録(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Identity checked</source>
        <translation>本人確認済み(&amp;I)</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an identity document: compare its name, date of birth and photo with the patient, then tick the box below.</source>
        <translation>健康保険証は身分証と一緒に提示が必要です：身分証の氏名・生年月日・写真を患者本人と照合し、下のボックスにチェックしてください。</translation>
    </message>
    <message>
        <source>Register anyway?</source>
        <translation>このまま登録しますか？</translation>
    </message>
    <message>
        <source>The card is not valid ({verdict}).</source>
        <translation>このカードは有効ではありません（{verdict}）。</translation>
    </message>
    <message>
        <source>This card already has ticket {ticket} for this department today.</source>
        <translation>このカードには本日この診療科の番号 {ticket} がすでにあります。</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Staff only: enter the PIN</source>
        <extracomment>A new PIN was chosen: its hash, to be saved as ``ui.admin_pin_hash``.</extracomment>
        <translation>スタッフ専用：PIN を入力してください</translation>
    </message>
    <message>
        <source>Choose a new admin PIN (4–12 digits)</source>
        <translation>新しい管理者 PIN を設定してください（4～12 桁の数字）</translation>
    </message>
    <message>
        <source>Enter the new PIN again</source>
        <translation>新しい PIN をもう一度入力してください</translation>
    </message>
    <message>
        <source>Wrong PIN. Attempts left before a one-minute lock: {left}</source>
        <translation>PIN が違います。1 分間のロックまでの残り回数：{left}</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>PIN の誤りが多すぎます。{seconds} 秒後にもう一度お試しください。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits, and not 0000.</source>
        <translation>PIN は 4～12 桁の数字で、0000 は使えません。</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose a new PIN again.</source>
        <translation>2 つの PIN が一致しません。もう一度設定してください。</translation>
    </message>
    <message>
        <source>The factory PIN must be replaced before the admin panel opens.</source>
        <translation>管理画面を開く前に初期 PIN を変更する必要があります。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>ReceptionTicketScreen</name>
    <message>
        <source>Your number for reception</source>
        <translation>受付の番号</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Please go to the reception desk and show this number; priority numbers are called first. The staff will help you.</source>
        <translation>受付へ行き、この番号をお見せください。優先番号から先にお呼びします。スタッフがお手伝いします。</translation>
    </message>
    <message>
        <source>Please wait near the reception desk until your number is called. The staff will help you.</source>
        <translation>番号が呼ばれるまで受付の近くでお待ちください。スタッフがお手伝いします。</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>No ticket printer is configured.</source>
        <extracomment>Exit code of "Exit the kiosk" in the admin panel (a supervisor must not restart the app).</extracomment>
        <translation>番号札プリンターが設定されていません。</translation>
    </message>
    <message>
        <source>Printing a test ticket…</source>
        <translation>テスト用の番号札を印刷しています…</translation>
    </message>
    <message>
        <source>Printer: {message}</source>
        <translation>プリンター：{message}</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>テストページを印刷しました。</translation>
    </message>
    <message>
        <source>No camera is configured.</source>
        <translation>カメラが設定されていません。</translation>
    </message>
    <message>
        <source>Camera: 1 frame decoded so far.</source>
        <translation>カメラ：これまでに 1 フレームを解析しました。</translation>
    </message>
    <message>
        <source>Camera: {frames} frames decoded so far.</source>
        <translation>カメラ：これまでに {frames} フレームを解析しました。</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>Camera works: a {width}×{height} picture arrived</source>
        <translation>カメラ正常：{width}×{height} の画像を受信</translation>
    </message>
    <message>
        <source>No camera chosen</source>
        <translation>カメラが選択されていません</translation>
    </message>
    <message>
        <source>Cannot open the camera</source>
        <translation>カメラを開けません</translation>
    </message>
    <message>
        <source>The camera opened but sent no picture within {seconds} s</source>
        <translation>カメラは開きましたが {seconds} 秒以内に画像が届きません</translation>
    </message>
    <message>
        <source>Scanner works: received "{preview}"</source>
        <translation>スキャナー正常：「{preview}」を受信</translation>
    </message>
    <message>
        <source>No serial scanner chosen</source>
        <translation>シリアルスキャナーが選択されていません</translation>
    </message>
    <message>
        <source>Cannot open the scanner port</source>
        <translation>スキャナーのポートを開けません</translation>
    </message>
    <message>
        <source>No scan arrived within {seconds} s</source>
        <translation>{seconds} 秒以内に読み取りがありません</translation>
    </message>
    <message>
        <source>Scanner test cancelled</source>
        <translation>スキャナーのテストを中止しました</translation>
    </message>
    <message>
        <source>Test ticket printed ({target})</source>
        <translation>テスト券を印刷しました（{target}）</translation>
    </message>
    <message>
        <source>The test ticket was not printed: {reason}</source>
        <translation>テスト券は印刷されませんでした：{reason}</translation>
    </message>
    <message>
        <source>The printer setting is not usable</source>
        <translation>プリンターの設定が使えません</translation>
    </message>
    <message>
        <source>Hub reached; the token belongs to device "{device}" of facility {facility}</source>
        <translation>ハブに接続しました。トークンは医療機関 {facility} のデバイス「{device}」のものです</translation>
    </message>
    <message>
        <source>No hub: this kiosk works offline</source>
        <translation>ハブなし：このキオスクはオフラインで動作します</translation>
    </message>
    <message>
        <source>Cannot reach the hub</source>
        <translation>ハブに接続できません</translation>
    </message>
    <message>
        <source>The hub's certificate is not trusted by this computer</source>
        <translation>このコンピューターはハブの証明書を信頼していません</translation>
    </message>
    <message>
        <source>The hub refused the device token (wrong or revoked)</source>
        <translation>ハブがデバイストークンを拒否しました（誤りまたは失効）</translation>
    </message>
    <message>
        <source>This address does not answer like a kiosk hub</source>
        <translation>このアドレスはキオスクのハブとして応答しません</translation>
    </message>
    <message>
        <source>The token belongs to facility {facility}, not {expected}</source>
        <translation>トークンは {expected} ではなく医療機関 {facility} のものです</translation>
    </message>
    <message>
        <source>The hub answered with an error</source>
        <translation>ハブがエラーを返しました</translation>
    </message>
    <message>
        <source>the printer is out of paper</source>
        <translation>プリンターの用紙切れ</translation>
    </message>
    <message>
        <source>the printer does not answer (switched off, wrong port or speed?)</source>
        <translation>プリンターが応答しません（電源オフ、ポートまたは速度の誤り？）</translation>
    </message>
    <message>
        <source>printing failed</source>
        <translation>印刷に失敗しました</translation>
    </message>
    <message>
        <source>Enter the facility code (5 characters, e.g. 01999).</source>
        <translation>医療機関コードを入力してください（5 文字、例：01999）。</translation>
    </message>
    <message>
        <source>A facility code is 2 digits (province) and 3 letters or digits, e.g. 01999.</source>
        <translation>医療機関コードは数字 2 桁（省コード）と英数字 3 桁です。例：01999。</translation>
    </message>
    <message>
        <source>The first 2 digits are not a province code.</source>
        <translation>最初の 2 桁が省コードではありません。</translation>
    </message>
    <message>
        <source>The facility name must be one line of text.</source>
        <translation>医療機関名は 1 行で入力してください。</translation>
    </message>
    <message>
        <source>The hub address must start with http:// or https://.</source>
        <translation>ハブのアドレスは http:// または https:// で始めてください。</translation>
    </message>
    <message>
        <source>The hub address is incomplete, e.g. https://hub.benhvien.local:8443</source>
        <translation>ハブのアドレスが不完全です。例：https://hub.benhvien.local:8443</translation>
    </message>
    <message>
        <source>A hub needs the device token.</source>
        <translation>ハブにはデバイストークンが必要です。</translation>
    </message>
    <message>
        <source>The token has no spaces; copy it exactly.</source>
        <translation>トークンに空白はありません。正確にコピーしてください。</translation>
    </message>
    <message>
        <source>The departments file does not exist.</source>
        <translation>診療科ファイルがありません。</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Kiosk setup</source>
        <translation>キオスク設定</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Kiosk setup: {page}</source>
        <extracomment>"Restart me": the kiosk session (systemd unit, Shell Launcher) starts the app again with the new settings.</extracomment>
        <translation>キオスク設定：{page}</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>ステップ {n}/{total}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <source>Start the kiosk</source>
        <translation>キオスクを開始</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Syncing…</source>
        <translation>同期中…</translation>
    </message>
    <message>
        <source>Stand-alone: no hub configured</source>
        <translation>単独運用：ハブ未設定</translation>
    </message>
    <message>
        <source>DEMO: sample cards, not a real check-in</source>
        <translation>デモ：サンプルカードです。実際の受付ではありません</translation>
    </message>
    <message>
        <source>Hub connected</source>
        <translation>ハブに接続済み</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>ハブに接続できません：オフラインで動作中</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>未同期</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>たった今同期しました</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>{n} 分前に同期</translation>
    </message>
    <message>
        <source>Synced {n} h ago</source>
        <translation>{n} 時間前に同期</translation>
    </message>
    <message>
        <source>Synced {n} days ago</source>
        <translation>{n} 日前に同期</translation>
    </message>
    <message>
        <source>Synced 1 day ago</source>
        <translation>1 日前に同期</translation>
    </message>
    <message>
        <source>Uploads waiting too long: {n}</source>
        <translation>送信待ちが長すぎます：{n}</translation>
    </message>
    <message>
        <source>Waiting to upload: {n}</source>
        <translation>送信待ち：{n}</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>スキャナー</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>{device}: {state}</source>
        <translation>{device}：{state}</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>起動中</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>再接続中</translation>
    </message>
    <message>
        <source>paper low</source>
        <translation>用紙残りわずか</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>用紙切れ</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>処理中</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>医療機関</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>ハブ</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>診療科</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>シリアルスキャナー</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>none (works offline)</source>
        <translation>なし（オフラインで動作）</translation>
    </message>
    <message>
        <source>keep the current departments</source>
        <translation>現在の診療科を維持</translation>
    </message>
    <message>
        <source>import {count} from {file}</source>
        <translation>{file} から {count} 件を取り込み</translation>
    </message>
    <message>
        <source>a file in the data folder</source>
        <translation>データフォルダーのファイル</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>{path} に保存しました。</translation>
    </message>
    <message>
        <source>Restart the kiosk to use the new settings.</source>
        <translation>新しい設定を使うにはキオスクを再起動してください。</translation>
    </message>
    <message>
        <source>The kiosk starts with these settings.</source>
        <translation>キオスクはこの設定で起動します。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>保存されていません：{reason}</translation>
    </message>
    <message>
        <source>Check the settings, then press Save.</source>
        <translation>設定を確認して「保存」を押してください。</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Synchronisation with the hub</source>
        <translation>ハブとの同期</translation>
    </message>
    <message>
        <source>Sync now (F9)</source>
        <translation>今すぐ同期 (F9)</translation>
    </message>
    <message>
        <source>No hub configured: visits stay on this computer.</source>
        <translation>ハブが設定されていません：受付記録はこのコンピューターに保存されます。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同期中…</translation>
    </message>
    <message>
        <source>Hub reachable</source>
        <translation>ハブに接続できます</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>ハブに接続できません：オフラインで動作中</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}. The oldest has waited longer than allowed.</source>
        <translation>送信待ちの受付：{n} 件。最も古いものが許容時間を超えています。</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}.</source>
        <translation>送信待ちの受付：{n} 件。</translation>
    </message>
    <message>
        <source>Every visit is uploaded.</source>
        <translation>すべての受付を送信済みです。</translation>
    </message>
    <message>
        <source>Last successful sync: {minutes} min ago</source>
        <translation>最後の同期成功：{minutes} 分前</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>直近のエラー：{error}</translation>
    </message>
    <message>
        <source>{n} visits set aside: the hub rejected them; they are not sent again.</source>
        <translation>サーバーに拒否された受付 {n} 件を別に保管しました（再送信しません）。</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Your health-insurance card is valid</source>
        <translation>健康保険証は有効です</translation>
    </message>
    <message>
        <source>Your health-insurance card has expired</source>
        <translation>健康保険証の有効期限が切れています</translation>
    </message>
    <message>
        <source>Your health-insurance card is not valid yet</source>
        <translation>健康保険証はまだ有効になっていません</translation>
    </message>
    <message>
        <source>This health-insurance card has been withdrawn</source>
        <translation>この健康保険証は回収されています</translation>
    </message>
    <message>
        <source>This health-insurance card has ended</source>
        <translation>この健康保険証は資格が喪失しています</translation>
    </message>
    <message>
        <source>This card has been replaced by a new card</source>
        <translation>このカードは新しいカードに切り替わっています</translation>
    </message>
    <message>
        <source>The name does not match our records</source>
        <translation>氏名が記録と一致しません</translation>
    </message>
    <message>
        <source>The date of birth does not match our records</source>
        <translation>生年月日が記録と一致しません</translation>
    </message>
    <message>
        <source>We cannot confirm this card here yet</source>
        <translation>この場ではまだこのカードを確認できません</translation>
    </message>
    <message>
        <source>This code could not be used</source>
        <translation>このコードは使用できません</translation>
    </message>
    <message>
        <source>Sorry, check-in is not possible right now</source>
        <translation>申し訳ありません。現在受付ができません</translation>
    </message>
    <message>
        <source>Please see reception. The staff will help you.</source>
        <translation>受付にお越しください。スタッフがお手伝いします。</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits. You typed {count}.</source>
        <translation>番号を確認してください。カード番号は15文字、市民身分証番号は12桁です。入力されたのは{count}文字です。</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits.</source>
        <translation>番号をご確認ください：保険証番号は15文字、身分証番号は12桁です。</translation>
    </message>
    <message>
        <source>This is not the QR code of a health-insurance card or a citizen ID. Please show the code from the VssID app or your chip ID card.</source>
        <translation>健康保険証または身分証の QR コードではありません。VssID アプリまたは IC チップ付き身分証のコードをお見せください。</translation>
    </message>
    <message>
        <source>The card's own dates are current; reception will confirm it later. You can take a queue number now.</source>
        <translation>カードに記載された期間内です。後ほど受付で確認します。今すぐ番号札をお取りいただけます。</translation>
    </message>
    <message>
        <source>Please choose where you want to go.</source>
        <translation>行き先をお選びください。</translation>
    </message>
    <message>
        <source>Please use your new card {card} or see reception.</source>
        <translation>新しいカード {card} をお使いいただくか、受付にお越しください。</translation>
    </message>
    <message>
        <source>Already registered today: {tickets}</source>
        <translation>本日登録済み：{tickets}</translation>
    </message>
    <message>
        <source>Not in the local card list: to be confirmed online.</source>
        <translation>ローカルのカード一覧にありません：オンラインで確認します。</translation>
    </message>
    <message>
        <source>Registered at another facility.</source>
        <translation>別の医療機関に登録されています。</translation>
    </message>
    <message>
        <source>Coverage {percent}%</source>
        <translation>給付率 {percent}%</translation>
    </message>
    <message>
        <source>New card: {card}</source>
        <translation>新しいカード：{card}</translation>
    </message>
    <message>
        <source>Confirmed online (gateway code {code}).</source>
        <translation>オンラインで確認済み（ゲートウェイコード {code}）。</translation>
    </message>
    <message>
        <source>Hub or gateway unreachable: provisional, re-checked later.</source>
        <translation>サーバーまたはゲートウェイに接続できません：暫定結果、後で再確認します。</translation>
    </message>
    <message>
        <source>The gateway did not answer in time: provisional, re-checked later.</source>
        <translation>ゲートウェイの応答が間に合いません：暫定結果、後で再確認します。</translation>
    </message>
    <message>
        <source>No gateway on the hub: provisional.</source>
        <translation>サーバーにゲートウェイが設定されていません：暫定結果。</translation>
    </message>
    <message>
        <source>Too many look-ups right now: provisional, re-checked later.</source>
        <translation>照会が多すぎます：暫定結果、後で再確認します。</translation>
    </message>
    <message>
        <source>The gateway is still answering: provisional, re-checked later.</source>
        <translation>ゲートウェイが処理中です：暫定結果、後で再確認します。</translation>
    </message>
    <message>
        <source>The kiosk could not check or record this; the log has the details.</source>
        <translation>キオスクはこれを確認または記録できませんでした。詳細はログにあります。</translation>
    </message>
    <message>
        <source>Gateway account problem: tell the administrator. Provisional.</source>
        <translation>ゲートウェイのアカウントに問題があります。管理者に伝えてください。暫定です。</translation>
    </message>
    <message>
        <source>The hub refused the look-up (device token?): provisional.</source>
        <translation>サーバーが照会を拒否しました（デバイストークン？）：暫定結果。</translation>
    </message>
    <message>
        <source>Name or date of birth missing: cannot look the card up online.</source>
        <translation>氏名または生年月日がありません：カードをオンラインで照会できません。</translation>
    </message>
    <message>
        <source>Move the phone closer to the camera</source>
        <translation>スマートフォンをカメラに近づけてください</translation>
    </message>
    <message>
        <source>Tilt the phone a little or lower the screen brightness</source>
        <translation>スマートフォンを少し傾けるか、画面の明るさを下げてください</translation>
    </message>
    <message>
        <source>Hold the phone still</source>
        <translation>スマートフォンを動かさないでください</translation>
    </message>
    <message>
        <source>Turn up the screen brightness</source>
        <translation>画面を明るくしてください</translation>
    </message>
    <message>
        <source>Hold the QR code inside the frame</source>
        <translation>QR コードを枠の中に合わせてください</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>番号札を印刷しています…</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>番号札をお取りください。</translation>
    </message>
    <message>
        <source>The ticket printer is out of paper. Please remember your number and tell reception.</source>
        <translation>番号札プリンターの用紙が切れています。番号を控えて受付にお伝えください。</translation>
    </message>
    <message>
        <source>The ticket printer is not working. Please remember your number and tell reception.</source>
        <translation>番号札プリンターが動作していません。番号を控えて受付にお伝えください。</translation>
    </message>
    <message>
        <source>The ticket could not be printed. Please remember your number and tell reception.</source>
        <translation>番号札を印刷できませんでした。番号を控えて受付にお伝えください。</translation>
    </message>
    <message>
        <source>Printing the ticket…</source>
        <translation>番号札を印刷中…</translation>
    </message>
    <message>
        <source>Ticket printed.</source>
        <translation>番号札を印刷しました。</translation>
    </message>
    <message>
        <source>Ticket printed; the printer's paper is running low.</source>
        <translation>番号札を印刷しました。プリンターの用紙が残りわずかです。</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer is out of paper. Load paper, then reprint (F5).</source>
        <translation>未印刷：番号札プリンターの用紙切れです。用紙を補充して再印刷してください（F5）。</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer does not answer. Check its cable and power, then reprint (F5).</source>
        <translation>未印刷：番号札プリンターが応答しません。ケーブルと電源を確認して再印刷してください（F5）。</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer reported an error. Reprint (F5) or write the number down for the patient.</source>
        <translation>未印刷：番号札プリンターでエラーが発生しました。再印刷（F5）するか、患者に番号を書いて渡してください。</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>有効期間前</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>回収済み</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>資格喪失</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>切替済み</translation>
    </message>
    <message>
        <source>name differs</source>
        <translation>氏名不一致</translation>
    </message>
    <message>
        <source>birth date differs</source>
        <translation>生年月日不一致</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>受付</translation>
    </message>
    <message>
        <source>Reception desk – priority</source>
        <translation>受付 – 優先</translation>
    </message>
    <message>
        <source>Nobody is ahead of you.</source>
        <translation>前に待っている人はいません。</translation>
    </message>
    <message>
        <source>1 person is ahead of you.</source>
        <translation>前に1人が待っています。</translation>
    </message>
    <message>
        <source>{count} people are ahead of you.</source>
        <translation>前に{count}人が待っています。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. This visit is covered as it would be there.</source>
        <translation>あなたのカードは別の医療機関に登録されています。今回の受診は登録先と同じように保険が適用されます。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance covers this visit here.</source>
        <translation>あなたのカードは別の医療機関に登録されています。ここでの今回の受診には健康保険が適用されます。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays {percent}% of your card's benefit for this visit; reception can explain.</source>
        <translation>あなたのカードは別の医療機関に登録されています。今回の受診では、健康保険がカードの給付の{percent}%を支払います。詳しくは受付でご説明します。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays for this visit only with a referral paper: please show it at reception, or ask reception about paying yourself.</source>
        <translation>あなたのカードは別の医療機関に登録されています。今回の受診に健康保険が適用されるのは紹介状がある場合のみです。受付で紹介状をお見せいただくか、自費での受診について受付でお尋ねください。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Please see reception before your visit.</source>
        <translation>あなたのカードは別の医療機関に登録されています。受診の前に受付にお越しください。</translation>
    </message>
    <message>
        <source>We cannot tell yet where your card is registered. Reception will check it.</source>
        <translation>カードの登録先がまだ分かりません。受付で確認します。</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your queue number</source>
        <extracomment>"Print again" on the "you already have number X today" screen.</extracomment>
        <translation>あなたの受付番号</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Please go to room {room} and wait for your number.</source>
        <translation>{room} 号室へお進みになり、番号が呼ばれるまでお待ちください。</translation>
    </message>
    <message>
        <source>Please wait for your number to be called.</source>
        <translation>番号が呼ばれるまでお待ちください。</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>もう一度印刷</translation>
    </message>
    <message>
        <source>You already have number {ticket} today.</source>
        <translation>本日はすでに番号 {ticket} をお持ちです。</translation>
    </message>
    <message>
        <source>No new number was issued. Press “Print again” if you need the ticket.</source>
        <translation>新しい番号は発行されていません。受付票が必要な場合は「もう一度印刷」を押してください。</translation>
    </message>
</context>
<context>
    <name>TypedEntryPanel</name>
    <message>
        <source>Na&amp;me:</source>
        <translation>氏名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Born:</source>
        <translation>生年月日(&amp;B)：</translation>
    </message>
    <message>
        <source>DD/MM/YYYY, MM/YYYY or YYYY</source>
        <translation>日/月/年・月/年・年（DD/MM/YYYY、MM/YYYY、YYYY）</translation>
    </message>
    <message>
        <source>Number only (no QR code, e.g. a child under 6): type the BHYT number or the 12-digit personal ID above, then the name and date of birth. Tick "12 digits = insurance number" when the 12 digits are the card's number rather than a citizen ID.</source>
        <extracomment>The 12 digits are the insurance number (personal ID used as the BHYT number), not a CCCD check-in.</extracomment>
        <translation>番号のみ（QRコードなし、例：6歳未満の子ども）：上に保険番号または12桁の個人識別番号を入力し、氏名と生年月日を入力します。12桁が身分証番号ではなく保険証の番号なら「12桁は保険番号」にチェックしてください。</translation>
    </message>
    <message>
        <source>12 digits = insurance &amp;number</source>
        <translation>12桁は保険番号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Look up online</source>
        <translation>オンライン照会(&amp;L)</translation>
    </message>
    <message>
        <source>Enter the patient's full name.</source>
        <translation>患者の氏名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the date of birth as DD/MM/YYYY, MM/YYYY or YYYY.</source>
        <translation>生年月日を 日/月/年・月/年・年 の形で入力してください。</translation>
    </message>
    <message>
        <source>Type the card number or the 12-digit personal ID in the entry line first.</source>
        <translation>先に入力欄にカード番号または12桁の個人識別番号を入力してください。</translation>
    </message>
</context>
<context>
    <name>VerdictScreen</name>
    <message>
        <source>Continue</source>
        <extracomment>"Call staff / reception ticket": a number for the reception desk. The priority number (elderly, pregnant, children under 6, disability), where the facility runs it.</extracomment>
        <translation>続ける</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Call staff / reception ticket</source>
        <translation>スタッフを呼ぶ／受付の番号券</translation>
    </message>
    <message>
        <source>Priority ticket</source>
        <translation>優先の番号券</translation>
    </message>
    <message>
        <source>Priority: people aged 75 or over, pregnant women, children under 6 and people with a disability.</source>
        <translation>優先：75歳以上の方、妊娠中の方、6歳未満のお子さま、障害のある方。</translation>
    </message>
    <message>
        <source>Card: {number}</source>
        <translation>カード：{number}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <source>{old} → {new} (re-checked)</source>
        <extracomment>Outbox states (``kiosk.db.visits``; a test keeps them equal) — not imported: the window is built before the database layer loads. Columns by name (the verdict's index is kept by tests and by staff habit).</extracomment>
        <translation>{old} → {new}（再確認済み）</translation>
    </message>
    <message>
        <source>{verdict}: needs staff</source>
        <translation>{verdict}：スタッフの対応が必要</translation>
    </message>
    <message>
        <source>ID ✓</source>
        <translation>本人確認 ✓</translation>
    </message>
    <message>
        <source>Identity document checked</source>
        <translation>本人確認書類を確認済み</translation>
    </message>
    <message>
        <source>self-pay</source>
        <translation>自費</translation>
    </message>
    <message>
        <source>Self-pay: not billed to BHYT</source>
        <translation>自費：保険請求しない</translation>
    </message>
    <message>
        <source>Today's visits</source>
        <translation>本日の受付</translation>
    </message>
    <message>
        <source>Search: ticket, name, card number, citizen ID</source>
        <translation>検索：番号、氏名、保険証番号、身分証番号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>診療科</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>{n} visits shown</source>
        <translation>{n} 件の受付を表示</translation>
    </message>
    <message>
        <source>Re-check seen</source>
        <translation>再確認を確認済み</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Checking your card…</source>
        <translation>カードを確認しています…</translation>
    </message>
    <message>
        <source>Welcome! Please check in with your health-insurance card.</source>
        <translation>ようこそ！健康保険証で受付をしてください。</translation>
    </message>
    <message>
        <source>1. Open the VssID app, or take your chip citizen ID card.</source>
        <translation>1. VssID アプリを開くか、IC チップ付き身分証をご用意ください。</translation>
    </message>
    <message>
        <source>2. Hold the QR code in front of the camera, about 15–20 cm away.</source>
        <translation>2. QR コードをカメラの前、約 15〜20 cm の距離にかざしてください。</translation>
    </message>
    <message>
        <source>Tip: turn the phone's screen brightness up and hold it still.</source>
        <translation>ヒント：スマートフォンの画面を明るくして、動かさないでください。</translation>
    </message>
    <message>
        <source>Need help? Please ask at reception.</source>
        <translation>お困りの際は受付にお尋ねください。</translation>
    </message>
    <message>
        <source>Type the number</source>
        <translation>番号を入力</translation>
    </message>
</context>
</TS>