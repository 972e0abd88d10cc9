package dtdma.dma;

import dtdma.tree.Node;

/**
 * The console port of a board: the node {@code /chosen/stdout-path} names (a path or an alias, options after
 * {@code ':'} dropped). The kernel command line's {@code console=} is outside the tree, so {@code stdout-path}
 * stands for it.
 */
public final class Console {
    private Console() {
    }

    /** The node {@code stdout-path} (or the older {@code linux,stdout-path}) names, or null. */
    public static Node of(Node anyNode) {
        Node root = anyNode;
        while (root.parent() != null) {
            root = root.parent();
        }
        Node chosen = root.child("chosen");
        if (chosen == null) {
            return null;
        }
        var p = chosen.property("stdout-path");
        if (p == null) {
            p = chosen.property("linux,stdout-path");
        }
        String s = p == null ? null : p.value().string();
        if (s == null || s.isEmpty()) {
            return null;
        }
        int colon = s.indexOf(':');
        String target = colon >= 0 ? s.substring(0, colon) : s;
        if (!target.startsWith("/")) {
            Node aliases = root.child("aliases");
            var a = aliases == null ? null : aliases.property(target);
            target = a == null ? null : a.value().string();
            if (target == null || !target.startsWith("/")) {
                return null;
            }
        }
        return byPath(root, target);
    }

    /** Whether {@code n} is the board's console port. */
    public static boolean is(Node n) {
        return of(n) == n;
    }

    private static Node byPath(Node root, String path) {
        Node cur = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Node next = cur.child(part);
            if (next == null) {
                // a component without its unit address matches the one child with that base name
                for (Node c : cur.children()) {
                    if (c.baseName().equals(part)) {
                        if (next != null) {
                            return null;
                        }
                        next = c;
                    }
                }
            }
            if (next == null) {
                return null;
            }
            cur = next;
        }
        return cur;
    }
}
