package dtdma.devlink;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DMA topology of a simulated board as a graph: controllers, their channel devices, consumers, the channels
 * they hold and the device links, with driver and runtime-PM state. One model for the CLI and the language
 * server; renders as text, JSON, Graphviz dot and Mermaid.
 */
public final class Topology {
    /** A device in the graph. */
    public record Vertex(String id, String kind, String label, String path, String driver, String state,
            boolean rpmEnabled, String rpmStatus, int usageCount, int childCount, boolean irqSafe, String parent) {
    }

    /**
     * An edge: {@code kind} is {@code link} (a device link; flags, status, kref, rpm_active), {@code uses} (a
     * consumer holds a channel; {@code name} is the dma-name) or {@code parent} (channel device → controller).
     */
    public record Edge(String kind, String from, String to, String name, String flags, String status, int kref,
            int rpmActive) {
    }

    private final String title;
    private final String mode;
    private final List<Vertex> vertices = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    private Topology(String title, String mode) {
        this.title = title;
        this.mode = mode;
    }

    /** Snapshots the current state of a simulation. */
    public static Topology of(Simulation sim, String title) {
        Topology t = new Topology(title, sim.settings().describe());
        for (Simulation.Controller c : sim.controllers()) {
            t.vertices.add(vertex(c.device(), "controller"));
            for (Simulation.Channel ch : c.channels()) {
                if (!ch.device().registered()) {
                    continue;
                }
                t.vertices.add(vertex(ch.device(), "channel"));
                t.edges.add(new Edge("parent", ch.device().name(), c.device().name(), null, null, null, 0, 0));
                if (ch.leaked() && ch.holder() != null) {
                    // dma_request_chan failed after allocating: the channel stays held (client count 1)
                    t.edges.add(new Edge("uses", ch.holder().name(), ch.device().name(), ch.holderName(), null,
                            "leaked", 0, 0));
                }
            }
        }
        for (Simulation.Consumer con : sim.consumers()) {
            t.vertices.add(vertex(con.device(), "consumer"));
            for (Simulation.Held h : con.held()) {
                t.edges.add(new Edge("uses", con.device().name(), h.channel().device().name(), h.name(), null,
                        h.channel().device().registered() ? null : "stale", 0, 0));
            }
        }
        for (Link l : sim.core().links()) {
            t.edges.add(new Edge("link", l.consumer().name(), l.supplier().name(), null, DlFlags.format(l.flags()),
                    l.status().sysfs(), l.kref(), l.rpmActive()));
        }
        for (Finding f : sim.findings()) {
            t.findings.add(f.code().id() + " " + (f.node() == null ? "" : f.node().path()
                    + (f.specifier() != null && f.specifier().name() != null ? " \"" + f.specifier().name() + "\"" : "") + ": ")
                    + f.message());
        }
        return t;
    }

    private static Vertex vertex(Device d, String kind) {
        return new Vertex(d.name(), kind, d.label(), d.node().path(), d.driverName(),
                d.state().name().toLowerCase(Locale.ROOT), d.rpmEnabled(), d.rpmStatus().name().toLowerCase(Locale.ROOT),
                d.usageCount(), d.childCount(), d.irqSafe(), d.parent() == null ? null : d.parent().name());
    }

