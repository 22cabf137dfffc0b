using System.Security.Cryptography;
using System.Text.Json;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.PersonalData;

/// <summary>
/// Personal data inside an event, encrypted with its person's own key (Decree 13/2023/NĐ-CP). Events are never
/// edited: erasing the person deletes the key, so every copy of the data (events, snapshots, backups once they
/// expire) becomes unreadable while the events, their seals and the audit chain stay as they were.
/// </summary>
public sealed record SealedPersonalData(Guid PersonId, string Cipher);

/// <summary>A person's key. Deleted by <see cref="ErasePerson"/>; never re-created for an erased person.</summary>
public sealed class PersonalDataKey
{
    public Guid Id { get; set; }
    public byte[] Key { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public static class PersonalDataVault
{
    private const int NonceSize = 12, TagSize = 16;

    /// <summary>
    /// Encrypts with AES-GCM under the person's key (created on first use). The nonce is derived from the key and
    /// the plaintext, so the same data of the same person seals to the same text and a decision can compare
    /// sealed values; it only ever reveals that two values of one person are equal.
    /// </summary>
    public static async Task<SealedPersonalData> SealAsync<T>(
        this IDocumentSession session, Guid personId, T value, TimeProvider time, CancellationToken ct)
    {
        var key = await session.LoadAsync<PersonalDataKey>(personId, ct);
        if (key is null)
        {
            if (await session.Events.FetchStreamStateAsync(personId, ct) is not null)
                throw new RuleViolation("person-erased", new Bilingual(
                    "Dữ liệu cá nhân của người này đã bị xoá; không thể lưu lại cho cùng người đó.",
                    "This person's personal data was erased; none may be stored for them again."));
            key = new PersonalDataKey { Id = personId, Key = RandomNumberGenerator.GetBytes(32), CreatedAt = time.GetUtcNow() };
            session.Insert(key);
        }
        var plain = JsonSerializer.SerializeToUtf8Bytes(value);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        HMACSHA256.HashData(key.Key, plain).AsSpan(0, NonceSize).CopyTo(nonce);
        using var aes = new AesGcm(key.Key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), personId.ToByteArray());
        return new SealedPersonalData(personId, Convert.ToBase64String(sealedBytes));
    }

    /// <summary>The data of each person still known; an erased person is absent from the answer.</summary>
    public static async Task<IReadOnlyDictionary<Guid, T>> OpenAsync<T>(
        this IQuerySession session, IEnumerable<SealedPersonalData> items, CancellationToken ct)
    {
        var all = items.ToList();
        var keys = (await session.LoadManyAsync<PersonalDataKey>(ct, all.Select(i => i.PersonId).Distinct().ToArray()))
            .ToDictionary(k => k.Id);
        var opened = new Dictionary<Guid, T>();
        foreach (var item in all)
            if (keys.TryGetValue(item.PersonId, out var key))
                opened[item.PersonId] = Open<T>(item, key.Key);
        return opened;
    }

    public static async Task<T?> OpenAsync<T>(this IQuerySession session, SealedPersonalData item, CancellationToken ct) where T : class =>
        (await session.OpenAsync<T>([item], ct)).GetValueOrDefault(item.PersonId);

    private static T Open<T>(SealedPersonalData item, byte[] key)
    {
        var bytes = Convert.FromBase64String(item.Cipher);
        var plain = new byte[bytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, plain.Length), bytes.AsSpan(NonceSize + plain.Length), plain,
            item.PersonId.ToByteArray());
        return JsonSerializer.Deserialize<T>(plain)!;
    }
}
