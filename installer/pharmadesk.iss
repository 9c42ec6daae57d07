; Inno Setup script: the Windows installer for PharmaDesk (Inno Setup 6.3 or newer, Unicode).
;
; 1. Build the one-folder bundle on Windows:  bash scripts/build_bundle.sh   (gives dist\PharmaDesk\)
; 2. Compile:                                  iscc installer\pharmadesk.iss
;    or, with another version:                 iscc /DAppVersion=0.2.0 installer\pharmadesk.iss
; The setup program lands in dist\installer\PharmaDesk-<version>-setup.exe.
;
; THE STORE DATA IS NEVER TOUCHED. The program keeps the encrypted store, its key file, backups'
; hints and logs in the user's data folder (platformdirs: %LOCALAPPDATA%\PharmaDesk), never in the
; installation folder. This installer writes only to {app} and the shortcuts, and the uninstaller
; removes only what the installer wrote: there is deliberately NO [UninstallDelete] and no code that
; deletes %LOCALAPPDATA%\PharmaDesk. Reinstalling or upgrading opens the same store again.
; (tests/test_installer_files.py checks this, and that the source folder matches the PyInstaller spec.)

; The version: keep in step with pharmadesk/__init__.py (__version__); the test checks it.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "PharmaDesk"
#define AppExeName "PharmaDesk.exe"
#define AppPublisher "PharmaDesk"
; The folder PyInstaller writes (installer/pharmadesk.spec: COLLECT name="PharmaDesk").
#define BundleDir SourcePath + "..\dist\PharmaDesk"

[Setup]
; AppId identifies the program for upgrades and the uninstaller: never change it.
AppId={{E4D7FA8A-3BAA-4226-ACA0-563660DF225B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\PharmaDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installed for all users by default (the till PC); the dialog lets a user without admin rights
; install for themselves only ({autopf} then is %LOCALAPPDATA%\Programs).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourcePath}..\dist\installer
OutputBaseFilename=PharmaDesk-{#AppVersion}-setup
SetupIconFile={#SourcePath}..\resources\icons\pharmadesk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running PharmaDesk before replacing its files (Restart Manager).
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese (Simplified): ChineseSimplified.isl is an unofficial translation in some Inno Setup 6
; releases and then is not in the Languages folder. Get it from https://jrsoftware.org/files/istrans/
; (Chinese Simplified) and copy it to Inno Setup's Languages folder; the compiler stops with this
; hint rather than quietly building an English-only installer.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #error Languages\ChineseSimplified.isl is missing from Inno Setup: download it from https://jrsoftware.org/files/istrans/ (see the comment above)
#endif

[CustomMessages]
english.DataKept=PharmaDesk has been removed. Your store (members, sales, stock), its key file and the logs are kept in %1 and are opened again if you reinstall PharmaDesk. Backups in your backup folder are kept too. To remove the store for good, delete that folder yourself, after making sure you have a backup you no longer need.
chinesesimplified.DataKept=PharmaDesk 已卸载。您的店铺数据（会员、销售、库存）、密钥文件和日志仍保留在 %1，重新安装 PharmaDesk 后会再次打开。备份文件夹中的备份也会保留。如需彻底删除店铺数据，请在确认不再需要备份后自行删除该文件夹。
english.LaunchProgram=Start PharmaDesk now
chinesesimplified.LaunchProgram=立即启动 PharmaDesk

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: PharmaDesk.exe and _internal\ (Python, Qt, SQLCipher, resources).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; IconFilename: "{app}\_internal\pharmadesk\resources\icons\pharmadesk.ico"; Comment: "PharmaDesk"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; IconFilename: "{app}\_internal\pharmadesk\resources\icons\pharmadesk.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section, on purpose: see the top of this file.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { Tell the user where the store stays; nothing here deletes it. }
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\PharmaDesk')]),
           mbInformation, MB_OK);
end;
