namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>
/// Key Vault for the hook, at the one edge nobody can run here (STYLE: fakes only there): an <c>az</c> on PATH that
/// serves <c>az keyvault secret show</c> and <c>set</c> from a folder, one file per secret, and records every command
/// line it was given.
/// </summary>
internal sealed class FakeKeyVault : IDisposable
{
    private const string Script = """
        #!/bin/sh
        # az keyvault secret show|set --vault-name V --name N [--file F] ... : secrets are files in $FAKE_VAULT.
        echo "$*" >> "$FAKE_VAULT/calls.log"
        action="$3"; name=""; file=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --name) name="$2"; shift ;;
            --file) file="$2"; shift ;;
          esac
          shift
        done
        case "$action" in
          show)
            if [ -f "$FAKE_VAULT/$name" ]; then cat "$FAKE_VAULT/$name"; echo; exit 0; fi
            echo "ERROR: (SecretNotFound) A secret with (name/id) $name was not found in this key vault." >&2; exit 3 ;;
          set) cp "$file" "$FAKE_VAULT/$name"; exit 0 ;;
        esac
        echo "fake az: unsupported: $*" >&2; exit 2
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("pv-vault-").FullName;

    public FakeKeyVault()
    {
        Directory.CreateDirectory(Secrets);
        Directory.CreateDirectory(Bin);
        var az = Path.Combine(Bin, "az");
        File.WriteAllText(az, Script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The folder holding the fake <c>az</c>: put it first on PATH.</summary>
    public string Bin => Path.Combine(_root, "bin");

    /// <summary>The folder holding the secrets (set FAKE_VAULT to it).</summary>
    public string Secrets => Path.Combine(_root, "secrets");

    /// <summary>Every command line the hook ran az with.</summary>
    public string Calls => File.Exists(Path.Combine(Secrets, "calls.log")) ? File.ReadAllText(Path.Combine(Secrets, "calls.log")) : string.Empty;

    public string? Secret(string name) => File.Exists(Path.Combine(Secrets, name)) ? File.ReadAllText(Path.Combine(Secrets, name)).Trim() : null;

    public void Store(string name, string value) => File.WriteAllText(Path.Combine(Secrets, name), value);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
