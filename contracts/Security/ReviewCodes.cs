namespace Aid.Contracts.Security;

public enum ReviewStatus { Open, Concluded, Withdrawn }

public enum ReviewTrack { Standard, Full }

public enum FindingSeverity { Low, Medium, High, Critical }
