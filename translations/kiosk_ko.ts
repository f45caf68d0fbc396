<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Kiosk settings</source>
        <translation>키오스크 설정</translation>
    </message>
    <message>
        <source>Text size: {percent}%</source>
        <translation>글자 크기: {percent}%</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>테스트 인쇄</translation>
    </message>
    <message>
        <source>Camera check</source>
        <translation>카메라 점검</translation>
    </message>
    <message>
        <source>Screen cleaning</source>
        <translation>화면 청소</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>키오스크 종료</translation>
    </message>
    <message>
        <source>Kiosk setup…</source>
        <translation>키오스크 설정…</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>접수 화면으로 돌아가기</translation>
    </message>
</context>
<context>
    <name>CleaningScreen</name>
    <message>
        <source>Screen cleaning</source>
        <translation>화면 청소</translation>
    </message>
    <message>
        <source>Touches are ignored now. Press and hold anywhere for 3 seconds to finish.</source>
        <translation>지금은 터치가 무시됩니다. 아무 곳이나 3초 동안 길게 누르면 종료됩니다.</translation>
    </message>
</context>
<context>
    <name>DepartmentScreen</name>
    <message>
        <source>Where would you like to go?</source>
        <translation>어느 진료과로 가시겠습니까?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>No departments are available. Please see reception.</source>
        <translation>선택할 수 있는 진료과가 없습니다. 접수처로 가 주세요.</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>{room}호실</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>Departments file</source>
        <extracomment>A file to read (the wizard reads it on a worker and calls show_departments / show_error).</extracomment>
        <translation>진료과 파일</translation>
    </message>
    <message>
        <source>Departments (*.json *.csv)</source>
        <translation>진료과 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>진료과</translation>
    </message>
    <message>
        <source>Import the clinic's departments from a JSON or CSV file, or keep the ones already here. The hub also sends departments at every synchronisation.</source>
        <translation>JSON 또는 CSV 파일에서 진료과를 가져오거나 현재 목록을 유지합니다. 허브도 동기화할 때마다 진료과를 보냅니다.</translation>
    </message>
    <message>
        <source>No file: keep the current departments</source>
        <translation>파일 없음: 현재 진료과 유지</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>Demo departments</source>
        <translation>데모 진료과</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>현재 유지</translation>
    </message>
    <message>
        <source>This file cannot be used: {reason}</source>
        <translation>이 파일을 사용할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>파일을 읽는 중…</translation>
    </message>
    <message>
        <source>{count} departments will be imported:</source>
        <translation>진료과 {count}개를 가져옵니다:</translation>
    </message>
    <message>
        <source>The current departments stay as they are.</source>
        <translation>현재 진료과는 그대로 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>DeskEligibility</name>
    <message>
        <source>Registered here</source>
        <translation>이 기관에 등록됨</translation>
    </message>
    <message>
        <source>Primary care, registered elsewhere</source>
        <translation>1차 진료, 다른 기관에 등록됨</translation>
    </message>
    <message>
        <source>With a referral paper</source>
        <translation>의뢰서 있음</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>재진 예약</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>응급</translation>
    </message>
    <message>
        <source>Self-referred</source>
        <translation>자진 방문</translation>
    </message>
    <message>
        <source>Referral paper needed</source>
        <translation>의뢰서 필요</translation>
    </message>
    <message>
        <source>Outside route: reception decides</source>
        <translation>경로 외: 접수처가 결정</translation>
    </message>
    <message>
        <source>Registered facility not known yet</source>
        <translation>등록 기관을 아직 알 수 없음</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>코드 {code}</translation>
    </message>
    <message>
        <source>code chosen by reception</source>
        <translation>코드는 접수처가 선택</translation>
    </message>
    <message>
        <source>Not known yet: the registered facility is not known</source>
        <translation>아직 알 수 없음: 등록 기관을 모름</translation>
    </message>
    <message>
        <source>Decided by reception</source>
        <translation>접수처가 결정</translation>
    </message>
    <message>
        <source>0% without a referral paper</source>
        <translation>의뢰서 없으면 0%</translation>
    </message>
    <message>
        <source>Not known yet (the card's benefit level comes with the gateway's answer)</source>
        <translation>아직 알 수 없음(카드 급여 수준은 게이트웨이 응답과 함께 옴)</translation>
    </message>
    <message>
        <source>{percent}% (paid in full at this facility)</source>
        <translation>{percent}%(이 기관에서 전액 지급)</translation>
    </message>
    <message>
        <source>0%: not paid by health insurance on this route</source>
        <translation>0%: 이 경로에서는 건강보험이 지급하지 않음</translation>
    </message>
    <message>
        <source>{percent}% ({route}% of the card level's {level}%)</source>
        <translation>{percent}%(카드 등급 {level}%의 {route}%)</translation>
    </message>
    <message>
        <source>{percent}% of covered costs</source>
        <translation>보장 비용의 {percent}%</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>방금 동기화됨</translation>
    </message>
    <message>
        <source>synced {n} min ago</source>
        <translation>{n}분 전 동기화</translation>
    </message>
    <message>
        <source>synced {n} h ago</source>
        <translation>{n}시간 전 동기화</translation>
    </message>
    <message>
        <source>synced {n} days ago</source>
        <translation>{n}일 전 동기화</translation>
    </message>
    <message>
        <source>Local card list ({age}), not confirmed online</source>
        <translation>로컬 카드 목록({age}), 온라인 미확인</translation>
    </message>
    <message>
        <source>Local card list (never synced), not confirmed online</source>
        <translation>로컬 카드 목록(동기화한 적 없음), 온라인 미확인</translation>
    </message>
    <message>
        <source>Only the card's own dates: not in the local card list, not confirmed online</source>
        <translation>카드에 적힌 날짜만: 로컬 카드 목록에 없음, 온라인 미확인</translation>
    </message>
    <message>
        <source>area {area}</source>
        <translation>지역 {area}</translation>
    </message>
    <message>
        <source>5 years continuous from {date}</source>
        <translation>{date}부터 5년 연속</translation>
    </message>
    <message>
        <source>issued by {office}</source>
        <translation>발급 기관 {office}</translation>
    </message>
    <message>
        <source>Possibly still admitted elsewhere: {where} looked the card up after the patient's last discharge. Ask the patient before registering.</source>
        <translation>다른 기관에 아직 입원 중일 수 있음: {where}이(가) 환자의 마지막 퇴원 후 카드를 조회함. 등록 전에 환자에게 확인하세요.</translation>
    </message>
    <message>
        <source>No health-insurance card number is known for this citizen ID: look the card up (Number only, F3), or tick Self-pay.</source>
        <translation>이 신분증 번호에 대해 알려진 건강보험 카드 번호가 없습니다: 카드를 조회하거나(번호만, F3) 자비 부담을 선택하세요.</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>That ticket is not one of today's visits.</source>
        <extracomment>"Setup…" pressed: the kiosk setup (behind the admin PIN) is opened by the builder.</extracomment>
        <translation>이 번호표는 오늘 접수 건이 아닙니다.</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>접수 창구</translation>
    </message>
    <message>
        <source>&amp;Card:</source>
        <translation>카드(&amp;C):</translation>
    </message>
    <message>
        <source>Scan, or type a card number or citizen ID and press Enter</source>
        <translation>스캔하거나 카드 번호 또는 신분증 번호를 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Number only… (F3)</source>
        <translation>번호만… (F3)</translation>
    </message>
    <message>
        <source>Setup…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Registered: ticket {ticket}.</source>
        <translation>접수 완료: 번호 {ticket}.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Camera, scanner, printer</source>
        <translation>카메라, 스캐너, 프린터</translation>
    </message>
    <message>
        <source>Leave a field empty if the device is not used. Each test uses the device now: the printer prints a test ticket, the scanner waits for a scan.</source>
        <translation>사용하지 않는 장치는 비워 두세요. 각 테스트는 장치를 바로 사용합니다: 프린터는 테스트 번호표를 인쇄하고, 스캐너는 스캔을 기다립니다.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>시리얼 스캐너</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>0, /dev/video0, a video file or a stream URL</source>
        <translation>0, /dev/video0, 동영상 파일 또는 스트림 URL</translation>
    </message>
    <message>
        <source>/dev/ttyACM0 or COM3</source>
        <translation>/dev/ttyACM0 또는 COM3</translation>
    </message>
    <message>
        <source>empty: a file in the data folder; serial:/dev/ttyUSB0, network:10.0.0.9</source>
        <translation>비움: 데이터 폴더의 파일; serial:/dev/ttyUSB0, network:10.0.0.9</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Scan any code now…</source>
        <translation>지금 아무 코드나 스캔하세요…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>테스트 중…</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Support code: {code}</source>
        <extracomment>The English summaries this module translates (see the module docstring).</extracomment>
        <translation>지원 코드: {code}</translation>
    </message>
    <message>
        <source>Free space on the kiosk's disk, then try again; nothing was lost.</source>
        <translation>키오스크 디스크 공간을 확보한 뒤 다시 시도하세요. 잃어버린 데이터는 없습니다.</translation>
    </message>
    <message>
        <source>Another program is writing to the database: try again in a moment.</source>
        <translation>다른 프로그램이 데이터베이스에 쓰는 중입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The kiosk may not write its database: check the disk and the file's permissions.</source>
        <translation>키오스크가 데이터베이스에 쓸 수 없습니다. 디스크와 파일 권한을 확인하세요.</translation>
    </message>
    <message>
        <source>Call the administrator: the database must be restored from a backup.</source>
        <translation>관리자에게 연락하세요. 백업에서 데이터베이스를 복원해야 합니다.</translation>
    </message>
    <message>
        <source>Check the disk; call the administrator if it happens again.</source>
        <translation>디스크를 확인하세요. 다시 발생하면 관리자에게 연락하세요.</translation>
    </message>
    <message>
        <source>Check the database setting and that the database server is running.</source>
        <translation>데이터베이스 설정과 데이터베이스 서버가 실행 중인지 확인하세요.</translation>
    </message>
    <message>
        <source>Install the kiosk version that wrote this database.</source>
        <translation>이 데이터베이스를 기록한 키오스크 버전을 설치하세요.</translation>
    </message>
    <message>
        <source>Check the disk and the database; the log has the details.</source>
        <translation>디스크와 데이터베이스를 확인하세요. 자세한 내용은 로그에 있습니다.</translation>
    </message>
    <message>
        <source>Synchronise with the hub to get the departments, or choose another department.</source>
        <translation>중앙 서버와 동기화하여 진료과 목록을 받거나 다른 진료과를 선택하세요.</translation>
    </message>
    <message>
        <source>Correct the configuration file; the log names the setting.</source>
        <translation>설정 파일을 고치세요. 로그에 문제가 된 설정이 적혀 있습니다.</translation>
    </message>
    <message>
        <source>Check the card list file; the log names the line.</source>
        <translation>카드 목록 파일을 확인하세요. 로그에 문제가 된 줄이 적혀 있습니다.</translation>
    </message>
    <message>
        <source>Check the network and the hub address; check-in goes on offline.</source>
        <translation>네트워크와 중앙 서버 주소를 확인하세요. 접수는 오프라인으로 계속됩니다.</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself.</source>
        <translation>키오스크가 자동으로 다시 시도합니다.</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself; tell the administrator if it goes on.</source>
        <translation>키오스크가 자동으로 다시 시도합니다. 계속되면 관리자에게 알리세요.</translation>
    </message>
    <message>
        <source>Tell the administrator: the hub refused this kiosk's request.</source>
        <translation>관리자에게 알리세요. 중앙 서버가 이 키오스크의 요청을 거부했습니다.</translation>
    </message>
    <message>
        <source>The card is checked again later; check-in goes on.</source>
        <translation>카드는 나중에 다시 확인됩니다. 접수는 계속됩니다.</translation>
    </message>
    <message>
        <source>Tell the administrator: the facility's gateway account must be checked.</source>
        <translation>관리자에게 알리세요. 기관의 보험 게이트웨이 계정을 확인해야 합니다.</translation>
    </message>
    <message>
        <source>Check the printer's cable and power.</source>
        <translation>프린터의 케이블과 전원을 확인하세요.</translation>
    </message>
    <message>
        <source>Switch the printer off and on again.</source>
        <translation>프린터를 껐다가 다시 켜세요.</translation>
    </message>
    <message>
        <source>Correct the printer setting in the setup.</source>
        <translation>설정에서 프린터 설정을 고치세요.</translation>
    </message>
    <message>
        <source>Check the printer, then print again.</source>
        <translation>프린터를 확인한 뒤 다시 인쇄하세요.</translation>
    </message>
    <message>
        <source>Reinstall the kiosk: a font for the ticket is missing.</source>
        <translation>키오스크를 다시 설치하세요. 번호표용 글꼴이 없습니다.</translation>
    </message>
    <message>
        <source>Check the camera's cable, then restart the kiosk.</source>
        <translation>카메라 케이블을 확인한 뒤 키오스크를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Run the kiosk's self-test and reinstall if it fails.</source>
        <translation>키오스크 자체 점검을 실행하고, 실패하면 다시 설치하세요.</translation>
    </message>
    <message>
        <source>Nothing was read from the code.</source>
        <translation>코드에서 아무것도 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>The code is too long to be a card code.</source>
        <translation>코드가 너무 길어 카드 코드가 아닙니다.</translation>
    </message>
    <message>
        <source>This code is not a health-insurance (BHYT) card or a citizen-ID (CCCD) code.</source>
        <translation>이 코드는 건강보험(BHYT) 카드나 시민 신분증(CCCD) 코드가 아닙니다.</translation>
    </message>
    <message>
        <source>The card number is not valid: check every character.</source>
        <translation>카드 번호가 올바르지 않습니다. 글자를 하나씩 확인하세요.</translation>
    </message>
    <message>
        <source>The citizen ID number is not valid: it has 12 digits.</source>
        <translation>시민 신분증 번호가 올바르지 않습니다. 12자리 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>A date in the code cannot be read.</source>
        <translation>코드 안의 날짜를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The gender in the code cannot be read.</source>
        <translation>코드 안의 성별을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The code is cut short: the name, date of birth or gender is missing.</source>
        <translation>코드가 잘렸습니다. 이름, 생년월일 또는 성별이 없습니다.</translation>
    </message>
    <message>
        <source>A card number has 15 characters (or 10 digits, or the 12-digit personal ID), a citizen ID 12 digits; this one has {count}.</source>
        <translation>카드 번호는 15자(또는 숫자 10자리, 또는 12자리 개인 식별 번호), 시민 신분증 번호는 숫자 12자리입니다. 이 번호는 {count}자리입니다.</translation>
    </message>
    <message>
        <source>Unexpected error in the kiosk (support code {code}); the log has the details. Please report it.</source>
        <translation>키오스크에서 예기치 않은 오류가 발생했습니다(지원 코드 {code}). 자세한 내용은 로그에 있습니다. 이 오류를 신고해 주세요.</translation>
    </message>
    <message>
        <source>Problem with the kiosk's surroundings, not with the patient: {summary}.</source>
        <translation>환자가 아니라 키오스크 주변 환경의 문제입니다: {summary}.</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}.</translation>
    </message>
