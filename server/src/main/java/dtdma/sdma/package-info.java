/**
 * The NXP i.MX SDMA model: driver data per compatible ({@link dtdma.sdma.DriverData}), peripheral types
 * ({@link dtdma.sdma.PeripheralType}), ROM script tables and the per-type script choice
 * ({@link dtdma.sdma.SdmaTables}), specifier decoding with SD002..SD006 findings
 * ({@link dtdma.sdma.SdmaSpecifier}), the channel budget ({@link dtdma.sdma.ChannelBudget}) and
 * controller-level checks ({@link dtdma.sdma.ControllerChecks}). Pure model: no dependency on the parser
 * or tree; callers attach spans to the returned {@link dtdma.sdma.SdmaFinding}s.
 */
package dtdma.sdma;
