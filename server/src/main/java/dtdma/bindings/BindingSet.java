package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kernel's binding schemas and dt-schema's core schemas, processed as dt-schema processes them
 * ({@link SchemaProcessor}), indexed for selection by {@code compatible}, with the property types they declare.
 * Schemas are compiled for validation (networknt json-schema-validator, draft 2019-09 plus dt-schema's
 * {@code typeSize}) on first use. The processed schemas are cached on disk keyed by a SHA-256 of every schema
 * file's path and content digest; the digests are remembered by file stat ({@link StatIndex}), so a second start
 * lists and stats the schema files, reads none of them, and reads one cache file. Thread-safe once loaded.
 */
public final class BindingSet {
    private static final Logger LOG = Logger.getLogger(BindingSet.class.getName());
    /** Bump when {@link SchemaProcessor} changes what it produces. */
    private static final int CACHE_FORMAT = 2;
    static final String BASE = "http://devicetree.org/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Path bindingsDir;
    private final Path dtSchemaDir;
    private final Map<String, Binding> byId;
    private final List<Binding> always = new ArrayList<>();
    private final List<Binding> bySelectSchema = new ArrayList<>();
    private final Map<String, List<Binding>> byCompatible = new HashMap<>();
    /** Selects that need a compatible from the key and more (other required properties, a {@code not}). */
    private final Map<String, List<Binding>> byCompatibleChecked = new HashMap<>();
    private final Map<String, Set<String>> propTypes = new HashMap<>();
    private final List<Map.Entry<Pattern, Set<String>>> patternTypes = new ArrayList<>();
    private final Map<String, Set<Integer>> innerSizes = new HashMap<>();
    /** The findings of single nodes validated against this set, by what the validation read (bounded, LRU). */
    final ValidationCache validationCache = new ValidationCache(32_768);
    /** {@link #types} of names not in {@code propTypes}, answered from the patterns once per name. */
    private final Map<String, Set<String>> patternTypesOf = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_PATTERN_TYPES = 20_000;
    private final Map<String, java.util.function.Predicate<String>> nodenameSelects = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> selects = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final boolean fromCache;
    private final List<String> problems;
    /** How many schema files {@link #load} read and hashed for the cache key (the others were known by their stat). */
    private int filesHashed;

    private BindingSet(Path bindingsDir, Path dtSchemaDir, Map<String, Binding> byId, boolean fromCache,
            List<String> problems) {
        this.bindingsDir = bindingsDir;
        this.dtSchemaDir = dtSchemaDir;
        this.byId = byId;
        this.fromCache = fromCache;
        this.problems = List.copyOf(problems);
        for (Binding b : byId.values()) {
            JsonNode sel = b.schema().get("select");
            if (sel == null || sel.isBoolean()) {
                if (sel != null && sel.asBoolean()) {
                    always.add(b);
                }
            } else {
                List<String> compat = selectCompatibles(sel);
                if (compat != null) {
                    Map<String, List<Binding>> index = onlyCompatible(sel) ? byCompatible : byCompatibleChecked;
                    for (String c : compat) {
                        index.computeIfAbsent(c, k -> new ArrayList<>()).add(b);
                    }
                } else {
                    bySelectSchema.add(b);
                    java.util.function.Predicate<String> byName = nodenameSelect(sel);
                    if (byName != null) {
                        nodenameSelects.put(b.id(), byName);
                    }
                }
            }
            collectTypes(b.schema(), 0);
        }
        String metaIri = "https://dtdma.dev/dt-schema-dialect";
        JsonMetaSchema meta = JsonMetaSchema.builder(metaIri, JsonMetaSchema.getV201909())
                .keyword(new TypeSizeKeyword())
                .keyword(new AdditionalPropertiesKeyword())
                .keyword(new NonValidationKeyword("phandle"))
                .keyword(new NonValidationKeyword("select"))
                .keyword(new NonValidationKeyword("$filename"))
                .keyword(new NonValidationKeyword("maintainers"))
                .keyword(new NonValidationKeyword("examples"))
                .keyword(new NonValidationKeyword("historical"))
                .keyword(new NonValidationKeyword("deprecated"))
                .build();
        Map<String, String> texts = new ConcurrentHashMap<>();
        this.factory = JsonSchemaFactory.builder()
                // the schemas are served as JSON text whatever their IRI's extension says
                .jsonNodeReader(new com.networknt.schema.serialization.JsonNodeReader() {
                    @Override
                    public JsonNode readTree(String content, com.networknt.schema.InputFormat format)
                            throws java.io.IOException {
                        return JSON.readTree(content);
                    }

                    @Override
                    public JsonNode readTree(java.io.InputStream in, com.networknt.schema.InputFormat format)
                            throws java.io.IOException {
                        return JSON.readTree(in);
                    }
                })
                .defaultMetaSchemaIri(metaIri)
                .metaSchema(meta)
                .schemaLoaders(l -> l.schemas(iri -> {
                    String id = iri.endsWith("#") ? iri : iri + "#";
                    Binding b = byId.get(id);
                    if (b == null) {
                        return null;
                    }
                    return texts.computeIfAbsent(id, k -> {
                        JsonNode copy = b.schema().deepCopy();
                        AdditionalPropertiesKeyword.mark(copy, 0);
                        slashedRefs(copy, 0);
                        return copy.toString();
                    });
                })
                        // a $ref to no loaded schema fails here: never fetched from the network (the validator's
                        // own loaders would try http://devicetree.org/...)
                        .add(iri -> () -> {
                            throw new java.io.IOException(iri + " is not among the loaded schemas (not fetched)");
                        }))
                .build();
        this.config = SchemaValidatorsConfig.builder().pathType(com.networknt.schema.PathType.JSON_POINTER)
                .typeLoose(false).regularExpressionFactory(new Patterns()).build();
    }

