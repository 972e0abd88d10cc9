package dtdma.workspace;

/**
 * The version of dtdma: the {@code Implementation-Version} the build writes into the jar's manifest (the Maven
 * project version), so {@code dtdma --version}, the language server's {@code serverInfo} and SARIF reports say
 * which build ran. Run from the class directories (tests, an IDE) there is no manifest: "dev".
 */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        String v = Version.class.getPackage() == null ? null : Version.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
