using Aid.Contracts.Security;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.Problems;

/// <summary>The one request validator every service uses: which inputs it refuses, under which field, and what it returns.</summary>
public sealed class InputCheckTests
{
    private static IReadOnlyCollection<string> Refused(Action<InputCheck> checks)
    {
        var check = new InputCheck();
        checks(check);
        return check.HasErrors ? Assert.Throws<InputRejected>(check.ThrowIfInvalid).Errors.Keys.ToList() : [];
    }

    [Fact]
    public void Errors_of_every_field_come_together_bilingual_and_nothing_is_thrown_when_all_hold()
    {
        var check = new InputCheck();
        check.Line("title", null);
        check.Fail("title", "Sai.", "Wrong.");
        check.Rule(false, "year", "Năm sai.", "Wrong year.");
        check.Rule(true, "never", "x", "x");
        var rejected = Assert.Throws<InputRejected>(check.ThrowIfInvalid);
        Assert.Equal(["title", "year"], rejected.Errors.Keys.Order());
        Assert.Equal(2, rejected.Errors["title"].Length);
        Assert.All(rejected.Errors.Values.SelectMany(m => m), m => Assert.False(string.IsNullOrWhiteSpace(m.Vi) || string.IsNullOrWhiteSpace(m.En)));
        Assert.False(check.IsValid("year"));
        Assert.True(check.IsValid("never"));

        var fine = new InputCheck();
        Assert.Equal("ok", fine.Line("title", "ok"));
        fine.ThrowIfInvalid();
        Assert.Equal("x", InputCheck.Validated(c => c.Line("note", " x ")));
    }

    [Theory]
    [InlineData("Hilfswerk \u202Eredli")]
    [InlineData("\u202Bname")]
    [InlineData("a\u2066b\u2069")]
    public void Text_direction_controls_are_refused_in_every_text(string text) =>
        Assert.Equal(["name"], Refused(c => c.Line("name", text)));

    [Theory]
    [InlineData("..\\..\\a.pdf", "a.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\anna\\Budget.xlsx", "Budget.xlsx")]
    [InlineData(".hidden.pdf", "hidden.pdf")]
    [InlineData("..", "document")]
    [InlineData("Văn kiện dự án.pdf", "Văn kiện dự án.pdf")]
    public void Upload_names_are_reduced_to_their_base_name(string sent, string kept) =>
        Assert.Equal(kept, InputCheck.SafeFileName(sent));

