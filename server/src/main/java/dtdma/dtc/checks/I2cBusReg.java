package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code i2c_bus_reg}: a child of an I2C bus with {@code reg} has the first cell as unit address (hex), and
 * every address fits 7 bits; I2C_OWN_SLAVE_ADDRESS (bit 30) is ignored. dtc 1.6.1 also reports a valid 10-bit
 * address (I2C_TEN_BIT_ADDRESS, bit 31) as "must be less than 7-bits", and so does this check.
 */
public final class I2cBusReg extends DtcCheck {
    private static final long TEN_BIT = 1L << 31;
    private static final long OWN_SLAVE = 1L << 30;

    public I2cBusReg() {
        super("i2c_bus_reg", Code.DC024, true, "reg_format", "i2c_bus_bridge");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.I2C) {
            return;
        }
        Property p = node.property("reg");
        if (p == null) {
            return;
        }
        if (p.value().length() < 4) {
            run.fail(node, "missing or empty reg property", DtcRun.at(p, "reg"));
            return;
        }
        String want = Long.toHexString(p.value().cellAt(0) & ~OWN_SLAVE);
        if (!DtcRun.unitName(node).equals(want)) {
            run.fail(node, "I2C bus unit address format error, expected \"" + want + "\"", DtcRun.at(p, "reg"));
        }
        for (int off = 0; off + 4 <= p.value().length(); off += 4) {
            long reg = p.value().cellAt(off) & ~OWN_SLAVE;
            if ((reg & TEN_BIT) != 0 && (reg & ~TEN_BIT) > 0x3ff) {
                run.fail(node, p, "I2C address must be less than 10-bits, got \"0x" + Long.toHexString(reg) + "\"");
            } else if (reg > 0x7f) {
                run.fail(node, p, "I2C address must be less than 7-bits, got \"0x" + Long.toHexString(reg)
                        + "\". Set I2C_TEN_BIT_ADDRESS for 10 bit addresses or fix the property");
            }
        }
    }
}
