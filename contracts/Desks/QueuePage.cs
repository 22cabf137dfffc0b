namespace Aid.Contracts.Desks;

/// <summary>One page of a work queue: the lines on it, how many match in all, which page and its size.</summary>
public sealed record QueuePage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>How a work queue is sorted: by due date (soonest first), receipt code or NGO name.</summary>
public enum QueueSort { Due, Receipt, Ngo }