</context>
<context>
    <name>FacilityPage</name>
    <message>
        <source>Province: {province}</source>
        <extracomment>Short name for the step list and screenshots.</extracomment>
        <translation>성(省): {province}</translation>
    </message>
    <message>
        <source>2 digits (province) and 3 letters or digits, e.g. 01999</source>
        <translation>숫자 2자리(성 코드)와 문자 또는 숫자 3자리, 예: 01999</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>의료기관</translation>
    </message>
    <message>
        <source>Facility code (MA_CSKCB)</source>
        <translation>의료기관 코드 (MA_CSKCB)</translation>
    </message>
    <message>
        <source>Facility name, printed on tickets</source>
        <translation>기관 이름 (번호표에 인쇄)</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>Hub</source>
        <translation>허브</translation>
    </message>
    <message>
        <source>The hub keeps the card list and receives the visits. Leave the address empty if this kiosk works on its own.</source>
        <translation>허브는 카드 목록을 보관하고 접수 기록을 받습니다. 이 키오스크가 단독으로 작동하면 주소를 비워 두세요.</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>허브 주소</translation>
    </message>
    <message>
        <source>Device token (issued for this kiosk by the hub administrator)</source>
        <translation>장치 토큰 (허브 관리자가 이 키오스크에 발급)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Test the hub</source>
        <translation>허브 테스트</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>허브에 연결하는 중…</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>The kiosk cannot compare this ID card with your health-insurance card.</source>
        <extracomment>"I have no ID card with me". "Try again" after a code that was not a CCCD or did not match. "Start again" / "Finish": back to the welcome screen.</extracomment>
        <translation>이 신분증을 건강보험 카드와 비교할 수 없습니다.</translation>
    </message>
    <message>
        <source>The name on the ID card is not the name on the health-insurance card.</source>
        <translation>신분증의 이름이 건강보험 카드의 이름과 다릅니다.</translation>
    </message>
    <message>
        <source>The date of birth on the ID card is not the one on the health-insurance card.</source>
        <translation>신분증의 생년월일이 건강보험 카드와 다릅니다.</translation>
    </message>
    <message>
        <source>The ID card number is not the one on the health-insurance card.</source>
        <translation>신분증 번호가 건강보험 카드의 번호와 다릅니다.</translation>
    </message>
    <message>
        <source>I have no ID card with me</source>
        <translation>신분증을 가져오지 않았습니다</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>처음부터 다시</translation>
    </message>
    <message>
        <source>Please go to the reception desk</source>
        <translation>접수처로 가 주세요</translation>
    </message>
    <message>
        <source>You need an ID document to use your health-insurance card.</source>
        <translation>건강보험 카드를 사용하려면 신분증이 필요합니다.</translation>
    </message>
    <message>
        <source>Please bring your health-insurance card and an ID document to reception. The staff will help you.</source>
        <translation>건강보험 카드와 신분증을 가지고 접수처로 오세요. 직원이 도와드립니다.</translation>
    </message>
    <message>
        <source>One more step: show your ID card</source>
        <translation>한 단계 더: 신분증을 보여 주세요</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an ID document. Please hold the QR code of your chip citizen ID card (or of the VNeID app) in front of the camera.</source>
        <translation>건강보험 카드는 신분증과 함께 제시해야 합니다. 칩 신분증(또는 VNeID 앱)의 QR 코드를 카메라 앞에 대 주세요.</translation>
    </message>
    <message>
        <source>Checking your ID card…</source>
        <translation>신분증을 확인하는 중…</translation>
    </message>
    <message>
        <source>That was not the QR code of a chip ID card. Please show the code on the back of your citizen ID card.</source>
        <translation>칩 신분증의 QR 코드가 아닙니다. 신분증 뒷면의 코드를 보여 주세요.</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>아직 계십니까?</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in 1 second.</source>
        <translation>개인정보 보호를 위해 1초 후 화면이 초기화됩니다.</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in {n} seconds.</source>
        <translation>개인정보 보호를 위해 {n}초 후 화면이 초기화됩니다.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
