package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One processed schema: its {@code $id}, the file it came from ({@code file} is the path relative to the
 * bindings directory, e.g. {@code serial/snps-dw-apb-uart.yaml}, or to dt-schema's {@code schemas/} for
 * dt-schema's own), its title and description (kept for hover), and the processed schema.
 */
public record Binding(String id, String file, Path path, boolean core, String title, String description, JsonNode schema) {
    /** The file as users see it: {@code serial/snps-dw-apb-uart.yaml}, or {@code dt-schema: dt-core.yaml}. */
    public String displayFile() {
        return core ? "dt-schema " + file : file;
    }
}
