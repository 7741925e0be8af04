# Windows recipe for the same one-folder bundle as tools/bundle.sh, from the same spec
# (packaging/treatment-console.spec). Not run in CI (no Windows runner): see the README.
#   py -3.11 -m venv .venv
#   .venv\Scripts\python -m pip install -c constraints.txt . pyinstaller
#   powershell -ExecutionPolicy Bypass -File packaging\windows\bundle.ps1
# Result: dist\treatment-console\treatment-console.exe (the app, no console window) and
# treatment-console-cli.exe (the headless commands, for a terminal or a scheduled task).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$py = if ($env:PYTHON) { $env:PYTHON } else { ".venv\Scripts\python.exe" }
& $py -m PyInstaller --version *> $null
if ($LASTEXITCODE -ne 0) { & $py -m pip install --quiet -c constraints.txt pyinstaller }
& $py -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller `
    packaging\treatment-console.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
# A quick look that the bundle runs on its own: the version of the schema on a fresh file.
$db = Join-Path $env:TEMP "treatment-console-bundle-check.sqlite3"
& dist\treatment-console\treatment-console-cli.exe demo --db $db --patients 5 | Out-Null
& dist\treatment-console\treatment-console-cli.exe check --db $db
Remove-Item "$db*" -ErrorAction SilentlyContinue
# A Start-menu shortcut for this user, with the bundle's icon.
$lnk = Join-Path ([Environment]::GetFolderPath("Programs")) "Treatment Room Console.lnk"
$exe = (Resolve-Path dist\treatment-console\treatment-console.exe).Path
$shell = New-Object -ComObject WScript.Shell
$shortcut = $shell.CreateShortcut($lnk)
$shortcut.TargetPath = $exe
$shortcut.WorkingDirectory = Split-Path $exe
$shortcut.IconLocation = "$exe,0"
$shortcut.Save()
Write-Host "bundle: dist\treatment-console (shortcut: $lnk)"
