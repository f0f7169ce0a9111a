using Microsoft.Extensions.Configuration;

namespace PowerVerse.Infra.Tests.Settings;

/// <summary>A configuration of fixed values that records every key the code looks up, whether it is set or not.</summary>
internal sealed class RecordingConfiguration
{
    private readonly Provider _provider;

    public RecordingConfiguration(IReadOnlyDictionary<string, string> values)
    {
        _provider = new Provider(values);
        Root = new ConfigurationRoot([_provider]);
    }

    public IConfigurationRoot Root { get; }

    /// <summary>Every key looked up (<c>Section:Key</c>), set or not.</summary>
    public IReadOnlyCollection<string> Read => _provider.Read;

    public bool Has(string key) => _provider.TryGet(key, out _, record: false);

    private sealed class Provider : ConfigurationProvider
    {
        private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

        public Provider(IReadOnlyDictionary<string, string> values)
        {
            foreach (var (key, value) in values)
            {
                Data[key] = value;
            }
        }

        public IReadOnlyCollection<string> Read
        {
            get
            {
                lock (_read)
                {
                    return [.. _read];
                }
            }
        }

        public override bool TryGet(string key, out string? value) => TryGet(key, out value, record: true);

        public bool TryGet(string key, out string? value, bool record)
        {
            if (record)
            {
                lock (_read)
                {
                    _read.Add(key);
                }
            }

            return base.TryGet(key, out value);
        }
    }
}
