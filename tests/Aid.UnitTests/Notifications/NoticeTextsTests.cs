using Aid.Notifications.Mail;
using Aid.Notifications.Notices;
using Xunit;

namespace Aid.UnitTests.Notifications;

public sealed class NoticeTextsTests
{
    [Fact]
    public void Dates_read_the_way_each_language_writes_them()
    {
        var day = new DateOnly(2026, 12, 4);
        Assert.Equal("04/12/2026", NoticeTexts.Vi(day));
        Assert.Equal("4 Dec 2026", NoticeTexts.En(day));
    }

    [Fact]
    public void A_message_is_in_the_recipients_language_first_then_the_other_each_with_the_link()
    {
        var text = NoticeTexts.SupplementRequested(Guid.Parse("11111111-1111-1111-1111-111111111111"), "SNV-20261204-001",
            ["Budget"], "Sign it", new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 18));
        var english = Notifier.Compose(text, "en", "https://aid.example/");
        var vietnamese = Notifier.Compose(text, "vi", "https://aid.example");
        Assert.True(english.IndexOf("Items to supply", StringComparison.Ordinal) < english.IndexOf("Các mục cần bổ sung", StringComparison.Ordinal));
        Assert.True(vietnamese.IndexOf("Các mục cần bổ sung", StringComparison.Ordinal) < vietnamese.IndexOf("Items to supply", StringComparison.Ordinal));
        Assert.Contains("Please answer by 18 Dec 2026.", english);
        Assert.Contains("Hạn nộp bổ sung: 18/12/2026.", english);
        Assert.Equal(2, english.Split("https://aid.example/ngo/dossiers/11111111-1111-1111-1111-111111111111").Length - 1);
    }

    [Fact]
    public void The_message_id_is_fixed_by_the_delivery_so_a_resend_is_recognisable()
    {
        var one = EmailChannel.MessageIdOf("a~ngo:1/email/x@y.z");
        Assert.Equal(one, EmailChannel.MessageIdOf("a~ngo:1/email/x@y.z"));
        Assert.NotEqual(one, EmailChannel.MessageIdOf("a~ngo:1/email/w@y.z"));
        Assert.Matches("^[0-9a-f]{32}$", one);
        Assert.Equal(Delivery.KeyOf("n", "email", " X@Y.z "), Delivery.KeyOf("n", "email", "x@y.z"));
    }

    [Fact]
    public void An_audience_is_an_NGO_or_an_agency()
    {
        var ngo = Guid.NewGuid();
        Assert.Equal(ngo, Audience.Ngo(ngo).NgoId);
        Assert.Null(Audience.Ngo(ngo).AgencyCode);
        Assert.Equal("CAT", Audience.Agency("CAT").AgencyCode);
        Assert.Null(Audience.Agency("CAT").NgoId);
    }
}
