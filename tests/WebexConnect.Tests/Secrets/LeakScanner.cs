using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Secrets
{
    /// <summary>
    /// Gathers every text a user could see or find (results, diagnostics, errors, session views, sandbox
    /// records, files) and checks that no credential appears in any of them. A failure names the secret's
    /// kind and where it appeared, never the secret itself.
    /// </summary>
    internal sealed class LeakScanner
    {
        private readonly List<(string Where, string Text)> _texts = new List<(string, string)>();
        private readonly List<(string Kind, string Value)> _secrets = new List<(string, string)>();

        public int TextCount => _texts.Count;

        /// <summary>A service key: the value itself.</summary>
        public LeakScanner SecretKey(string kind, string key) => Secret(kind, key);

        /// <summary>A Base64 service secret: as given, its decoded bytes as text and as hex (as someone might print them).</summary>
        public LeakScanner SecretBase64(string kind, string base64)
        {
            var bytes = Convert.FromBase64String(base64);
            Secret(kind + " (Base64)", base64);
            Secret(kind + " (Base64url)", base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            Secret(kind + " (decoded text)", Encoding.UTF8.GetString(bytes));
            Secret(kind + " (hex)", Convert.ToHexString(bytes));
            return this;
        }

        /// <summary>A JWT seen on the wire: the whole token and its signature part.</summary>
        public LeakScanner SecretJwt(string kind, string token)
        {
            Secret(kind, token);
            var parts = token.Split('.');
            Assert.Equal(3, parts.Length);
            Secret(kind + " signature", parts[2]);
            return this;
        }

        private LeakScanner Secret(string kind, string value)
        {
            // A short value would match by chance; every secret this suite uses is long.
            Assert.True(value.Length >= 16, kind + " is too short to scan for meaningfully.");
            _secrets.Add((kind, value));
            return this;
        }

        public void Text(string where, string? text)
        {
            if (!string.IsNullOrEmpty(text)) _texts.Add((where, text!));
        }

        /// <summary>ToString and every public property of an object, one level deep (collections expanded).</summary>
        public void Object(string where, object? value)
        {
            if (value is null) return;
            Text(where + ".ToString()", value.ToString());
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0) continue;
                var v = property.GetValue(value);
                if (v is string s) Text(where + "." + property.Name, s);
                else if (v is IEnumerable items && v is not string)
                {
                    foreach (var item in items) Text(where + "." + property.Name + "[]", item?.ToString());
                }
                else Text(where + "." + property.Name, v?.ToString());
            }
        }

        public void Exception(string where, Exception? error)
        {
            for (var e = error; e is not null; e = e.InnerException)
            {
                Text(where + " " + e.GetType().Name + ".Message", e.Message);
                Text(where + " " + e.GetType().Name + ".ToString()", e.ToString());
                if (e is SessionFailureException failure)
                {
                    Text(where + " ErrorId", failure.ErrorId);
                    Text(where + " Code", failure.Code);
                }

                foreach (DictionaryEntry entry in e.Data) Text(where + " Data", entry.Key + "=" + entry.Value);
            }
        }

        public void Diagnostics(string where, IEnumerable<DiagnosticEntry> entries)
        {
            foreach (var entry in entries) Text(where + " " + entry.Level, entry.ToString());
        }

        public void File(string where, string path)
        {
            Text(where, System.IO.File.ReadAllText(path));
            // A secret could hide in another encoding than the file's own.
            Text(where + " (bytes as Latin-1)", Encoding.Latin1.GetString(System.IO.File.ReadAllBytes(path)));
        }

        /// <summary>Fails naming each secret kind and each place it appeared.</summary>
        public void AssertNoSecretAppears()
        {
            Assert.NotEmpty(_secrets);
            Assert.NotEmpty(_texts);
            var leaks = (from secret in _secrets
                         from text in _texts
                         where text.Text.IndexOf(secret.Value, StringComparison.Ordinal) >= 0
                         select secret.Kind + " in " + text.Where).Distinct().ToList();
            Assert.True(leaks.Count == 0, "Credentials leaked:" + Environment.NewLine + string.Join(Environment.NewLine, leaks));
        }
    }
}
