; Clinic Kiosk - Windows installer (NSIS 3, Modern UI 2).
;
; Packages the PyInstaller one-folder bundle of the kiosk (installer/kiosk.spec, built ON WINDOWS:
; dist\kiosk\kiosk.exe + dist\kiosk\_internal\) into one setup .exe:
;
;   makensis -INPUTCHARSET UTF8 /DBUNDLE_DIR=dist\kiosk /DVERSION=0.1.0 installer\windows\kiosk.nsi
;
; Defines: BUNDLE_DIR (required: the folder holding kiosk.exe), VERSION (required), VI_VERSION (x.x.x.x
; for the file's version resource; default 0.0.0.0), OUTFILE (default ClinicKiosk-VERSION-setup.exe),
; NO_COMPRESS (store the payload uncompressed: CI inspects the compiled strings).
; On Linux CI, installer/windows/build_nsis.sh compiles it against a placeholder bundle.
;
; What it does (docs/deployment-windows.md has the operator's view):
; * per-machine install to $PROGRAMFILES64\ClinicKiosk (admin rights, 64-bit Windows 10 1809+);
; * data and configuration in %ProgramData%\ClinicKiosk, announced to the app through the machine
;   environment variables KIOSK_DATA_DIR and KIOSK_CONFIG (kiosk/config.py honours both); the data
;   folder is never inside the install folder, so upgrades and uninstalls do not touch it;
; * Start-menu shortcuts (kiosk, reception desk, hub, setup, data folder), Add/Remove Programs entry;
; * upgrade: finds the previous install in the registry, runs its uninstaller silently (which keeps
;   the data), then installs the new files;
; * uninstall keeps %ProgramData%\ClinicKiosk unless "Remove data" is ticked or, silently, /REMOVEDATA;
; * silent: setup.exe /S [/D=dir] [/HUBFIREWALL]; uninstall.exe /S [/REMOVEDATA].

Unicode true
!ifdef TARGET_AMD64
  ; A 64-bit installer (used by the wine check in CI; the default x86 stub can tell 32-bit Windows "no").
  Target amd64-unicode
!endif
ManifestDPIAware true
!ifdef NO_COMPRESS
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!ifndef BUNDLE_DIR
  !error "BUNDLE_DIR is not defined: pass /DBUNDLE_DIR=<folder with kiosk.exe> (the PyInstaller dist\kiosk folder)"
!endif
!ifndef VERSION
  !error "VERSION is not defined: pass /DVERSION=x.y.z"
!endif
!if ! /FileExists "${BUNDLE_DIR}/kiosk.exe"
  !error "BUNDLE_DIR=${BUNDLE_DIR} has no kiosk.exe: build the Windows bundle first (pyinstaller installer\kiosk.spec)"
!endif
!ifndef VI_VERSION
  !define VI_VERSION "0.0.0.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "ClinicKiosk-${VERSION}-setup.exe"
!endif

!define APP_NAME "Clinic Kiosk"
!define APP_ID "ClinicKiosk"
!define PUBLISHER "Clinic Kiosk project"
!define EXE "kiosk.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
!define HUB_PORT 8765
!define FIREWALL_RULE "Clinic Kiosk hub (TCP ${HUB_PORT})"
; Qt 6 needs Windows 10 1809 (build 17763) or later.
!define MIN_BUILD 17763
; Error levels of a silent run (besides NSIS's own 1 = cancelled, 2 = aborted by script).
!define ERR_UNSUPPORTED 3
!define ERR_RUNNING 4

!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh
!include WinVer.nsh
!include FileFunc.nsh
!include WinMessages.nsh

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_ID}"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VI_VERSION}"
VIFileVersion "${VI_VERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

Var PrevDir      ; install folder of a previous version ("" if none)
Var DataDir      ; %ProgramData%\ClinicKiosk

; ---------------------------------------------------------------- pages
; Remember the installer's language for the uninstaller (in our own Add/Remove Programs key).
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_SHOWREADME ""
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED
!define MUI_FINISHPAGE_SHOWREADME_TEXT "$(FinishOpenData)"
!define MUI_FINISHPAGE_SHOWREADME_FUNCTION OpenDataFolder
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default (also for a silent run).
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_RESERVEFILE_LANGDLL
!include "strings.nsh" ; found next to this script (makensis runs in the script's folder)

; ---------------------------------------------------------------- helpers
!macro CheckNotRunning
  ; A running kiosk.exe cannot be opened for writing: ask to close it (Retry) or give up.
  ${Do}
    ${IfNot} ${FileExists} "$INSTDIR\${EXE}"
      ${Break}
    ${EndIf}
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" /SD IDCANCEL IDCANCEL`
      SetErrorLevel ${ERR_RUNNING}
      Quit
    ${EndIf}
  ${Loop}
!macroend

Function OpenDataFolder
  ExecShell "open" "$DataDir"
FunctionEnd

; ---------------------------------------------------------------- install sections
Section "!$(SecApp)" SEC_APP
  SectionIn RO
  !insertmacro CheckNotRunning

  ; Upgrade: the previous version's uninstaller removes its files and keeps the data (no /REMOVEDATA).
  ${If} $PrevDir != ""
  ${AndIf} ${FileExists} "$PrevDir\uninstall.exe"
    DetailPrint "$(MsgUpgrading) $PrevDir"
    ExecWait '"$PrevDir\uninstall.exe" /S _?=$PrevDir' $0
    ${If} $0 != 0
      DetailPrint "$(MsgOldUninstallFailed) $0"
    ${EndIf}
    Delete "$PrevDir\uninstall.exe"
    RMDir "$PrevDir"
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}/*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Data folder outside the install folder; the kiosk runs as a standard user (auto-logon account), so
  ; BUILTIN\Users (S-1-5-32-545, language-independent) may modify it.
  CreateDirectory "$DataDir"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$DataDir" /grant *S-1-5-32-545:(OI)(CI)M /T /Q'
  Pop $0
  ${If} $0 != 0
    DetailPrint "$(MsgAclFailed) $0"
  ${EndIf}

  ; Where the app keeps its database, tickets and configuration (read by kiosk/config.py).
  WriteRegExpandStr HKLM "${ENV_KEY}" "KIOSK_DATA_DIR" "$DataDir"
  WriteRegExpandStr HKLM "${ENV_KEY}" "KIOSK_CONFIG" "$DataDir\config.toml"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000

  ; Add/Remove Programs.
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegStr HKLM "${UNINST_KEY}" "DataFolder" "$DataDir"
  WriteRegStr HKLM "${UNINST_KEY}" "${MUI_LANGDLL_REGISTRY_VALUENAME}" $LANGUAGE ; also for /S (MUI saves it on a page)
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecShortcuts)" SEC_SHORTCUTS
  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(LnkKiosk).lnk" "$INSTDIR\${EXE}" "run --mode self" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(LnkDesk).lnk" "$INSTDIR\${EXE}" "run --mode desk" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(LnkHub).lnk" "$INSTDIR\${EXE}" "hub serve --host 0.0.0.0 --port ${HUB_PORT}" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(LnkSetup).lnk" "$INSTDIR\${EXE}" "setup" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(LnkData).lnk" "$DataDir"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(LnkUninstall).lnk" "$INSTDIR\uninstall.exe"
SectionEnd

; Only on the machine that runs the hub: kiosks on the LAN connect to TCP ${HUB_PORT}.
Section /o "$(SecFirewall)" SEC_FIREWALL
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${FIREWALL_RULE}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${FIREWALL_RULE}" dir=in action=allow protocol=TCP localport=${HUB_PORT} profile=domain,private'
  Pop $0
  ${If} $0 != 0
    DetailPrint "$(MsgFirewallFailed) $0"
  ${EndIf}
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_APP} "$(DescApp)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_SHORTCUTS} "$(DescShortcuts)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_FIREWALL} "$(DescFirewall)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  SetShellVarContext all
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeed64)" /SD IDOK
    SetErrorLevel ${ERR_UNSUPPORTED}
    Quit
  ${EndIf}
  ${IfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeedWin10)" /SD IDOK
    SetErrorLevel ${ERR_UNSUPPORTED}
    Quit
  ${EndIf}
  SetRegView 64
  StrCpy $DataDir "$APPDATA\${APP_ID}"

  ; A previous install: upgrade it in place unless /D= chose another folder.
  ReadRegStr $PrevDir HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $PrevDir != ""
  ${AndIf} "$INSTDIR" == "$PROGRAMFILES64\${APP_ID}"
    StrCpy $INSTDIR $PrevDir
  ${EndIf}

  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/HUBFIREWALL" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SEC_FIREWALL}
  ${EndIf}

  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; ---------------------------------------------------------------- uninstaller
Section "un.$(SecApp)" SEC_UN_APP
  SectionIn RO
  !insertmacro CheckNotRunning
  ; Only what the installer put there: never RMDir /r a folder the user chose.
  Delete "$INSTDIR\${EXE}"
  RMDir /r "$INSTDIR\_internal"
  ; The uninstaller runs from a copy in %TEMP%; the original may still be closing (or scanned): retry.
  ${For} $1 1 40
    Delete "$INSTDIR\uninstall.exe"
    ${IfNot} ${FileExists} "$INSTDIR\uninstall.exe"
      ${Break}
    ${EndIf}
    Sleep 250
  ${Next}
  Delete /REBOOTOK "$INSTDIR\uninstall.exe"
  RMDir /REBOOTOK "$INSTDIR"

  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${FIREWALL_RULE}"'
  Pop $0

  DeleteRegValue HKLM "${ENV_KEY}" "KIOSK_DATA_DIR"
  DeleteRegValue HKLM "${ENV_KEY}" "KIOSK_CONFIG"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

; KEEP-DATA: unticked by default; ticked on the components page or by /REMOVEDATA on the command line.
Section /o "un.$(SecRemoveData)" SEC_UN_DATA
  DetailPrint "$(MsgRemovingData) $DataDir"
  RMDir /r "$DataDir"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_UN_APP} "$(DescUnApp)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_UN_DATA} "$(DescRemoveData)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  ; The data folder the installer recorded (falls back to the default).
  ReadRegStr $DataDir HKLM "${UNINST_KEY}" "DataFolder"
  ${If} $DataDir == ""
    StrCpy $DataDir "$APPDATA\${APP_ID}"
  ${EndIf}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SEC_UN_DATA}
  ${EndIf}
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
