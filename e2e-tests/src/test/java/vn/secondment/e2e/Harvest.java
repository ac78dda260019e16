package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real ids and codes from the platform's answers, so that a path like {@code /officials/{id}} names an official
 * that exists and the request reaches the service's rules. Kept by field name, and by the collection the answer
 * came from ({@code officials.id}); read in sorted order, so that a seed picks the same place in the same pool.
 */
final class Harvest {

    private static final int MAX_PER_KEY = 200;

    private final Map<String, TreeSet<String>> values = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    void collect(String collection, JsonNode answer) {
        walk(collection, answer, 0);
    }

    void etag(String path, String etag) {
        if (etag != null) {
            etags.put(path, etag);
        }
    }

    String etagOf(String path) {
        return etags.get(path);
    }

    private void walk(String collection, JsonNode node, int depth) {
        if (depth > 8 || node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> walk(collection, item, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().length() <= 100 && !value.asText().isBlank()) {
                String key = field.getKey();
                add(key, value.asText());
                // an item's id belongs to the list it is in: /officials answers items with officials' ids
                if (depth <= 2) {
                    add(collection + "." + key, value.asText());
                }
            } else if (value.isContainerNode()) {
                walk(collection, value, depth + 1);
            }
        }
    }

    private void add(String key, String value) {
        TreeSet<String> set = values.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new TreeSet<>());
        synchronized (set) {
            if (set.size() < MAX_PER_KEY) {
                set.add(value);
            }
        }
    }

    /**
     * A known value for a parameter or field: first of its collection ({@code officials.id}), then by its own name
     * ({@code officialId}), then by the collection its name implies ({@code officialId} → {@code officials.id}).
     */
    String valueFor(String name, String collection, Random random) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        keys.add(collection.toLowerCase(Locale.ROOT) + "." + lower);
        keys.add(lower);
        if (lower.endsWith("id") && lower.length() > 2) {
            String stem = lower.substring(0, lower.length() - 2);
            keys.add(stem + "s.id");
            keys.add(stem + "es.id");
            keys.add(stem.replace("weeklyreport", "weekly-reports") + ".id");
            keys.add(stem.replace("fieldvisit", "field-visits") + ".id");
            keys.add(stem.replace("workplan", "work-plans") + ".id");
        }
        if (lower.equals("code")) {
            keys.add(collection.toLowerCase(Locale.ROOT).replaceAll("ies$", "y").replaceAll("s$", "") + "code");
        }
        for (String key : keys) {
            TreeSet<String> set = values.get(key);
            if (set != null) {
                synchronized (set) {
                    if (!set.isEmpty()) {
                        List<String> sorted = new ArrayList<>(set);
                        return sorted.get(random.nextInt(sorted.size()));
                    }
                }
            }
        }
        return null;
    }

    int size() {
        return values.values().stream().mapToInt(TreeSet::size).sum();
    }
}
