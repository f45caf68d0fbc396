<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Kiosk settings</source>
        <translation>Cài đặt máy check-in</translation>
    </message>
    <message>
        <source>Text size: {percent}%</source>
        <translation>Cỡ chữ: {percent}%</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Tương phản cao</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>In thử</translation>
    </message>
    <message>
        <source>Camera check</source>
        <translation>Kiểm tra camera</translation>
    </message>
    <message>
        <source>Screen cleaning</source>
        <translation>Lau màn hình</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Thoát ứng dụng</translation>
    </message>
    <message>
        <source>Kiosk setup…</source>
        <translation>Cài đặt kiosk…</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>Quay lại màn hình check-in</translation>
    </message>
</context>
<context>
    <name>CleaningScreen</name>
    <message>
        <source>Screen cleaning</source>
        <translation>Lau màn hình</translation>
    </message>
    <message>
        <source>Touches are ignored now. Press and hold anywhere for 3 seconds to finish.</source>
        <translation>Màn hình đang tạm khóa cảm ứng. Nhấn giữ bất kỳ đâu trong 3 giây để kết thúc.</translation>
    </message>
</context>
<context>
    <name>DepartmentScreen</name>
    <message>
        <source>Where would you like to go?</source>
        <translation>Bạn muốn khám ở đâu?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>No departments are available. Please see reception.</source>
        <translation>Hiện không có khoa nào để chọn. Vui lòng đến quầy tiếp đón.</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>Phòng {room}</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>Departments file</source>
        <extracomment>A file to read (the wizard reads it on a worker and calls show_departments / show_error).</extracomment>
        <translation>Tệp danh sách khoa</translation>
    </message>
    <message>
        <source>Departments (*.json *.csv)</source>
        <translation>Danh sách khoa (*.json *.csv)</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Khoa khám</translation>
    </message>
    <message>
        <source>Import the clinic's departments from a JSON or CSV file, or keep the ones already here. The hub also sends departments at every synchronisation.</source>
        <translation>Nhập danh sách khoa từ tệp JSON hoặc CSV, hoặc giữ danh sách hiện có. Máy chủ trung tâm cũng gửi danh sách khoa mỗi lần đồng bộ.</translation>
    </message>
    <message>
        <source>No file: keep the current departments</source>
        <translation>Không chọn tệp: giữ danh sách khoa hiện có</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Demo departments</source>
        <translation>Khoa mẫu (demo)</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message>
        <source>This file cannot be used: {reason}</source>
        <translation>Không dùng được tệp này: {reason}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <source>{count} departments will be imported:</source>
        <translation>Sẽ nhập {count} khoa:</translation>
    </message>
    <message>
        <source>The current departments stay as they are.</source>
        <translation>Danh sách khoa hiện có được giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>DeskEligibility</name>
    <message>
        <source>Registered here</source>
        <translation>Đúng nơi đăng ký</translation>
    </message>
    <message>
        <source>Primary care, registered elsewhere</source>
        <translation>Khám ban đầu, đăng ký nơi khác</translation>
    </message>
    <message>
        <source>With a referral paper</source>
        <translation>Có giấy chuyển cơ sở KCB</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>Có giấy hẹn khám lại</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Cấp cứu</translation>
    </message>
    <message>
        <source>Self-referred</source>
        <translation>Tự đến khám</translation>
    </message>
    <message>
        <source>Referral paper needed</source>
        <translation>Cần giấy chuyển tuyến</translation>
    </message>
    <message>
        <source>Outside route: reception decides</source>
        <translation>Trái tuyến: quầy tiếp đón quyết định</translation>
    </message>
    <message>
        <source>Registered facility not known yet</source>
        <translation>Chưa biết nơi đăng ký ban đầu</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>mã {code}</translation>
    </message>
    <message>
        <source>code chosen by reception</source>
        <translation>mã do quầy tiếp đón chọn</translation>
    </message>
    <message>
        <source>Not known yet: the registered facility is not known</source>
        <translation>Chưa biết: chưa rõ nơi đăng ký ban đầu</translation>
    </message>
    <message>
        <source>Decided by reception</source>
        <translation>Do quầy tiếp đón quyết định</translation>
    </message>
    <message>
        <source>0% without a referral paper</source>
        <translation>0% nếu không có giấy chuyển tuyến</translation>
    </message>
    <message>
        <source>Not known yet (the card's benefit level comes with the gateway's answer)</source>
        <translation>Chưa biết (mức hưởng của thẻ có khi cổng giám định trả lời)</translation>
    </message>
    <message>
        <source>{percent}% (paid in full at this facility)</source>
        <translation>{percent}% (cơ sở này được chi trả toàn bộ)</translation>
    </message>
    <message>
        <source>0%: not paid by health insurance on this route</source>
        <translation>0%: BHYT không chi trả theo tuyến này</translation>
    </message>
    <message>
        <source>{percent}% ({route}% of the card level's {level}%)</source>
        <translation>{percent}% ({route}% của mức {level}% theo thẻ)</translation>
    </message>
    <message>
        <source>{percent}% of covered costs</source>
        <translation>{percent}% chi phí được hưởng</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>vừa đồng bộ</translation>
    </message>
    <message>
        <source>synced {n} min ago</source>
        <translation>đồng bộ {n} phút trước</translation>
    </message>
    <message>
        <source>synced {n} h ago</source>
        <translation>đồng bộ {n} giờ trước</translation>
    </message>
    <message>
        <source>synced {n} days ago</source>
        <translation>đồng bộ {n} ngày trước</translation>
    </message>
    <message>
        <source>Local card list ({age}), not confirmed online</source>
        <translation>Danh sách thẻ tại chỗ ({age}), chưa xác nhận trực tuyến</translation>
    </message>
    <message>
        <source>Local card list (never synced), not confirmed online</source>
        <translation>Danh sách thẻ tại chỗ (chưa đồng bộ lần nào), chưa xác nhận trực tuyến</translation>
    </message>
    <message>
        <source>Only the card's own dates: not in the local card list, not confirmed online</source>
        <translation>Chỉ theo ngày in trên thẻ: không có trong danh sách thẻ tại chỗ, chưa xác nhận trực tuyến</translation>
    </message>
    <message>
        <source>area {area}</source>
        <translation>khu vực {area}</translation>
    </message>
    <message>
        <source>5 years continuous from {date}</source>
        <translation>đủ 5 năm liên tục từ {date}</translation>
    </message>
    <message>
        <source>issued by {office}</source>
        <translation>cấp bởi {office}</translation>
    </message>
    <message>
        <source>Possibly still admitted elsewhere: {where} looked the card up after the patient's last discharge. Ask the patient before registering.</source>
        <translation>Có thể chưa ra viện ở nơi khác: {where} đã tra cứu thẻ sau lần ra viện gần nhất. Hỏi người bệnh trước khi đăng ký.</translation>
    </message>
    <message>
        <source>No health-insurance card number is known for this citizen ID: look the card up (Number only, F3), or tick Self-pay.</source>
        <translation>Chưa có mã thẻ BHYT cho số căn cước này: tra cứu thẻ (Chỉ có số, F3) hoặc đánh dấu Tự chi trả.</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>That ticket is not one of today's visits.</source>
        <extracomment>"Setup…" pressed: the kiosk setup (behind the admin PIN) is opened by the builder.</extracomment>
        <translation>Phiếu này không thuộc lượt khám hôm nay.</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>Quầy tiếp đón</translation>
    </message>
    <message>
        <source>&amp;Card:</source>
        <translation>&amp;Thẻ:</translation>
    </message>
    <message>
        <source>Scan, or type a card number or citizen ID and press Enter</source>
        <translation>Quét mã, hoặc nhập số thẻ BHYT hay số CCCD rồi nhấn Enter</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Number only… (F3)</source>
        <translation>Chỉ có số… (F3)</translation>
    </message>
    <message>
        <source>Setup…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <source>Registered: ticket {ticket}.</source>
        <translation>Đã đăng ký: số {ticket}.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Camera, scanner, printer</source>
        <translation>Camera, máy quét, máy in</translation>
    </message>
    <message>
        <source>Leave a field empty if the device is not used. Each test uses the device now: the printer prints a test ticket, the scanner waits for a scan.</source>
        <translation>Để trống ô nếu không dùng thiết bị đó. Mỗi lần kiểm tra dùng thiết bị thật: máy in in một phiếu thử, máy quét chờ quét một mã.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Máy quét (cổng COM)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>0, /dev/video0, a video file or a stream URL</source>
        <translation>0, /dev/video0, tệp video hoặc URL luồng</translation>
    </message>
    <message>
        <source>/dev/ttyACM0 or COM3</source>
        <translation>/dev/ttyACM0 hoặc COM3</translation>
    </message>
    <message>
        <source>empty: a file in the data folder; serial:/dev/ttyUSB0, network:10.0.0.9</source>
        <translation>trống: tệp trong thư mục dữ liệu; serial:/dev/ttyUSB0, network:10.0.0.9</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Scan any code now…</source>
        <translation>Hãy quét một mã bất kỳ…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Support code: {code}</source>
        <extracomment>The English summaries this module translates (see the module docstring).</extracomment>
        <translation>Mã hỗ trợ: {code}</translation>
    </message>
    <message>
        <source>Free space on the kiosk's disk, then try again; nothing was lost.</source>
        <translation>Giải phóng dung lượng ổ đĩa của kiosk rồi thử lại; không mất dữ liệu nào.</translation>
    </message>
    <message>
        <source>Another program is writing to the database: try again in a moment.</source>
        <translation>Một chương trình khác đang ghi vào cơ sở dữ liệu: vui lòng thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>The kiosk may not write its database: check the disk and the file's permissions.</source>
        <translation>Kiosk không được phép ghi cơ sở dữ liệu: kiểm tra ổ đĩa và quyền truy cập tệp.</translation>
    </message>
    <message>
        <source>Call the administrator: the database must be restored from a backup.</source>
        <translation>Gọi quản trị viên: cần khôi phục cơ sở dữ liệu từ bản sao lưu.</translation>
    </message>
    <message>
        <source>Check the disk; call the administrator if it happens again.</source>
        <translation>Kiểm tra ổ đĩa; gọi quản trị viên nếu lỗi lặp lại.</translation>
    </message>
    <message>
        <source>Check the database setting and that the database server is running.</source>
        <translation>Kiểm tra thiết lập cơ sở dữ liệu và máy chủ cơ sở dữ liệu có đang chạy không.</translation>
    </message>
    <message>
        <source>Install the kiosk version that wrote this database.</source>
        <translation>Cài đặt phiên bản kiosk đã ghi cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>Check the disk and the database; the log has the details.</source>
        <translation>Kiểm tra ổ đĩa và cơ sở dữ liệu; chi tiết có trong nhật ký.</translation>
    </message>
    <message>
        <source>Synchronise with the hub to get the departments, or choose another department.</source>
        <translation>Đồng bộ với máy chủ trung tâm để nhận danh sách khoa, hoặc chọn khoa khác.</translation>
    </message>
    <message>
        <source>Correct the configuration file; the log names the setting.</source>
        <translation>Sửa tệp cấu hình; nhật ký ghi rõ thiết lập bị lỗi.</translation>
    </message>
    <message>
        <source>Check the card list file; the log names the line.</source>
        <translation>Kiểm tra tệp danh sách thẻ; nhật ký ghi rõ dòng bị lỗi.</translation>
    </message>
    <message>
        <source>Check the network and the hub address; check-in goes on offline.</source>
        <translation>Kiểm tra mạng và địa chỉ máy chủ trung tâm; việc tiếp nhận vẫn tiếp tục ngoại tuyến.</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself.</source>
        <translation>Kiosk sẽ tự thử lại.</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself; tell the administrator if it goes on.</source>
        <translation>Kiosk sẽ tự thử lại; báo quản trị viên nếu lỗi kéo dài.</translation>
    </message>
    <message>
        <source>Tell the administrator: the hub refused this kiosk's request.</source>
        <translation>Báo quản trị viên: máy chủ trung tâm từ chối yêu cầu của kiosk này.</translation>
    </message>
    <message>
        <source>The card is checked again later; check-in goes on.</source>
        <translation>Thẻ sẽ được kiểm tra lại sau; việc tiếp nhận vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>Tell the administrator: the facility's gateway account must be checked.</source>
        <translation>Báo quản trị viên: cần kiểm tra tài khoản cổng giám định của cơ sở.</translation>
    </message>
    <message>
        <source>Check the printer's cable and power.</source>
        <translation>Kiểm tra cáp và nguồn điện của máy in.</translation>
    </message>
    <message>
        <source>Switch the printer off and on again.</source>
        <translation>Tắt máy in rồi bật lại.</translation>
    </message>
    <message>
        <source>Correct the printer setting in the setup.</source>
        <translation>Sửa thiết lập máy in trong phần cài đặt.</translation>
    </message>
    <message>
        <source>Check the printer, then print again.</source>
        <translation>Kiểm tra máy in rồi in lại.</translation>
    </message>
    <message>
        <source>Reinstall the kiosk: a font for the ticket is missing.</source>
        <translation>Cài đặt lại kiosk: thiếu phông chữ để in phiếu.</translation>
    </message>
    <message>
        <source>Check the camera's cable, then restart the kiosk.</source>
        <translation>Kiểm tra cáp camera rồi khởi động lại kiosk.</translation>
    </message>
    <message>
        <source>Run the kiosk's self-test and reinstall if it fails.</source>
        <translation>Chạy tự kiểm tra của kiosk và cài đặt lại nếu không đạt.</translation>
    </message>
    <message>
        <source>Nothing was read from the code.</source>
        <translation>Không đọc được gì từ mã.</translation>
    </message>
    <message>
        <source>The code is too long to be a card code.</source>
        <translation>Mã quá dài, không phải mã thẻ.</translation>
    </message>
    <message>
        <source>This code is not a health-insurance (BHYT) card or a citizen-ID (CCCD) code.</source>
        <translation>Mã này không phải thẻ bảo hiểm y tế (BHYT) hay mã căn cước công dân (CCCD).</translation>
    </message>
    <message>
        <source>The card number is not valid: check every character.</source>
        <translation>Số thẻ không hợp lệ: kiểm tra từng ký tự.</translation>
    </message>
    <message>
        <source>The citizen ID number is not valid: it has 12 digits.</source>
        <translation>Số căn cước công dân không hợp lệ: số này có 12 chữ số.</translation>
    </message>
    <message>
        <source>A date in the code cannot be read.</source>
        <translation>Không đọc được một ngày tháng trong mã.</translation>
    </message>
    <message>
        <source>The gender in the code cannot be read.</source>
        <translation>Không đọc được giới tính trong mã.</translation>
    </message>
    <message>
        <source>The code is cut short: the name, date of birth or gender is missing.</source>
        <translation>Mã bị thiếu: không có họ tên, ngày sinh hoặc giới tính.</translation>
    </message>
    <message>
        <source>A card number has 15 characters (or 10 digits, or the 12-digit personal ID), a citizen ID 12 digits; this one has {count}.</source>
        <translation>Số thẻ có 15 ký tự (hoặc 10 chữ số, hoặc số định danh cá nhân 12 chữ số), số căn cước công dân có 12 chữ số; số này có {count}.</translation>
    </message>
    <message>
        <source>Unexpected error in the kiosk (support code {code}); the log has the details. Please report it.</source>
        <translation>Lỗi không mong đợi trong máy check-in (mã hỗ trợ {code}); chi tiết có trong nhật ký. Vui lòng báo lại lỗi này.</translation>
    </message>
    <message>
        <source>Problem with the kiosk's surroundings, not with the patient: {summary}.</source>
        <translation>Sự cố ở môi trường của kiosk, không phải do người bệnh: {summary}.</translation>
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
        <translation>Tỉnh/thành: {province}</translation>
    </message>
    <message>
        <source>2 digits (province) and 3 letters or digits, e.g. 01999</source>
        <translation>2 chữ số (mã tỉnh) và 3 chữ hoặc số, ví dụ 01999</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Cơ sở khám chữa bệnh</translation>
    </message>
    <message>
        <source>Facility code (MA_CSKCB)</source>
        <translation>Mã cơ sở KCB (MA_CSKCB)</translation>
    </message>
    <message>
        <source>Facility name, printed on tickets</source>
        <translation>Tên cơ sở, in trên phiếu</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>Hub</source>
        <translation>Máy chủ trung tâm</translation>
    </message>
    <message>
        <source>The hub keeps the card list and receives the visits. Leave the address empty if this kiosk works on its own.</source>
        <translation>Máy chủ trung tâm giữ danh sách thẻ và nhận các lượt khám. Để trống địa chỉ nếu kiosk này hoạt động độc lập.</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Địa chỉ máy chủ trung tâm</translation>
    </message>
    <message>
        <source>Device token (issued for this kiosk by the hub administrator)</source>
        <translation>Mã thiết bị (do người quản trị hub cấp cho kiosk này)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiện</translation>
    </message>
    <message>
        <source>Test the hub</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>Đang kết nối máy chủ trung tâm…</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>The kiosk cannot compare this ID card with your health-insurance card.</source>
        <extracomment>"I have no ID card with me". "Try again" after a code that was not a CCCD or did not match. "Start again" / "Finish": back to the welcome screen.</extracomment>
        <translation>Máy không so sánh được căn cước này với thẻ BHYT của bạn.</translation>
    </message>
    <message>
        <source>The name on the ID card is not the name on the health-insurance card.</source>
        <translation>Họ tên trên căn cước khác họ tên trên thẻ BHYT.</translation>
    </message>
    <message>
        <source>The date of birth on the ID card is not the one on the health-insurance card.</source>
        <translation>Ngày sinh trên căn cước khác ngày sinh trên thẻ BHYT.</translation>
    </message>
    <message>
        <source>The ID card number is not the one on the health-insurance card.</source>
        <translation>Số căn cước khác số trên thẻ BHYT.</translation>
    </message>
    <message>
        <source>I have no ID card with me</source>
        <translation>Tôi không mang căn cước</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Làm lại từ đầu</translation>
    </message>
    <message>
        <source>Please go to the reception desk</source>
        <translation>Vui lòng đến quầy tiếp đón</translation>
    </message>
    <message>
        <source>You need an ID document to use your health-insurance card.</source>
        <translation>Cần có giấy tờ tùy thân để dùng thẻ BHYT.</translation>
    </message>
    <message>
        <source>Please bring your health-insurance card and an ID document to reception. The staff will help you.</source>
        <translation>Vui lòng mang thẻ BHYT và giấy tờ tùy thân đến quầy tiếp đón. Nhân viên sẽ giúp bạn.</translation>
    </message>
    <message>
        <source>One more step: show your ID card</source>
        <translation>Thêm một bước: xuất trình căn cước</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an ID document. Please hold the QR code of your chip citizen ID card (or of the VNeID app) in front of the camera.</source>
        <translation>Thẻ BHYT phải xuất trình kèm giấy tờ tùy thân. Vui lòng đưa mã QR trên căn cước gắn chip (hoặc trong ứng dụng VNeID) trước camera.</translation>
    </message>
    <message>
        <source>Checking your ID card…</source>
        <translation>Đang kiểm tra căn cước…</translation>
    </message>
    <message>
        <source>That was not the QR code of a chip ID card. Please show the code on the back of your citizen ID card.</source>
        <translation>Đó không phải mã QR của căn cước gắn chip. Vui lòng đưa mã ở mặt sau căn cước.</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>Bạn vẫn đang sử dụng chứ?</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in 1 second.</source>
        <translation>Để bảo vệ thông tin của bạn, màn hình sẽ được xóa sau 1 giây.</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in {n} seconds.</source>
        <translation>Để bảo vệ thông tin của bạn, màn hình sẽ được xóa sau {n} giây.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>KeypadScreen</name>
    <message>
        <source>Type your health-insurance card number or citizen ID number</source>
        <extracomment>"No card? Reception ticket": a number for the reception desk without any card.</extracomment>
        <translation>Nhập số thẻ BHYT hoặc số căn cước công dân</translation>
    </message>
    <message>
        <source>Card number: 2 letters and 13 characters, as printed on the card. Citizen ID: 12 digits.</source>
        <translation>Số thẻ BHYT: 2 chữ cái và 13 ký tự như in trên thẻ. Số căn cước: 12 chữ số.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>No card? Reception ticket</source>
        <translation>Không có thẻ? Lấy số quầy tiếp đón</translation>
    </message>
</context>
<context>
    <name>KioskError</name>
    <message>
        <source>The kiosk could not do this</source>
        <translation>Máy check-in không thực hiện được việc này</translation>
    </message>
    <message>
        <source>The installation is broken</source>
        <translation>Bản cài đặt bị hỏng</translation>
    </message>
    <message>
        <source>An unexpected error occurred</source>
        <translation>Đã xảy ra lỗi không mong đợi</translation>
    </message>
    <message>
        <source>The database refused the request</source>
        <translation>Cơ sở dữ liệu từ chối yêu cầu</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>Không thể sử dụng cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Ổ đĩa đã đầy</translation>
    </message>
    <message>
        <source>The database is locked</source>
        <translation>Cơ sở dữ liệu đang bị khóa</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>Không thể ghi vào cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>Tệp cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>The disk reported an error</source>
        <translation>Ổ đĩa báo lỗi</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>Không thể mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database belongs to a newer kiosk version</source>
        <translation>Cơ sở dữ liệu thuộc phiên bản máy check-in mới hơn</translation>
    </message>
    <message>
        <source>Unknown department</source>
        <translation>Khoa không xác định</translation>
    </message>
    <message>
        <source>The insurance gateway could not be used</source>
        <translation>Không thể sử dụng cổng giám định BHYT</translation>
    </message>
    <message>
        <source>The insurance gateway does not answer</source>
        <translation>Cổng giám định BHYT không phản hồi</translation>
    </message>
    <message>
        <source>The insurance gateway refused the facility's account</source>
        <translation>Cổng giám định BHYT từ chối tài khoản của cơ sở</translation>
    </message>
    <message>
        <source>The insurance gateway refused the check-in file</source>
        <translation>Cổng giám định BHYT từ chối hồ sơ check-in</translation>
    </message>
    <message>
        <source>The check-in file cannot be signed</source>
        <translation>Không thể ký hồ sơ check-in</translation>
    </message>
    <message>
        <source>The visit cannot be turned into a check-in file</source>
        <translation>Không thể lập hồ sơ check-in từ lượt khám này</translation>
    </message>
    <message>
        <source>Synchronisation with the hub failed</source>
        <translation>Đồng bộ với máy chủ trung tâm thất bại</translation>
    </message>
    <message>
        <source>The hub cannot be reached</source>
        <translation>Không kết nối được máy chủ trung tâm</translation>
    </message>
    <message>
        <source>The hub is busy</source>
        <translation>Máy chủ trung tâm đang bận</translation>
    </message>
    <message>
        <source>The hub reported a fault</source>
        <translation>Máy chủ trung tâm báo lỗi</translation>
    </message>
    <message>
        <source>The hub refused the request</source>
        <translation>Máy chủ trung tâm từ chối yêu cầu</translation>
    </message>
    <message>
        <source>Another kiosk uses this device's token: register this kiosk as a new device</source>
        <translation>Một kiosk khác đang dùng mã thiết bị này: hãy đăng ký kiosk này như một thiết bị mới</translation>
    </message>
    <message>
        <source>The configuration file cannot be used</source>
        <translation>Không thể sử dụng tệp cấu hình</translation>
    </message>
    <message>
        <source>This is not a usable card code</source>
        <translation>Đây không phải là mã thẻ dùng được</translation>
    </message>
    <message>
        <source>The card list cannot be read</source>
        <translation>Không đọc được danh sách thẻ</translation>
    </message>
    <message>
        <source>The camera cannot be used</source>
        <translation>Không thể sử dụng camera</translation>
    </message>
    <message>
        <source>The ticket cannot be printed</source>
        <translation>Không in được phiếu</translation>
    </message>
    <message>
        <source>A font for the ticket is missing</source>
        <translation>Thiếu phông chữ để in phiếu</translation>
    </message>
    <message>
        <source>The ticket cannot be printed as given</source>
        <translation>Không in được phiếu với nội dung đã cho</translation>
    </message>
    <message>
        <source>The printer setting cannot be understood</source>
        <translation>Không hiểu được cài đặt máy in</translation>
    </message>
    <message>
        <source>The printer gave an unreadable status</source>
        <translation>Máy in trả về trạng thái không đọc được</translation>
    </message>
    <message>
        <source>The ticket printer cannot be reached</source>
        <translation>Không kết nối được máy in phiếu</translation>
    </message>
    <message>
        <source>This card already has a number for this department today</source>
        <translation>Hôm nay thẻ này đã có số ở khoa này</translation>
    </message>
</context>
<context>
    <name>NotSetUpWindow</name>
    <message>
        <source>This kiosk is not set up yet</source>
        <translation>Máy kiosk này chưa được cài đặt</translation>
    </message>
    <message>
        <source>Patients: please check in at the reception desk.</source>
        <translation>Người bệnh: vui lòng đăng ký tại quầy tiếp đón.</translation>
    </message>
    <message>
        <source>Staff: set it up now (facility, hub, departments, camera, scanner, printer), or run `kiosk setup` on this machine. The configuration file will be {path}. To try the kiosk with sample cards, start it with `kiosk run --demo`.</source>
        <translation>Nhân viên: hãy cài đặt ngay (cơ sở, máy chủ hub, khoa, camera, máy quét, máy in) hoặc chạy `kiosk setup` trên máy này. Tệp cấu hình sẽ là {path}. Để thử kiosk với thẻ mẫu, hãy chạy `kiosk run --demo`.</translation>
    </message>
    <message>
        <source>Set up this kiosk…</source>
        <translation>Cài đặt kiosk này…</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Name</source>
        <extracomment>The most of the panel's height the footer takes before it scrolls (large text). Rows of the department list kept in view before the details start to scroll. Staff pressed "Register anyway" / "Cancel" on the confirmation question. Staff ticked / unticked "identity document checked". Staff ticked / unticked "self-pay" (a CCCD check-in without a known card). Staff chose the visit's circumstance (a :class:`Circumstance` value). The row of the gateway's kept data (area, five-year date, issuing office): shown only when the gateway answered with them.</extracomment>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Số thẻ BHYT</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hạn sử dụng</translation>
    </message>
    <message>
        <source>Registered facility</source>
        <translation>Nơi đăng ký KCB ban đầu</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Tuyến</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Mức hưởng</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Khoa khám</translation>
    </message>
    <message>
        <source>Ci&amp;rcumstance</source>
        <translation>Trường &amp;hợp</translation>
    </message>
    <message>
        <source>Came on their own</source>
        <translation>Tự đến khám</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Cấp cứu</translation>
    </message>
    <message>
        <source>Referral paper</source>
        <translation>Có giấy chuyển cơ sở KCB</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>Có giấy hẹn khám lại</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>Đăng ký (Enter)</translation>
    </message>
    <message>
        <source>Reprint (F5)</source>
        <translation>In lại (F5)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>Xóa (Esc)</translation>
    </message>
    <message>
        <source>Self-&amp;pay (not billed to BHYT)</source>
        <translation>Tự chi t&amp;rả (không tính BHYT)</translation>
    </message>
    <message>
        <source>Check the identity document first: tick the box below, then register.</source>
        <translation>Hãy kiểm tra giấy tờ tùy thân trước: đánh dấu ô bên dưới rồi đăng ký.</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>Phòng {room}</translation>
    </message>
    <message>
        <source>Scan a card or type a card number or citizen ID, then press Enter.</source>
        <translation>Quét thẻ hoặc nhập số thẻ BHYT hay số CCCD, rồi nhấn Enter.</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>không thời hạn</translation>
    </message>
    <message>
        <source>{percent}% by the card's benefit level (route not decided)</source>
        <translation>{percent}% theo mức hưởng của thẻ (chưa xác định tuyến)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Gateway data</source>
        <translation>Dữ liệu cổng BHXH</translation>
    </message>
    <message>
        <source>Register &amp;anyway</source>
        <translation>&amp;Vẫn đăng ký</translation>
    </message>
    <message>
        <source>&amp;Identity checked</source>
        <translation>Đã kiểm tra &amp;giấy tờ</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an identity document: compare its name, date of birth and photo with the patient, then tick the box below.</source>
        <translation>Thẻ BHYT phải xuất trình kèm giấy tờ tùy thân: đối chiếu họ tên, ngày sinh và ảnh với người bệnh, rồi đánh dấu ô bên dưới.</translation>
    </message>
    <message>
        <source>Register anyway?</source>
        <translation>Vẫn đăng ký?</translation>
    </message>
    <message>
        <source>The card is not valid ({verdict}).</source>
        <translation>Thẻ không hợp lệ ({verdict}).</translation>
    </message>
    <message>
        <source>This card already has ticket {ticket} for this department today.</source>
        <translation>Hôm nay thẻ này đã có số {ticket} ở khoa này.</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Staff only: enter the PIN</source>
        <extracomment>A new PIN was chosen: its hash, to be saved as ``ui.admin_pin_hash``.</extracomment>
        <translation>Dành cho nhân viên: nhập mã PIN</translation>
    </message>
    <message>
        <source>Choose a new admin PIN (4–12 digits)</source>
        <translation>Chọn mã PIN quản trị mới (4–12 chữ số)</translation>
    </message>
    <message>
        <source>Enter the new PIN again</source>
        <translation>Nhập lại mã PIN mới</translation>
    </message>
    <message>
        <source>Wrong PIN. Attempts left before a one-minute lock: {left}</source>
        <translation>Sai mã PIN. Số lần thử còn lại trước khi khóa một phút: {left}</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>Nhập sai quá nhiều lần. Thử lại sau {seconds} giây.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits, and not 0000.</source>
        <translation>Mã PIN gồm 4 đến 12 chữ số và không được là 0000.</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose a new PIN again.</source>
        <translation>Hai mã PIN không khớp. Hãy chọn lại mã PIN mới.</translation>
    </message>
    <message>
        <source>The factory PIN must be replaced before the admin panel opens.</source>
        <translation>Phải đổi mã PIN mặc định trước khi mở trang quản trị.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ReceptionTicketScreen</name>
    <message>
        <source>Your number for reception</source>
        <translation>Số thứ tự của bạn tại quầy tiếp đón</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Please go to the reception desk and show this number; priority numbers are called first. The staff will help you.</source>
        <translation>Vui lòng đến quầy tiếp đón và xuất trình số này; số ưu tiên được gọi trước. Nhân viên sẽ giúp bạn.</translation>
    </message>
    <message>
        <source>Please wait near the reception desk until your number is called. The staff will help you.</source>
        <translation>Vui lòng chờ gần quầy tiếp đón cho đến khi được gọi số. Nhân viên sẽ giúp bạn.</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>No ticket printer is configured.</source>
        <extracomment>Exit code of "Exit the kiosk" in the admin panel (a supervisor must not restart the app).</extracomment>
        <translation>Chưa cấu hình máy in phiếu.</translation>
    </message>
    <message>
        <source>Printing a test ticket…</source>
        <translation>Đang in phiếu thử…</translation>
    </message>
    <message>
        <source>Printer: {message}</source>
        <translation>Máy in: {message}</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>Đã in trang thử.</translation>
    </message>
    <message>
        <source>No camera is configured.</source>
        <translation>Chưa cấu hình camera.</translation>
    </message>
    <message>
        <source>Camera: 1 frame decoded so far.</source>
        <translation>Camera: đã giải mã 1 khung hình.</translation>
    </message>
    <message>
        <source>Camera: {frames} frames decoded so far.</source>
        <translation>Camera: đã giải mã {frames} khung hình.</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>Camera works: a {width}×{height} picture arrived</source>
        <translation>Camera hoạt động: đã nhận ảnh {width}×{height}</translation>
    </message>
    <message>
        <source>No camera chosen</source>
        <translation>Chưa chọn camera</translation>
    </message>
    <message>
        <source>Cannot open the camera</source>
        <translation>Không mở được camera</translation>
    </message>
    <message>
        <source>The camera opened but sent no picture within {seconds} s</source>
        <translation>Camera đã mở nhưng không gửi ảnh trong {seconds} giây</translation>
    </message>
    <message>
        <source>Scanner works: received "{preview}"</source>
        <translation>Máy quét hoạt động: đã nhận “{preview}”</translation>
    </message>
    <message>
        <source>No serial scanner chosen</source>
        <translation>Chưa chọn máy quét</translation>
    </message>
    <message>
        <source>Cannot open the scanner port</source>
        <translation>Không mở được cổng máy quét</translation>
    </message>
    <message>
        <source>No scan arrived within {seconds} s</source>
        <translation>Không nhận được mã nào trong {seconds} giây</translation>
    </message>
    <message>
        <source>Scanner test cancelled</source>
        <translation>Đã dừng kiểm tra máy quét</translation>
    </message>
    <message>
        <source>Test ticket printed ({target})</source>
        <translation>Đã in phiếu thử ({target})</translation>
    </message>
    <message>
        <source>The test ticket was not printed: {reason}</source>
        <translation>Chưa in được phiếu thử: {reason}</translation>
    </message>
    <message>
        <source>The printer setting is not usable</source>
        <translation>Cài đặt máy in không dùng được</translation>
    </message>
    <message>
        <source>Hub reached; the token belongs to device "{device}" of facility {facility}</source>
        <translation>Đã kết nối máy chủ; token thuộc thiết bị “{device}” của cơ sở {facility}</translation>
    </message>
    <message>
        <source>No hub: this kiosk works offline</source>
        <translation>Không dùng máy chủ trung tâm: kiosk hoạt động ngoại tuyến</translation>
    </message>
    <message>
        <source>Cannot reach the hub</source>
        <translation>Không kết nối được máy chủ trung tâm</translation>
    </message>
    <message>
        <source>The hub's certificate is not trusted by this computer</source>
        <translation>Máy tính này không tin cậy chứng chỉ của máy chủ trung tâm</translation>
    </message>
    <message>
        <source>The hub refused the device token (wrong or revoked)</source>
        <translation>Máy chủ từ chối token thiết bị (sai hoặc đã bị thu hồi)</translation>
    </message>
    <message>
        <source>This address does not answer like a kiosk hub</source>
        <translation>Địa chỉ này không phải máy chủ trung tâm của kiosk</translation>
    </message>
    <message>
        <source>The token belongs to facility {facility}, not {expected}</source>
        <translation>Token thuộc cơ sở {facility}, không phải {expected}</translation>
    </message>
    <message>
        <source>The hub answered with an error</source>
        <translation>Máy chủ trung tâm trả về lỗi</translation>
    </message>
    <message>
        <source>the printer is out of paper</source>
        <translation>máy in hết giấy</translation>
    </message>
    <message>
        <source>the printer does not answer (switched off, wrong port or speed?)</source>
        <translation>máy in không phản hồi (đang tắt, sai cổng hoặc sai tốc độ?)</translation>
    </message>
    <message>
        <source>printing failed</source>
        <translation>in không thành công</translation>
    </message>
    <message>
        <source>Enter the facility code (5 characters, e.g. 01999).</source>
        <translation>Nhập mã cơ sở KCB (5 ký tự, ví dụ 01999).</translation>
    </message>
    <message>
        <source>A facility code is 2 digits (province) and 3 letters or digits, e.g. 01999.</source>
        <translation>Mã cơ sở gồm 2 chữ số (mã tỉnh) và 3 chữ hoặc số, ví dụ 01999.</translation>
    </message>
    <message>
        <source>The first 2 digits are not a province code.</source>
        <translation>2 chữ số đầu không phải mã tỉnh.</translation>
    </message>
    <message>
        <source>The facility name must be one line of text.</source>
        <translation>Tên cơ sở phải nằm trên một dòng.</translation>
    </message>
    <message>
        <source>The hub address must start with http:// or https://.</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://.</translation>
    </message>
    <message>
        <source>The hub address is incomplete, e.g. https://hub.benhvien.local:8443</source>
        <translation>Địa chỉ máy chủ chưa đầy đủ, ví dụ https://hub.benhvien.local:8443</translation>
    </message>
    <message>
        <source>A hub needs the device token.</source>
        <translation>Cần nhập token thiết bị để dùng máy chủ trung tâm.</translation>
    </message>
    <message>
        <source>The token has no spaces; copy it exactly.</source>
        <translation>Token không có khoảng trắng; hãy sao chép chính xác.</translation>
    </message>
    <message>
        <source>The departments file does not exist.</source>
        <translation>Tệp danh sách khoa không tồn tại.</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Kiosk setup</source>
        <translation>Cài đặt kiosk</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Kiosk setup: {page}</source>
        <extracomment>"Restart me": the kiosk session (systemd unit, Shell Launcher) starts the app again with the new settings.</extracomment>
        <translation>Cài đặt kiosk: {page}</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Bước {n}/{total}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Khởi động lại ngay</translation>
    </message>
    <message>
        <source>Start the kiosk</source>
        <translation>Bắt đầu dùng kiosk</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Stand-alone: no hub configured</source>
        <translation>Độc lập: chưa cấu hình máy chủ</translation>
    </message>
    <message>
        <source>DEMO: sample cards, not a real check-in</source>
        <translation>DEMO: thẻ mẫu, không phải đăng ký khám thật</translation>
    </message>
    <message>
        <source>Hub connected</source>
        <translation>Đã kết nối máy chủ</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>Không kết nối được máy chủ: đang làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Vừa đồng bộ</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>Đồng bộ {n} phút trước</translation>
    </message>
    <message>
        <source>Synced {n} h ago</source>
        <translation>Đồng bộ {n} giờ trước</translation>
    </message>
    <message>
        <source>Synced {n} days ago</source>
        <translation>Đồng bộ {n} ngày trước</translation>
    </message>
    <message>
        <source>Synced 1 day ago</source>
        <translation>Đồng bộ 1 ngày trước</translation>
    </message>
    <message>
        <source>Uploads waiting too long: {n}</source>
        <translation>Chờ gửi quá lâu: {n}</translation>
    </message>
    <message>
        <source>Waiting to upload: {n}</source>
        <translation>Chờ gửi: {n}</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>{device}: {state}</source>
        <translation>{device}: {state}</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>sẵn sàng</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>chưa cấu hình</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>đang khởi động</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>đang kết nối lại</translation>
    </message>
    <message>
        <source>paper low</source>
        <translation>sắp hết giấy</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>hết giấy</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>mất kết nối</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>đang bận</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Cơ sở khám chữa bệnh</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Máy chủ trung tâm</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Khoa khám</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Máy quét (cổng COM)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>none (works offline)</source>
        <translation>không có (hoạt động ngoại tuyến)</translation>
    </message>
    <message>
        <source>keep the current departments</source>
        <translation>giữ danh sách khoa hiện có</translation>
    </message>
    <message>
        <source>import {count} from {file}</source>
        <translation>nhập {count} khoa từ {file}</translation>
    </message>
    <message>
        <source>a file in the data folder</source>
        <translation>một tệp trong thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Đã lưu vào {path}.</translation>
    </message>
    <message>
        <source>Restart the kiosk to use the new settings.</source>
        <translation>Khởi động lại kiosk để dùng cài đặt mới.</translation>
    </message>
    <message>
        <source>The kiosk starts with these settings.</source>
        <translation>Kiosk sẽ chạy với các cài đặt này.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Chưa lưu: {reason}</translation>
    </message>
    <message>
        <source>Check the settings, then press Save.</source>
        <translation>Kiểm tra lại cài đặt rồi bấm Lưu.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Synchronisation with the hub</source>
        <translation>Đồng bộ với máy chủ</translation>
    </message>
    <message>
        <source>Sync now (F9)</source>
        <translation>Đồng bộ ngay (F9)</translation>
    </message>
    <message>
        <source>No hub configured: visits stay on this computer.</source>
        <translation>Chưa cấu hình máy chủ: lượt khám được lưu trên máy này.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Hub reachable</source>
        <translation>Kết nối được máy chủ</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>Không kết nối được máy chủ: làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}. The oldest has waited longer than allowed.</source>
        <translation>Lượt khám chờ gửi: {n}. Lượt cũ nhất đã chờ quá thời gian cho phép.</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}.</source>
        <translation>Lượt khám chờ gửi: {n}.</translation>
    </message>
    <message>
        <source>Every visit is uploaded.</source>
        <translation>Mọi lượt khám đã được gửi.</translation>
    </message>
    <message>
        <source>Last successful sync: {minutes} min ago</source>
        <translation>Đồng bộ thành công lần cuối: {minutes} phút trước</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Lỗi gần nhất: {error}</translation>
    </message>
    <message>
        <source>{n} visits set aside: the hub rejected them; they are not sent again.</source>
        <translation>{n} lượt khám bị máy chủ từ chối đã được để riêng; sẽ không gửi lại.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Your health-insurance card is valid</source>
        <translation>Thẻ bảo hiểm y tế của bạn còn giá trị sử dụng</translation>
    </message>
    <message>
        <source>Your health-insurance card has expired</source>
        <translation>Thẻ bảo hiểm y tế của bạn đã hết hạn</translation>
    </message>
    <message>
        <source>Your health-insurance card is not valid yet</source>
        <translation>Thẻ bảo hiểm y tế của bạn chưa đến thời hạn sử dụng</translation>
    </message>
    <message>
        <source>This health-insurance card has been withdrawn</source>
        <translation>Thẻ bảo hiểm y tế này đã bị thu hồi</translation>
    </message>
    <message>
        <source>This health-insurance card has ended</source>
        <translation>Thẻ bảo hiểm y tế này đã bị báo giảm</translation>
    </message>
    <message>
        <source>This card has been replaced by a new card</source>
        <translation>Thẻ này đã được thay bằng thẻ mới</translation>
    </message>
    <message>
        <source>The name does not match our records</source>
        <translation>Họ tên không khớp với dữ liệu thẻ</translation>
    </message>
    <message>
        <source>The date of birth does not match our records</source>
        <translation>Ngày sinh không khớp với dữ liệu thẻ</translation>
    </message>
    <message>
        <source>We cannot confirm this card here yet</source>
        <translation>Chưa thể xác nhận thẻ này tại đây</translation>
    </message>
    <message>
        <source>This code could not be used</source>
        <translation>Không sử dụng được mã này</translation>
    </message>
    <message>
        <source>Sorry, check-in is not possible right now</source>
        <translation>Xin lỗi, hiện chưa thể làm thủ tục</translation>
    </message>
    <message>
        <source>Please see reception. The staff will help you.</source>
        <translation>Vui lòng đến quầy tiếp đón. Nhân viên sẽ hỗ trợ bạn.</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits. You typed {count}.</source>
        <translation>Vui lòng kiểm tra lại số: số thẻ có 15 ký tự, số căn cước công dân có 12 chữ số. Bạn đã nhập {count}.</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits.</source>
        <translation>Vui lòng kiểm tra lại số: số thẻ BHYT gồm 15 ký tự, số CCCD gồm 12 chữ số.</translation>
    </message>
    <message>
        <source>This is not the QR code of a health-insurance card or a citizen ID. Please show the code from the VssID app or your chip ID card.</source>
        <translation>Đây không phải mã QR của thẻ BHYT hoặc CCCD. Vui lòng đưa mã trong ứng dụng VssID hoặc trên thẻ căn cước gắn chip.</translation>
    </message>
    <message>
        <source>The card's own dates are current; reception will confirm it later. You can take a queue number now.</source>
        <translation>Theo thông tin trên mã, thẻ đang trong thời hạn; quầy tiếp đón sẽ xác nhận sau. Bạn có thể lấy số thứ tự ngay.</translation>
    </message>
    <message>
        <source>Please choose where you want to go.</source>
        <translation>Mời bạn chọn nơi muốn khám.</translation>
    </message>
    <message>
        <source>Please use your new card {card} or see reception.</source>
        <translation>Vui lòng dùng thẻ mới {card} hoặc đến quầy tiếp đón.</translation>
    </message>
    <message>
        <source>Already registered today: {tickets}</source>
        <translation>Hôm nay đã đăng ký: {tickets}</translation>
    </message>
    <message>
        <source>Not in the local card list: to be confirmed online.</source>
        <translation>Chưa có trong danh sách thẻ tại máy: sẽ xác nhận trực tuyến.</translation>
    </message>
    <message>
        <source>Registered at another facility.</source>
        <translation>Đăng ký KCB ban đầu tại cơ sở khác.</translation>
    </message>
    <message>
        <source>Coverage {percent}%</source>
        <translation>Mức hưởng {percent}%</translation>
    </message>
    <message>
        <source>New card: {card}</source>
        <translation>Thẻ mới: {card}</translation>
    </message>
    <message>
        <source>Confirmed online (gateway code {code}).</source>
        <translation>Đã xác nhận trực tuyến (mã cổng giám định {code}).</translation>
    </message>
    <message>
        <source>Hub or gateway unreachable: provisional, re-checked later.</source>
        <translation>Không kết nối được máy chủ hoặc cổng giám định: kết quả tạm thời, sẽ kiểm tra lại sau.</translation>
    </message>
    <message>
        <source>The gateway did not answer in time: provisional, re-checked later.</source>
        <translation>Cổng giám định không trả lời kịp: kết quả tạm thời, sẽ kiểm tra lại sau.</translation>
    </message>
    <message>
        <source>No gateway on the hub: provisional.</source>
        <translation>Máy chủ chưa kết nối cổng giám định: kết quả tạm thời.</translation>
    </message>
    <message>
        <source>Too many look-ups right now: provisional, re-checked later.</source>
        <translation>Đang tra cứu quá nhiều: kết quả tạm thời, sẽ kiểm tra lại sau.</translation>
    </message>
    <message>
        <source>The gateway is still answering: provisional, re-checked later.</source>
        <translation>Cổng giám định đang xử lý: kết quả tạm thời, sẽ kiểm tra lại sau.</translation>
    </message>
    <message>
        <source>The kiosk could not check or record this; the log has the details.</source>
        <translation>Kiosk không thể kiểm tra hoặc ghi nhận việc này; chi tiết có trong nhật ký.</translation>
    </message>
    <message>
        <source>Gateway account problem: tell the administrator. Provisional.</source>
        <translation>Lỗi tài khoản cổng giám định: báo quản trị viên. Tạm thời chấp nhận.</translation>
    </message>
    <message>
        <source>The hub refused the look-up (device token?): provisional.</source>
        <translation>Máy chủ từ chối tra cứu (mã thiết bị?): kết quả tạm thời.</translation>
    </message>
    <message>
        <source>Name or date of birth missing: cannot look the card up online.</source>
        <translation>Thiếu họ tên hoặc ngày sinh: không thể tra cứu thẻ trực tuyến.</translation>
    </message>
    <message>
        <source>Move the phone closer to the camera</source>
        <translation>Đưa điện thoại lại gần camera hơn</translation>
    </message>
    <message>
        <source>Tilt the phone a little or lower the screen brightness</source>
        <translation>Nghiêng điện thoại một chút hoặc giảm độ sáng màn hình</translation>
    </message>
    <message>
        <source>Hold the phone still</source>
        <translation>Giữ yên điện thoại</translation>
    </message>
    <message>
        <source>Turn up the screen brightness</source>
        <translation>Tăng độ sáng màn hình</translation>
    </message>
    <message>
        <source>Hold the QR code inside the frame</source>
        <translation>Đặt mã QR vào trong khung</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>Đang in phiếu của bạn…</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>Mời bạn nhận phiếu.</translation>
    </message>
    <message>
        <source>The ticket printer is out of paper. Please remember your number and tell reception.</source>
        <translation>Máy in phiếu đã hết giấy. Vui lòng ghi nhớ số thứ tự và báo quầy tiếp đón.</translation>
    </message>
    <message>
        <source>The ticket printer is not working. Please remember your number and tell reception.</source>
        <translation>Máy in phiếu đang không hoạt động. Vui lòng ghi nhớ số thứ tự và báo quầy tiếp đón.</translation>
    </message>
    <message>
        <source>The ticket could not be printed. Please remember your number and tell reception.</source>
        <translation>Không in được phiếu. Vui lòng ghi nhớ số thứ tự và báo quầy tiếp đón.</translation>
    </message>
    <message>
        <source>Printing the ticket…</source>
        <translation>Đang in phiếu…</translation>
    </message>
    <message>
        <source>Ticket printed.</source>
        <translation>Đã in phiếu.</translation>
    </message>
    <message>
        <source>Ticket printed; the printer's paper is running low.</source>
        <translation>Đã in phiếu; máy in sắp hết giấy.</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer is out of paper. Load paper, then reprint (F5).</source>
        <translation>Chưa in: máy in hết giấy. Nạp giấy rồi in lại (F5).</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer does not answer. Check its cable and power, then reprint (F5).</source>
        <translation>Chưa in: máy in không phản hồi. Kiểm tra dây cáp và nguồn điện rồi in lại (F5).</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer reported an error. Reprint (F5) or write the number down for the patient.</source>
        <translation>Chưa in: máy in báo lỗi. In lại (F5) hoặc ghi số thứ tự cho người bệnh.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>hợp lệ</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>hết hạn</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>chưa đến hạn</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>bị thu hồi</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>báo giảm</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>đã đổi thẻ</translation>
    </message>
    <message>
        <source>name differs</source>
        <translation>sai họ tên</translation>
    </message>
    <message>
        <source>birth date differs</source>
        <translation>sai ngày sinh</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>chưa xác nhận</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>Quầy tiếp đón</translation>
    </message>
    <message>
        <source>Reception desk – priority</source>
        <translation>Quầy tiếp đón – ưu tiên</translation>
    </message>
    <message>
        <source>Nobody is ahead of you.</source>
        <translation>Không có ai đứng trước bạn.</translation>
    </message>
    <message>
        <source>1 person is ahead of you.</source>
        <translation>Có 1 người đứng trước bạn.</translation>
    </message>
    <message>
        <source>{count} people are ahead of you.</source>
        <translation>Có {count} người đứng trước bạn.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. This visit is covered as it would be there.</source>
        <translation>Thẻ của bạn đăng ký khám chữa bệnh ban đầu ở cơ sở khác. Lần khám này được hưởng như tại nơi đăng ký.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance covers this visit here.</source>
        <translation>Thẻ của bạn đăng ký khám chữa bệnh ban đầu ở cơ sở khác. Bảo hiểm y tế chi trả lần khám này tại đây.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays {percent}% of your card's benefit for this visit; reception can explain.</source>
        <translation>Thẻ của bạn đăng ký khám chữa bệnh ban đầu ở cơ sở khác. Bảo hiểm y tế chi trả {percent}% mức hưởng của thẻ cho lần khám này; quầy tiếp đón sẽ giải thích thêm.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays for this visit only with a referral paper: please show it at reception, or ask reception about paying yourself.</source>
        <translation>Thẻ của bạn đăng ký khám chữa bệnh ban đầu ở cơ sở khác. Bảo hiểm y tế chỉ chi trả lần khám này khi có giấy chuyển tuyến: vui lòng xuất trình tại quầy tiếp đón, hoặc hỏi quầy tiếp đón về việc tự chi trả.</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Please see reception before your visit.</source>
        <translation>Thẻ của bạn đăng ký khám chữa bệnh ban đầu ở cơ sở khác. Vui lòng đến quầy tiếp đón trước khi khám.</translation>
    </message>
    <message>
        <source>We cannot tell yet where your card is registered. Reception will check it.</source>
        <translation>Chưa xác định được nơi đăng ký khám chữa bệnh ban đầu của thẻ. Quầy tiếp đón sẽ kiểm tra.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your queue number</source>
        <extracomment>"Print again" on the "you already have number X today" screen.</extracomment>
        <translation>Số thứ tự của bạn</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Please go to room {room} and wait for your number.</source>
        <translation>Mời bạn đến phòng {room} và chờ gọi số.</translation>
    </message>
    <message>
        <source>Please wait for your number to be called.</source>
        <translation>Vui lòng chờ gọi số.</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>In lại</translation>
    </message>
    <message>
        <source>You already have number {ticket} today.</source>
        <translation>Hôm nay bạn đã có số {ticket}.</translation>
    </message>
    <message>
        <source>No new number was issued. Press “Print again” if you need the ticket.</source>
        <translation>Không cấp số mới. Nhấn “In lại” nếu bạn cần phiếu.</translation>
    </message>
