package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's fuzz: every operation of the four OpenAPI documents, called through the gateway by the realm's users
 * with valid-looking requests made from the schemas and then with hostile ones (wrong types, huge and unicode-edge
 * texts, impossible dates and ISO weeks, deep nesting, duplicate and unknown parameters, non-UUID ids, LIKE
 * wildcards and quotes in searches, broken JSON, CSV, XLSX and multipart). No answer may be a 5xx, and every error
 * answer must be problem+json with type, title and status, and carry an X-Request-Id.
 *
 * <p>Seeded: {@code -Dfuzz.seed=N} (printed at the start) makes the same requests in the same order; only the ids,
 * which are the platform's, differ between runs. {@code -Dfuzz.requests=N} sets how many hostile requests follow
 * the warm-up. Every failing request is printed to replay, and written whole to {@code target/fuzz/}.
 *
 * <p>The gateway's rate limit (50 per second per caller, burst 100) stays on: the requests are spread over eleven
 * callers and sent four at a time, so each caller stays well below it; a 429 is still an answer checked like any.
 */
@Order(4)
@ExtendWith(Platform.Shared.class)
class ApiFuzzIT {

    static final long DEFAULT_SEED = 20_251_216L;
    static final int DEFAULT_REQUESTS = 3_000;
    private static final List<String> SERVICES = List.of("personnel", "assignment", "report", "notification");
    /** Who calls in the warm-up, to learn who may call what: every role of the realm. */
    private static final List<String> WARM_UP_CALLERS = List.of("platform.admin", "bnv.admin", "bnv.coordinator",
            "bnv.officer", "bnv.cntt", "liaison.hcm", "viewer");
    /** Who else calls: other ministries' people and system, whom the rules must keep out of BNV's things. */
    private static final List<String> OTHER_CALLERS = List.of("bct.admin", "bct.officer", "bnnmt.admin");
    private static final String SYSTEM = "bct-system";
    private static final int CONCURRENCY = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noInputGetsAServerErrorOrAnErrorThatIsNotProblemJson() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int hostile = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.printf("[fuzz] seed %d, %d requests after the warm-up (rerun: -Dfuzz.seed=%d)%n", seed, hostile,
                seed);
        long started = System.nanoTime();
        Platform platform = Platform.current();
        String gateway = platform.gatewayUrl();

        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : WARM_UP_CALLERS) {
            tokens.put(user, platform.tokens().forUser(user));
        }
        for (String user : OTHER_CALLERS) {
            tokens.put(user, platform.tokens().forUser(user));
        }
        tokens.put(SYSTEM, platform.tokens().forClient(SYSTEM, "bct-system-dev-secret"));
        List<String> callers = List.copyOf(tokens.keySet());

        List<ApiOperations.Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            String document = given().accept("application/json").when().get(gateway + "/openapi/" + service)
                    .then().statusCode(200).extract().asString();
            List<ApiOperations.Operation> ofService = ApiOperations.of(service, JSON.readTree(document));
            assertThat(ofService).as("operations of %s", service).isNotEmpty();
            operations.addAll(ofService);
        }

        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        byte[] csv = Files.readAllBytes(root.resolve("personnel-service/samples/phu-luc-878-QD-BNV.csv"));
        byte[] xlsx = Files.readAllBytes(root.resolve("personnel-service/samples/phu-luc-BCT.xlsx"));
        Random random = new Random(seed);
        Harvest harvest = new Harvest();
        FuzzInputs inputs = new FuzzInputs(random, harvest);
        FuzzPlan plan = new FuzzPlan(inputs, harvest, csv, xlsx);
        FuzzFindings findings = new FuzzFindings();
        Stats stats = new Stats();
        Map<String, List<String>> authorized = new TreeMap<>();
        int[] number = {0};
        Set<String> succeeded = new HashSet<>();

        try (FuzzClient client = new FuzzClient(gateway, tokens, CONCURRENCY)) {
            // warm-up: every operation, valid, by every role; creations first, then lists (their ids feed the
            // paths), then reads of one thing, then the rest
            List<Predicate<ApiOperations.Operation>> phases = List.of(
                    op -> !op.hasPathParameters() && !op.method().equals("GET"),
                    op -> !op.hasPathParameters() && op.method().equals("GET"),
                    op -> op.hasPathParameters() && op.method().equals("GET"),
                    op -> op.hasPathParameters() && !op.method().equals("GET"));
            for (Predicate<ApiOperations.Operation> phase : phases) {
                List<FuzzRequest> requests = new ArrayList<>();
                for (ApiOperations.Operation operation : operations.stream().filter(phase).toList()) {
                    for (String caller : WARM_UP_CALLERS) {
                        requests.add(plan.valid(++number[0], operation, caller));
                    }
                }
                for (FuzzClient.Answer answer : client.sendAll(requests)) {
                    record(answer, findings, stats);
                    learn(answer, harvest, authorized);
                    if (answer.status() >= 200 && answer.status() < 300) {
                        succeeded.add(answer.request().operation().key());
                    }
                }
            }
            // where the valid-looking request never passed, the hostile ones test less deep: worth knowing
            List<String> neverPassed = operations.stream().map(ApiOperations.Operation::key)
                    .filter(key -> !succeeded.contains(key)).toList();
            System.out.printf("[fuzz] operations whose valid-looking request no caller got a 2xx from: %d %s%n",
                    neverPassed.size(), neverPassed);
            int warmUp = number[0];
            System.out.printf("[fuzz] warm-up: %d operations × %d callers, %d values gathered, in %d s%n",
                    operations.size(), WARM_UP_CALLERS.size(), harvest.size(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());

            // the hostile part: every operation in turn (shuffled each round), one mutation kind each time, mostly
            // by a caller the warm-up showed may call it, so that the request reaches validation
            List<FuzzRequest> requests = new ArrayList<>();
            List<ApiOperations.Operation> round = new ArrayList<>(operations);
            for (int i = 0; i < hostile; i++) {
                if (i % round.size() == 0) {
                    Collections.shuffle(round, random);
                }
                ApiOperations.Operation operation = round.get(i % round.size());
                String kind = inputs.pick(FuzzPlan.applicable(operation));
                List<String> allowed = authorized.getOrDefault(operation.key(), List.of());
                String caller = !allowed.isEmpty() && inputs.chance(0.85) ? inputs.pick(allowed)
                        : inputs.pick(callers);
                requests.add(plan.build(++number[0], operation, kind, caller));
            }
            for (FuzzClient.Answer answer : client.sendAll(requests)) {
                record(answer, findings, stats);
            }
            System.out.printf("[fuzz] %d requests (%d warm-up, %d hostile) in %d s; %d sent again on a new "
                            + "connection%n", number[0], warmUp, hostile,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), client.retried());
        }
        System.out.print(stats.report());
        if (!findings.isEmpty()) {
            Path file = writeFailures(seed, stats.failing);
            System.out.printf("[fuzz] %d failing request(s), each whole in %s%n", stats.failing.size(), file);
        }
        assertThat(findings.isEmpty())
                .as("seed %d (rerun with -Dfuzz.seed=%d):%n%s", seed, seed, findings.report())
                .isTrue();
    }

    private static void record(FuzzClient.Answer answer, FuzzFindings findings, Stats stats) {
        if (answer.status() == 0 && answer.error().startsWith("java.lang.IllegalArgumentException")) {
            // the client itself refused to send it (HTTP forbids it): the fuzz's own limit, not a finding
            stats.unsendable.merge(answer.error(), 1, Integer::sum);
            return;
        }
        stats.count(answer);
        if (findings.check(answer)) {
            stats.failing.add(answer);
            System.out.print("[fuzz] FAILED " + answer.request().describe(2_000) + "  answered: "
                    + FuzzFindings.summary(answer) + "\n");
        }
    }

    /** Ids and versions from the warm-up's answers, and who was let in. */
    private static void learn(FuzzClient.Answer answer, Harvest harvest, Map<String, List<String>> authorized) {
        FuzzRequest request = answer.request();
        if (answer.status() != 0 && answer.status() != 401 && answer.status() != 403 && answer.status() != 429) {
            authorized.computeIfAbsent(request.operation().key(), k -> new ArrayList<>()).add(request.caller());
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            return;
        }
        String collection = request.operation().collection();
        if (answer.location() != null) {
            String location = answer.location();
            harvest.collect(collection, JSON.createObjectNode()
                    .put("id", location.substring(location.lastIndexOf('/') + 1)));
        }
        if (answer.contentType() != null && answer.contentType().contains("json")) {
            try {
                JsonNode body = JSON.readTree(answer.body());
                harvest.collect(collection, body);
            } catch (Exception notJson) {
                // nothing to learn
            }
        }
        if (request.method().equals("GET")) {
            harvest.etag(request.rawPath(), answer.etag());
        }
    }

    private static Path writeFailures(long seed, List<FuzzClient.Answer> failing) throws Exception {
        Path directory = Path.of("target", "fuzz");
        Files.createDirectories(directory);
        Path file = directory.resolve("seed-" + seed + "-failures.txt");
        StringBuilder out = new StringBuilder();
        for (FuzzClient.Answer answer : failing) {
            out.append(answer.request().describe(200_000)).append("  faults: ")
                    .append(FuzzFindings.faultsOf(answer)).append("\n  answered: ")
                    .append(FuzzFindings.summary(answer)).append("\n\n");
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return file.toAbsolutePath();
    }

    /** Requests per status, service and kind, and the slowest answer. */
    private static final class Stats {
        final Map<Integer, Integer> byStatus = new TreeMap<>();
        final Map<String, Integer> byService = new TreeMap<>();
        final Map<String, Integer> byKind = new TreeMap<>();
        final Map<Integer, Integer> validByStatus = new TreeMap<>();
        final List<FuzzClient.Answer> failing = new ArrayList<>();
        final Map<String, Integer> unsendable = new TreeMap<>();
        long slowest;
        String slowestRequest = "";

        void count(FuzzClient.Answer answer) {
            byStatus.merge(answer.status(), 1, Integer::sum);
            byService.merge(answer.request().operation().service(), 1, Integer::sum);
            byKind.merge(answer.request().kind(), 1, Integer::sum);
            if (answer.request().kind().equals("valid")) {
                validByStatus.merge(answer.status(), 1, Integer::sum);
            }
            if (answer.millis() > slowest) {
                slowest = answer.millis();
                slowestRequest = answer.request().method() + " " + answer.request().operation().template()
                        + " [" + answer.request().kind() + "]";
            }
        }

        String report() {
            return "[fuzz] per status: " + byStatus + "\n"
                    + "[fuzz] per service: " + byService + "\n"
                    + "[fuzz] per kind: " + byKind + "\n"
                    + "[fuzz] valid requests per status: " + validByStatus + "\n"
                    + "[fuzz] not sendable by the HTTP client: " + unsendable + "; slowest answer " + slowest
                    + " ms (" + slowestRequest + ")\n";
        }
    }
}