    public List<Vertex> vertices() {
        return List.copyOf(vertices);
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public List<String> findings() {
        return List.copyOf(findings);
    }

    private static String pm(Vertex v) {
        return "rpm " + (v.rpmEnabled() ? v.rpmStatus() : "disabled") + ", usage " + v.usageCount() + ", children "
                + v.childCount() + (v.irqSafe() ? ", irq-safe" : "");
    }

    private static String name(Vertex v) {
        return v.id() + (v.label() != null ? " (" + v.label() + ")" : "");
    }

    /** A readable tree: controllers with their channels, then consumers with their channels and links. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Topology of ").append(title).append(" -- mode ").append(mode).append('\n');
        sb.append("\nDMA controllers\n");
        for (Vertex v : vertices) {
            if (!v.kind().equals("controller")) {
                continue;
            }
            sb.append("  ").append(name(v)).append(" [").append(v.state()).append(v.driver() == null ? "" : ", " + v.driver())
                    .append("] ").append(pm(v)).append('\n');
            for (Edge e : edges) {
                if (e.kind().equals("parent") && e.to().equals(v.id())) {
                    Vertex ch = find(e.from());
                    String holder = null;
                    for (Edge u : edges) {
                        if (u.kind().equals("uses") && u.to().equals(e.from())) {
                            holder = u.from() + " \"" + u.name() + "\"" + ("leaked".equals(u.status())
                                    ? " (leaked by the failed request: client count 1, never released)" : "");
                        }
                    }
                    sb.append("    ").append(ch.id()).append(" [").append(ch.state()).append("] ").append(pm(ch))
                            .append(holder == null ? " -- free" : " -- held by " + holder).append('\n');
                }
            }
            appendLinks(sb, v.id(), "    ", false);
        }
        sb.append("\nDMA consumers\n");
        for (Vertex v : vertices) {
            if (!v.kind().equals("consumer")) {
                continue;
            }
            sb.append("  ").append(name(v)).append(" [").append(v.state()).append("] ").append(pm(v)).append('\n');
            for (Edge e : edges) {
                if (e.kind().equals("uses") && e.from().equals(v.id())) {
                    sb.append("    dma \"").append(e.name()).append("\" -> ").append(e.to())
                            .append(e.status() == null ? "" : " (" + e.status() + ")").append('\n');
                }
            }
            appendLinks(sb, v.id(), "    ", true);
        }
        if (!findings.isEmpty()) {
            sb.append("\nFindings\n");
            for (String f : findings) {
                sb.append("  ").append(f).append('\n');
            }
        }
        return sb.toString();
    }

    private void appendLinks(StringBuilder sb, String id, String indent, boolean asConsumer) {
        for (Edge e : edges) {
            if (!e.kind().equals("link")) {
                continue;
            }
            if (asConsumer && e.from().equals(id)) {
                sb.append(indent).append("link -> ").append(e.to()).append(": ").append(e.flags()).append(", ")
                        .append(e.status()).append(", kref ").append(e.kref()).append(", rpm_active ")
                        .append(e.rpmActive()).append('\n');
            }
        }
    }

    private Vertex find(String id) {
        for (Vertex v : vertices) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        return null;
    }

    /** The graph as JSON. */
    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("title", title);
        o.addProperty("mode", mode);
        JsonArray vs = new JsonArray();
        for (Vertex v : vertices) {
            vs.add(new GsonBuilder().create().toJsonTree(v));
        }
        o.add("devices", vs);
        JsonArray es = new JsonArray();
        for (Edge e : edges) {
            es.add(new GsonBuilder().create().toJsonTree(e));
        }
        o.add("edges", es);
        JsonArray fs = new JsonArray();
        findings.forEach(fs::add);
        o.add("findings", fs);
        return o;
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Graphviz dot: boxes for controllers, ellipses for channels, rounded boxes for consumers. */
    public String dot() {
        StringBuilder sb = new StringBuilder("digraph dma {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=9];\n  label=" + q(title + " -- " + mode) + ";\n");
        for (Vertex v : vertices) {
            String shape = v.kind().equals("controller") ? "box, style=filled, fillcolor=\"#dde8f7\""
                    : v.kind().equals("channel") ? "ellipse" : "box, style=\"rounded,filled\", fillcolor=\"#eef7dd\"";
            String lbl = name(v) + "\\n" + v.state() + "; " + (v.rpmEnabled() ? v.rpmStatus() : "rpm disabled")
                    + "; usage " + v.usageCount();
            sb.append("  ").append(q(v.id())).append(" [shape=").append(shape).append(", label=").append(q(lbl).replace("\\\\n", "\\n"))
                    .append("];\n");
        }
        for (Edge e : edges) {
            switch (e.kind()) {
                case "parent":
                    sb.append("  ").append(q(e.from())).append(" -> ").append(q(e.to()))
                            .append(" [style=dotted, arrowhead=none, color=gray];\n");
                    break;
                case "uses":
                    sb.append("  ").append(q(e.from())).append(" -> ").append(q(e.to())).append(" [label=")
                            .append(q(e.name())).append(", color=\"#3a7d2c\"];\n");
                    break;
                default:
                    sb.append("  ").append(q(e.from())).append(" -> ").append(q(e.to())).append(" [label=")
                            .append(q(e.flags() + "\\n" + e.status()).replace("\\\\n", "\\n"))
                            .append(", color=\"#b03030\", penwidth=2];\n");
                    break;
            }
        }
        return sb.append("}\n").toString();
    }

    /** Mermaid flowchart. */
    public String mermaid() {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        List<String> ids = new ArrayList<>();
        for (Vertex v : vertices) {
            ids.add(v.id());
        }
        for (Vertex v : vertices) {
            String id = "n" + ids.indexOf(v.id());
            String lbl = (name(v) + "<br/>" + v.state() + ", usage " + v.usageCount()).replace("\"", "'");
            sb.append("  ").append(id).append(v.kind().equals("channel") ? "([\"" + lbl + "\"])"
                    : v.kind().equals("controller") ? "[\"" + lbl + "\"]" : "(\"" + lbl + "\")").append('\n');
        }
        for (Edge e : edges) {
            String a = "n" + ids.indexOf(e.from());
            String b = "n" + ids.indexOf(e.to());
            if (ids.indexOf(e.from()) < 0 || ids.indexOf(e.to()) < 0) {
                continue;
            }
            switch (e.kind()) {
                case "parent":
                    sb.append("  ").append(a).append(" -.- ").append(b).append('\n');
                    break;
                case "uses":
                    sb.append("  ").append(a).append(" -->|").append(e.name()).append("| ").append(b).append('\n');
                    break;
                default:
                    sb.append("  ").append(a).append(" ==>|\"").append(e.flags()).append(" ").append(e.status())
                            .append("\"| ").append(b).append('\n');
                    break;
            }
        }
        return sb.toString();
    }
}