</context>
<context>
    <name>TypedEntryPanel</name>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <source>&amp;Born:</source>
        <translation>&amp;Ngày sinh:</translation>
    </message>
    <message>
        <source>DD/MM/YYYY, MM/YYYY or YYYY</source>
        <translation>NN/TT/NNNN, TT/NNNN hoặc NNNN</translation>
    </message>
    <message>
        <source>Number only (no QR code, e.g. a child under 6): type the BHYT number or the 12-digit personal ID above, then the name and date of birth. Tick "12 digits = insurance number" when the 12 digits are the card's number rather than a citizen ID.</source>
        <extracomment>The 12 digits are the insurance number (personal ID used as the BHYT number), not a CCCD check-in.</extracomment>
        <translation>Chỉ có số (không có mã QR, ví dụ trẻ dưới 6 tuổi): nhập mã thẻ BHYT hoặc số định danh 12 số ở trên, rồi họ tên và ngày sinh. Đánh dấu "12 số là mã số BHYT" khi 12 số là mã thẻ chứ không phải số căn cước.</translation>
    </message>
    <message>
        <source>12 digits = insurance &amp;number</source>
        <translation>12 số là &amp;mã số BHYT</translation>
    </message>
    <message>
        <source>&amp;Look up online</source>
        <translation>Tra &amp;cứu trực tuyến</translation>
    </message>
    <message>
        <source>Enter the patient's full name.</source>
        <translation>Nhập họ tên đầy đủ của người bệnh.</translation>
    </message>
    <message>
        <source>Enter the date of birth as DD/MM/YYYY, MM/YYYY or YYYY.</source>
        <translation>Nhập ngày sinh dạng NN/TT/NNNN, TT/NNNN hoặc NNNN.</translation>
    </message>
    <message>
        <source>Type the card number or the 12-digit personal ID in the entry line first.</source>
        <translation>Trước tiên hãy nhập mã thẻ hoặc số định danh 12 số vào ô nhập.</translation>
    </message>
