<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Kiosk settings</source>
        <translation>自助机设置</translation>
    </message>
    <message>
        <source>Text size: {percent}%</source>
        <translation>字体大小：{percent}%</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <source>Camera check</source>
        <translation>检查摄像头</translation>
    </message>
    <message>
        <source>Screen cleaning</source>
        <translation>屏幕清洁</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>退出自助机程序</translation>
    </message>
    <message>
        <source>Kiosk setup…</source>
        <translation>自助机设置…</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>返回签到</translation>
    </message>
</context>
<context>
    <name>CleaningScreen</name>
    <message>
        <source>Screen cleaning</source>
        <translation>屏幕清洁</translation>
    </message>
    <message>
        <source>Touches are ignored now. Press and hold anywhere for 3 seconds to finish.</source>
        <translation>现在触摸无效。在任意位置按住 3 秒即可结束。</translation>
    </message>
</context>
<context>
    <name>DepartmentScreen</name>
    <message>
        <source>Where would you like to go?</source>
        <translation>您要去哪个科室？</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>No departments are available. Please see reception.</source>
        <translation>目前没有可选的科室。请到接待处咨询。</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>{room} 室</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>Departments file</source>
        <extracomment>A file to read (the wizard reads it on a worker and calls show_departments / show_error).</extracomment>
        <translation>科室文件</translation>
    </message>
    <message>
        <source>Departments (*.json *.csv)</source>
        <translation>科室 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Import the clinic's departments from a JSON or CSV file, or keep the ones already here. The hub also sends departments at every synchronisation.</source>
        <translation>从 JSON 或 CSV 文件导入本院科室，或保留现有科室。中心服务器每次同步时也会发送科室。</translation>
    </message>
    <message>
        <source>No file: keep the current departments</source>
        <translation>不选文件：保留现有科室</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Demo departments</source>
        <translation>演示科室</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>保留现有</translation>
    </message>
    <message>
        <source>This file cannot be used: {reason}</source>
        <translation>无法使用此文件：{reason}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>{count} departments will be imported:</source>
        <translation>将导入 {count} 个科室：</translation>
    </message>
    <message>
        <source>The current departments stay as they are.</source>
        <translation>现有科室保持不变。</translation>
    </message>
