using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Infrastructure;

/// <summary>An officer's action on the dossier page (/work/{id}): its button leads to a check step, then Confirm records it.</summary>
public static class DeskActions
{
    /// <summary>The check step of the action, once its button was pressed (what will be recorded, each field with its label).</summary>
    public static ILocator CheckStep(ILocator action) => action.Locator(".check-step");

    /// <summary>Presses the action's button and confirms what its check step shows.</summary>
    public static async Task SubmitAsync(ILocator action, string title)
    {
        await action.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
        await ConfirmAsync(action);
    }

    public static async Task ConfirmAsync(ILocator action)
    {
        var confirm = CheckStep(action).Locator("button.confirm");
        await Expect(confirm).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await confirm.ClickAsync();
    }
}
