package dtdma.devlink;

/** Runtime-PM status ({@code power.runtime_status}; INVALID only as {@code power.last_status}). */
public enum RpmStatus {
    ACTIVE, SUSPENDED, INVALID
}
