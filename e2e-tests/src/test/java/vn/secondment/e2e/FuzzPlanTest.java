package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz's generator without a platform: reproducible by seed, and every kind of input made. */
class FuzzPlanTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/officials": {
                "get": {"operationId": "listOfficials", "parameters": [
                  {"name": "q", "in": "query", "schema": {"type": "string"}},
                  {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                  {"name": "sort", "in": "query", "schema": {"type": "string"}}]},
                "post": {"operationId": "createOfficial", "parameters": [
                  {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}], "requestBody": {"required": true, "content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/OfficialRequest"}}}}}},
              "/officials/{id}": {
                "put": {"operationId": "updateOfficial", "parameters": [
                  {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                  {"name": "If-Match", "in": "header", "required": true, "schema": {"type": "string"}}],
                  "requestBody": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/OfficialRequest"}}}}}},
              "/officials/imports": {
                "post": {"operationId": "importOfficials", "requestBody": {"content": {"multipart/form-data": {
                  "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}}}}},
             "components": {"schemas": {"OfficialRequest": {"type": "object", "required": ["fullName", "email"],
               "properties": {"fullName": {"type": "string", "minLength": 1}, "email": {"type": "string"},
                 "birthDate": {"type": "string", "format": "date"},
                 "fields": {"type": "array", "items": {"type": "string"}}}}}}}
            """;

    private final List<ApiOperations.Operation> operations;

    FuzzPlanTest() throws Exception {
        JsonNode document = new ObjectMapper().readTree(DOCUMENT);
        operations = ApiOperations.of("personnel", document);
    }

    @Test
    void readsEveryOperationWithItsParametersAndBody() {
        assertThat(operations).extracting(ApiOperations.Operation::key).containsExactly(
                "GET /api/personnel/officials", "POST /api/personnel/officials",
                "POST /api/personnel/officials/imports", "PUT /api/personnel/officials/{id}");
        ApiOperations.Operation update = operations.get(3);
        assertThat(update.in("path")).extracting(ApiOperations.Parameter::name).containsExactly("id");
        assertThat(update.bodies()).singleElement().satisfies(body -> assertThat(body.json()).isTrue());
        assertThat(update.collectionBefore("id")).isEqualTo("officials");
    }

    @Test
    void theSameSeedMakesTheSameRequests() {
        assertThat(describe(generate(42, 500))).isEqualTo(describe(generate(42, 500)));
        assertThat(describe(generate(42, 500))).isNotEqualTo(describe(generate(43, 500)));
    }

    @Test
    void aValidRequestCarriesTheRequiredFieldsAndAnId() {
        FuzzPlan plan = plan(7);
        FuzzRequest create = plan.valid(1, operations.get(1), "bnv.admin");
        String body = new String(create.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"fullName\"").contains("\"email\"");
        assertThat(create.headers()).containsEntry("Content-Type", "application/json");
        FuzzRequest update = plan.valid(2, operations.get(3), "bnv.admin");
        assertThat(update.rawPath()).matches("/api/personnel/officials/[0-9a-f-]{36}");
        assertThat(update.headers()).containsKey("If-Match");
    }

    @Test
    void everyKindOfInputIsMade() {
        Set<String> kinds = new HashSet<>();
        generate(1, 2_000).forEach(request -> kinds.add(request.kind()));
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(FuzzPlan.KINDS);
        List<String> text = describe(generate(1, 2_000));
        assertThat(String.join("\n", text)).contains("\\u0000").contains("999999999-12-31").contains("q=%25");
    }

    private List<FuzzRequest> generate(long seed, int count) {
        Random random = new Random(seed);
        FuzzPlan plan = plan(random);
        FuzzInputs inputs = new FuzzInputs(random, new Harvest());
        List<FuzzRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiOperations.Operation operation = operations.get(i % operations.size());
            requests.add(plan.build(i, operation, inputs.pick(FuzzPlan.applicable(operation)), "bnv.admin"));
        }
        return requests;
    }

    private static List<String> describe(List<FuzzRequest> requests) {
        return requests.stream().map(r -> r.describe(500)).toList();
    }

    private static FuzzPlan plan(long seed) {
        return plan(new Random(seed));
    }

    private static FuzzPlan plan(Random random) {
        Harvest harvest = new Harvest();
        return new FuzzPlan(new FuzzInputs(random, harvest), harvest,
                "STT,Họ và tên,Email\n1,Nguyễn Thị Hoa,hoa@bnv.gov.vn\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
    }
}