</context>
<context>
    <name>KeypadScreen</name>
    <message>
        <source>Type your health-insurance card number or citizen ID number</source>
        <extracomment>"No card? Reception ticket": a number for the reception desk without any card.</extracomment>
        <translation>건강보험 카드 번호 또는 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <source>Card number: 2 letters and 13 characters, as printed on the card. Citizen ID: 12 digits.</source>
        <translation>카드 번호: 카드에 인쇄된 대로 영문 2자와 13자. 신분증 번호: 숫자 12자리.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>No card? Reception ticket</source>
        <translation>카드가 없나요? 접수처 번호표</translation>
    </message>
</context>
<context>
    <name>KioskError</name>
    <message>
        <source>The kiosk could not do this</source>
        <translation>키오스크가 이 작업을 수행할 수 없습니다</translation>
    </message>
    <message>
        <source>The installation is broken</source>
        <translation>설치가 손상되었습니다</translation>
    </message>
    <message>
        <source>An unexpected error occurred</source>
        <translation>예기치 않은 오류가 발생했습니다</translation>
    </message>
    <message>
        <source>The database refused the request</source>
        <translation>데이터베이스가 요청을 거부했습니다</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>데이터베이스를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>The database is locked</source>
        <translation>데이터베이스가 잠겨 있습니다</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>데이터베이스에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>데이터베이스 파일이 손상되었습니다</translation>
    </message>
    <message>
        <source>The disk reported an error</source>
        <translation>디스크에서 오류가 보고되었습니다</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>데이터베이스를 열 수 없습니다</translation>
    </message>
    <message>
        <source>The database belongs to a newer kiosk version</source>
        <translation>데이터베이스가 더 새로운 키오스크 버전의 것입니다</translation>
    </message>
    <message>
        <source>Unknown department</source>
        <translation>알 수 없는 진료과</translation>
    </message>
    <message>
        <source>The insurance gateway could not be used</source>
        <translation>보험 게이트웨이를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The insurance gateway does not answer</source>
        <translation>보험 게이트웨이가 응답하지 않습니다</translation>
    </message>
    <message>
        <source>The insurance gateway refused the facility's account</source>
        <translation>보험 게이트웨이가 기관 계정을 거부했습니다</translation>
    </message>
    <message>
        <source>The insurance gateway refused the check-in file</source>
        <translation>보험 게이트웨이가 접수 파일을 거부했습니다</translation>
    </message>
    <message>
        <source>The check-in file cannot be signed</source>
        <translation>접수 파일에 서명할 수 없습니다</translation>
    </message>
    <message>
        <source>The visit cannot be turned into a check-in file</source>
        <translation>이 방문으로 접수 파일을 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Synchronisation with the hub failed</source>
        <translation>허브와의 동기화에 실패했습니다</translation>
    </message>
    <message>
        <source>The hub cannot be reached</source>
        <translation>허브에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>The hub is busy</source>
        <translation>허브가 사용 중입니다</translation>
    </message>
    <message>
        <source>The hub reported a fault</source>
        <translation>허브에서 오류를 보고했습니다</translation>
    </message>
    <message>
        <source>The hub refused the request</source>
        <translation>허브가 요청을 거부했습니다</translation>
    </message>
    <message>
        <source>Another kiosk uses this device's token: register this kiosk as a new device</source>
        <translation>다른 키오스크가 이 장치의 토큰을 사용 중입니다: 이 키오스크를 새 장치로 등록하세요</translation>
    </message>
    <message>
        <source>The configuration file cannot be used</source>
        <translation>설정 파일을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>This is not a usable card code</source>
        <translation>사용할 수 있는 카드 코드가 아닙니다</translation>
    </message>
    <message>
        <source>The card list cannot be read</source>
        <translation>카드 목록을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>The camera cannot be used</source>
        <translation>카메라를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The ticket cannot be printed</source>
        <translation>번호표를 인쇄할 수 없습니다</translation>
    </message>
    <message>
        <source>A font for the ticket is missing</source>
        <translation>번호표에 필요한 글꼴이 없습니다</translation>
    </message>
    <message>
        <source>The ticket cannot be printed as given</source>
        <translation>주어진 내용으로는 번호표를 인쇄할 수 없습니다</translation>
    </message>
    <message>
        <source>The printer setting cannot be understood</source>
        <translation>프린터 설정을 이해할 수 없습니다</translation>
    </message>
    <message>
        <source>The printer gave an unreadable status</source>
        <translation>프린터가 읽을 수 없는 상태를 보냈습니다</translation>
    </message>
    <message>
        <source>The ticket printer cannot be reached</source>
        <translation>번호표 프린터에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>This card already has a number for this department today</source>
        <translation>이 카드는 오늘 이 진료과 번호를 이미 받았습니다</translation>
    </message>
