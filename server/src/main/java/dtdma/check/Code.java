package dtdma.check;

/**
 * The catalogue of stable diagnostic codes. Each code has a default severity and a short title;
 * its page in {@code docs/diagnostics.md} explains it and cites the dtc or kernel source.
 * Codes are never renumbered or reused.
 */
public enum Code {
    // Syntax (dtc's language)
    DTS001(Severity.ERROR, "syntax error"),
    DTS002(Severity.WARNING, "property after subnode (dtc rejects this)"),
    DTS003(Severity.ERROR, "invalid literal"),
    DTS004(Severity.ERROR, "missing /dts-v1/ header"),
    DTS005(Severity.ERROR, "undefined identifier in a value"),

    // Preprocessor
    PP001(Severity.ERROR, "include file not found"),
    PP002(Severity.ERROR, "include cycle"),
    PP003(Severity.ERROR, "wrong number of macro arguments"),
    PP004(Severity.ERROR, "unbalanced conditional directive"),
    PP005(Severity.ERROR, "#error directive"),
    PP006(Severity.WARNING, "#warning directive"),
    PP007(Severity.ERROR, "preprocessor limit exceeded"),
    PP008(Severity.ERROR, "not a regular file"),
    PP009(Severity.ERROR, "malformed directive or expression"),
    PP010(Severity.WARNING, "macro redefined differently"),
    PP011(Severity.ERROR, "division by zero in #if"),
    PP012(Severity.ERROR, "unterminated comment or argument list"),

    // Merged tree
    TR001(Severity.ERROR, "unresolved label reference"),
    TR002(Severity.ERROR, "unresolved path reference"),
    TR003(Severity.ERROR, "duplicate label"),
    TR004(Severity.WARNING, "deleting something that does not exist"),
    TR005(Severity.ERROR, "division by zero in a cell expression"),
    TR006(Severity.ERROR, "value out of range for its cell size"),
    TR007(Severity.ERROR, "duplicate node name"),
    TR008(Severity.ERROR, "duplicate property name"),
    TR009(Severity.ERROR, "invalid character in node name"),
    TR010(Severity.ERROR, "invalid character in property name"),
    TR011(Severity.ERROR, "bad node name format"),
    TR012(Severity.ERROR, "invalid or conflicting phandle"),
    TR013(Severity.ERROR, "reference to a node in a size other than 32 bits"),
    TR014(Severity.ERROR, "binary include failed"),
    TR015(Severity.ERROR, "header flags do not match"),
    TR016(Severity.ERROR, "bad name property"),
    TR017(Severity.ERROR, "invalid /bits/ size"),
    TR018(Severity.ERROR, "no root node"),

    // Generic DMA binding
    DT001(Severity.ERROR, "dma-names without dmas"),
    DT002(Severity.ERROR, "dmas without dma-names"),
    DT003(Severity.ERROR, "dma-names count differs from dmas specifiers"),
    DT004(Severity.WARNING, "duplicate dma-names"),
    DT005(Severity.ERROR, "DMA phandle does not resolve"),
    DT006(Severity.ERROR, "DMA target has no #dma-cells"),
    DT007(Severity.ERROR, "DMA specifier cell count mismatch"),
    DT008(Severity.WARNING, "DMA controller disabled or without driver"),
    DT009(Severity.INFO, "requested DMA name not in dma-names"),

    // i.MX SDMA
    SD001(Severity.ERROR, "SDMA specifier must have 3 cells"),
    SD002(Severity.ERROR, "SDMA event out of range"),
    SD003(Severity.ERROR, "unsupported SDMA peripheral type"),
    SD004(Severity.ERROR, "no SDMA script for this type and direction"),
    SD005(Severity.WARNING, "SDMA script needs RAM firmware"),
    SD005B(Severity.WARNING, "SDMA script needs firmware v3 fields"),
    SD006(Severity.INFO, "SDMA priority treated as low"),
    SD007(Severity.WARNING, "SDMA channel budget exceeded"),
    SD008(Severity.WARNING, "SDMA event shared by two consumers"),
    SD009(Severity.ERROR, "malformed fsl,sdma-event-remap"),
    SD010(Severity.WARNING, "fsl,sdma-event-remap without gpr"),
    SD011(Severity.WARNING, "SDMA node without fsl,sdma-ram-script-name"),
    SD012(Severity.WARNING, "SDMA compatible not in the binding"),
    SD013(Severity.WARNING, "generic DMA property on an SDMA node"),

