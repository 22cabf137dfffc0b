using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Aid.Portal.Components.Shared;

/// <summary>
/// A page that shows changes without reloading: once interactive (its server circuit is connected) it asks the
/// services again every Portal:RefreshSeconds and re-renders; the circuit pushes the new HTML to the browser.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource stop = new();

    [Inject] private IOptions<PortalOptions> Options { get; set; } = null!;

    protected DateTimeOffset? RefreshedAt { get; private set; }

    protected double RefreshSeconds => Math.Max(0.5, Options.Value.RefreshSeconds);

    /// <summary>Loads (again) what the page shows.</summary>
    protected abstract Task RefreshAsync();

    protected override async Task OnParametersSetAsync()
    {
        await RefreshAsync();
        RefreshedAt = DateTimeOffset.UtcNow;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
            _ = PollAsync();
    }

    private async Task PollAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(RefreshSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
                await InvokeAsync(async () =>
                {
                    if (Paused) return;
                    await RefreshAsync();
                    RefreshedAt = DateTimeOffset.UtcNow;
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // the page was left
        }
    }

    /// <summary>True while the user is in the middle of an action (a half-filled form must not be re-rendered away).</summary>
    protected virtual bool Paused => false;

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