</context>
<context>
    <name>VerdictScreen</name>
    <message>
        <source>Continue</source>
        <extracomment>"Call staff / reception ticket": a number for the reception desk. The priority number (elderly, pregnant, children under 6, disability), where the facility runs it.</extracomment>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Làm lại từ đầu</translation>
    </message>
    <message>
        <source>Call staff / reception ticket</source>
        <translation>Gọi nhân viên / lấy số tiếp đón</translation>
    </message>
    <message>
        <source>Priority ticket</source>
        <translation>Lấy số ưu tiên</translation>
    </message>
    <message>
        <source>Priority: people aged 75 or over, pregnant women, children under 6 and people with a disability.</source>
        <translation>Ưu tiên: người từ đủ 75 tuổi trở lên, phụ nữ có thai, trẻ em dưới 6 tuổi và người khuyết tật.</translation>
    </message>
    <message>
        <source>Card: {number}</source>
        <translation>Thẻ: {number}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <source>{old} → {new} (re-checked)</source>
        <extracomment>Outbox states (``kiosk.db.visits``; a test keeps them equal) — not imported: the window is built before the database layer loads. Columns by name (the verdict's index is kept by tests and by staff habit).</extracomment>
        <translation>{old} → {new} (đã kiểm tra lại)</translation>
    </message>
    <message>
        <source>{verdict}: needs staff</source>
        <translation>{verdict}: cần nhân viên xử lý</translation>
    </message>
    <message>
        <source>ID ✓</source>
        <translation>Giấy tờ ✓</translation>
    </message>
    <message>
        <source>Identity document checked</source>
        <translation>Đã kiểm tra giấy tờ tùy thân</translation>
    </message>
    <message>
        <source>self-pay</source>
        <translation>tự chi trả</translation>
    </message>
    <message>
        <source>Self-pay: not billed to BHYT</source>
        <translation>Tự chi trả: không tính BHYT</translation>
    </message>
    <message>
        <source>Today's visits</source>
        <translation>Lượt khám hôm nay</translation>
    </message>
    <message>
        <source>Search: ticket, name, card number, citizen ID</source>
        <translation>Tìm: số phiếu, họ tên, số thẻ, số CCCD</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Khoa</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Gửi lên</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>chờ gửi</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>đang gửi</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>{n} visits shown</source>
        <translation>Hiển thị {n} lượt khám</translation>
    </message>
    <message>
        <source>Re-check seen</source>
        <translation>Đã xem kết quả kiểm tra lại</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Checking your card…</source>
        <translation>Đang kiểm tra thẻ của bạn…</translation>
    </message>
    <message>
        <source>Welcome! Please check in with your health-insurance card.</source>
        <translation>Xin chào! Mời bạn làm thủ tục bằng thẻ bảo hiểm y tế.</translation>
    </message>
    <message>
        <source>1. Open the VssID app, or take your chip citizen ID card.</source>
        <translation>1. Mở ứng dụng VssID, hoặc lấy thẻ căn cước gắn chip.</translation>
    </message>
    <message>
        <source>2. Hold the QR code in front of the camera, about 15–20 cm away.</source>
        <translation>2. Đưa mã QR trước camera, cách khoảng 15–20 cm.</translation>
    </message>
    <message>
        <source>Tip: turn the phone's screen brightness up and hold it still.</source>
        <translation>Mẹo: tăng độ sáng màn hình điện thoại và giữ yên tay.</translation>
    </message>
    <message>
        <source>Need help? Please ask at reception.</source>
        <translation>Cần hỗ trợ? Vui lòng hỏi quầy tiếp đón.</translation>
    </message>
    <message>
        <source>Type the number</source>
        <translation>Nhập số thẻ</translation>
    </message>
</context>
</TS>