using System.Security.Cryptography;
using System.Text;

namespace Aid.Registration.Dossiers;

/// <summary>The second secret printed on the receipt for the public status lookup. Only its hash is stored.</summary>
public static class LookupSecret
{
    // No 0/O, 1/I/L: the secret is read off paper.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, 8));

    public static string Hash(Guid dossierId, string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{dossierId:N}:{secret.Trim().ToUpperInvariant()}")));

    public static bool Matches(Dossier dossier, string secret) =>
        dossier.LookupSecretHash.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(dossier.Id, secret)), Encoding.ASCII.GetBytes(dossier.LookupSecretHash));
}