    public Path bindingsDir() {
        return bindingsDir;
    }

    public Path dtSchemaDir() {
        return dtSchemaDir;
    }

    public boolean fromCache() {
        return fromCache;
    }

    /**
     * How many schema files were read and hashed for the cache key (those whose stat had changed, or was racily
     * clean). When the set came from the cache ({@link #fromCache}), no other schema file was read: 0 means the
     * start read none.
     */
    public int filesHashed() {
        return filesHashed;
    }

    /** Schema files that were skipped (unreadable YAML, no {@code $id}), one line each. */
    public List<String> problems() {
        return problems;
    }

    public int size() {
        return byId.size();
    }

    public Binding byId(String id) {
        return byId.get(id.endsWith("#") ? id : id + "#");
    }

    public java.util.Collection<Binding> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** The bindings whose {@code compatible} list names {@code compatible} (selection by compatible only). */
    public List<Binding> forCompatible(String compatible) {
        return byCompatible.getOrDefault(compatible, List.of());
    }

    /** The schemas that select a node, in a stable order: select-true schemas, compatible matches, select schemas. */
    List<Binding> selectFor(JsonNode node, List<String> compatibles) {
        List<Binding> out = new ArrayList<>(always);
        Set<Binding> seen = new LinkedHashSet<>();
        for (String c : compatibles) {
            seen.addAll(forCompatible(c));
        }
        out.addAll(seen);
        for (String c : compatibles) {
            for (Binding b : byCompatibleChecked.getOrDefault(c, List.of())) {
                JsonSchema s = out.contains(b) ? null : select(b);
                if (s != null && s.validate(node).isEmpty()) {
                    out.add(b);
                }
            }
        }
        String nodeName = node.has("$nodename") && node.get("$nodename").size() > 0
                ? node.get("$nodename").get(0).asText() : null;
        for (Binding b : bySelectSchema) {
            if (!hasRequired(b.schema().get("select"), node)) {
                continue;
            }
            java.util.function.Predicate<String> byName = nodenameSelects.get(b.id());
            if (byName != null) {
                if (nodeName != null && byName.test(nodeName)) {
                    out.add(b);
                }
                continue;
            }
            JsonSchema s = select(b);
            if (s != null && s.validate(node).isEmpty()) {
                out.add(b);
            }
        }
        return out;
    }