</context>
<context>
    <name>NotSetUpWindow</name>
    <message>
        <source>This kiosk is not set up yet</source>
        <translation>이 키오스크는 아직 설정되지 않았습니다</translation>
    </message>
    <message>
        <source>Patients: please check in at the reception desk.</source>
        <translation>환자분: 접수 창구에서 접수해 주세요.</translation>
    </message>
    <message>
        <source>Staff: set it up now (facility, hub, departments, camera, scanner, printer), or run `kiosk setup` on this machine. The configuration file will be {path}. To try the kiosk with sample cards, start it with `kiosk run --demo`.</source>
        <translation>직원: 지금 설정하거나(기관, 허브, 진료과, 카메라, 스캐너, 프린터) 이 컴퓨터에서 `kiosk setup`을 실행하세요. 설정 파일은 {path}입니다. 샘플 카드로 체험하려면 `kiosk run --demo`로 시작하세요.</translation>
    </message>
    <message>
        <source>Set up this kiosk…</source>
        <translation>이 키오스크 설정…</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>종료</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Name</source>
        <extracomment>The most of the panel's height the footer takes before it scrolls (large text). Rows of the department list kept in view before the details start to scroll. Staff pressed "Register anyway" / "Cancel" on the confirmation question. Staff ticked / unticked "identity document checked". Staff ticked / unticked "self-pay" (a CCCD check-in without a known card). Staff chose the visit's circumstance (a :class:`Circumstance` value). The row of the gateway's kept data (area, five-year date, issuing office): shown only when the gateway answered with them.</extracomment>
        <translation>이름</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>보험카드 번호</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>신분증 번호</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>유효 기간</translation>
    </message>
    <message>
        <source>Registered facility</source>
        <translation>등록 의료기관</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>급여</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>진료과(&amp;D)</translation>
    </message>
    <message>
        <source>Ci&amp;rcumstance</source>
        <translation>내원 사유(&amp;R)</translation>
    </message>
    <message>
        <source>Came on their own</source>
        <translation>직접 내원</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>응급</translation>
    </message>
    <message>
        <source>Referral paper</source>
        <translation>전원 의뢰서 있음</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>재진 예약증 있음</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>접수 (Enter)</translation>
    </message>
    <message>
        <source>Reprint (F5)</source>
        <translation>다시 인쇄 (F5)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>지우기 (Esc)</translation>
    </message>
    <message>
        <source>Self-&amp;pay (not billed to BHYT)</source>
        <translation>자비 부담(건강보험 청구 안 함)(&amp;P)</translation>
    </message>
    <message>
        <source>Check the identity document first: tick the box below, then register.</source>
        <translation>먼저 신분증을 확인하세요: 아래 상자를 선택한 후 등록하세요.</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>{room}호실</translation>
    </message>
    <message>
        <source>Scan a card or type a card number or citizen ID, then press Enter.</source>
        <translation>카드를 스캔하거나 카드 번호 또는 신분증 번호를 입력한 뒤 Enter를 누르세요.</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>종료일 없음</translation>
    </message>
    <message>
        <source>{percent}% by the card's benefit level (route not decided)</source>
        <translation>카드 급여 수준으로 {percent}%(경로 미정)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Gateway data</source>
        <translation>게이트웨이 정보</translation>
    </message>
    <message>
        <source>Register &amp;anyway</source>
        <translation>그래도 등록(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Identity checked</source>
        <translation>신분 확인함(&amp;I)</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an identity document: compare its name, date of birth and photo with the patient, then tick the box below.</source>
        <translation>건강보험 카드는 신분증과 함께 제시해야 합니다: 신분증의 이름, 생년월일, 사진을 환자와 대조한 뒤 아래 상자를 선택하세요.</translation>
    </message>
    <message>
        <source>Register anyway?</source>
        <translation>그래도 등록하시겠습니까?</translation>
    </message>
    <message>
        <source>The card is not valid ({verdict}).</source>
        <translation>카드가 유효하지 않습니다({verdict}).</translation>
    </message>
    <message>
        <source>This card already has ticket {ticket} for this department today.</source>
        <translation>이 카드는 오늘 이 진료과의 번호 {ticket}을(를) 이미 받았습니다.</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Staff only: enter the PIN</source>
        <extracomment>A new PIN was chosen: its hash, to be saved as ``ui.admin_pin_hash``.</extracomment>
        <translation>직원 전용: PIN을 입력하세요</translation>
    </message>
    <message>
        <source>Choose a new admin PIN (4–12 digits)</source>
        <translation>새 관리자 PIN을 정하세요 (4–12자리 숫자)</translation>
    </message>
    <message>
        <source>Enter the new PIN again</source>
        <translation>새 PIN을 다시 입력하세요</translation>
    </message>
    <message>
        <source>Wrong PIN. Attempts left before a one-minute lock: {left}</source>
        <translation>PIN이 틀렸습니다. 1분 잠금까지 남은 시도 횟수: {left}</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>잘못된 PIN이 너무 많습니다. {seconds}초 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits, and not 0000.</source>
        <translation>PIN은 4~12자리 숫자이며 0000은 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose a new PIN again.</source>
        <translation>두 PIN이 다릅니다. 새 PIN을 다시 정하세요.</translation>
    </message>
    <message>
        <source>The factory PIN must be replaced before the admin panel opens.</source>
        <translation>관리자 화면을 열기 전에 초기 PIN을 바꿔야 합니다.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>ReceptionTicketScreen</name>
    <message>
        <source>Your number for reception</source>
        <translation>접수처 대기 번호</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Please go to the reception desk and show this number; priority numbers are called first. The staff will help you.</source>
        <translation>접수처로 가서 이 번호를 보여 주세요. 우선 번호를 먼저 부릅니다. 직원이 도와드립니다.</translation>
    </message>
    <message>
        <source>Please wait near the reception desk until your number is called. The staff will help you.</source>
        <translation>번호를 부를 때까지 접수처 근처에서 기다려 주세요. 직원이 도와드립니다.</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>No ticket printer is configured.</source>
        <extracomment>Exit code of "Exit the kiosk" in the admin panel (a supervisor must not restart the app).</extracomment>
        <translation>번호표 프린터가 설정되지 않았습니다.</translation>
    </message>
    <message>
        <source>Printing a test ticket…</source>
        <translation>테스트 번호표를 인쇄하는 중…</translation>
    </message>
    <message>
        <source>Printer: {message}</source>
        <translation>프린터: {message}</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>테스트 페이지를 인쇄했습니다.</translation>
    </message>
    <message>
        <source>No camera is configured.</source>
        <translation>카메라가 설정되지 않았습니다.</translation>
    </message>
    <message>
        <source>Camera: 1 frame decoded so far.</source>
        <translation>카메라: 지금까지 1프레임을 해독했습니다.</translation>
    </message>
    <message>
        <source>Camera: {frames} frames decoded so far.</source>
        <translation>카메라: 지금까지 {frames}프레임을 해독했습니다.</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>Camera works: a {width}×{height} picture arrived</source>
        <translation>카메라 정상: {width}×{height} 영상을 받았습니다</translation>
    </message>
    <message>
        <source>No camera chosen</source>
        <translation>카메라를 선택하지 않았습니다</translation>
    </message>
    <message>
        <source>Cannot open the camera</source>
        <translation>카메라를 열 수 없습니다</translation>
    </message>
    <message>
        <source>The camera opened but sent no picture within {seconds} s</source>
        <translation>카메라가 열렸지만 {seconds}초 안에 영상이 오지 않았습니다</translation>
    </message>
    <message>
        <source>Scanner works: received "{preview}"</source>
        <translation>스캐너 정상: "{preview}" 수신</translation>
    </message>
    <message>
        <source>No serial scanner chosen</source>
        <translation>시리얼 스캐너를 선택하지 않았습니다</translation>
    </message>
    <message>
        <source>Cannot open the scanner port</source>
        <translation>스캐너 포트를 열 수 없습니다</translation>
    </message>
    <message>
        <source>No scan arrived within {seconds} s</source>
        <translation>{seconds}초 안에 스캔이 오지 않았습니다</translation>
    </message>
    <message>
        <source>Scanner test cancelled</source>
        <translation>스캐너 테스트를 취소했습니다</translation>
    </message>
    <message>
        <source>Test ticket printed ({target})</source>
        <translation>테스트 번호표 인쇄됨 ({target})</translation>
    </message>
    <message>
        <source>The test ticket was not printed: {reason}</source>
        <translation>테스트 번호표가 인쇄되지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>The printer setting is not usable</source>
        <translation>프린터 설정을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Hub reached; the token belongs to device "{device}" of facility {facility}</source>
        <translation>허브 연결됨: 토큰은 기관 {facility}의 장치 "{device}" 것입니다</translation>
    </message>
    <message>
        <source>No hub: this kiosk works offline</source>
        <translation>허브 없음: 이 키오스크는 오프라인으로 작동합니다</translation>
    </message>
    <message>
        <source>Cannot reach the hub</source>
        <translation>허브에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>The hub's certificate is not trusted by this computer</source>
        <translation>이 컴퓨터는 허브의 인증서를 신뢰하지 않습니다</translation>
    </message>
    <message>
        <source>The hub refused the device token (wrong or revoked)</source>
        <translation>허브가 장치 토큰을 거부했습니다 (잘못되었거나 폐기됨)</translation>
    </message>
    <message>
        <source>This address does not answer like a kiosk hub</source>
        <translation>이 주소는 키오스크 허브처럼 응답하지 않습니다</translation>
    </message>
    <message>
        <source>The token belongs to facility {facility}, not {expected}</source>
        <translation>토큰은 {expected}가 아니라 기관 {facility}의 것입니다</translation>
    </message>
    <message>
        <source>The hub answered with an error</source>
        <translation>허브가 오류로 응답했습니다</translation>
    </message>
    <message>
        <source>the printer is out of paper</source>
        <translation>프린터에 용지가 없습니다</translation>
    </message>
    <message>
        <source>the printer does not answer (switched off, wrong port or speed?)</source>
        <translation>프린터가 응답하지 않습니다 (전원 꺼짐, 포트 또는 속도 오류?)</translation>
    </message>
    <message>
        <source>printing failed</source>
        <translation>인쇄 실패</translation>
    </message>
    <message>
        <source>Enter the facility code (5 characters, e.g. 01999).</source>
        <translation>의료기관 코드를 입력하세요 (5자, 예: 01999).</translation>
    </message>
    <message>
        <source>A facility code is 2 digits (province) and 3 letters or digits, e.g. 01999.</source>
        <translation>기관 코드는 숫자 2자리(성 코드)와 문자 또는 숫자 3자리입니다. 예: 01999.</translation>
    </message>
    <message>
        <source>The first 2 digits are not a province code.</source>
        <translation>앞 2자리가 성 코드가 아닙니다.</translation>
    </message>
    <message>
        <source>The facility name must be one line of text.</source>
        <translation>기관 이름은 한 줄이어야 합니다.</translation>
    </message>
    <message>
        <source>The hub address must start with http:// or https://.</source>
        <translation>허브 주소는 http:// 또는 https://로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>The hub address is incomplete, e.g. https://hub.benhvien.local:8443</source>
        <translation>허브 주소가 불완전합니다. 예: https://hub.benhvien.local:8443</translation>
    </message>
    <message>
        <source>A hub needs the device token.</source>
        <translation>허브를 사용하려면 장치 토큰이 필요합니다.</translation>
    </message>
    <message>
        <source>The token has no spaces; copy it exactly.</source>
        <translation>토큰에는 공백이 없습니다. 정확히 복사하세요.</translation>
    </message>
    <message>
        <source>The departments file does not exist.</source>
        <translation>진료과 파일이 없습니다.</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Kiosk setup</source>
        <translation>키오스크 설정</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Kiosk setup: {page}</source>
        <extracomment>"Restart me": the kiosk session (systemd unit, Shell Launcher) starts the app again with the new settings.</extracomment>
        <translation>키오스크 설정: {page}</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>{total}단계 중 {n}단계</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Start the kiosk</source>
        <translation>키오스크 시작</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Syncing…</source>
        <translation>동기화 중…</translation>
    </message>
    <message>
        <source>Stand-alone: no hub configured</source>
        <translation>단독 운영: 허브가 설정되지 않음</translation>
    </message>
    <message>
        <source>DEMO: sample cards, not a real check-in</source>
        <translation>데모: 샘플 카드, 실제 접수가 아닙니다</translation>
    </message>
    <message>
        <source>Hub connected</source>
        <translation>허브 연결됨</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>허브에 연결할 수 없음: 오프라인으로 작동 중</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>동기화한 적 없음</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>방금 동기화됨</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>{n}분 전 동기화</translation>
    </message>
    <message>
        <source>Synced {n} h ago</source>
        <translation>{n}시간 전 동기화</translation>
    </message>
    <message>
        <source>Synced {n} days ago</source>
        <translation>{n}일 전 동기화</translation>
    </message>
    <message>
        <source>Synced 1 day ago</source>
        <translation>1일 전 동기화</translation>
    </message>
    <message>
        <source>Uploads waiting too long: {n}</source>
        <translation>업로드 대기 시간 초과: {n}</translation>
    </message>
    <message>
        <source>Waiting to upload: {n}</source>
        <translation>업로드 대기: {n}</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>스캐너</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>{device}: {state}</source>
        <translation>{device}: {state}</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>설정 안 됨</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>다시 연결 중</translation>
    </message>
    <message>
        <source>paper low</source>
        <translation>용지 부족</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>용지 없음</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>사용 중</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>의료기관</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>허브</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>진료과</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>시리얼 스캐너</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>프린터</translation>
    </message>
    <message>
        <source>none (works offline)</source>
        <translation>없음 (오프라인 작동)</translation>
    </message>
    <message>
        <source>keep the current departments</source>
        <translation>현재 진료과 유지</translation>
    </message>
    <message>
        <source>import {count} from {file}</source>
        <translation>{file}에서 {count}개 가져오기</translation>
    </message>
    <message>
        <source>a file in the data folder</source>
        <translation>데이터 폴더의 파일</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>{path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Restart the kiosk to use the new settings.</source>
        <translation>새 설정을 사용하려면 키오스크를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The kiosk starts with these settings.</source>
        <translation>키오스크가 이 설정으로 시작됩니다.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Check the settings, then press Save.</source>
        <translation>설정을 확인한 다음 저장을 누르세요.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Synchronisation with the hub</source>
        <translation>허브와 동기화</translation>
    </message>
    <message>
        <source>Sync now (F9)</source>
        <translation>지금 동기화 (F9)</translation>
    </message>
    <message>
        <source>No hub configured: visits stay on this computer.</source>
        <translation>허브가 설정되지 않았습니다: 접수 기록은 이 컴퓨터에 보관됩니다.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>동기화 중…</translation>
    </message>
    <message>
        <source>Hub reachable</source>
        <translation>허브 연결됨</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>허브에 연결할 수 없음: 오프라인 작업</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}. The oldest has waited longer than allowed.</source>
        <translation>업로드 대기 중인 접수: {n}건. 가장 오래된 건이 허용 시간을 넘었습니다.</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}.</source>
        <translation>업로드 대기 중인 접수: {n}건.</translation>
    </message>
    <message>
        <source>Every visit is uploaded.</source>
        <translation>모든 접수가 업로드되었습니다.</translation>
    </message>
    <message>
        <source>Last successful sync: {minutes} min ago</source>
        <translation>마지막 동기화 성공: {minutes}분 전</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>최근 오류: {error}</translation>
    </message>
    <message>
        <source>{n} visits set aside: the hub rejected them; they are not sent again.</source>
        <translation>서버가 거부한 접수 {n}건을 따로 보관했습니다(다시 보내지 않음).</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Your health-insurance card is valid</source>
        <translation>건강보험증이 유효합니다</translation>
    </message>
    <message>
        <source>Your health-insurance card has expired</source>
        <translation>건강보험증의 유효 기간이 지났습니다</translation>
    </message>
    <message>
        <source>Your health-insurance card is not valid yet</source>
        <translation>건강보험증이 아직 유효하지 않습니다</translation>
    </message>
    <message>
        <source>This health-insurance card has been withdrawn</source>
        <translation>이 건강보험증은 회수되었습니다</translation>
    </message>
    <message>
        <source>This health-insurance card has ended</source>
        <translation>이 건강보험증은 자격이 상실되었습니다</translation>
    </message>
    <message>
        <source>This card has been replaced by a new card</source>
        <translation>이 카드는 새 카드로 교체되었습니다</translation>
    </message>
    <message>
        <source>The name does not match our records</source>
        <translation>이름이 기록과 일치하지 않습니다</translation>
    </message>
    <message>
        <source>The date of birth does not match our records</source>
        <translation>생년월일이 기록과 일치하지 않습니다</translation>
    </message>
    <message>
        <source>We cannot confirm this card here yet</source>
        <translation>이곳에서는 아직 이 카드를 확인할 수 없습니다</translation>
    </message>
    <message>
        <source>This code could not be used</source>
        <translation>이 코드는 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Sorry, check-in is not possible right now</source>
        <translation>죄송합니다. 지금은 접수할 수 없습니다</translation>
    </message>
    <message>
        <source>Please see reception. The staff will help you.</source>
        <translation>접수처로 가 주세요. 직원이 도와드립니다.</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits. You typed {count}.</source>
        <translation>번호를 확인해 주세요. 카드 번호는 15자, 시민 신분증 번호는 숫자 12자리입니다. 입력하신 것은 {count}자리입니다.</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits.</source>
        <translation>번호를 확인해 주세요: 카드 번호는 15자, 신분증 번호는 12자리입니다.</translation>
    </message>
    <message>
        <source>This is not the QR code of a health-insurance card or a citizen ID. Please show the code from the VssID app or your chip ID card.</source>
        <translation>건강보험증이나 신분증의 QR 코드가 아닙니다. VssID 앱 또는 칩 신분증의 코드를 보여 주세요.</translation>
    </message>
    <message>
        <source>The card's own dates are current; reception will confirm it later. You can take a queue number now.</source>
        <translation>카드에 적힌 기간으로는 유효합니다. 접수처에서 나중에 확인합니다. 지금 번호표를 받으실 수 있습니다.</translation>
    </message>
    <message>
        <source>Please choose where you want to go.</source>
        <translation>가실 곳을 선택해 주세요.</translation>
    </message>
    <message>
        <source>Please use your new card {card} or see reception.</source>
        <translation>새 카드 {card}를 사용하시거나 접수처로 가 주세요.</translation>
    </message>
    <message>
        <source>Already registered today: {tickets}</source>
        <translation>오늘 이미 접수됨: {tickets}</translation>
    </message>
    <message>
        <source>Not in the local card list: to be confirmed online.</source>
        <translation>로컬 카드 목록에 없음: 온라인으로 확인 예정.</translation>
    </message>
    <message>
        <source>Registered at another facility.</source>
        <translation>다른 의료기관에 등록되어 있습니다.</translation>
    </message>
    <message>
        <source>Coverage {percent}%</source>
        <translation>보장률 {percent}%</translation>
    </message>
    <message>
        <source>New card: {card}</source>
        <translation>새 카드: {card}</translation>
    </message>
    <message>
        <source>Confirmed online (gateway code {code}).</source>
        <translation>온라인으로 확인됨 (게이트웨이 코드 {code}).</translation>
    </message>
    <message>
        <source>Hub or gateway unreachable: provisional, re-checked later.</source>
        <translation>서버 또는 게이트웨이에 연결할 수 없음: 임시 결과이며 나중에 다시 확인합니다.</translation>
    </message>
    <message>
        <source>The gateway did not answer in time: provisional, re-checked later.</source>
        <translation>게이트웨이가 제시간에 응답하지 않음: 임시 결과이며 나중에 다시 확인합니다.</translation>
    </message>
    <message>
        <source>No gateway on the hub: provisional.</source>
        <translation>서버에 게이트웨이가 설정되지 않음: 임시 결과.</translation>
    </message>
    <message>
        <source>Too many look-ups right now: provisional, re-checked later.</source>
        <translation>현재 조회가 너무 많음: 임시 결과이며 나중에 다시 확인합니다.</translation>
    </message>
    <message>
        <source>The gateway is still answering: provisional, re-checked later.</source>
        <translation>게이트웨이가 아직 처리 중: 임시 결과이며 나중에 다시 확인합니다.</translation>
    </message>
    <message>
        <source>The kiosk could not check or record this; the log has the details.</source>
        <translation>키오스크가 이를 확인하거나 기록하지 못했습니다. 자세한 내용은 로그에 있습니다.</translation>
    </message>
    <message>
        <source>Gateway account problem: tell the administrator. Provisional.</source>
        <translation>게이트웨이 계정 문제: 관리자에게 알리세요. 임시 결과입니다.</translation>
    </message>
    <message>
        <source>The hub refused the look-up (device token?): provisional.</source>
        <translation>서버가 조회를 거부함 (기기 토큰?): 임시 결과.</translation>
    </message>
    <message>
        <source>Name or date of birth missing: cannot look the card up online.</source>
        <translation>이름 또는 생년월일 누락: 카드를 온라인으로 조회할 수 없습니다.</translation>
    </message>
    <message>
        <source>Move the phone closer to the camera</source>
        <translation>휴대폰을 카메라에 더 가까이 대 주세요</translation>
    </message>
    <message>
        <source>Tilt the phone a little or lower the screen brightness</source>
        <translation>휴대폰을 조금 기울이거나 화면 밝기를 낮춰 주세요</translation>
    </message>
    <message>
        <source>Hold the phone still</source>
        <translation>휴대폰을 움직이지 말아 주세요</translation>
    </message>
    <message>
        <source>Turn up the screen brightness</source>
        <translation>화면 밝기를 높여 주세요</translation>
    </message>
    <message>
        <source>Hold the QR code inside the frame</source>
        <translation>QR 코드를 틀 안에 맞춰 주세요</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>번호표를 인쇄하는 중…</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>번호표를 받아 가세요.</translation>
    </message>
    <message>
        <source>The ticket printer is out of paper. Please remember your number and tell reception.</source>
        <translation>번호표 프린터에 용지가 없습니다. 번호를 기억하시고 접수처에 알려 주세요.</translation>
    </message>
    <message>
        <source>The ticket printer is not working. Please remember your number and tell reception.</source>
        <translation>번호표 프린터가 작동하지 않습니다. 번호를 기억하시고 접수처에 알려 주세요.</translation>
    </message>
    <message>
        <source>The ticket could not be printed. Please remember your number and tell reception.</source>
        <translation>번호표를 인쇄하지 못했습니다. 번호를 기억하시고 접수처에 알려 주세요.</translation>
    </message>
    <message>
        <source>Printing the ticket…</source>
        <translation>번호표 인쇄 중…</translation>
    </message>
    <message>
        <source>Ticket printed.</source>
        <translation>번호표를 인쇄했습니다.</translation>
    </message>
    <message>
        <source>Ticket printed; the printer's paper is running low.</source>
        <translation>번호표를 인쇄했습니다. 프린터 용지가 얼마 남지 않았습니다.</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer is out of paper. Load paper, then reprint (F5).</source>
        <translation>인쇄 안 됨: 번호표 프린터에 용지가 없습니다. 용지를 넣고 다시 인쇄하세요(F5).</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer does not answer. Check its cable and power, then reprint (F5).</source>
        <translation>인쇄 안 됨: 번호표 프린터가 응답하지 않습니다. 케이블과 전원을 확인한 뒤 다시 인쇄하세요(F5).</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer reported an error. Reprint (F5) or write the number down for the patient.</source>
        <translation>인쇄 안 됨: 번호표 프린터 오류입니다. 다시 인쇄하거나(F5) 환자에게 번호를 적어 주세요.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>유효</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>만료</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>아직 무효</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>회수됨</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>자격 상실</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>교체됨</translation>
    </message>
    <message>
        <source>name differs</source>
        <translation>이름 불일치</translation>
    </message>
    <message>
        <source>birth date differs</source>
        <translation>생년월일 불일치</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>미확인</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>접수처</translation>
    </message>
    <message>
        <source>Reception desk – priority</source>
        <translation>접수처 – 우선</translation>
    </message>
    <message>
        <source>Nobody is ahead of you.</source>
        <translation>앞에 기다리는 사람이 없습니다.</translation>
    </message>
    <message>
        <source>1 person is ahead of you.</source>
        <translation>앞에 1명이 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>{count} people are ahead of you.</source>
        <translation>앞에 {count}명이 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. This visit is covered as it would be there.</source>
        <translation>카드가 다른 의료기관에 등록되어 있습니다. 이번 진료는 등록 기관에서와 같이 보장됩니다.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance covers this visit here.</source>
        <translation>카드가 다른 의료기관에 등록되어 있습니다. 이곳에서의 이번 진료는 건강보험이 보장합니다.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays {percent}% of your card's benefit for this visit; reception can explain.</source>
        <translation>카드가 다른 의료기관에 등록되어 있습니다. 이번 진료는 건강보험이 카드 보장 수준의 {percent}%를 지급합니다. 접수처에서 설명해 드립니다.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays for this visit only with a referral paper: please show it at reception, or ask reception about paying yourself.</source>
        <translation>카드가 다른 의료기관에 등록되어 있습니다. 이번 진료는 진료의뢰서가 있어야 건강보험이 지급합니다. 접수처에 보여 주시거나, 본인 부담 진료에 대해 접수처에 문의하세요.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Please see reception before your visit.</source>
        <translation>카드가 다른 의료기관에 등록되어 있습니다. 진료 전에 접수처에 들러 주세요.</translation>
    </message>
    <message>
        <source>We cannot tell yet where your card is registered. Reception will check it.</source>
        <translation>카드가 어디에 등록되어 있는지 아직 알 수 없습니다. 접수처에서 확인해 드립니다.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your queue number</source>
        <extracomment>"Print again" on the "you already have number X today" screen.</extracomment>
        <translation>대기 번호</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Please go to room {room} and wait for your number.</source>
        <translation>{room}호실로 가셔서 번호를 기다려 주세요.</translation>
    </message>
    <message>
        <source>Please wait for your number to be called.</source>
        <translation>번호가 호출될 때까지 기다려 주세요.</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>다시 인쇄</translation>
    </message>
    <message>
        <source>You already have number {ticket} today.</source>
        <translation>오늘 이미 번호 {ticket}을(를) 받으셨습니다.</translation>
    </message>
    <message>
        <source>No new number was issued. Press “Print again” if you need the ticket.</source>
        <translation>새 번호는 발급되지 않았습니다. 번호표가 필요하면 “다시 인쇄”를 누르세요.</translation>
    </message>
