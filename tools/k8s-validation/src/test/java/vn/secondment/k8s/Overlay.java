package vn.secondment.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One overlay of k8s/ rendered by {@code kubectl kustomize}, as the documents {@code kubectl apply -k} would send. */
record Overlay(String name, List<Map<String, Object>> documents) {

    static final Path ROOT = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    /** The overlay rendered once per test run (every test reads the same documents; none changes them). */
    static Overlay render(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::kustomize);
    }

    @SuppressWarnings("unchecked")
    private static Overlay kustomize(String name) {
        Path directory = ROOT.resolve("k8s/overlays").resolve(name);
        try {
            Path output = Files.createTempFile("kustomize-" + name, ".yaml");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
                List<Map<String, Object>> documents = new ArrayList<>();
                for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
                        .loadAll(Files.readString(output, StandardCharsets.UTF_8))) {
                    if (document != null) {
                        documents.add((Map<String, Object>) document);
                    }
                }
                return new Overlay(name, documents);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run kubectl kustomize (kubectl must be on PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    static String name(Map<String, Object> document) {
        return (String) Documents.at(document, "metadata", "name");
    }
}