    // Device links and runtime PM (simulated dmaengine device-link modes)
    DL001(Severity.ERROR, "device link flags invalid (unknown bit or DL_FLAG_MANAGED)"),
    DL002(Severity.ERROR, "DL_FLAG_STATELESS combined with a managed-link flag"),
    DL003(Severity.ERROR, "DL_FLAG_AUTOPROBE_CONSUMER combined with an AUTOREMOVE flag"),
    DL004(Severity.INFO, "both AUTOREMOVE flags: AUTOREMOVE_CONSUMER dropped"),
    DL005(Severity.ERROR, "RPM_ACTIVE link to a supplier with runtime PM disabled"),
    DL006(Severity.INFO, "DL_FLAG_RPM_ACTIVE without DL_FLAG_PM_RUNTIME is ignored"),
    DL007(Severity.ERROR, "device link would form a cycle"),
    DL008(Severity.ERROR, "DL_FLAG_SYNC_STATE_ONLY misuse"),
    DL009(Severity.WARNING, "managed link to a supplier that never gets a driver"),
    DL010(Severity.INFO, "existing link: requested flags not applied"),
    DL011(Severity.WARNING, "stateless link gives no probe/remove ordering"),
    DL012(Severity.WARNING, "runtime-PM link on an irq-safe consumer is ignored"),
    DL013(Severity.INFO, "runtime-PM link to a supplier with runtime PM disabled has no effect"),
    DL014(Severity.WARNING, "DMA controller unbound while clients hold channels"),
    DL015(Severity.INFO, "link created during or after consumer probe does not gate that probe"),

    // dtc's semantic checks (warnings of dtc 1.6.1; one per check, the dtc name in the message)
    DC001(Severity.WARNING, "character not recommended in node name"),
    DC002(Severity.WARNING, "character not recommended in property name"),
    DC003(Severity.WARNING, "node name equals a property name"),
    DC004(Severity.WARNING, "#address-cells is not one cell"),
    DC005(Severity.WARNING, "#size-cells is not one cell"),
    DC006(Severity.WARNING, "device_type is not a string"),
    DC007(Severity.WARNING, "model is not a string"),
    DC008(Severity.WARNING, "status is not a string"),
    DC009(Severity.WARNING, "label is not a string"),
    DC010(Severity.WARNING, "compatible is not a string list"),
    DC011(Severity.WARNING, "*-names is not a string list"),
    DC012(Severity.WARNING, "address sizes unavailable"),
    DC013(Severity.WARNING, "reg has the wrong size"),
    DC014(Severity.WARNING, "ranges has the wrong size"),
    DC015(Severity.WARNING, "dma-ranges has the wrong size"),
    DC016(Severity.WARNING, "unit address without reg, or reg without unit address"),
    DC017(Severity.WARNING, "unit address has 0x or leading zeros"),
    DC018(Severity.WARNING, "malformed PCI bridge"),
    DC019(Severity.WARNING, "PCI device reg does not match its unit address"),
    DC020(Severity.WARNING, "PCI bus number outside bus-range"),
    DC021(Severity.WARNING, "simple-bus detection"),
    DC022(Severity.WARNING, "simple-bus child unit address does not match reg"),
    DC023(Severity.WARNING, "malformed I2C bus"),
    DC024(Severity.WARNING, "I2C device address or unit address wrong"),
    DC025(Severity.WARNING, "malformed SPI bus"),
    DC026(Severity.WARNING, "SPI device reg missing or unit address wrong"),
    DC027(Severity.WARNING, "relying on default #address-cells/#size-cells"),
    DC028(Severity.WARNING, "unnecessary #address-cells/#size-cells"),
    DC029(Severity.WARNING, "duplicate unit address"),
    DC030(Severity.WARNING, "duplicate unit address among enabled nodes"),
    DC031(Severity.WARNING, "/chosen has interrupt-controller"),
    DC032(Severity.WARNING, "chosen node not at the root"),
    DC033(Severity.WARNING, "bootargs is not a string"),
    DC034(Severity.WARNING, "stdout-path not a string, or linux,stdout-path"),
    DC035(Severity.WARNING, "malformed clocks"),
    DC036(Severity.WARNING, "#clock-cells is not one cell"),
    DC037(Severity.WARNING, "malformed cooling-device"),
    DC038(Severity.WARNING, "#cooling-cells is not one cell"),
    DC039(Severity.WARNING, "malformed dmas"),
    DC040(Severity.WARNING, "#dma-cells is not one cell"),
    DC041(Severity.WARNING, "malformed hwlocks"),
    DC042(Severity.WARNING, "#hwlock-cells is not one cell"),
    DC043(Severity.WARNING, "malformed interrupts-extended"),
    DC044(Severity.WARNING, "#interrupt-cells is not one cell"),
    DC045(Severity.WARNING, "malformed io-channels"),
    DC046(Severity.WARNING, "#io-channel-cells is not one cell"),
    DC047(Severity.WARNING, "malformed iommus"),
    DC048(Severity.WARNING, "#iommu-cells is not one cell"),
    DC049(Severity.WARNING, "malformed mboxes"),
    DC050(Severity.WARNING, "#mbox-cells is not one cell"),
    DC051(Severity.WARNING, "malformed msi-parent"),
    DC052(Severity.WARNING, "#msi-cells is not one cell"),
    DC053(Severity.WARNING, "malformed mux-controls"),
    DC054(Severity.WARNING, "#mux-control-cells is not one cell"),
    DC055(Severity.WARNING, "malformed phys"),
    DC056(Severity.WARNING, "#phy-cells is not one cell"),
    DC057(Severity.WARNING, "malformed power-domains"),
    DC058(Severity.WARNING, "#power-domain-cells is not one cell"),
    DC059(Severity.WARNING, "malformed pwms"),
    DC060(Severity.WARNING, "#pwm-cells is not one cell"),
    DC061(Severity.WARNING, "malformed resets"),
    DC062(Severity.WARNING, "#reset-cells is not one cell"),
    DC063(Severity.WARNING, "malformed sound-dai"),
    DC064(Severity.WARNING, "#sound-dai-cells is not one cell"),
    DC065(Severity.WARNING, "malformed thermal-sensors"),
    DC066(Severity.WARNING, "#thermal-sensor-cells is not one cell"),
    DC067(Severity.WARNING, "deprecated *-gpio property name"),
    DC068(Severity.WARNING, "malformed *-gpios"),
    DC069(Severity.WARNING, "interrupts do not match the interrupt parent"),
    DC070(Severity.WARNING, "interrupt provider without #interrupt-cells or #address-cells"),
    DC071(Severity.WARNING, "bad alias"),
    DC072(Severity.WARNING, "graph detection"),
    DC073(Severity.WARNING, "graph node with one child does not need address cells"),
    DC074(Severity.WARNING, "malformed graph port"),
    DC075(Severity.WARNING, "malformed or one-way graph endpoint"),

