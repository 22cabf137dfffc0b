using Aid.Domain.Rules;

namespace Aid.Registration.Ngos;

public static class NgoRules
{
    public static void EnsureNotRevoked(Ngo ngo)
    {
        if (ngo.Standing == NgoStanding.Revoked)
            throw new RuleViolation("ngo-revoked", new Bilingual(
                "Tổ chức đã bị thu hồi giấy đăng ký; không thể thay đổi.",
                "The NGO's registration was revoked; it cannot be changed."));
    }

    public static string Reason(string? reason)
    {
        var check = new InputCheck();
        var text = check.Paragraphs("reason", reason);
        check.ThrowIfInvalid();
        return text;
    }
}
