package vn.loa.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The work tree as the tests see it: modules, their configuration, docker-compose.yml. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("loa.root", "..")).toAbsolutePath().normalize();
    static final String DOCKERFILE = "deploy/Dockerfile";

    /** {@code ${NAME}} or {@code ${NAME:default}} (the default may itself hold a colon, not a brace). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:$]+)(?::([^}]*))?}");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern LOA_ARTIFACT = Pattern.compile(
            "<groupId>vn\\.loa</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    private Repo() {
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String relative) {
        return Files.exists(ROOT.resolve(relative));
    }

    /** The reactor's modules, in pom order. */
    static List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(read("pom.xml"));
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    /** Modules that are runnable services: they have an application.yml. */
    static List<String> serviceModules() {
        return modules().stream().filter(m -> exists(m + "/src/main/resources/application.yml")).toList();
    }

    /** The Loa modules a module depends on (any scope but test), transitively, itself first. */
    static Set<String> withLoaDependencies(String module) {
        Set<String> seen = new LinkedHashSet<>();
        collect(module, seen);
        return seen;
    }

    private static void collect(String module, Set<String> seen) {
        if (!seen.add(module) || !exists(module + "/pom.xml")) {
            return;
        }
        Matcher m = DEPENDENCY.matcher(read(module + "/pom.xml"));
        while (m.find()) {
            Matcher artifact = LOA_ARTIFACT.matcher(m.group(1));
            if (artifact.find() && !m.group(1).contains("<scope>test</scope>")) {
                collect(artifact.group(1).trim(), seen);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(options).load(read(relative));
        return loaded == null ? Map.of() : (Map<String, Object>) loaded;
    }

    /** A YAML document as flat {@code a.b.c = value} pairs (lists as {@code a[0]}). */
    static Map<String, String> flatten(Map<String, Object> yaml) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, node == null ? "" : String.valueOf(node));
        }
    }

    /** What a service's configuration consists of: its properties and every placeholder anywhere in it. */
    record ServiceConfig(String module, Map<String, String> properties, List<Placeholder> placeholders) {

        /** Whether a property is defined by the configuration itself (then its own value is what matters). */
        boolean defines(String property) {
            return properties.containsKey(property);
        }
    }

    /** A {@code ${name:default}} found in {@code where}; {@code defaultValue} is null when there is none. */
    record Placeholder(String name, String defaultValue, String where) {

        boolean isEnvironmentVariable() {
            return name.matches("[A-Z][A-Z0-9_]*");
        }

        /** The environment variables that set it (Spring's relaxed binding). */
        Set<String> environmentNames() {
            return Repo.environmentNames(name);
        }
    }

    static Set<String> environmentNames(String name) {
        if (name.matches("[A-Z][A-Z0-9_]*")) {
            return Set.of(name);
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return new LinkedHashSet<>(List.of(upper.replace('.', '_').replace('-', '_'),
                upper.replace("-", "").replace('.', '_')));
    }

    /**
     * A service module's configuration: its application.yml, the platform's shared defaults when it depends on the
     * platform, and the placeholders in its (and its Loa libraries') Java sources, e.g. {@code @Value("${…}")}.
     */
    static ServiceConfig config(String module) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<Placeholder> placeholders = new ArrayList<>();
        String yml = module + "/src/main/resources/application.yml";
        Map<String, String> own = flatten(yaml(yml));
        properties.putAll(own);
        own.forEach((key, value) -> placeholders.addAll(placeholders(value, yml + " " + key)));
        for (String dependency : withLoaDependencies(module)) {
            if (dependency.equals("platform")) {
                Properties platform = new Properties();
                try (var in = Files.newBufferedReader(
                        ROOT.resolve("platform/src/main/resources/loa-platform.properties"))) {
                    platform.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (String key : platform.stringPropertyNames()) {
                    properties.putIfAbsent(key, platform.getProperty(key));
                    placeholders.addAll(placeholders(platform.getProperty(key), "loa-platform.properties " + key));
                }
            }
            Path sources = ROOT.resolve(dependency + "/src/main/java");
            if (Files.isDirectory(sources) && !dependency.equals("contracts")) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        placeholders.addAll(placeholders(Files.readString(file), ROOT.relativize(file).toString()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ServiceConfig(module, properties, placeholders);
    }

    static List<Placeholder> placeholders(String text, String where) {
        List<Placeholder> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(new Placeholder(m.group(1).trim(), m.group(2), where));
        }
        return found;
    }
}
