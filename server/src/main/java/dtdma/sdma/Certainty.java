package dtdma.sdma;

/**
 * How well a fact of the SDMA model is established, in the terms of the domain document:
 * VERIFIED (a cited source shows it), DERIVED (follows from the cited code), UNVERIFIED (no source
 * confirms it; the UI must present it as uncertain), HEURISTIC (a deliberate approximation of the model,
 * e.g. devicetree order standing in for probe order).
 */
public enum Certainty {
    VERIFIED, DERIVED, UNVERIFIED, HEURISTIC;

    /** True for facts the UI must show as uncertain. */
    public boolean uncertain() {
        return this == UNVERIFIED || this == HEURISTIC;
    }
}
