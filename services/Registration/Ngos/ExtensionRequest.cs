namespace Aid.Registration.Ngos;

public enum ExtensionRequestStatus { Open, Granted, Declined }

/// <summary>
/// The NGO's latest request to extend its certificate: open until Sở Ngoại vụ extends the certificate (granted) or
/// declines it with a reason; then it stays as the last outcome until the NGO asks again.
/// </summary>
public sealed record ExtensionRequest(
    Guid Id, DateOnly CurrentExpiryDate, DateOnly RequestedExpiryDate, string Reason, DateTimeOffset RequestedAt)
{
    public ExtensionRequestStatus Status { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateOnly? GrantedExpiryDate { get; init; }
    public string? DeclineReason { get; init; }
}
