namespace Aid.Contracts.Desks;

/// <summary>
/// An apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả) as the stage's service records it: the due date it
/// replaces, the new one, the reason and the officer who signed it.
/// </summary>
public sealed record ApologySlip(
    DateOnly FormerDueDate, DateOnly NewDueDate, int ExtraWorkingDays, string Reason, string SignedBy, DateOnly IssuedOn,
    DateTimeOffset IssuedAt);
