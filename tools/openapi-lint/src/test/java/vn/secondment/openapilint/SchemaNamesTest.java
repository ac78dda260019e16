package vn.secondment.openapilint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four documents meet in one console and in one generated client: a schema name means one thing in all of
 * them. The same name in two documents is allowed only for the same schema (the shared ones of libs/, such as
 * Problem or AuditRecord).
 */
class SchemaNamesTest {

    @Test
    void aSchemaNameMeansOneThingAcrossTheFourDocuments() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<JsonNode, List<String>>> byName = new TreeMap<>();
        for (String service : Documents.SERVICES) {
            Path document = Documents.root().resolve(service).resolve("target/openapi/openapi.json");
            assertThat(document).as("%s's build writes its document; build it first", service).exists();
            json.readTree(document.toFile()).path("components").path("schemas").properties().forEach(schema ->
                    byName.computeIfAbsent(schema.getKey(), name -> new LinkedHashMap<>())
                            .computeIfAbsent(schema.getValue(), s -> new ArrayList<>()).add(service));
        }

        List<String> clashes = new ArrayList<>();
        byName.forEach((name, definitions) -> {
            if (definitions.size() > 1) {
                clashes.add(name + " differs between " + definitions.values());
            }
        });
        assertThat(clashes).isEmpty();
    }
}