    /** A cheap pre-test: the node has every property the select lists under {@code required}. */
    private static boolean hasRequired(JsonNode select, JsonNode node) {
        JsonNode req = select.get("required");
        if (req != null && req.isArray()) {
            for (JsonNode r : req) {
                if (!node.has(r.asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code $ref: /schemas/display/lvds.yaml/#} (panel-lvds.yaml) names lvds.yaml, as dt-schema reads it: the
     * slash before the fragment is dropped.
     */
    private static void slashedRefs(JsonNode n, int depth) {
        if (depth > 64 || n == null) {
            return;
        }
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.get("$ref") != null
                && o.get("$ref").isTextual()) {
            String r = o.get("$ref").asText();
            int h = r.indexOf('#');
            String doc = h < 0 ? r : r.substring(0, h);
            if (doc.endsWith(".yaml/")) {
                o.put("$ref", doc.substring(0, doc.length() - 1) + (h < 0 ? "" : r.substring(h)));
            }
        }
        for (JsonNode c : n) {
            slashedRefs(c, depth + 1);
        }
    }

    /** The compiled schema of a binding, or null when it does not compile (logged once). */
    JsonSchema compiled(Binding b) {
        JsonSchema s = compiled.get(b.id());
        if (s != null) {
            return s;
        }
        try {
            s = factory.getSchema(SchemaLocation.of(b.id()), config);
            s.initializeValidators();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "binding " + b.file() + " does not compile", e);
            return null;
        }
        compiled.putIfAbsent(b.id(), s);
        return compiled.get(b.id());
    }

    private JsonSchema select(Binding b) {
        JsonSchema s = selects.get(b.id());
        if (s != null) {
            return s;
        }
        try {
            s = factory.getSchema(SchemaLocation.of(b.id() + "/select"), config);
            s.initializeValidators();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "select of " + b.file() + " does not compile", e);
            return null;
        }
        selects.putIfAbsent(b.id(), s);
        return selects.get(b.id());
    }

    /**
     * A select that only tests the node name ({@code required: [$nodename]} and one {@code pattern} or
     * {@code const} for it), as a predicate on the name; null for any other select.
     */
    private static java.util.function.Predicate<String> nodenameSelect(JsonNode sel) {
        if (sel.size() != 2 || !sel.has("required") || !sel.has("properties") || sel.get("required").size() != 1
                || !"$nodename".equals(sel.get("required").get(0).asText()) || sel.get("properties").size() != 1) {
            return null;
        }
        JsonNode nn = sel.get("properties").get("$nodename");
        if (nn == null || !nn.isObject()) {
            return null;
        }
        for (Iterator<String> it = nn.fieldNames(); it.hasNext(); ) {
            if (!Set.of("items", "type", "minItems", "maxItems").contains(it.next())) {
                return null;
            }
        }
        JsonNode items = nn.get("items");
        if (items == null || !items.isArray() || items.size() != 1 || items.get(0).size() != 1) {
            return null;
        }
        JsonNode item = items.get(0);
        if (item.has("const") && item.get("const").isTextual()) {
            String c = item.get("const").asText();
            return c::equals;
        }
        if (item.has("pattern") && item.get("pattern").isTextual()) {
            try {
                Pattern p = Pattern.compile(item.get("pattern").asText());
                return s -> p.matcher(s).find();
            } catch (PatternSyntaxException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The compatibles a select requires one of ({@code properties: {compatible: {contains: {enum|const}}}}; the
     * strings are compared exactly, as {@code enum} does), or null for a select that does not test
     * {@code compatible} that way.
     */
    private static List<String> selectCompatibles(JsonNode sel) {
        JsonNode props = sel.get("properties");
        JsonNode c = props == null ? null : props.get("compatible");
        if (c == null || c.size() != 1 || !c.has("contains") || c.get("contains").size() != 1) {
            return null;
        }
        JsonNode contains = c.get("contains");
        List<String> out = new ArrayList<>();
        if (contains.get("const") != null && contains.get("const").isTextual()) {
            out.add(contains.get("const").asText());
        } else if (contains.get("enum") != null && contains.get("enum").isArray()) {
            contains.get("enum").forEach(e -> out.add(e.asText()));
        } else {
            return null;
        }
        return out;
    }

    /** Whether a select is exactly "compatible contains one of these" (dt-schema's generated select). */
    private static boolean onlyCompatible(JsonNode sel) {
        JsonNode req = sel.get("required");
        return sel.size() == 2 && req != null && req.size() == 1 && "compatible".equals(req.get(0).asText())
                && sel.get("properties").size() == 1;
    }

    // ---- property types -----------------------------------------------------------------------------

    /** The types ({@code uint32}, {@code phandle-array}, {@code string-array} ...) bindings give a property. */
    public Set<String> types(String prop) {
        Set<String> t = propTypes.get(prop);
        if (t != null) {
            return t;
        }
        Set<String> known = patternTypesOf.get(prop);
        if (known != null) {
            return known;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<Pattern, Set<String>> e : patternTypes) {
            if (e.getKey().matcher(prop).find()) {
                out.addAll(e.getValue());
            }
        }
        out = java.util.Collections.unmodifiableSet(out);
        if (patternTypesOf.size() < MAX_PATTERN_TYPES) { // bounded: a file can make up any number of names
            patternTypesOf.put(prop, out);
        }
        return out;
    }

    private void collectTypes(JsonNode n, int depth) {
        if (!(n instanceof ObjectNode o) || depth > 40) {
            return;
        }
        for (String key : List.of("properties", "patternProperties")) {
            if (o.get(key) instanceof ObjectNode props) {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Set<String> t = new LinkedHashSet<>();
                    refTypes(e.getValue(), t, 0);
                    if (key.equals("properties")) {
                        innerSize(e.getKey(), e.getValue(), 0);
                    }
                    if (!t.isEmpty()) {
                        if (key.equals("properties")) {
                            propTypes.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).addAll(t);
                        } else {
                            try {
                                patternTypes.add(Map.entry(Pattern.compile(e.getKey()), t));
                            } catch (PatternSyntaxException ex) {
                                LOG.fine("pattern " + e.getKey() + ": " + ex.getMessage());
                            }
                        }
                    }
                    collectTypes(e.getValue(), depth + 1);
                }
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (o.get(key) instanceof ArrayNode a) {
                a.forEach(x -> collectTypes(x, depth + 1));
            }
        }
        for (String key : List.of("if", "then", "else", "additionalProperties", "unevaluatedProperties")) {
            collectTypes(o.get(key), depth + 1);
        }
    }

    /**
     * The fixed length of each entry of a matrix property, when every binding that sizes its entries gives the
     * same one (how dt-schema splits a matrix value it reads from a blob); null otherwise.
     */
    public Integer matrixStride(String prop) {
        Set<Integer> s = innerSizes.get(prop);
        return s != null && s.size() == 1 ? s.iterator().next() : null;
    }

    private void innerSize(String prop, JsonNode n, int depth) {
        if (!(n instanceof ObjectNode o) || depth > 4) {
            return;
        }
        JsonNode items = o.get("items");
        if (items != null && items.isArray() && items.size() == 1) {
            items = items.get(0);
        }
        if (items != null && items.isObject() && items.has("minItems") && items.has("maxItems")
                && items.get("minItems").asInt() == items.get("maxItems").asInt() && items.get("minItems").asInt() > 0) {
            innerSizes.computeIfAbsent(prop, k -> new LinkedHashSet<>()).add(items.get("minItems").asInt());
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (o.get(key) instanceof ArrayNode a) {
                a.forEach(x -> innerSize(prop, x, depth + 1));
            }
        }
    }

    private static void refTypes(JsonNode n, Set<String> out, int depth) {
        if (!(n instanceof ObjectNode o) || depth > 6) {
            return;
        }
        JsonNode ref = o.get("$ref");
        if (ref != null && ref.isTextual()) {
            String r = ref.asText();
            int i = r.indexOf("types.yaml#/definitions/");
            if (i >= 0) {
                out.add(r.substring(i + "types.yaml#/definitions/".length()));
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (o.get(key) instanceof ArrayNode a) {
                a.forEach(x -> refTypes(x, out, depth + 1));
            }
        }
    }

    // ---- loading ------------------------------------------------------------------------------------

    /**
     * Loads the bindings under {@code bindingsDir} and dt-schema's core schemas under
     * {@code dtSchemaDir/schemas}, from the cache in {@code cacheDir} when the files are unchanged.
     *
     * @param progress told a short message at each step (may be null)
     * @throws IOException when a directory cannot be read
     */
    public static BindingSet load(Path bindingsDir, Path dtSchemaDir, Path cacheDir, Consumer<String> progress)
            throws IOException {
        Consumer<String> say = progress == null ? s -> { } : progress;
        long t0 = System.nanoTime();
        Path core = dtSchemaDir.resolve("schemas");
        say.accept("reading binding files");
        // label -> file and its stat, in the order of the key: the bindings, then the core schemas (each sorted)
        Map<String, Stat> files = new LinkedHashMap<>();
        for (Stat st : yamlFiles(bindingsDir)) {
            files.put("B " + bindingsDir.relativize(st.path()), st);
        }
        for (Stat st : yamlFiles(core)) {
            files.put("C " + core.relativize(st.path()), st);
        }
        // the key is over each file's content digest; a digest comes from the stat index when the file's stat is
        // unchanged (and not racily clean), else from reading the file
        Path indexFile = cacheDir == null ? null : cacheDir.resolve("stat-" + HexFormat.of().formatHex(
                sha256().digest((bindingsDir.toAbsolutePath() + "\0" + core.toAbsolutePath())
                        .getBytes(StandardCharsets.UTF_8))).substring(0, 16) + ".tsv");
        StatIndex index = StatIndex.read(indexFile);
        Map<Path, byte[]> contents = new HashMap<>();
        Map<String, StatIndex.Entry> entries = new LinkedHashMap<>();
        boolean changed = false;
        MessageDigest md = sha256();
        md.update(("dtdma-bindings " + CACHE_FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Stat> e : files.entrySet()) {
            String label = e.getKey();
            Stat st = e.getValue();
            String digest = StatIndex.storable(label) ? index.digest(label, st.attrs()) : null;
            if (digest == null) {
                byte[] b = Files.readAllBytes(st.path());
                contents.put(st.path(), b);
                StatIndex.Entry entry = StatIndex.entry(st.attrs(), sha256().digest(b));
                digest = entry.digest();
                changed = true;
                if (StatIndex.storable(label)) {
                    entries.put(label, entry);
                }
            } else {
                entries.put(label, index.get(label));
            }
            md.update(label.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(digest.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        int filesHashed = contents.size();
        if (indexFile != null && (changed || entries.size() != index.size())) {
            StatIndex.write(indexFile, entries); // the files of now: read ones with their new stat, removed ones gone
        }
        String key = HexFormat.of().formatHex(md.digest());
        long tKey = System.nanoTime();
        Path cacheFile = cacheDir == null ? null : cacheDir.resolve("bindings-" + key + ".json");
        if (cacheFile != null && Files.isRegularFile(cacheFile)) {
            try {
                say.accept("reading processed schemas from the cache");
                JsonNode cached = JSON.readTree(cacheFile.toFile());
                long tRead = System.nanoTime();
                Map<String, Binding> byId = new LinkedHashMap<>();
                List<String> problems = new ArrayList<>();
                for (JsonNode b : cached.get("bindings")) {
                    boolean isCore = b.get("core").asBoolean();
                    String file = b.get("file").asText();
                    Path path = (isCore ? core : bindingsDir).resolve(file);
                    byId.put(b.get("id").asText(), new Binding(b.get("id").asText(), file, path, isCore,
                            text(b, "title"), text(b, "description"), b.get("schema")));
                }
                cached.get("problems").forEach(p -> problems.add(p.asText()));
                BindingSet set = new BindingSet(bindingsDir, dtSchemaDir, byId, true, problems);
                set.filesHashed = filesHashed;
                if (LOG.isLoggable(Level.FINE)) {
                    LOG.fine(String.format("bindings from the cache: %d files listed, %d hashed, key in %d ms;"
                            + " cache read in %d ms; indexed in %d ms", files.size(), filesHashed,
                            (tKey - t0) / 1_000_000, (tRead - tKey) / 1_000_000, (System.nanoTime() - tRead) / 1_000_000));
                }
                return set;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "ignoring unreadable bindings cache " + cacheFile, e);
            }
        }
        say.accept("processing " + files.size() + " schemas");
        Map<String, Binding> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Stat> e : files.entrySet()) {
            Path p = e.getValue().path();
            boolean isCore = e.getKey().startsWith("C ");
            String rel = (isCore ? core : bindingsDir).relativize(p).toString().replace('\\', '/');
            byte[] content = contents.get(p);
            if (content == null) {
                content = Files.readAllBytes(p); // known by its stat for the key, needed now to process it
            }
            JsonNode doc;
            try {
                doc = Yaml.parse(new String(content, StandardCharsets.UTF_8), rel);
            } catch (IllegalArgumentException ex) {
                problems.add(rel + ": ignoring, error parsing file");
                continue;
            }
            if (!(doc instanceof ObjectNode schema) || !schema.has("$id") || !schema.has("$schema")) {
                problems.add(rel + ": ignoring, not a schema (no $id or $schema)");
                continue;
            }
            String id = schema.get("$id").asText();
            if (!id.endsWith("#")) {
                id = id + "#";
            }
            if (byId.containsKey(id)) {
                problems.add(rel + ": duplicate '$id' value '" + id + "'");
                continue;
            }
            String title = text(schema, "title");
            String description = text(schema, "description");
            schema.remove("$schema");
            try {
                SchemaProcessor.process(schema);
            } catch (RuntimeException ex) {
                problems.add(rel + ": ignoring, cannot process: " + ex.getMessage());
                continue;
            }
            schema.put("$id", id);
            byId.put(id, new Binding(id, rel, p, isCore, title, description, schema));
        }
        if (cacheFile != null) {
            try {
                ObjectNode out = F.objectNode();
                ArrayNode list = out.putArray("bindings");
                for (Binding b : byId.values()) {
                    ObjectNode o = list.addObject();
                    o.put("id", b.id());
                    o.put("file", b.file());
                    o.put("core", b.core());
                    o.put("title", b.title());
                    o.put("description", b.description());
                    o.set("schema", b.schema());
                }
                ArrayNode pr = out.putArray("problems");
                problems.forEach(pr::add);
                Files.createDirectories(cacheDir);
                Path tmp = Files.createTempFile(cacheDir, "bindings", ".tmp");
                JSON.writeValue(tmp.toFile(), out);
                StatIndex.moveIntoPlace(tmp, cacheFile);
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "cannot write bindings cache " + cacheFile, ex);
            }
        }
        BindingSet set = new BindingSet(bindingsDir, dtSchemaDir, byId, false, problems);
        set.filesHashed = filesHashed;
        return set;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A schema file and its stat as listed. */
    private record Stat(Path path, BasicFileAttributes attrs) {
    }

    /** The {@code .yaml} files under {@code dir} with their stat, sorted by path (one directory walk). */
    private static List<Stat> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<Stat> out = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!file.getFileName().toString().endsWith(".yaml")) {
                            return FileVisitResult.CONTINUE;
                        }
                        BasicFileAttributes a = attrs;
                        if (a.isSymbolicLink()) { // a link to a file counts as that file (its target's stat)
                            try {
                                a = Files.readAttributes(file, BasicFileAttributes.class);
                            } catch (IOException e) {
                                return FileVisitResult.CONTINUE;
                            }
                        }
                        if (a.isRegularFile()) {
                            out.add(new Stat(file, a));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (file.equals(dir)) {
                            throw e;
                        }
                        return FileVisitResult.CONTINUE; // an unreadable entry below is skipped, as before
                    }
                });
        out.sort(java.util.Comparator.comparing(Stat::path));
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
