namespace Aid.Domain.Rules;

/// <summary>
/// A command refused by a business rule (answered 409 when the dossier's state forbids it, 422 when the request
/// itself breaks a rule). Thrown by the pure Decide functions; nothing has been written when it is thrown.
/// </summary>
public class RuleViolation(string code, Bilingual message, int status = 409) : Exception(message.En)
{
    public string Code { get; } = code;
    public Bilingual Text { get; } = message;
    public int Status { get; } = status;
    /// <summary>More for the reader, as problem extensions (for example the list of what is missing, in words).</summary>
    public IReadOnlyDictionary<string, object>? Details { get; init; }
}

/// <summary>Malformed input: each field with the rule it breaks (answered 400).</summary>
public sealed class InputRejected(IReadOnlyDictionary<string, Bilingual[]> errors)
    : Exception("The request has invalid fields: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, Bilingual[]> Errors { get; } = errors;
}

/// <summary>
/// Nothing there, or nothing this caller may see (answered 404 either way, so ids cannot be probed). Hidden: the
/// record exists but belongs to another NGO; the refusal is recorded as a probe.
/// </summary>
public sealed class NotFound(string what, bool hidden = false) : Exception($"{what} was not found.")
{
    public string What { get; } = what;
    public bool Hidden { get; } = hidden;
}
