package dtdma.dtc;

import dtdma.check.Code;
import dtdma.tree.Marker;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.tree.PropValue;

/**
 * dtc's checks of phandle + arguments lists ({@code clocks}, {@code dmas}, {@code resets}, ...): each entry is a
 * phandle cell written as a reference, whose target declares how many argument cells follow
 * ({@code #clock-cells}, ...). A phandle of 0 or -1 is an empty entry.
 */
public abstract class PhandleArgsCheck extends PropertyCheck {
    private final String cellsName;
    private final boolean optional;

    protected PhandleArgsCheck(String name, Code code, String property, String cellsName, boolean optional,
            String isCellCheck) {
        super(name, code, property, isCellCheck, "phandle_references");
        this.cellsName = cellsName;
        this.optional = optional;
    }

    @Override
    protected void check(DtcRun run, Node node, Property p) {
        checkArgs(run, node, p, cellsName, optional);
    }

    /** Checks one phandle + arguments list against the providers' {@code cellsName}. */
    public static void checkArgs(DtcRun run, Node node, Property prop, String cellsName, boolean optional) {
        PropValue v = prop.value();
        if (v.length() % 4 != 0) {
            run.fail(node, prop, "property size (" + v.length() + ") is invalid, expected multiple of 4");
            return;
        }
        int n = v.length() / 4;
        long cellsize = 0;
        for (long cell = 0; cell < n; cell += cellsize + 1) {
            long ph = v.cellAt((int) cell * 4);
            if (ph == 0 || ph == 0xffffffffL) {
                if (run.tree().plugin()) {
                    break; // an overlay's external references are resolved only when it is applied
                }
                cellsize = 0;
                continue;
            }
            if (!v.markers().isEmpty() && !isRef(v, (int) cell * 4)) {
                run.fail(node, prop, "cell " + cell + " is not a phandle reference");
            }
            Node provider = run.byPhandle(ph);
            if (provider == null) {
                run.fail(node, prop, "Could not get phandle node for (cell " + cell + ")");
                break;
            }
            Property cp = provider.property(cellsName);
            if (cp != null) {
                cellsize = (int) DtcRun.cell(cp); // dtc reads the count as a signed int
                if (cellsize < 0) {
                    break; // a nonsensical cell count: dtc's loop would not end
                }
            } else if (optional) {
                cellsize = 0;
            } else {
                run.failNodeAt(node, prop, "Missing property '" + cellsName + "' in node " + provider.path()
                        + " or bad phandle (referred from " + prop.name() + "[" + cell + "])",
                        DtcRun.at(provider, provider.path() + " has no " + cellsName));
                break;
            }
            if (v.length() < (cell + cellsize + 1) * 4) {
                run.fail(node, prop, "property size (" + v.length() + ") too small for cell size " + cellsize,
                        DtcRun.at(cp, cellsName + " of " + provider.path()));
            }
        }
    }

    private static boolean isRef(PropValue v, int offset) {
        for (Marker m : v.markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE && m.offset() == offset) {
                return true;
            }
        }
        return false;
    }
}