    [Fact]
    public void Texts_come_back_trimmed_and_a_missing_optional_text_is_empty()
    {
        var check = new InputCheck();
        Assert.Equal("Tên dự án", check.Line("title", "  Tên dự án \t"));
        Assert.Equal("", check.Line("acronym", null, required: false));
        Assert.Equal("", check.Paragraphs("note", "   ", required: false));
        Assert.Null(InputCheck.Optional(""));
        Assert.Equal("a", InputCheck.Optional("a"));
        Assert.False(check.HasErrors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_required_text_that_is_missing_or_blank_is_refused(string? value)
    {
        Assert.Equal(["title"], Refused(c => c.Line("title", value)));
        Assert.Equal(["text"], Refused(c => c.Paragraphs("text", value)));
    }

    [Fact]
    public void A_text_longer_than_its_limit_is_refused_counting_without_surrounding_blanks()
    {
        Assert.Equal(["title"], Refused(c => c.Line("title", new string('x', InputCheck.LineLength + 1))));
        Assert.Empty(Refused(c => c.Line("title", new string('x', InputCheck.LineLength))));
        Assert.Empty(Refused(c => c.Line("title", "  " + new string('x', 10) + "  ", 10)));
        Assert.Equal(["text"], Refused(c => c.Paragraphs("text", new string('x', InputCheck.TextLength + 1))));
        Assert.Equal(["number"], Refused(c => c.Line("number", new string('9', 101), 100)));
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\tb")]
    [InlineData("a\u0000b")]
    [InlineData("bell\u0007")]
    [InlineData("esc\u001b[31m")]
    [InlineData("del\u007f")]
    public void A_one_line_text_refuses_every_control_character(string value) =>
        Assert.Equal(["note"], Refused(c => c.Line("note", value)));

    [Fact]
    public void A_free_text_allows_line_breaks_and_tabs_only()
    {
        Assert.Empty(Refused(c => c.Paragraphs("text", "First line\r\nSecond\tline\nThird")));
        Assert.Equal(["text"], Refused(c => c.Paragraphs("text", "a\u0000b")));
        Assert.Equal(["text"], Refused(c => c.Paragraphs("text", "bell\u0007 in a paragraph")));
        Assert.Equal(["text"], Refused(c => c.Paragraphs("text", "form\u000cfeed")));
    }

    [Theory]
    [InlineData("x\ud800y")]
    [InlineData("\udc00")]
    [InlineData("tail\ud83d")]
    [InlineData("swapped\ude00\ud83d")]
    [InlineData("damaged \ufffd text")]
    public void Malformed_unicode_is_refused(string value)
    {
        Assert.Equal(["note"], Refused(c => c.Line("note", value)));
        Assert.Equal(["text"], Refused(c => c.Paragraphs("text", value)));
    }

    [Fact]
    public void Well_formed_unicode_beyond_the_basic_plane_is_accepted() =>
        Assert.Empty(Refused(c => c.Paragraphs("text", "Tiếng Việt, 漢字, emoji 😀 and 𝄞")));

    [Fact]
    public void Dates_stay_from_2000_to_2100()
    {
        Assert.Empty(Refused(c => c.Date("day", new DateOnly(2000, 1, 1))));
        Assert.Empty(Refused(c => c.Date("day", new DateOnly(2100, 12, 31))));
        Assert.Equal(["day"], Refused(c => c.Date("day", new DateOnly(1999, 12, 31))));
        Assert.Equal(["day"], Refused(c => c.Date("day", new DateOnly(2101, 1, 1))));
        Assert.Equal(["day"], Refused(c => c.Date("day", (DateOnly?)null)));
        Assert.Empty(Refused(c => Assert.Null(c.Date("day", (DateOnly?)null, required: false))));
    }

    [Fact]
    public void A_date_may_be_bounded_by_today()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Empty(Refused(c => c.Date("opinionDate", today, notAfter: today)));
        Assert.Equal(["opinionDate"], Refused(c => c.Date("opinionDate", today.AddDays(1), notAfter: today)));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("01/01/2026")]
    [InlineData("2026-1-1")]
    [InlineData("2026-01-01' OR 1=1")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public void A_written_date_must_be_yyyy_MM_dd_in_range(string value) =>
        Assert.Equal(["from"], Refused(c => c.Date("from", value)));

    [Fact]
    public void A_written_date_is_parsed_and_a_missing_one_is_refused_only_when_required()
    {
        var check = new InputCheck();
        Assert.Equal(new DateOnly(2026, 2, 28), check.Date("from", "2026-02-28"));
        Assert.Null(check.Date("to", "", required: false));
        Assert.Null(check.Date("to", (string?)null, required: false));
        Assert.False(check.HasErrors);
        Assert.Equal(["to"], Refused(c => c.Date("to", (string?)null)));
    }

    [Fact]
    public void An_enum_is_one_of_its_names_in_any_case()
    {
        var check = new InputCheck();
        Assert.Equal(SecurityVerdict.ClearedWithConditions, check.OneOf<SecurityVerdict>("verdict", "ClearedWithConditions"));
        Assert.Equal(SecurityVerdict.Objection, check.OneOf<SecurityVerdict>("verdict", "objection"));
        Assert.Null(check.OneOf<SecurityVerdict>("optional", null, required: false));
        Assert.False(check.HasErrors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("Maybe")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("99")]
    [InlineData("Clear")]
    [InlineData("Cleared,Objection")]
    [InlineData(" Cleared")]
    public void Anything_but_an_enum_name_is_refused(string? value) =>
        Assert.Equal(["verdict"], Refused(c => c.OneOf<SecurityVerdict>("verdict", value)));

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000000000000000")]
    [InlineData("1e16")]
    public void An_amount_is_more_than_zero_and_less_than_ten_to_the_fifteen(string? value) =>
        Assert.Equal(["amount"], Refused(c => c.Amount("amount", value is null ? null : decimal.Parse(value, System.Globalization.NumberStyles.Float))));

    [Fact]
    public void An_amount_just_inside_the_bounds_is_accepted_and_zero_only_where_allowed()
    {
        Assert.Empty(Refused(c => Assert.Equal(0.01m, c.Amount("amount", 0.01m))));
        Assert.Empty(Refused(c => c.Amount("amount", 999_999_999_999_999.99m)));
        Assert.Empty(Refused(c => c.Amount("counterpart", 0m, allowZero: true)));
        Assert.Equal(["counterpart"], Refused(c => c.Amount("counterpart", -1m, allowZero: true)));
    }

    [Fact]
    public void A_currency_is_an_upper_case_iso_code_of_the_list()
    {
        Assert.Empty(Refused(c => Assert.Equal("USD", c.Currency("currency", " USD "))));
        foreach (var code in InputCheck.Currencies)
            Assert.Empty(Refused(c => c.Currency("currency", code)));
        Assert.Contains("VND", InputCheck.Currencies);
        foreach (var wrong in new[] { null, "", "usd", "XYZ", "XBT", "US", "usd'; DROP TABLE x;--" })
            Assert.Equal(["currency"], Refused(c => c.Currency("currency", wrong)));
    }

    [Fact]
    public void A_required_value_must_be_present()
    {
        Assert.Equal(["sizeBytes"], Refused(c => Assert.Equal(0, c.Required<int>("sizeBytes", null))));
        Assert.Empty(Refused(c => Assert.Equal(5, c.Required<int>("sizeBytes", 5))));
    }

    [Fact]
    public void A_list_names_each_bad_item_by_its_index_and_returns_trimmed_items_without_repeats()
    {
        var check = new InputCheck();
        Assert.Equal(["Health", "Education"], check.Lines("fields", [" Health ", "Education", "Health"]));
        Assert.False(check.HasErrors);
        Assert.Equal(["fields[1]", "fields[2]"], Refused(c => c.Lines("fields", ["ok", " ", "a\u0000b"])).Order());
        Assert.Equal(["fields[0]"], Refused(c => c.Lines("fields", ["x\ud800"])));
        Assert.Equal(["fields[0]"], Refused(c => c.Lines("fields", [new string('x', 11)], max: 10)));
    }

    [Fact]
    public void A_list_is_required_unless_said_otherwise_and_has_at_most_its_item_count()
    {
        Assert.Equal(["team"], Refused(c => c.Lines("team", null)));
        Assert.Equal(["team"], Refused(c => c.Lines("team", [])));
        Assert.Empty(Refused(c => Assert.Empty(c.Lines("conditions", null, required: false))));
        Assert.Equal(["officers"], Refused(c => c.Lines("officers", Enumerable.Range(0, 11).Select(i => (string?)$"u{i}").ToList(), 10)));
        Assert.Empty(Refused(c => c.Lines("officers", Enumerable.Range(0, 10).Select(i => (string?)$"u{i}").ToList(), 10)));
    }

    [Fact]
    public void A_list_of_unique_items_refuses_a_repeat_ignoring_case_and_blanks_around()
    {
        Assert.Equal(["departments"], Refused(c => c.Lines("departments", ["Sở Y tế", " sở y tế "], unique: true)));
        Assert.Empty(Refused(c => c.Lines("departments", ["Sở Y tế", "Sở Tài chính"], unique: true)));
    }
}