</context>
<context>
    <name>DeskEligibility</name>
    <message>
        <source>Registered here</source>
        <translation>本机构为登记机构</translation>
    </message>
    <message>
        <source>Primary care, registered elsewhere</source>
        <translation>基层就诊，登记于其他机构</translation>
    </message>
    <message>
        <source>With a referral paper</source>
        <translation>持转诊单</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>复诊预约</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>急诊</translation>
    </message>
    <message>
        <source>Self-referred</source>
        <translation>自行就诊</translation>
    </message>
    <message>
        <source>Referral paper needed</source>
        <translation>需要转诊单</translation>
    </message>
    <message>
        <source>Outside route: reception decides</source>
        <translation>非对口就诊：由前台决定</translation>
    </message>
    <message>
        <source>Registered facility not known yet</source>
        <translation>尚不知道登记机构</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>代码 {code}</translation>
    </message>
    <message>
        <source>code chosen by reception</source>
        <translation>代码由前台选择</translation>
    </message>
    <message>
        <source>Not known yet: the registered facility is not known</source>
        <translation>尚不知道：登记机构未知</translation>
    </message>
    <message>
        <source>Decided by reception</source>
        <translation>由前台决定</translation>
    </message>
    <message>
        <source>0% without a referral paper</source>
        <translation>无转诊单为 0%</translation>
    </message>
    <message>
        <source>Not known yet (the card's benefit level comes with the gateway's answer)</source>
        <translation>尚不知道（卡的待遇等级随网关答复提供）</translation>
    </message>
    <message>
        <source>{percent}% (paid in full at this facility)</source>
        <translation>{percent}%（本机构全额支付）</translation>
    </message>
    <message>
        <source>0%: not paid by health insurance on this route</source>
        <translation>0%：此就诊途径医保不支付</translation>
    </message>
    <message>
        <source>{percent}% ({route}% of the card level's {level}%)</source>
        <translation>{percent}%（卡等级 {level}% 的 {route}%）</translation>
    </message>
    <message>
        <source>{percent}% of covered costs</source>
        <translation>{percent}% 的可报销费用</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>刚刚同步</translation>
    </message>
    <message>
        <source>synced {n} min ago</source>
        <translation>{n} 分钟前同步</translation>
    </message>
    <message>
        <source>synced {n} h ago</source>
        <translation>{n} 小时前同步</translation>
    </message>
    <message>
        <source>synced {n} days ago</source>
        <translation>{n} 天前同步</translation>
    </message>
    <message>
        <source>Local card list ({age}), not confirmed online</source>
        <translation>本地卡列表（{age}），未在线确认</translation>
    </message>
    <message>
        <source>Local card list (never synced), not confirmed online</source>
        <translation>本地卡列表（从未同步），未在线确认</translation>
    </message>
    <message>
        <source>Only the card's own dates: not in the local card list, not confirmed online</source>
        <translation>仅依据卡上日期：不在本地卡列表中，未在线确认</translation>
    </message>
    <message>
        <source>area {area}</source>
        <translation>地区 {area}</translation>
    </message>
    <message>
        <source>5 years continuous from {date}</source>
        <translation>自 {date} 起连续满 5 年</translation>
    </message>
    <message>
        <source>issued by {office}</source>
        <translation>签发机构 {office}</translation>
    </message>
    <message>
        <source>Possibly still admitted elsewhere: {where} looked the card up after the patient's last discharge. Ask the patient before registering.</source>
        <translation>可能仍在其他机构住院：{where} 在患者最近一次出院后查询过此卡。登记前请询问患者。</translation>
    </message>
    <message>
        <source>No health-insurance card number is known for this citizen ID: look the card up (Number only, F3), or tick Self-pay.</source>
        <translation>此身份证号尚无已知的医保卡号：请查询医保卡（仅号码，F3），或勾选“自费”。</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>That ticket is not one of today's visits.</source>
        <extracomment>"Setup…" pressed: the kiosk setup (behind the admin PIN) is opened by the builder.</extracomment>
        <translation>该号票不是今天的就诊记录。</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>接待台</translation>
    </message>
    <message>
        <source>&amp;Card:</source>
        <translation>卡号(&amp;C)：</translation>
    </message>
    <message>
        <source>Scan, or type a card number or citizen ID and press Enter</source>
        <translation>扫码，或输入医保卡号或身份证号后按 Enter</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>查验</translation>
    </message>
    <message>
        <source>Number only… (F3)</source>
        <translation>仅号码…（F3）</translation>
    </message>
    <message>
        <source>Setup…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Registered: ticket {ticket}.</source>
        <translation>已登记：号码 {ticket}。</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Camera, scanner, printer</source>
        <translation>摄像头、扫描器、打印机</translation>
    </message>
    <message>
        <source>Leave a field empty if the device is not used. Each test uses the device now: the printer prints a test ticket, the scanner waits for a scan.</source>
        <translation>不使用的设备请留空。每项测试都会立即使用设备：打印机打印一张测试票，扫描器等待一次扫码。</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>串口扫描器</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>0, /dev/video0, a video file or a stream URL</source>
        <translation>0、/dev/video0、视频文件或流地址</translation>
    </message>
    <message>
        <source>/dev/ttyACM0 or COM3</source>
        <translation>/dev/ttyACM0 或 COM3</translation>
    </message>
    <message>
        <source>empty: a file in the data folder; serial:/dev/ttyUSB0, network:10.0.0.9</source>
        <translation>留空：写入数据文件夹中的文件；serial:/dev/ttyUSB0、network:10.0.0.9</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Scan any code now…</source>
        <translation>请现在扫描任意条码…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Support code: {code}</source>
        <extracomment>The English summaries this module translates (see the module docstring).</extracomment>
        <translation>支持代码：{code}</translation>
    </message>
    <message>
        <source>Free space on the kiosk's disk, then try again; nothing was lost.</source>
        <translation>请清理自助机磁盘空间后重试；数据没有丢失。</translation>
    </message>
    <message>
        <source>Another program is writing to the database: try again in a moment.</source>
        <translation>另一个程序正在写入数据库：请稍后重试。</translation>
    </message>
    <message>
        <source>The kiosk may not write its database: check the disk and the file's permissions.</source>
        <translation>自助机无权写入数据库：请检查磁盘和文件权限。</translation>
    </message>
    <message>
        <source>Call the administrator: the database must be restored from a backup.</source>
        <translation>请联系管理员：需要从备份恢复数据库。</translation>
    </message>
    <message>
        <source>Check the disk; call the administrator if it happens again.</source>
        <translation>请检查磁盘；如再次发生，请联系管理员。</translation>
    </message>
    <message>
        <source>Check the database setting and that the database server is running.</source>
        <translation>请检查数据库设置以及数据库服务器是否在运行。</translation>
    </message>
    <message>
        <source>Install the kiosk version that wrote this database.</source>
        <translation>请安装写入此数据库的自助机版本。</translation>
    </message>
    <message>
        <source>Check the disk and the database; the log has the details.</source>
        <translation>请检查磁盘和数据库；详情见日志。</translation>
    </message>
    <message>
        <source>Synchronise with the hub to get the departments, or choose another department.</source>
        <translation>请与中心服务器同步以获取科室，或选择其他科室。</translation>
    </message>
    <message>
        <source>Correct the configuration file; the log names the setting.</source>
        <translation>请修改配置文件；日志中写明了出错的设置项。</translation>
    </message>
    <message>
        <source>Check the card list file; the log names the line.</source>
        <translation>请检查卡片列表文件；日志中写明了出错的行。</translation>
    </message>
    <message>
        <source>Check the network and the hub address; check-in goes on offline.</source>
        <translation>请检查网络和中心服务器地址；签到会以离线方式继续。</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself.</source>
        <translation>自助机会自动重试。</translation>
    </message>
    <message>
        <source>The kiosk tries again by itself; tell the administrator if it goes on.</source>
        <translation>自助机会自动重试；如持续出现，请告知管理员。</translation>
    </message>
    <message>
        <source>Tell the administrator: the hub refused this kiosk's request.</source>
        <translation>请告知管理员：中心服务器拒绝了本自助机的请求。</translation>
    </message>
    <message>
        <source>The card is checked again later; check-in goes on.</source>
        <translation>稍后会再次核验此卡；签到继续进行。</translation>
    </message>
    <message>
        <source>Tell the administrator: the facility's gateway account must be checked.</source>
        <translation>请告知管理员：需要检查本机构的医保网关账户。</translation>
    </message>
    <message>
        <source>Check the printer's cable and power.</source>
        <translation>请检查打印机的线缆和电源。</translation>
    </message>
    <message>
        <source>Switch the printer off and on again.</source>
        <translation>请关闭打印机后重新打开。</translation>
    </message>
    <message>
        <source>Correct the printer setting in the setup.</source>
        <translation>请在设置中修改打印机设置。</translation>
    </message>
    <message>
        <source>Check the printer, then print again.</source>
        <translation>请检查打印机后重新打印。</translation>
    </message>
    <message>
        <source>Reinstall the kiosk: a font for the ticket is missing.</source>
        <translation>请重新安装自助机：缺少打印号票所需的字体。</translation>
    </message>
    <message>
        <source>Check the camera's cable, then restart the kiosk.</source>
        <translation>请检查摄像头线缆，然后重启自助机。</translation>
    </message>
    <message>
        <source>Run the kiosk's self-test and reinstall if it fails.</source>
        <translation>请运行自助机自检，如未通过请重新安装。</translation>
    </message>
    <message>
        <source>Nothing was read from the code.</source>
        <translation>未能从二维码读取任何内容。</translation>
    </message>
    <message>
        <source>The code is too long to be a card code.</source>
        <translation>此码太长，不是卡片二维码。</translation>
    </message>
    <message>
        <source>This code is not a health-insurance (BHYT) card or a citizen-ID (CCCD) code.</source>
        <translation>此码不是医保卡（BHYT）或公民身份证（CCCD）二维码。</translation>
    </message>
    <message>
        <source>The card number is not valid: check every character.</source>
        <translation>卡号无效：请逐个字符核对。</translation>
    </message>
    <message>
        <source>The citizen ID number is not valid: it has 12 digits.</source>
        <translation>公民身份证号无效：应为 12 位数字。</translation>
    </message>
    <message>
        <source>A date in the code cannot be read.</source>
        <translation>无法读取码中的日期。</translation>
    </message>
    <message>
        <source>The gender in the code cannot be read.</source>
        <translation>无法读取码中的性别。</translation>
    </message>
    <message>
        <source>The code is cut short: the name, date of birth or gender is missing.</source>
        <translation>此码不完整：缺少姓名、出生日期或性别。</translation>
    </message>
    <message>
        <source>A card number has 15 characters (or 10 digits, or the 12-digit personal ID), a citizen ID 12 digits; this one has {count}.</source>
        <translation>卡号为 15 个字符（或 10 位数字，或 12 位个人识别号），公民身份证号为 12 位数字；此号码有 {count} 位。</translation>
    </message>
    <message>
        <source>Unexpected error in the kiosk (support code {code}); the log has the details. Please report it.</source>
        <translation>自助机出现意外错误（支持代码 {code}），详细信息见日志。请报告此错误。</translation>
    </message>
    <message>
        <source>Problem with the kiosk's surroundings, not with the patient: {summary}.</source>
        <translation>问题出在自助机的运行环境，而不是患者：{summary}。</translation>
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
        <translation>省份：{province}</translation>
    </message>
    <message>
        <source>2 digits (province) and 3 letters or digits, e.g. 01999</source>
        <translation>2 位数字（省代码）加 3 位字母或数字，例如 01999</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>医疗机构</translation>
    </message>
    <message>
        <source>Facility code (MA_CSKCB)</source>
        <translation>医疗机构代码 (MA_CSKCB)</translation>
    </message>
    <message>
        <source>Facility name, printed on tickets</source>
        <translation>机构名称（印在号票上）</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>Hub</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>The hub keeps the card list and receives the visits. Leave the address empty if this kiosk works on its own.</source>
        <translation>中心服务器保存卡片名单并接收就诊记录。如果本机独立运行，请将地址留空。</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>中心服务器地址</translation>
    </message>
    <message>
        <source>Device token (issued for this kiosk by the hub administrator)</source>
        <translation>设备令牌（由中心服务器管理员为本机签发）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Test the hub</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>正在连接中心服务器…</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>The kiosk cannot compare this ID card with your health-insurance card.</source>
        <extracomment>"I have no ID card with me". "Try again" after a code that was not a CCCD or did not match. "Start again" / "Finish": back to the welcome screen.</extracomment>
        <translation>本机无法将此身份证与您的医保卡进行核对。</translation>
    </message>
    <message>
        <source>The name on the ID card is not the name on the health-insurance card.</source>
        <translation>身份证上的姓名与医保卡上的不一致。</translation>
    </message>
    <message>
        <source>The date of birth on the ID card is not the one on the health-insurance card.</source>
        <translation>身份证上的出生日期与医保卡上的不一致。</translation>
    </message>
    <message>
        <source>The ID card number is not the one on the health-insurance card.</source>
        <translation>身份证号码与医保卡上的不一致。</translation>
    </message>
    <message>
        <source>I have no ID card with me</source>
        <translation>我没有带身份证</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Please go to the reception desk</source>
        <translation>请到前台</translation>
    </message>
    <message>
        <source>You need an ID document to use your health-insurance card.</source>
        <translation>使用医保卡需要出示身份证件。</translation>
    </message>
    <message>
        <source>Please bring your health-insurance card and an ID document to reception. The staff will help you.</source>
        <translation>请携带医保卡和身份证件到前台，工作人员会帮助您。</translation>
    </message>
    <message>
        <source>One more step: show your ID card</source>
        <translation>还有一步：出示身份证</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an ID document. Please hold the QR code of your chip citizen ID card (or of the VNeID app) in front of the camera.</source>
        <translation>医保卡须与身份证件一同出示。请将芯片身份证（或 VNeID 应用）上的二维码对准摄像头。</translation>
    </message>
    <message>
        <source>Checking your ID card…</source>
        <translation>正在核对身份证…</translation>
    </message>
    <message>
        <source>That was not the QR code of a chip ID card. Please show the code on the back of your citizen ID card.</source>
        <translation>这不是芯片身份证的二维码。请出示身份证背面的二维码。</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in 1 second.</source>
        <translation>为保护您的隐私，屏幕将在 1 秒后清空。</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in {n} seconds.</source>
        <translation>为保护您的隐私，屏幕将在 {n} 秒后清空。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>KeypadScreen</name>
    <message>
        <source>Type your health-insurance card number or citizen ID number</source>
        <extracomment>"No card? Reception ticket": a number for the reception desk without any card.</extracomment>
        <translation>请输入医保卡号或公民身份证号</translation>
    </message>
    <message>
        <source>Card number: 2 letters and 13 characters, as printed on the card. Citizen ID: 12 digits.</source>
        <translation>医保卡号：2 个字母加 13 个字符，与卡上印的相同。身份证号：12 位数字。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>No card? Reception ticket</source>
        <translation>没有卡？领取接待处号票</translation>
    </message>
</context>
<context>
    <name>KioskError</name>
    <message>
        <source>The kiosk could not do this</source>
        <translation>自助机无法完成此操作</translation>
    </message>
    <message>
        <source>The installation is broken</source>
        <translation>安装已损坏</translation>
    </message>
    <message>
        <source>An unexpected error occurred</source>
        <translation>发生了意外错误</translation>
    </message>
    <message>
        <source>The database refused the request</source>
        <translation>数据库拒绝了该请求</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>数据库无法使用</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>The database is locked</source>
        <translation>数据库已被锁定</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>无法写入数据库</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>The disk reported an error</source>
        <translation>磁盘报告了错误</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The database belongs to a newer kiosk version</source>
        <translation>数据库属于更新版本的自助机软件</translation>
    </message>
    <message>
        <source>Unknown department</source>
        <translation>未知科室</translation>
    </message>
    <message>
        <source>The insurance gateway could not be used</source>
        <translation>无法使用医保网关</translation>
    </message>
    <message>
        <source>The insurance gateway does not answer</source>
        <translation>医保网关没有响应</translation>
    </message>
    <message>
        <source>The insurance gateway refused the facility's account</source>
        <translation>医保网关拒绝了本机构的账户</translation>
    </message>
    <message>
        <source>The insurance gateway refused the check-in file</source>
        <translation>医保网关拒绝了签到文件</translation>
    </message>
    <message>
        <source>The check-in file cannot be signed</source>
        <translation>无法为签到文件签名</translation>
    </message>
    <message>
        <source>The visit cannot be turned into a check-in file</source>
        <translation>无法根据此次就诊生成签到文件</translation>
    </message>
    <message>
        <source>Synchronisation with the hub failed</source>
        <translation>与中心服务器同步失败</translation>
    </message>
    <message>
        <source>The hub cannot be reached</source>
        <translation>无法连接中心服务器</translation>
    </message>
    <message>
        <source>The hub is busy</source>
        <translation>中心服务器繁忙</translation>
    </message>
    <message>
        <source>The hub reported a fault</source>
        <translation>中心服务器报告了故障</translation>
    </message>
    <message>
        <source>The hub refused the request</source>
        <translation>中心服务器拒绝了该请求</translation>
    </message>
    <message>
        <source>Another kiosk uses this device's token: register this kiosk as a new device</source>
        <translation>另一台自助机正在使用本设备的令牌：请将本机注册为新设备</translation>
    </message>
    <message>
        <source>The configuration file cannot be used</source>
        <translation>配置文件无法使用</translation>
    </message>
    <message>
        <source>This is not a usable card code</source>
        <translation>这不是可用的卡片代码</translation>
    </message>
    <message>
        <source>The card list cannot be read</source>
        <translation>无法读取卡片列表</translation>
    </message>
    <message>
        <source>The camera cannot be used</source>
        <translation>无法使用摄像头</translation>
    </message>
    <message>
        <source>The ticket cannot be printed</source>
        <translation>无法打印号票</translation>
    </message>
    <message>
        <source>A font for the ticket is missing</source>
        <translation>缺少打印号票所需的字体</translation>
    </message>
    <message>
        <source>The ticket cannot be printed as given</source>
        <translation>无法按给定内容打印号票</translation>
    </message>
    <message>
        <source>The printer setting cannot be understood</source>
        <translation>无法识别打印机设置</translation>
    </message>
    <message>
        <source>The printer gave an unreadable status</source>
        <translation>打印机返回了无法识别的状态</translation>
    </message>
    <message>
        <source>The ticket printer cannot be reached</source>
        <translation>无法连接号票打印机</translation>
    </message>
    <message>
        <source>This card already has a number for this department today</source>
        <translation>此卡今天已在该科室取号</translation>
    </message>
</context>
<context>
    <name>NotSetUpWindow</name>
    <message>
        <source>This kiosk is not set up yet</source>
        <translation>本自助机尚未设置</translation>
    </message>
    <message>
        <source>Patients: please check in at the reception desk.</source>
        <translation>患者：请到前台登记。</translation>
    </message>
    <message>
        <source>Staff: set it up now (facility, hub, departments, camera, scanner, printer), or run `kiosk setup` on this machine. The configuration file will be {path}. To try the kiosk with sample cards, start it with `kiosk run --demo`.</source>
        <translation>工作人员：请现在进行设置（机构、中心服务器、科室、摄像头、扫描器、打印机），或在本机运行 `kiosk setup`。配置文件将保存在 {path}。如需用示例卡试用，请运行 `kiosk run --demo`。</translation>
    </message>
    <message>
        <source>Set up this kiosk…</source>
        <translation>设置本自助机…</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Name</source>
        <extracomment>The most of the panel's height the footer takes before it scrolls (large text). Rows of the department list kept in view before the details start to scroll. Staff pressed "Register anyway" / "Cancel" on the confirmation question. Staff ticked / unticked "identity document checked". Staff ticked / unticked "self-pay" (a CCCD check-in without a known card). Staff chose the visit's circumstance (a :class:`Circumstance` value). The row of the gateway's kept data (area, five-year date, issuing office): shown only when the gateway answered with them.</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>医保卡号</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Registered facility</source>
        <translation>首诊登记机构</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>就诊途径</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>待遇</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <source>Ci&amp;rcumstance</source>
        <translation>就诊情形(&amp;R)</translation>
    </message>
    <message>
        <source>Came on their own</source>
        <translation>自行就诊</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>急诊</translation>
    </message>
    <message>
        <source>Referral paper</source>
        <translation>持转诊单</translation>
    </message>
    <message>
        <source>Re-examination appointment</source>
        <translation>持复诊预约单</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>登记 (Enter)</translation>
    </message>
    <message>
        <source>Reprint (F5)</source>
        <translation>重新打印 (F5)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>清除 (Esc)</translation>
    </message>
    <message>
        <source>Self-&amp;pay (not billed to BHYT)</source>
        <translation>自费（不走医保）(&amp;P)</translation>
    </message>
    <message>
        <source>Check the identity document first: tick the box below, then register.</source>
        <translation>请先核对身份证件：勾选下方方框，然后登记。</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>{room} 室</translation>
    </message>
    <message>
        <source>Scan a card or type a card number or citizen ID, then press Enter.</source>
        <translation>请扫码，或输入医保卡号或身份证号，然后按 Enter。</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>{percent}% by the card's benefit level (route not decided)</source>
        <translation>按卡的待遇等级 {percent}%（未确定就诊途径）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Gateway data</source>
        <translation>网关数据</translation>
    </message>
    <message>
        <source>Register &amp;anyway</source>
        <translation>仍然登记(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Identity checked</source>
        <translation>已核对身份(&amp;I)</translation>
    </message>
    <message>
        <source>A health-insurance card must be shown with an identity document: compare its name, date of birth and photo with the patient, then tick the box below.</source>
        <translation>医保卡须与身份证件一同出示：核对证件上的姓名、出生日期和照片与患者本人是否一致，然后勾选下方方框。</translation>
    </message>
    <message>
        <source>Register anyway?</source>
        <translation>仍然登记？</translation>
    </message>
    <message>
        <source>The card is not valid ({verdict}).</source>
        <translation>该卡无效（{verdict}）。</translation>
    </message>
    <message>
        <source>This card already has ticket {ticket} for this department today.</source>
        <translation>此卡今天已有本科室的号码 {ticket}。</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Staff only: enter the PIN</source>
        <extracomment>A new PIN was chosen: its hash, to be saved as ``ui.admin_pin_hash``.</extracomment>
        <translation>仅限工作人员：请输入 PIN 码</translation>
    </message>
    <message>
        <source>Choose a new admin PIN (4–12 digits)</source>
        <translation>请设置新的管理员 PIN（4–12 位数字）</translation>
    </message>
    <message>
        <source>Enter the new PIN again</source>
        <translation>请再次输入新 PIN</translation>
    </message>
    <message>
        <source>Wrong PIN. Attempts left before a one-minute lock: {left}</source>
        <translation>PIN 错误。锁定一分钟前剩余尝试次数：{left}</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>错误次数过多。请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits, and not 0000.</source>
        <translation>PIN 为 4 到 12 位数字，且不能是 0000。</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose a new PIN again.</source>
        <translation>两次输入的 PIN 不一致。请重新设置。</translation>
    </message>
    <message>
        <source>The factory PIN must be replaced before the admin panel opens.</source>
        <translation>必须先更改出厂 PIN，才能打开管理面板。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReceptionTicketScreen</name>
    <message>
        <source>Your number for reception</source>
        <translation>您的接待处排队号</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Please go to the reception desk and show this number; priority numbers are called first. The staff will help you.</source>
        <translation>请前往接待处出示此号码；优先号会先叫。工作人员会帮助您。</translation>
    </message>
    <message>
        <source>Please wait near the reception desk until your number is called. The staff will help you.</source>
        <translation>请在接待处附近等候叫号。工作人员会帮助您。</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>No ticket printer is configured.</source>
        <extracomment>Exit code of "Exit the kiosk" in the admin panel (a supervisor must not restart the app).</extracomment>
        <translation>未配置号票打印机。</translation>
    </message>
    <message>
        <source>Printing a test ticket…</source>
        <translation>正在打印测试号票…</translation>
    </message>
    <message>
        <source>Printer: {message}</source>
        <translation>打印机：{message}</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>测试页已打印。</translation>
    </message>
    <message>
        <source>No camera is configured.</source>
        <translation>未配置摄像头。</translation>
    </message>
    <message>
        <source>Camera: 1 frame decoded so far.</source>
        <translation>摄像头：已解码 1 帧。</translation>
    </message>
    <message>
        <source>Camera: {frames} frames decoded so far.</source>
        <translation>摄像头：已解码 {frames} 帧。</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>Camera works: a {width}×{height} picture arrived</source>
        <translation>摄像头正常：收到 {width}×{height} 图像</translation>
    </message>
    <message>
        <source>No camera chosen</source>
        <translation>未选择摄像头</translation>
    </message>
    <message>
        <source>Cannot open the camera</source>
        <translation>无法打开摄像头</translation>
    </message>
    <message>
        <source>The camera opened but sent no picture within {seconds} s</source>
        <translation>摄像头已打开，但 {seconds} 秒内没有图像</translation>
    </message>
    <message>
        <source>Scanner works: received "{preview}"</source>
        <translation>扫描器正常：收到“{preview}”</translation>
    </message>
    <message>
        <source>No serial scanner chosen</source>
        <translation>未选择串口扫描器</translation>
    </message>
    <message>
        <source>Cannot open the scanner port</source>
        <translation>无法打开扫描器端口</translation>
    </message>
    <message>
        <source>No scan arrived within {seconds} s</source>
        <translation>{seconds} 秒内没有收到扫码</translation>
    </message>
    <message>
        <source>Scanner test cancelled</source>
        <translation>扫描器测试已取消</translation>
    </message>
    <message>
        <source>Test ticket printed ({target})</source>
        <translation>测试票已打印（{target}）</translation>
    </message>
    <message>
        <source>The test ticket was not printed: {reason}</source>
        <translation>测试票未打印：{reason}</translation>
    </message>
    <message>
        <source>The printer setting is not usable</source>
        <translation>打印机设置无法使用</translation>
    </message>
    <message>
        <source>Hub reached; the token belongs to device "{device}" of facility {facility}</source>
        <translation>已连接中心服务器；令牌属于机构 {facility} 的设备“{device}”</translation>
    </message>
    <message>
        <source>No hub: this kiosk works offline</source>
        <translation>无中心服务器：本机离线工作</translation>
    </message>
    <message>
        <source>Cannot reach the hub</source>
        <translation>无法连接中心服务器</translation>
    </message>
    <message>
        <source>The hub's certificate is not trusted by this computer</source>
        <translation>本机不信任中心服务器的证书</translation>
    </message>
    <message>
        <source>The hub refused the device token (wrong or revoked)</source>
        <translation>中心服务器拒绝了设备令牌（错误或已撤销）</translation>
    </message>
    <message>
        <source>This address does not answer like a kiosk hub</source>
        <translation>此地址的响应不像自助机中心服务器</translation>
    </message>
    <message>
        <source>The token belongs to facility {facility}, not {expected}</source>
        <translation>令牌属于机构 {facility}，而不是 {expected}</translation>
    </message>
    <message>
        <source>The hub answered with an error</source>
        <translation>中心服务器返回错误</translation>
    </message>
    <message>
        <source>the printer is out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <source>the printer does not answer (switched off, wrong port or speed?)</source>
        <translation>打印机无响应（未开机、端口或速率错误？）</translation>
    </message>
    <message>
        <source>printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Enter the facility code (5 characters, e.g. 01999).</source>
        <translation>请输入医疗机构代码（5 位，例如 01999）。</translation>
    </message>
    <message>
        <source>A facility code is 2 digits (province) and 3 letters or digits, e.g. 01999.</source>
        <translation>机构代码为 2 位数字（省代码）加 3 位字母或数字，例如 01999。</translation>
    </message>
    <message>
        <source>The first 2 digits are not a province code.</source>
        <translation>前 2 位不是省代码。</translation>
    </message>
    <message>
        <source>The facility name must be one line of text.</source>
        <translation>机构名称只能是一行文字。</translation>
    </message>
    <message>
        <source>The hub address must start with http:// or https://.</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The hub address is incomplete, e.g. https://hub.benhvien.local:8443</source>
        <translation>服务器地址不完整，例如 https://hub.benhvien.local:8443</translation>
    </message>
    <message>
        <source>A hub needs the device token.</source>
        <translation>使用中心服务器需要设备令牌。</translation>
    </message>
    <message>
        <source>The token has no spaces; copy it exactly.</source>
        <translation>令牌中没有空格，请准确复制。</translation>
    </message>
    <message>
        <source>The departments file does not exist.</source>
        <translation>科室文件不存在。</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Kiosk setup</source>
        <translation>自助机设置</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Kiosk setup: {page}</source>
        <extracomment>"Restart me": the kiosk session (systemd unit, Shell Launcher) starts the app again with the new settings.</extracomment>
        <translation>自助机设置：{page}</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>第 {n} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Start the kiosk</source>
        <translation>启动自助机</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Stand-alone: no hub configured</source>
        <translation>独立运行：未配置中心服务器</translation>
    </message>
    <message>
        <source>DEMO: sample cards, not a real check-in</source>
        <translation>演示：示例卡，并非真实登记</translation>
    </message>
    <message>
        <source>Hub connected</source>
        <translation>已连接中心服务器</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>无法连接中心服务器：离线工作中</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>刚刚已同步</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>{n} 分钟前已同步</translation>
    </message>
    <message>
        <source>Synced {n} h ago</source>
        <translation>{n} 小时前已同步</translation>
    </message>
    <message>
        <source>Synced {n} days ago</source>
        <translation>{n} 天前已同步</translation>
    </message>
    <message>
        <source>Synced 1 day ago</source>
        <translation>1 天前已同步</translation>
    </message>
    <message>
        <source>Uploads waiting too long: {n}</source>
        <translation>等待上传过久：{n}</translation>
    </message>
    <message>
        <source>Waiting to upload: {n}</source>
        <translation>待上传：{n}</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>{device}: {state}</source>
        <translation>{device}：{state}</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>重新连接中</translation>
    </message>
    <message>
        <source>paper low</source>
        <translation>纸张将尽</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>医疗机构</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>串口扫描器</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>none (works offline)</source>
        <translation>无（离线工作）</translation>
    </message>
    <message>
        <source>keep the current departments</source>
        <translation>保留现有科室</translation>
    </message>
    <message>
        <source>import {count} from {file}</source>
        <translation>从 {file} 导入 {count} 个</translation>
    </message>
    <message>
        <source>a file in the data folder</source>
        <translation>数据文件夹中的文件</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Restart the kiosk to use the new settings.</source>
        <translation>重启自助机以使用新设置。</translation>
    </message>
    <message>
        <source>The kiosk starts with these settings.</source>
        <translation>自助机将以这些设置启动。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Check the settings, then press Save.</source>
        <translation>请检查设置，然后按“保存”。</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Synchronisation with the hub</source>
        <translation>与中心服务器同步</translation>
    </message>
    <message>
        <source>Sync now (F9)</source>
        <translation>立即同步 (F9)</translation>
    </message>
    <message>
        <source>No hub configured: visits stay on this computer.</source>
        <translation>未配置中心服务器：就诊记录保存在本机。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Hub reachable</source>
        <translation>中心服务器可访问</translation>
    </message>
    <message>
        <source>Hub not reachable: working offline</source>
        <translation>无法连接中心服务器：离线工作</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}. The oldest has waited longer than allowed.</source>
        <translation>待上传就诊：{n}。最早的一条已超过允许的等待时间。</translation>
    </message>
    <message>
        <source>Visits waiting for upload: {n}.</source>
        <translation>待上传就诊：{n}。</translation>
    </message>
    <message>
        <source>Every visit is uploaded.</source>
        <translation>所有就诊均已上传。</translation>
    </message>
    <message>
        <source>Last successful sync: {minutes} min ago</source>
        <translation>上次成功同步：{minutes} 分钟前</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>最近的错误：{error}</translation>
    </message>
    <message>
        <source>{n} visits set aside: the hub rejected them; they are not sent again.</source>
        <translation>{n} 条就诊记录被服务器拒绝，已单独存放，不会再次上传。</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Your health-insurance card is valid</source>
        <translation>您的医保卡有效</translation>
    </message>
    <message>
        <source>Your health-insurance card has expired</source>
        <translation>您的医保卡已过期</translation>
    </message>
    <message>
        <source>Your health-insurance card is not valid yet</source>
        <translation>您的医保卡尚未生效</translation>
    </message>
    <message>
        <source>This health-insurance card has been withdrawn</source>
        <translation>此医保卡已被收回</translation>
    </message>
    <message>
        <source>This health-insurance card has ended</source>
        <translation>此医保卡已停保</translation>
    </message>
    <message>
        <source>This card has been replaced by a new card</source>
        <translation>此卡已被新卡替换</translation>
    </message>
    <message>
        <source>The name does not match our records</source>
        <translation>姓名与记录不符</translation>
    </message>
    <message>
        <source>The date of birth does not match our records</source>
        <translation>出生日期与记录不符</translation>
    </message>
    <message>
        <source>We cannot confirm this card here yet</source>
        <translation>暂时无法在此确认此卡</translation>
    </message>
    <message>
        <source>This code could not be used</source>
        <translation>无法使用此二维码</translation>
    </message>
    <message>
        <source>Sorry, check-in is not possible right now</source>
        <translation>抱歉，目前无法办理签到</translation>
    </message>
    <message>
        <source>Please see reception. The staff will help you.</source>
        <translation>请到接待处，工作人员会为您提供帮助。</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits. You typed {count}.</source>
        <translation>请核对号码：卡号为 15 个字符，公民身份证号为 12 位数字。您输入了 {count} 位。</translation>
    </message>
    <message>
        <source>Please check the number: a card number has 15 characters, a citizen ID 12 digits.</source>
        <translation>请核对号码：医保卡号为 15 位字符，身份证号为 12 位数字。</translation>
    </message>
    <message>
        <source>This is not the QR code of a health-insurance card or a citizen ID. Please show the code from the VssID app or your chip ID card.</source>
        <translation>这不是医保卡或身份证的二维码。请出示 VssID 应用中的二维码或芯片身份证上的二维码。</translation>
    </message>
    <message>
        <source>The card's own dates are current; reception will confirm it later. You can take a queue number now.</source>
        <translation>根据卡上的日期，此卡在有效期内；接待处稍后会确认。您现在可以取号。</translation>
    </message>
    <message>
        <source>Please choose where you want to go.</source>
        <translation>请选择您要去的科室。</translation>
    </message>
    <message>
        <source>Please use your new card {card} or see reception.</source>
        <translation>请使用新卡 {card}，或到接待处咨询。</translation>
    </message>
    <message>
        <source>Already registered today: {tickets}</source>
        <translation>今天已登记：{tickets}</translation>
    </message>
    <message>
        <source>Not in the local card list: to be confirmed online.</source>
        <translation>不在本地卡片名单中：需在线确认。</translation>
    </message>
    <message>
        <source>Registered at another facility.</source>
        <translation>首诊登记在其他机构。</translation>
    </message>
    <message>
        <source>Coverage {percent}%</source>
        <translation>报销比例 {percent}%</translation>
    </message>
    <message>
        <source>New card: {card}</source>
        <translation>新卡：{card}</translation>
    </message>
    <message>
        <source>Confirmed online (gateway code {code}).</source>
        <translation>已在线确认（网关代码 {code}）。</translation>
    </message>
    <message>
        <source>Hub or gateway unreachable: provisional, re-checked later.</source>
        <translation>无法连接服务器或网关：暂定结果，稍后复核。</translation>
    </message>
    <message>
        <source>The gateway did not answer in time: provisional, re-checked later.</source>
        <translation>网关未及时响应：暂定结果，稍后复核。</translation>
    </message>
    <message>
        <source>No gateway on the hub: provisional.</source>
        <translation>服务器未配置网关：暂定结果。</translation>
    </message>
    <message>
        <source>Too many look-ups right now: provisional, re-checked later.</source>
        <translation>当前查询过多：暂定结果，稍后复核。</translation>
    </message>
    <message>
        <source>The gateway is still answering: provisional, re-checked later.</source>
        <translation>网关仍在处理：暂定结果，稍后复核。</translation>
    </message>
    <message>
        <source>The kiosk could not check or record this; the log has the details.</source>
        <translation>自助机无法核验或记录此项；详情见日志。</translation>
    </message>
    <message>
        <source>Gateway account problem: tell the administrator. Provisional.</source>
        <translation>医保网关账户有问题：请告知管理员。暂定结果。</translation>
    </message>
    <message>
        <source>The hub refused the look-up (device token?): provisional.</source>
        <translation>服务器拒绝查询（设备令牌？）：暂定结果。</translation>
    </message>
    <message>
        <source>Name or date of birth missing: cannot look the card up online.</source>
        <translation>缺少姓名或出生日期：无法在线查询该卡。</translation>
    </message>
    <message>
        <source>Move the phone closer to the camera</source>
        <translation>请把手机靠近摄像头</translation>
    </message>
    <message>
        <source>Tilt the phone a little or lower the screen brightness</source>
        <translation>请稍微倾斜手机，或调低屏幕亮度</translation>
    </message>
    <message>
        <source>Hold the phone still</source>
        <translation>请保持手机稳定</translation>
    </message>
    <message>
        <source>Turn up the screen brightness</source>
        <translation>请调高屏幕亮度</translation>
    </message>
    <message>
        <source>Hold the QR code inside the frame</source>
        <translation>请将二维码对准框内</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>正在打印您的号票…</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>请取走您的号票。</translation>
    </message>
    <message>
        <source>The ticket printer is out of paper. Please remember your number and tell reception.</source>
        <translation>号票打印机缺纸。请记住您的号码并告知接待处。</translation>
    </message>
    <message>
        <source>The ticket printer is not working. Please remember your number and tell reception.</source>
        <translation>号票打印机无法工作。请记住您的号码并告知接待处。</translation>
    </message>
    <message>
        <source>The ticket could not be printed. Please remember your number and tell reception.</source>
        <translation>号票未能打印。请记住您的号码并告知接待处。</translation>
    </message>
    <message>
        <source>Printing the ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <source>Ticket printed.</source>
        <translation>号票已打印。</translation>
    </message>
    <message>
        <source>Ticket printed; the printer's paper is running low.</source>
        <translation>号票已打印；打印机纸张即将用完。</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer is out of paper. Load paper, then reprint (F5).</source>
        <translation>未打印：号票打印机缺纸。请装纸后重新打印（F5）。</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer does not answer. Check its cable and power, then reprint (F5).</source>
        <translation>未打印：号票打印机无响应。请检查线缆和电源后重新打印（F5）。</translation>
    </message>
    <message>
        <source>Not printed: the ticket printer reported an error. Reprint (F5) or write the number down for the patient.</source>
        <translation>未打印：号票打印机报错。请重新打印（F5）或为患者写下号码。</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已收回</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已停保</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已换卡</translation>
    </message>
    <message>
        <source>name differs</source>
        <translation>姓名不符</translation>
    </message>
    <message>
        <source>birth date differs</source>
        <translation>出生日期不符</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Reception desk</source>
        <translation>接待处</translation>
    </message>
    <message>
        <source>Reception desk – priority</source>
        <translation>接待处 – 优先</translation>
    </message>
    <message>
        <source>Nobody is ahead of you.</source>
        <translation>您前面没有人。</translation>
    </message>
    <message>
        <source>1 person is ahead of you.</source>
        <translation>您前面有 1 人。</translation>
    </message>
    <message>
        <source>{count} people are ahead of you.</source>
        <translation>您前面有 {count} 人。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. This visit is covered as it would be there.</source>
        <translation>您的卡登记在其他医疗机构。本次就诊按在登记机构就诊的标准报销。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance covers this visit here.</source>
        <translation>您的卡登记在其他医疗机构。医保会支付您在这里的本次就诊。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays {percent}% of your card's benefit for this visit; reception can explain.</source>
        <translation>您的卡登记在其他医疗机构。本次就诊医保按您卡片待遇的 {percent}% 支付；接待处可以为您说明。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Health insurance pays for this visit only with a referral paper: please show it at reception, or ask reception about paying yourself.</source>
        <translation>您的卡登记在其他医疗机构。只有持转诊单，医保才支付本次就诊：请在接待处出示转诊单，或向接待处咨询自费就诊。</translation>
    </message>
    <message>
        <source>Your card is registered at another facility. Please see reception before your visit.</source>
        <translation>您的卡登记在其他医疗机构。就诊前请先到接待处。</translation>
    </message>
    <message>
        <source>We cannot tell yet where your card is registered. Reception will check it.</source>
        <translation>暂时无法确定您的卡登记在哪家医疗机构。接待处会为您核实。</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your queue number</source>
        <extracomment>"Print again" on the "you already have number X today" screen.</extracomment>
        <translation>您的排队号码</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Please go to room {room} and wait for your number.</source>
        <translation>请前往 {room} 室等候叫号。</translation>
    </message>
    <message>
        <source>Please wait for your number to be called.</source>
        <translation>请等候叫号。</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>再次打印</translation>
    </message>
    <message>
        <source>You already have number {ticket} today.</source>
        <translation>您今天已有号码 {ticket}。</translation>
    </message>
    <message>
        <source>No new number was issued. Press “Print again” if you need the ticket.</source>
        <translation>未发放新号码。如需号票，请按“再次打印”。</translation>
    </message>
</context>
<context>
    <name>TypedEntryPanel</name>
    <message>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Born:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>DD/MM/YYYY, MM/YYYY or YYYY</source>
        <translation>日/月/年、月/年 或 年（DD/MM/YYYY、MM/YYYY、YYYY）</translation>
    </message>
    <message>
        <source>Number only (no QR code, e.g. a child under 6): type the BHYT number or the 12-digit personal ID above, then the name and date of birth. Tick "12 digits = insurance number" when the 12 digits are the card's number rather than a citizen ID.</source>
        <extracomment>The 12 digits are the insurance number (personal ID used as the BHYT number), not a CCCD check-in.</extracomment>
        <translation>仅有号码（无二维码，如 6 岁以下儿童）：在上方输入医保卡号或 12 位个人识别号，再输入姓名和出生日期。如果这 12 位数字是医保卡号而不是身份证号，请勾选“12 位为医保号”。</translation>
    </message>
    <message>
        <source>12 digits = insurance &amp;number</source>
        <translation>12 位为医保号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Look up online</source>
        <translation>在线查询(&amp;L)</translation>
    </message>
    <message>
        <source>Enter the patient's full name.</source>
        <translation>请输入患者的全名。</translation>
    </message>
    <message>
        <source>Enter the date of birth as DD/MM/YYYY, MM/YYYY or YYYY.</source>
        <translation>请按 日/月/年、月/年 或 年 输入出生日期。</translation>
    </message>
    <message>
        <source>Type the card number or the 12-digit personal ID in the entry line first.</source>
        <translation>请先在输入栏中输入卡号或 12 位个人识别号。</translation>
    </message>
</context>
<context>
    <name>VerdictScreen</name>
    <message>
        <source>Continue</source>
        <extracomment>"Call staff / reception ticket": a number for the reception desk. The priority number (elderly, pregnant, children under 6, disability), where the facility runs it.</extracomment>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Call staff / reception ticket</source>
        <translation>呼叫工作人员 / 领取接待处号票</translation>
    </message>
    <message>
        <source>Priority ticket</source>
        <translation>领取优先号</translation>
    </message>
    <message>
        <source>Priority: people aged 75 or over, pregnant women, children under 6 and people with a disability.</source>
        <translation>优先：75 岁及以上老人、孕妇、6 岁以下儿童和残障人士。</translation>
    </message>
    <message>
        <source>Card: {number}</source>
        <translation>卡号：{number}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <source>{old} → {new} (re-checked)</source>
        <extracomment>Outbox states (``kiosk.db.visits``; a test keeps them equal) — not imported: the window is built before the database layer loads. Columns by name (the verdict's index is kept by tests and by staff habit).</extracomment>
        <translation>{old} → {new}（已复核）</translation>
    </message>
    <message>
        <source>{verdict}: needs staff</source>
        <translation>{verdict}：需要工作人员处理</translation>
    </message>
    <message>
        <source>ID ✓</source>
        <translation>证件 ✓</translation>
    </message>
    <message>
        <source>Identity document checked</source>
        <translation>已核对身份证件</translation>
    </message>
    <message>
        <source>self-pay</source>
        <translation>自费</translation>
    </message>
    <message>
        <source>Self-pay: not billed to BHYT</source>
        <translation>自费：不走医保</translation>
    </message>
    <message>
        <source>Today's visits</source>
        <translation>今日就诊</translation>
    </message>
    <message>
        <source>Search: ticket, name, card number, citizen ID</source>
        <translation>搜索：号码、姓名、卡号、身份证号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>查验结果</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待上传</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>上传中</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>{n} visits shown</source>
        <translation>显示 {n} 条就诊记录</translation>
    </message>
    <message>
        <source>Re-check seen</source>
        <translation>已查看复核结果</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Checking your card…</source>
        <translation>正在查验您的卡…</translation>
    </message>
    <message>
        <source>Welcome! Please check in with your health-insurance card.</source>
        <translation>欢迎！请使用医保卡办理签到。</translation>
    </message>
    <message>
        <source>1. Open the VssID app, or take your chip citizen ID card.</source>
        <translation>1. 打开 VssID 应用，或拿出芯片身份证。</translation>
    </message>
    <message>
        <source>2. Hold the QR code in front of the camera, about 15–20 cm away.</source>
        <translation>2. 将二维码对准摄像头，距离约 15–20 厘米。</translation>
    </message>
    <message>
        <source>Tip: turn the phone's screen brightness up and hold it still.</source>
        <translation>提示：调高手机屏幕亮度并保持手机稳定。</translation>
    </message>
    <message>
        <source>Need help? Please ask at reception.</source>
        <translation>需要帮助？请咨询接待处。</translation>
    </message>
    <message>
        <source>Type the number</source>
        <translation>输入号码</translation>
    </message>
</context>
</TS>