using Aid.Notifications.Notices;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Notifications.Inbox;

public sealed record InboxItem(
    string Id, NoticeKind Kind, Guid? DossierId, string SubjectVi, string BodyVi, string SubjectEn, string BodyEn, string Link,
    DateTimeOffset CreatedAt, bool Read);

public sealed record InboxPage(int Unread, IReadOnlyList<InboxItem> Items);

public sealed record UnreadCount(int Unread);

public sealed record PreferencesView(IReadOnlyList<KindPreference> Kinds);

public sealed record KindPreference(NoticeKind Kind, bool Email);

public sealed record PreferencesRequest(IReadOnlyList<KindPreference>? Kinds);

/// <summary>
/// The signed-in user's inbox: NGO staff read their NGO's notifications, officers their agency's; each user marks
/// what they opened as read. Preferences: an officer's own; NGO staff set their NGO's (its contacts' e-mail).
/// </summary>
public static class InboxEndpoints
{
    public static Audience AudienceOf(Actor actor) =>
        actor.NgoId is { } ngo ? Audience.Ngo(ngo) : Audience.Agency(actor.Agency);

    public static string PreferencesKeyOf(Actor actor) =>
        actor.NgoId is { } ngo ? PreferencesOf.Ngo(ngo) : PreferencesOf.User(actor.UserId);

    public static WebApplication MapInbox(this WebApplication app)
    {
        var own = app.MapGroup("").RequireAuthorization(InboxAccess.Own);
        own.MapGet("/inbox", async (HttpContext http, IQuerySession session, int? take, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var audience = AudienceOf(actor).Key;
            var items = await session.Query<Notification>().Where(n => n.Audience == audience)
                .OrderByDescending(n => n.CreatedAt).Take(Math.Clamp(take ?? 50, 1, 200)).ToListAsync(ct);
            return new InboxPage(await UnreadAsync(session, actor, ct), items.Select(n => View(n, actor)).ToList());
        });
        own.MapGet("/inbox/unread", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
            new UnreadCount(await UnreadAsync(session, Actor.From(http.User), ct)));
        own.MapGet("/inbox/{id}", async (string id, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var item = await session.LoadAsync<Notification>(id, ct);
            return item is null || item.Audience != AudienceOf(actor).Key ? throw new NotFound("notification") : View(item, actor);
        });
        own.MapPost("/inbox/{id}/read", async (string id, HttpContext http, IDocumentSession session, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var item = await session.LoadAsync<Notification>(id, ct);
            if (item is null || item.Audience != AudienceOf(actor).Key)
                throw new NotFound("notification");
            if (!item.ReadBy.Contains(actor.UserId))
            {
                item.ReadBy.Add(actor.UserId);
                session.Store(item);
                await session.SaveChangesAsync(ct);
            }
            return new UnreadCount(await UnreadAsync(session, actor, ct));
        });
        own.MapGet("/notifications/preferences", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
            View(await session.LoadAsync<Preferences>(PreferencesKeyOf(Actor.From(http.User)), ct)));
        own.MapPut("/notifications/preferences", async (PreferencesRequest request, HttpContext http, IDocumentSession session, CancellationToken ct) =>
        {
            var key = PreferencesKeyOf(Actor.From(http.User));
            var preferences = await session.LoadAsync<Preferences>(key, ct) ?? new Preferences { Id = key };
            foreach (var choice in request.Kinds ?? [])
            {
                preferences.EmailOff.Remove(choice.Kind);
                if (!choice.Email)
                    preferences.EmailOff.Add(choice.Kind);
            }
            session.Store(preferences);
            await session.SaveChangesAsync(ct);
            return View(preferences);
        });
        return app;
    }

    private static async Task<int> UnreadAsync(IQuerySession session, Actor actor, CancellationToken ct)
    {
        var audience = AudienceOf(actor).Key;
        var user = actor.UserId;
        return await session.Query<Notification>().CountAsync(n => n.Audience == audience && !n.ReadBy.Contains(user), ct);
    }

    private static InboxItem View(Notification n, Actor actor) =>
        new(n.Id, n.Kind, n.DossierId, n.SubjectVi, n.BodyVi, n.SubjectEn, n.BodyEn, n.Link, n.CreatedAt, n.ReadBy.Contains(actor.UserId));

    private static PreferencesView View(Preferences? preferences) =>
        new(Enum.GetValues<NoticeKind>().Select(k => new KindPreference(k, preferences?.EmailOff.Contains(k) != true)).ToList());
}
