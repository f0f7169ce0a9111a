namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>
/// Key Vault for the hook, at the one edge nobody can run here (STYLE: fakes only there): an <c>az</c> on PATH that
/// serves <c>az keyvault secret show</c> and <c>set</c> from a folder per vault, one file per secret, records every
/// command line it was given, and can refuse calls as a vault does while a role assignment propagates.
/// </summary>
internal sealed class FakeKeyVault : IDisposable
{
    private const string Script = """
        #!/bin/sh
        # az keyvault secret show|set --vault-name V --name N [--file F] ... : secrets are files in $FAKE_VAULT/V.
        # While $FAKE_VAULT/forbid holds a number above 0, a call is refused as Key Vault refuses one before a new role
        # assignment has propagated (ForbiddenByRbac), and the number goes down by one.
        echo "$*" >> "$FAKE_VAULT/calls.log"
        if [ -f "$FAKE_VAULT/forbid" ] && [ "$(cat "$FAKE_VAULT/forbid")" -gt 0 ]; then
          echo $(( $(cat "$FAKE_VAULT/forbid") - 1 )) > "$FAKE_VAULT/forbid"
          echo "ERROR: (Forbidden) Caller is not authorized to perform action on resource." >&2
          echo "Inner error: {\"code\":\"ForbiddenByRbac\"}" >&2
          exit 1
        fi
        action="$3"; vault=""; name=""; file=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --vault-name) vault="$2"; shift ;;
            --name) name="$2"; shift ;;
            --file) file="$2"; shift ;;
          esac
          shift
        done
        case "$action" in
          show)
            if [ -f "$FAKE_VAULT/$vault/$name" ]; then cat "$FAKE_VAULT/$vault/$name"; echo; exit 0; fi
            echo "ERROR: (SecretNotFound) A secret with (name/id) $name was not found in this key vault." >&2; exit 3 ;;
          set) mkdir -p "$FAKE_VAULT/$vault"; cp "$file" "$FAKE_VAULT/$vault/$name"; exit 0 ;;
        esac
        echo "fake az: unsupported: $*" >&2; exit 2
        """;

    /// <summary>The app's vault, as the tests name it in AZURE_KEY_VAULT_NAME.</summary>
    public const string AppVault = "kv-test";

    /// <summary>The operators' vault, as the tests name it in AZURE_OPS_KEY_VAULT_NAME.</summary>
    public const string OpsVault = "kv-ops-test";

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

    public string? Secret(string name, string vault = AppVault) =>
        File.Exists(Path.Combine(Secrets, vault, name)) ? File.ReadAllText(Path.Combine(Secrets, vault, name)).Trim() : null;

    public void Store(string name, string value, string vault = AppVault)
    {
        Directory.CreateDirectory(Path.Combine(Secrets, vault));
        File.WriteAllText(Path.Combine(Secrets, vault, name), value);
    }

    /// <summary>Refuse the next <paramref name="calls"/> az calls with ForbiddenByRbac (a role not yet propagated).</summary>
    public void Forbid(int calls) => File.WriteAllText(Path.Combine(Secrets, "forbid"), calls.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
