namespace Aid.Registration.Ngos;

public sealed record NgoChanged(Guid NgoId, long Version);