    // Budgets and failed analyses (hostile or oversized input)
    LIM001(Severity.WARNING, "analysis budget exceeded"),
    LIM002(Severity.WARNING, "analysis failed"),

    // Style: the kernel's DTS coding style (off unless asked for: check --style, dtdma.style)
    STY001(Severity.INFO, "node name characters outside a-z, 0-9, '-'"),
    STY002(Severity.INFO, "property name characters outside a-z, 0-9, '-'"),
    STY003(Severity.INFO, "label characters outside a-z, 0-9, '_'"),
    STY004(Severity.INFO, "unit address not lowercase hex without leading zeros"),
    STY005(Severity.INFO, "uppercase hex in a value"),
    STY006(Severity.INFO, "child nodes out of unit-address or name order"),
    STY007(Severity.INFO, "&label overrides in neither alphanumeric nor SoC .dtsi order"),
    STY008(Severity.INFO, "properties out of the style's order (status last)"),

    // Binding schemas (the kernel's Documentation/devicetree/bindings, validated as dt-validate does)
    BND001(Severity.WARNING, "property or child node not allowed by the binding"),
    BND002(Severity.WARNING, "required property missing"),
    BND003(Severity.WARNING, "value not allowed by the binding"),
    BND004(Severity.WARNING, "wrong number of entries for the binding"),
    BND005(Severity.WARNING, "value of the wrong type for the binding"),
    BND006(Severity.WARNING, "binding condition not met"),

    // Internal
    INT001(Severity.ERROR, "internal error");

    private final Severity severity;
    private final String title;

    Code(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    /** The code as users see it, e.g. {@code SD005b}. */
    public String id() {
        return this == SD005B ? "SD005b" : name();
    }
}