</context>
<context>
    <name>TypedEntryPanel</name>
    <message>
        <source>Na&amp;me:</source>
        <translation>이름(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Born:</source>
        <translation>생년월일(&amp;B):</translation>
    </message>
    <message>
        <source>DD/MM/YYYY, MM/YYYY or YYYY</source>
        <translation>일/월/연도, 월/연도 또는 연도 (DD/MM/YYYY, MM/YYYY, YYYY)</translation>
    </message>
    <message>
        <source>Number only (no QR code, e.g. a child under 6): type the BHYT number or the 12-digit personal ID above, then the name and date of birth. Tick "12 digits = insurance number" when the 12 digits are the card's number rather than a citizen ID.</source>
        <extracomment>The 12 digits are the insurance number (personal ID used as the BHYT number), not a CCCD check-in.</extracomment>
        <translation>번호만 있음(QR 코드 없음, 예: 6세 미만 어린이): 위에 건강보험 번호나 12자리 개인식별번호를 입력한 뒤 이름과 생년월일을 입력하세요. 12자리가 신분증 번호가 아니라 카드 번호이면 "12자리 = 보험 번호"를 선택하세요.</translation>
    </message>
    <message>
        <source>12 digits = insurance &amp;number</source>
        <translation>12자리 = 보험 번호(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Look up online</source>
        <translation>온라인 조회(&amp;L)</translation>
    </message>
    <message>
        <source>Enter the patient's full name.</source>
        <translation>환자의 전체 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the date of birth as DD/MM/YYYY, MM/YYYY or YYYY.</source>
        <translation>생년월일을 일/월/연도, 월/연도 또는 연도로 입력하세요.</translation>
    </message>
    <message>
        <source>Type the card number or the 12-digit personal ID in the entry line first.</source>
        <translation>먼저 입력란에 카드 번호나 12자리 개인식별번호를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>VerdictScreen</name>
    <message>
        <source>Continue</source>
        <extracomment>"Call staff / reception ticket": a number for the reception desk. The priority number (elderly, pregnant, children under 6, disability), where the facility runs it.</extracomment>
        <translation>계속</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>처음부터 다시</translation>
    </message>
    <message>
        <source>Call staff / reception ticket</source>
        <translation>직원 호출 / 접수 번호표</translation>
    </message>
    <message>
        <source>Priority ticket</source>
        <translation>우선 번호표</translation>
    </message>
    <message>
        <source>Priority: people aged 75 or over, pregnant women, children under 6 and people with a disability.</source>
        <translation>우선 대상: 75세 이상 어르신, 임신부, 6세 미만 어린이, 장애인.</translation>
    </message>
    <message>
        <source>Card: {number}</source>
        <translation>카드: {number}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <source>{old} → {new} (re-checked)</source>
        <extracomment>Outbox states (``kiosk.db.visits``; a test keeps them equal) — not imported: the window is built before the database layer loads. Columns by name (the verdict's index is kept by tests and by staff habit).</extracomment>
        <translation>{old} → {new} (재확인됨)</translation>
    </message>
    <message>
        <source>{verdict}: needs staff</source>
        <translation>{verdict}: 직원 확인 필요</translation>
    </message>
    <message>
        <source>ID ✓</source>
        <translation>신분증 ✓</translation>
    </message>
    <message>
        <source>Identity document checked</source>
        <translation>신분증 확인함</translation>
    </message>
    <message>
        <source>self-pay</source>
        <translation>자비</translation>
    </message>
    <message>
        <source>Self-pay: not billed to BHYT</source>
        <translation>자비 부담: 건강보험 청구 안 함</translation>
    </message>
    <message>
        <source>Today's visits</source>
        <translation>오늘의 접수</translation>
    </message>
    <message>
        <source>Search: ticket, name, card number, citizen ID</source>
        <translation>검색: 번호표, 이름, 카드 번호, 신분증 번호</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>번호표</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>진료과</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>확인 결과</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>업로드</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>전송 중</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>업로드됨</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>{n} visits shown</source>
        <translation>접수 {n}건 표시</translation>
    </message>
    <message>
        <source>Re-check seen</source>
        <translation>재확인 결과 확인함</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Checking your card…</source>
        <translation>카드를 확인하는 중…</translation>
    </message>
    <message>
        <source>Welcome! Please check in with your health-insurance card.</source>
        <translation>환영합니다! 건강보험증으로 접수해 주세요.</translation>
    </message>
    <message>
        <source>1. Open the VssID app, or take your chip citizen ID card.</source>
        <translation>1. VssID 앱을 열거나 칩 신분증을 꺼내 주세요.</translation>
    </message>
    <message>
        <source>2. Hold the QR code in front of the camera, about 15–20 cm away.</source>
        <translation>2. QR 코드를 카메라 앞 약 15–20cm 거리에 대 주세요.</translation>
    </message>
    <message>
        <source>Tip: turn the phone's screen brightness up and hold it still.</source>
        <translation>팁: 휴대폰 화면 밝기를 높이고 움직이지 마세요.</translation>
    </message>
    <message>
        <source>Need help? Please ask at reception.</source>
        <translation>도움이 필요하시면 접수처에 문의하세요.</translation>
    </message>
    <message>
        <source>Type the number</source>
        <translation>번호 입력</translation>
    </message>
</context>
</TS>